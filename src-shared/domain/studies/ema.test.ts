import { describe, expect, it } from 'vitest';
import { agreesWithReference, column, flatBar } from '../../../tests/support/bars';
import { naiveEma } from '../../../tests/support/study-references';
import { ema } from './ema';

const bar = flatBar;

describe('ema', () => {
  it("reproduces StockCharts' 10-day EMA table", () => {
    // StockCharts ChartSchool, "Moving Averages - Simple and Exponential", the 10-day EMA spreadsheet
    // (cs-movavg.xls): 30 closes; the EMA starts at the 10th with the 10-day SMA (22.22). Printed to 2 decimals.
    const closes = [
      22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61, 23.36,
      24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.1, 23.33, 22.68, 23.1, 22.4, 22.17,
    ];
    const published = [
      22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.8, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.53, 23.47,
      23.4, 23.39, 23.26, 23.23, 23.08, 22.92,
    ];
    const got = column(
      ema.compute(
        closes.map((c, i) => bar(i * 86_400, c)),
        { period: 10 },
      ),
    );
    expect(got.slice(0, 9)).toEqual(Array(9).fill(null));
    got.slice(9).forEach((v, i) => expect(Math.abs(v! - published[i]!)).toBeLessThanOrEqual(0.005 + 1e-9));
  });

  it('matches the textbook recurrence on random series', () => {
    agreesWithReference(ema.compute, naiveEma);
  });

  it('with period 1 is the price itself', () => {
    expect(column(ema.compute([bar(0, 5), bar(1, 7)], { period: 1 }))).toEqual([5, 7]);
  });
});
