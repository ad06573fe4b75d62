import { describe, expect, it } from 'vitest';
import { clickToOrder, fps, heapGrowth, longestFrame, median, percentile } from './stats';

describe('renderer bench arithmetic', () => {
  it('takes nearest-rank percentiles', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(median(v)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts frames per second from frame timestamps, and finds the longest frame', () => {
    const frames = Array.from({ length: 61 }, (_, i) => 1000 + i * (1000 / 60));
    expect(fps(frames)).toBeCloseTo(60, 6);
    frames.splice(30, 3);
    expect(fps(frames)).toBeCloseTo(57, 6);
    expect(longestFrame(frames)).toBeCloseTo(4 * (1000 / 60), 6);
    expect(fps([5])).toBe(0);
  });

  it('pairs each click with the first order after it, and counts clicks whose order never came', () => {
    const r = clickToOrder([1000, 2000, 3000, 4000], [1012, 2030.5, 4005]);
    expect(r.latencies).toEqual([12, 30.5, 5]);
    expect(r.missing).toBe(1);
    // An order stamped in the click's own millisecond (gateway rounds down) counts as 0, not as the next click's.
    expect(clickToOrder([1000.6, 1500], [1000, 1510])).toEqual({ latencies: [0, 10], missing: 0 });
  });

  it('measures heap growth from the end of the warm-up to the last sample', () => {
    const samples = [
      { at: 0, mb: 40 },
      { at: 60_000, mb: 55 },
      { at: 300_000, mb: 60 },
      { at: 600_000, mb: 58 },
      { at: 3_600_000, mb: 71.5 },
    ];
    expect(heapGrowth(samples, 300_000)).toEqual({ base: 60, last: 71.5, growth: 11.5 });
    expect(heapGrowth(samples.slice(0, 1), 300_000).growth).toBe(0);
    expect(() => heapGrowth([], 1)).toThrow();
  });
});
