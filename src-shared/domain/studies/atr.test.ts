import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries, column } from '../../../tests/support/bars';
import type { Bar } from '../bar';
import { atr } from './atr';

/** Wilder's ATR as written in New Concepts (1978): true ranges, their mean for the first n, then (prev·(n−1) + TR)/n. */
function naiveAtr(bars: readonly Bar[], n: number): (number | null)[] {
  const tr = bars.map((b, i) => {
    if (i === 0) return b.high - b.low;
    const pc = bars[i - 1]!.close;
    return Math.max(b.high - b.low, Math.abs(b.high - pc), Math.abs(b.low - pc));
  });
  const out: (number | null)[] = bars.map(() => null);
  if (bars.length < n) return out;
  let a = tr.slice(0, n).reduce((s, x) => s + x, 0) / n;
  out[n - 1] = a;
  for (let i = n; i < bars.length; i++) out[i] = a = (a * (n - 1) + tr[i]!) / n;
  return out;
}

describe('atr (Wilder)', () => {
  it('matches the textbook computation on random series', () => {
    fc.assert(
      fc.property(barSeriesArb(), fc.integer({ min: 1, max: 30 }), (bars, period) => {
        expect(closeSeries(column(atr.compute(bars, { period })), naiveAtr(bars, period))).toBe(null);
      }),
    );
  });

  it('takes a gap from the previous close as range', () => {
    const bars: Bar[] = [
      { time: 0, open: 10, high: 11, low: 9, close: 10, volume: 1 }, // TR 2
      { time: 1, open: 14, high: 15, low: 14, close: 15, volume: 1 }, // gap up: TR = 15 − 10 = 5
    ];
    expect(column(atr.compute(bars, { period: 2 }))).toEqual([null, 3.5]);
  });
});
