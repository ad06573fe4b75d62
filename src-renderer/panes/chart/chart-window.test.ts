// The chart's window over the store's bars: a new series holds the newest WINDOW_BARS, the same series keeps the
// bar it held first (and the view on it) across live bars, trims, pages of older bars and a wider window.
import { describe, expect, it } from 'vitest';
import { ceilIndex, firstShown, nextWindow, WINDOW_BARS } from './chart-window';

const bars = (n: number, first = 0) => Array.from({ length: n }, (_, i) => ({ time: (first + i) * 60 }));

describe('ceilIndex / firstShown', () => {
  it('finds the first bar at or after a time', () => {
    const b = bars(5); // 0, 60, … 240
    expect(ceilIndex(b, 60)).toBe(1);
    expect(ceilIndex(b, 61)).toBe(2);
    expect(ceilIndex(b, -5)).toBe(0);
    expect(ceilIndex(b, 999)).toBe(5);
    expect(firstShown([0, 60, 120], 60)).toBe(1);
    expect(firstShown([0, 60, 120], 61)).toBe(2);
    expect(firstShown([0, 60, 120], null)).toBe(0);
    expect(firstShown([], 5)).toBe(0);
  });
});

describe('nextWindow', () => {
  it('a new series of 20,000 bars holds only the newest WINDOW_BARS', () => {
    const b = bars(20_000);
    const { window, shift } = nextWindow(b, null, false);
    expect(window.from).toBe(20_000 - WINDOW_BARS);
    expect(window.fromTime).toBe(b[20_000 - WINDOW_BARS]!.time);
    expect(shift).toBeNull();
  });

  it('a short series is held whole', () => {
    expect(nextWindow(bars(300), null, false).window).toEqual({ from: 0, fromTime: 0 });
    expect(nextWindow([], null, false).window).toEqual({ from: 0, fromTime: null });
  });

  it('a trim of the oldest bars keeps the bar held first, and the view on it', () => {
    const before = bars(20_001);
    const held = nextWindow(before, null, false).window;
    const after = before.slice(2001); // 18,000 kept
    const next = nextWindow(after, held, true);
    expect(next.window.fromTime).toBe(held.fromTime);
    expect(after[next.window.from]!.time).toBe(held.fromTime);
    expect(next.shift).toBe(0);
  });

  it('extending takes in as many older bars again, and moves the view by as many', () => {
    const b = bars(20_000);
    const held = nextWindow(b, null, false).window;
    const wider = nextWindow(b, held, true, true);
    expect(wider.window.from).toBe(20_000 - 2 * WINDOW_BARS);
    expect(wider.shift).toBe(WINDOW_BARS);
    const widest = nextWindow(b, wider.window, true, true);
    expect(widest.window.from).toBe(20_000 - 4 * WINDOW_BARS);
    expect(widest.shift).toBe(2 * WINDOW_BARS);
    // Down to the first bar of the store, not past it.
    const all = nextWindow(b, nextWindow(b, widest.window, true, true).window, true, true);
    expect(all.window.from).toBe(0);
  });

  it('holding every bar, a page of older bars joins the window in front, the view moved past it', () => {
    const b = bars(1000, 500);
    const held = nextWindow(b, null, false).window;
    expect(held.from).toBe(0);
    const paged = [...bars(500), ...b];
    const next = nextWindow(paged, held, true);
    expect(next.window).toEqual({ from: 0, fromTime: 0 });
    expect(next.shift).toBe(500);
  });

  it('a window that did not start at the first bar does not take in a page of older bars', () => {
    const b = bars(5000, 500);
    const held = nextWindow(b, null, false).window;
    const next = nextWindow([...bars(500), ...b], held, true);
    expect(next.window.fromTime).toBe(held.fromTime);
    expect(next.shift).toBe(0);
  });

  it('another series starts over at its newest bars', () => {
    const held = nextWindow(bars(20_000), null, false).window;
    const other = bars(3000, 100_000);
    expect(nextWindow(other, held, false).window.from).toBe(3000 - WINDOW_BARS);
  });
});
