import { describe, expect, it } from 'vitest';
import { agreesWithReference, column, flatBar } from '../../../tests/support/bars';
import { rsi } from './rsi';

/** Wilder's RSI as the textbook states it, with plain arrays of gains and losses. */
function naiveRsi(closes: readonly number[], n: number): (number | null)[] {
  const out: (number | null)[] = closes.map(() => null);
  if (closes.length <= n) return out;
  const gains: number[] = [];
  const losses: number[] = [];
  for (let i = 1; i < closes.length; i++) {
    const d = closes[i]! - closes[i - 1]!;
    gains.push(d > 0 ? d : 0);
    losses.push(d < 0 ? -d : 0);
  }
  let g = gains.slice(0, n).reduce((s, x) => s + x, 0) / n;
  let l = losses.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const value = () => (l === 0 ? 100 : g === 0 ? 0 : 100 - 100 / (1 + g / l));
  out[n] = value();
  for (let i = n + 1; i < closes.length; i++) {
    g = (g * (n - 1) + gains[i - 1]!) / n;
    l = (l * (n - 1) + losses[i - 1]!) / n;
    out[i] = value();
  }
  return out;
}

const bar = flatBar;

describe('rsi (Wilder)', () => {
  // StockCharts ChartSchool, "Relative Strength Index (RSI)", the 14-day worked example (cs-rsi.xls): the closes
  // as printed (2 decimals) and the RSI column. The sheet computes from closes with more decimals than it prints,
  // so values recomputed from the printed closes differ by less than 0.1.
  const closes = [
    44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28,
    46.0, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57,
    43.42, 42.66, 43.13,
  ];
  const published = [
    70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87,
    45.46, 37.3, 33.08, 37.77,
  ];

  it("follows StockCharts' published RSI(14) table", () => {
    const got = column(
      rsi.compute(
        closes.map((c, i) => bar(i * 86_400, c)),
        { period: 14 },
      ),
    );
    expect(got.slice(0, 14)).toEqual(Array(14).fill(null));
    got.slice(14).forEach((v, i) => expect(Math.abs(v! - published[i]!)).toBeLessThan(0.1));
    // By hand from the printed closes: the first 14 changes gain 3.34 and lose 1.40 in all, so
    // RS = 3.34 / 1.40 and RSI = 100 − 100 / (1 + RS) = 70.4641.
    expect(got[14]).toBeCloseTo(100 - 100 / (1 + 3.34 / 1.4), 9);
  });

  it('matches the textbook computation on random series', () => {
    agreesWithReference(rsi.compute, naiveRsi);
  });

  it('reads 0 after a fall too small to survive value + α(x − value) (fast-check found it at period 1)', () => {
    const closes = [3.000000000000004, 1.0000000000000033, 1.000000000000003];
    const got = column(
      rsi.compute(
        closes.map((c, i) => bar(i * 60, c)),
        { period: 1 },
      ),
    );
    expect(got).toEqual([null, 0, 0]);
  });

  it('reads 100 when nothing fell, 0 when nothing rose', () => {
    const up = rsi.compute(
      [1, 2, 3, 4].map((c, i) => bar(i, c)),
      { period: 3 },
    );
    const down = rsi.compute(
      [4, 3, 2, 1].map((c, i) => bar(i, c)),
      { period: 3 },
    );
    expect(column(up).at(-1)).toBe(100);
    expect(column(down).at(-1)).toBe(0);
  });
});
