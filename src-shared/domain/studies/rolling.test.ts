import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingWindow, SeededAverage } from './rolling';

/** Two-pass mean and population variance: the reference a running window must agree with. */
function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length };
}

describe('RollingWindow', () => {
  it('gives the mean and variance of its last `capacity` values plus one, for any series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (xs, capacity, extra) => {
          const w = new RollingWindow(capacity);
          for (const x of xs) w.push(x);
          const kept = capacity === 0 ? [] : xs.slice(-capacity);
          const ref = twoPass([...kept, extra]);
          // Rounding is bounded by the values seen since the last resynchronisation: at most two windows back.
          const scale = Math.max(1, Math.abs(extra), ...xs.slice(-2 * capacity - 1).map(Math.abs));
          expect(w.count).toBe(kept.length);
          expect(Math.abs(w.meanWith(extra) - ref.mean)).toBeLessThanOrEqual(1e-12 * scale);
          expect(Math.abs(w.varianceWith(extra) - ref.variance)).toBeLessThanOrEqual(1e-12 * scale * scale);
        },
      ),
    );
  });

  it('forgets the rounding of large values once they have left the window', () => {
    // 5,000 prices near 1e6 then 5,000 near 1: a window that only added and subtracted would keep an error of
    // about 1e-10 from the large ones, as big as the small prices' own variance.
    const w = new RollingWindow(19);
    let seed = 3;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const xs: number[] = [];
    for (let i = 0; i < 5000; i++) xs.push(1e6 + next() * 1000);
    for (let i = 0; i < 5000; i++) xs.push(1 + next() * 1e-4);
    for (const x of xs) w.push(x);
    const ref = twoPass([...xs.slice(-19), 1]);
    expect(Math.abs(w.meanWith(1) - ref.mean)).toBeLessThan(1e-14);
    expect(Math.abs(w.varianceWith(1) - ref.variance) / ref.variance).toBeLessThan(1e-9);
  });
});

describe('SeededAverage', () => {
  it('starts with the mean of the first `period` values, then smooths by α', () => {
    const a = new SeededAverage(3, 0.5);
    expect(a.peek(1)).toBe(null);
    a.commit(1);
    a.commit(2);
    expect(a.peek(6)).toBe(3);
    a.commit(6);
    expect(a.peek(7)).toBe(5); // 3 + 0.5 · (7 − 3)
    expect(a.peek(1)).toBe(2); // peek leaves the state alone
  });
});
