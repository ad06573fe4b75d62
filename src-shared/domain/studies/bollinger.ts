// Bollinger bands: the SMA ± k population standard deviations of the same window, as TradingView and most
// platforms draw them.
import { z } from 'zod';
import { RollingWindow } from './rolling';
import { defineStudy, Period, Source, sourceOf } from './study';

export const BollingerParams = z.strictObject({
  period: Period.default(20),
  k: z
    .number({ error: 'k must be a number' })
    .gt(0, 'k (standard deviations) must be above 0')
    .max(10, 'k must be at most 10')
    .default(2),
  source: Source.default('close'),
});
export type BollingerParams = z.infer<typeof BollingerParams>;

export type BollingerValue = { readonly middle: number; readonly upper: number; readonly lower: number };

export const bollinger = defineStudy('bollinger', BollingerParams, ['middle', 'upper', 'lower'], (p) => {
  const window = new RollingWindow(p.period - 1);
  const read = sourceOf(p.source);
  return {
    peek(bar): BollingerValue | null {
      if (!window.full) return null;
      const x = read(bar);
      const middle = window.meanWith(x);
      const width = p.k * Math.sqrt(window.varianceWith(x));
      return { middle, upper: middle + width, lower: middle - width };
    },
    commit: (bar) => window.push(read(bar)),
  };
});
