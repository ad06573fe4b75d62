import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries } from '../../../tests/support/bars';
import { naiveEma } from '../../../tests/support/study-references';
import { AppError } from '../../result';
import { macd } from './macd';

describe('macd', () => {
  it('is fast EMA − slow EMA, its signal EMA and the difference, on random series', () => {
    fc.assert(
      fc.property(
        barSeriesArb(),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 12 }),
        (bars, fast, extra, signal) => {
          const slow = fast + extra;
          const closes = bars.map((b) => b.close);
          const f = naiveEma(closes, fast);
          const s = naiveEma(closes, slow);
          const line = closes.map((_, i) => (s[i] === null ? null : f[i]! - s[i]!));
          const sig = naiveEma(line, signal);
          const hist = line.map((m, i) => (sig[i] === null ? null : m! - sig[i]!));
          const got = macd.compute(bars, { fast, slow, signal }).map((p) => p.value);
          // Tolerance relative to the prices: the MACD line is a small difference of two large averages.
          const scale = Math.max(1, ...closes);
          expect(
            closeSeries(
              got.map((v) => (v === null ? null : v.macd / scale)),
              line.map((m) => (m === null ? null : m / scale)),
            ),
          ).toBe(null);
          expect(
            closeSeries(
              got.map((v) => ((v?.signal ?? null) === null ? null : v!.signal! / scale)),
              sig.map((m) => (m === null ? null : m / scale)),
            ),
          ).toBe(null);
          expect(
            closeSeries(
              got.map((v) => ((v?.histogram ?? null) === null ? null : v!.histogram! / scale)),
              hist.map((m) => (m === null ? null : m / scale)),
            ),
          ).toBe(null);
        },
      ),
    );
  });

  it('starts the line at bar slow−1 and the signal signal−1 bars later', () => {
    const bars = Array.from({ length: 40 }, (_, i) => ({
      time: i,
      open: 10,
      high: 11,
      low: 9,
      close: 10 + Math.sin(i),
      volume: 1,
    }));
    const values = macd.compute(bars).map((p) => p.value);
    expect(values.findIndex((v) => v !== null)).toBe(25);
    expect(values.findIndex((v) => v?.signal != null)).toBe(33);
  });

  it('refuses a fast period that is not shorter than the slow one', () => {
    expect(() => macd.create({ fast: 26, slow: 26 })).toThrow(AppError);
    expect(() => macd.create({ fast: 30, slow: 26 })).toThrow(/fast period must be shorter/);
  });
});
