// Average true range, Wilder's: the first value is the mean of the first `period` true ranges (the first bar's is
// its high − low), then smoothed with α = 1/period.
import { z } from 'zod';
import type { Bar } from '../bar';
import { SeededAverage, wilderAlpha } from './rolling';
import { defineStudy, Period } from './study';

export const AtrParams = z.strictObject({ period: Period.default(14) });
export type AtrParams = z.infer<typeof AtrParams>;

function trueRange(bar: Bar, previousClose: number | null): number {
  const range = bar.high - bar.low;
  if (previousClose === null) return range;
  return Math.max(range, Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose));
}

export const atr = defineStudy('atr', AtrParams, ['value'], (p) => {
  const avg = new SeededAverage(p.period, wilderAlpha(p.period));
  let previousClose: number | null = null;
  return {
    peek: (bar) => avg.peek(trueRange(bar, previousClose)),
    commit(bar) {
      avg.commit(trueRange(bar, previousClose));
      previousClose = bar.close;
    },
  };
});
