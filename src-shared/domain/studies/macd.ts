// MACD: fast EMA − slow EMA (the MACD line), an EMA of that line (the signal) and their difference (histogram).
// The signal starts with the first MACD value, so it is warm `slow + signal − 2` bars after the first.
import { z } from 'zod';
import { emaAlpha, SeededAverage } from './rolling';
import { defineStudy, Period, Source, sourceOf } from './study';

export const MacdParams = z
  .strictObject({
    fast: Period.default(12),
    slow: Period.default(26),
    signal: Period.default(9),
    source: Source.default('close'),
  })
  .refine((p) => p.fast < p.slow, {
    message: 'the fast period must be shorter than the slow one',
    path: ['fast'],
  });
export type MacdParams = z.infer<typeof MacdParams>;

/** `signal` and `histogram` are null while the signal EMA warms up on the MACD line. */
export type MacdValue = {
  readonly macd: number;
  readonly signal: number | null;
  readonly histogram: number | null;
};

export const macd = defineStudy('macd', MacdParams, ['macd', 'signal', 'histogram'], (p) => {
  const fast = new SeededAverage(p.fast, emaAlpha(p.fast));
  const slow = new SeededAverage(p.slow, emaAlpha(p.slow));
  const signal = new SeededAverage(p.signal, emaAlpha(p.signal));
  const read = sourceOf(p.source);
  const line = (x: number): number | null => {
    const f = fast.peek(x);
    const s = slow.peek(x);
    return f === null || s === null ? null : f - s;
  };
  return {
    peek(bar): MacdValue | null {
      const m = line(read(bar));
      if (m === null) return null;
      const sig = signal.peek(m);
      return { macd: m, signal: sig, histogram: sig === null ? null : m - sig };
    },
    commit(bar) {
      const x = read(bar);
      const m = line(x);
      fast.commit(x);
      slow.commit(x);
      if (m !== null) signal.commit(m);
    },
  };
});
