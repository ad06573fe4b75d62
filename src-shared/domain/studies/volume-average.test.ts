import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries, column } from '../../../tests/support/bars';
import { volumeAverage } from './volume-average';

describe('volume average', () => {
  it('is the mean volume of the last `period` bars', () => {
    fc.assert(
      fc.property(barSeriesArb(), fc.integer({ min: 1, max: 30 }), (bars, period) => {
        const ref = bars.map((_, i) =>
          i < period - 1
            ? null
            : bars.slice(i - period + 1, i + 1).reduce((s, b) => s + b.volume, 0) / period,
        );
        expect(closeSeries(column(volumeAverage.compute(bars, { period })), ref)).toBe(null);
      }),
    );
  });
});
