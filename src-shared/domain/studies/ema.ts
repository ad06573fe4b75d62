// Exponential moving average: seeded with the SMA of the first `period` values, then α = 2/(period+1).
import { z } from 'zod';
import { emaAlpha, SeededAverage } from './rolling';
import { defineStudy, Period, Source, sourceOf } from './study';

export const EmaParams = z.strictObject({ period: Period.default(20), source: Source.default('close') });
export type EmaParams = z.infer<typeof EmaParams>;

export const ema = defineStudy('ema', EmaParams, ['value'], (p) => {
  const avg = new SeededAverage(p.period, emaAlpha(p.period));
  const read = sourceOf(p.source);
  return { peek: (bar) => avg.peek(read(bar)), commit: (bar) => avg.commit(read(bar)) };
});
