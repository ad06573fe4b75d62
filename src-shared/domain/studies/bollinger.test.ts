import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb } from '../../../tests/support/bars';
import { AppError } from '../../result';
import type { Bar } from '../bar';
import { bollinger } from './bollinger';

/** Each window's mean and population σ by two passes over the window. */
function naiveBands(xs: readonly number[], n: number): ({ mean: number; variance: number } | null)[] {
  return xs.map((_, i) => {
    if (i < n - 1) return null;
    const w = xs.slice(i - n + 1, i + 1);
    const mean = w.reduce((s, x) => s + x, 0) / n;
    return { mean, variance: w.reduce((s, x) => s + (x - mean) ** 2, 0) / n };
  });
}

const bar = (time: number, close: number): Bar => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
});

describe('bollinger', () => {
  it('is SMA ± k·σ with the population σ (divide by n)', () => {
    // Closes 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population σ 2 (sample σ would be 2.138).
    const points = bollinger.compute(
      [2, 4, 4, 4, 5, 5, 7, 9].map((c, i) => bar(i, c)),
      { period: 8, k: 2 },
    );
    const v = points.at(-1)!.value!;
    expect(v.middle).toBeCloseTo(5, 12);
    expect(v.upper).toBeCloseTo(9, 12);
    expect(v.lower).toBeCloseTo(1, 12);
  });

  it('matches two-pass window statistics on random series', () => {
    fc.assert(
      fc.property(
        barSeriesArb(),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        (bars, period, k) => {
          const closes = bars.map((b) => b.close);
          const ref = naiveBands(closes, period);
          const scale = Math.max(1, ...closes);
          bollinger.compute(bars, { period, k }).forEach((p, i) => {
            const r = ref[i]!;
            if (r === null) return expect(p.value).toBe(null);
            const v = p.value!;
            expect(Math.abs(v.middle - r.mean)).toBeLessThanOrEqual(1e-12 * scale);
            // σ² from the band width: the running window's variance is within rounding of the two-pass one.
            const sigma = (v.upper - v.lower) / (2 * k);
            expect(Math.abs(sigma * sigma - r.variance)).toBeLessThanOrEqual(1e-11 * scale * scale);
            expect(v.upper - v.middle).toBeCloseTo(v.middle - v.lower, 9);
          });
        },
      ),
    );
  });

  it('refuses k ≤ 0 with a typed validation error', () => {
    expect(() => bollinger.create({ k: 0 })).toThrow(AppError);
    expect(() => bollinger.create({ k: -1 })).toThrow(/k \(standard deviations\) must be above 0/);
  });
});
