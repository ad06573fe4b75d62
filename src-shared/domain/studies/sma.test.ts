import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries, column, flatBar } from '../../../tests/support/bars';
import { AppError } from '../../result';
import { sma } from './sma';

/** The definition, O(n·period): the mean of each full window. */
function naiveSma(xs: readonly number[], n: number): (number | null)[] {
  return xs.map((_, i) => {
    if (i < n - 1) return null;
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += xs[j]!;
    return sum / n;
  });
}

const bar = flatBar;

describe('sma', () => {
  it('is the mean of the last `period` closes, null before the window is full', () => {
    const series = sma.compute(
      [1, 2, 3, 4, 5].map((c, i) => bar(i * 60, c)),
      { period: 3 },
    );
    expect(series.times).toEqual(Float64Array.from([0, 60, 120, 180, 240]));
    expect(column(series)).toEqual([null, null, 2, 3, 4]);
  });

  it('matches the naive window mean on random series, for every source', () => {
    fc.assert(
      fc.property(barSeriesArb(), fc.integer({ min: 1, max: 30 }), (bars, period) => {
        const closes = bars.map((b) => b.close);
        expect(closeSeries(column(sma.compute(bars, { period })), naiveSma(closes, period))).toBe(null);
        const hl2 = bars.map((b) => (b.high + b.low) / 2);
        const got = column(sma.compute(bars, { period, source: 'hl2' }));
        expect(closeSeries(got, naiveSma(hl2, period))).toBe(null);
      }),
    );
  });

  it('refuses a period of 0, a fraction or a text with a typed validation error', () => {
    for (const period of [0, 2.5, -3, 'x' as unknown as number, 20_000]) {
      const err = (() => {
        try {
          sma.create({ period });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
      expect((err as AppError).issues?.[0]?.path).toBe('period');
    }
  });
});
