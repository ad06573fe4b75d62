// Simple moving average: the mean of the last `period` values of a bar's price.
import { z } from 'zod';
import type { Bar } from '../bar';
import { RollingWindow } from './rolling';
import { defineStudy, Period, Source, sourceOf, type Kernel } from './study';

export const SmaParams = z.strictObject({ period: Period.default(20), source: Source.default('close') });
export type SmaParams = z.infer<typeof SmaParams>;

/** The window keeps the last period−1 closed values; the live bar is the period-th. */
export function smaKernel(period: number, read: (bar: Bar) => number): Kernel<number> {
  const window = new RollingWindow(period - 1);
  return {
    peek: (bar) => (window.full ? window.meanWith(read(bar)) : null),
    commit: (bar) => window.push(read(bar)),
  };
}

export const sma = defineStudy('sma', SmaParams, ['value'], (p) => smaKernel(p.period, sourceOf(p.source)));
