// Relative strength index, Wilder's: average gain and loss of the close-to-close changes, each seeded with the
// mean of the first `period` changes and then smoothed with α = 1/period; the first value is at bar `period`.
import { z } from 'zod';
import { SeededAverage, wilderAlpha } from './rolling';
import { defineStudy, Period, Source, sourceOf } from './study';

export const RsiParams = z.strictObject({ period: Period.default(14), source: Source.default('close') });
export type RsiParams = z.infer<typeof RsiParams>;

/** A flat window (no loss) reads 100, as TradingView's ta.rsi does. */
function rsiOf(avgGain: number, avgLoss: number): number {
  if (avgLoss === 0) return 100;
  if (avgGain === 0) return 0;
  return 100 - 100 / (1 + avgGain / avgLoss);
}

export const rsi = defineStudy('rsi', RsiParams, ['value'], (p) => {
  const gains = new SeededAverage(p.period, wilderAlpha(p.period));
  const losses = new SeededAverage(p.period, wilderAlpha(p.period));
  const read = sourceOf(p.source);
  let previous: number | null = null;
  return {
    peek(bar) {
      if (previous === null) return null;
      const change = read(bar) - previous;
      const gain = gains.peek(Math.max(change, 0));
      const loss = losses.peek(Math.max(-change, 0));
      return gain === null || loss === null ? null : rsiOf(gain, loss);
    },
    commit(bar) {
      const x = read(bar);
      if (previous !== null) {
        gains.commit(Math.max(x - previous, 0));
        losses.commit(Math.max(previous - x, 0));
      }
      previous = x;
    },
  };
});
