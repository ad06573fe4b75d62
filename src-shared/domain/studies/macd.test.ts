import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries, column } from '../../../tests/support/bars';
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
          const got = macd.compute(bars, { fast, slow, signal });
          // Tolerance relative to the prices: the MACD line is a small difference of two large averages.
          const scale = Math.max(1, ...closes);
          expect(closeSeries(column(got, 'macd'), line, 1e-9, scale)).toBe(null);
          expect(closeSeries(column(got, 'signal'), sig, 1e-9, scale)).toBe(null);
          expect(closeSeries(column(got, 'histogram'), hist, 1e-9, scale)).toBe(null);
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
    const series = macd.compute(bars);
    expect(column(series, 'macd').findIndex((v) => v !== null)).toBe(25);
    expect(column(series, 'signal').findIndex((v) => v !== null)).toBe(33);
    expect(column(series, 'histogram').findIndex((v) => v !== null)).toBe(33);
  });

  it('refuses a fast period that is not shorter than the slow one', () => {
    expect(() => macd.create({ fast: 26, slow: 26 })).toThrow(AppError);
    expect(() => macd.create({ fast: 30, slow: 26 })).toThrow(/fast period must be shorter/);
  });
});
