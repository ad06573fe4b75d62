import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, column, flatBar } from '../../../tests/support/bars';
import { AppError } from '../../result';
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

const bar = flatBar;

describe('bollinger', () => {
  it('is SMA ± k·σ with the population σ (divide by n)', () => {
    // Closes 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population σ 2 (sample σ would be 2.138).
    const series = bollinger.compute(
      [2, 4, 4, 4, 5, 5, 7, 9].map((c, i) => bar(i, c)),
      { period: 8, k: 2 },
    );
    expect(series.lines.middle![7]).toBeCloseTo(5, 12);
    expect(series.lines.upper![7]).toBeCloseTo(9, 12);
    expect(series.lines.lower![7]).toBeCloseTo(1, 12);
    expect(column(series, 'upper').slice(0, 7)).toEqual(Array(7).fill(null));
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
          const series = bollinger.compute(bars, { period, k });
          const [middle, upper, lower] = (['middle', 'upper', 'lower'] as const).map((l) =>
            column(series, l),
          );
          ref.forEach((r, i) => {
            if (r === null) return expect([middle![i], upper![i], lower![i]]).toEqual([null, null, null]);
            expect(Math.abs(middle![i]! - r.mean)).toBeLessThanOrEqual(1e-12 * scale);
            // σ² from the band width: the running window's variance is within rounding of the two-pass one.
            const sigma = (upper![i]! - lower![i]!) / (2 * k);
            expect(Math.abs(sigma * sigma - r.variance)).toBeLessThanOrEqual(1e-11 * scale * scale);
            expect(upper![i]! - middle![i]!).toBeCloseTo(middle![i]! - lower![i]!, 9);
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
