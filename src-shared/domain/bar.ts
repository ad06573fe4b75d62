// Price bars, TWS bar sizes and durations, and the pure arithmetic over them.
import { z } from 'zod';

const BarSizes = [
  '1 secs',
  '5 secs',
  '10 secs',
  '15 secs',
  '30 secs',
  '1 min',
  '2 mins',
  '3 mins',
  '5 mins',
  '10 mins',
  '15 mins',
  '20 mins',
  '30 mins',
  '1 hour',
  '2 hours',
  '3 hours',
  '4 hours',
  '8 hours',
  '1 day',
  '1 week',
  '1 month',
] as const;
export const BarSize = z.enum(BarSizes);
export type BarSize = z.infer<typeof BarSize>;

export const WhatToShow = z.enum(['TRADES', 'MIDPOINT', 'BID', 'ASK', 'BID_ASK']);
export type WhatToShow = z.infer<typeof WhatToShow>;

/** A TWS duration string: an integer and a unit, S(econds) D(ays) W(eeks) M(onths) Y(ears). */
export const Duration = z
  .string()
  .regex(/^[1-9]\d{0,5} [SDWMY]$/, 'duration must look like "1 D", "30 S", "2 W", "6 M" or "1 Y"');
export type Duration = z.infer<typeof Duration>;

export const Bar = z.object({
  /** Bar start, unix seconds (UTC). */
  time: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
  wap: z.number().optional(),
  count: z.number().int().optional(),
});
export type Bar = z.infer<typeof Bar>;

const SECONDS: Record<BarSize, number> = {
  '1 secs': 1,
  '5 secs': 5,
  '10 secs': 10,
  '15 secs': 15,
  '30 secs': 30,
  '1 min': 60,
  '2 mins': 120,
  '3 mins': 180,
  '5 mins': 300,
  '10 mins': 600,
  '15 mins': 900,
  '20 mins': 1200,
  '30 mins': 1800,
  '1 hour': 3600,
  '2 hours': 7200,
  '3 hours': 10800,
  '4 hours': 14400,
  '8 hours': 28800,
  '1 day': 86400,
  '1 week': 604800,
  '1 month': 2592000,
};

/** Nominal length of a bar in seconds (a month counts as 30 days). */
export function barSizeSeconds(size: BarSize): number {
  return SECONDS[size];
}

/** The other spellings TWS accepts in a barSizeSetting, and the bar size each names. */
const OTHER_SPELLINGS: Record<string, BarSize> = {
  '1 sec': '1 secs',
  '1 mins': '1 min',
  '1 hours': '1 hour',
  '1 days': '1 day',
  '1d': '1 day',
  '1 weeks': '1 week',
  '1w': '1 week',
  '1 months': '1 month',
  '1m': '1 month',
};

/** The bar size a barSizeSetting names, in any spelling TWS accepts (any case and spacing); undefined for none. */
export function barSizeOf(text: string): BarSize | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (BarSizes as readonly string[]).includes(t) ? (t as BarSize) : OTHER_SPELLINGS[t];
}

const UNIT_SECONDS = { S: 1, D: 86400, W: 604800, M: 2592000, Y: 31536000 } as const;

/** Nominal length of a duration in seconds (M = 30 days, Y = 365 days). */
export function durationSeconds(duration: Duration): number {
  const [n, unit] = duration.split(' ') as [string, keyof typeof UNIT_SECONDS];
  return Number(n) * UNIT_SECONDS[unit];
}

/** TWS duration text covering a span in seconds: seconds below a day, whole days up to a year, then years. */
export function durationFor(seconds: number): Duration {
  if (seconds < 86_400) return `${Math.max(30, Math.ceil(seconds))} S` as Duration;
  if (seconds <= 365 * 86_400) return `${Math.ceil(seconds / 86_400)} D` as Duration;
  return `${Math.ceil(seconds / (365 * 86_400))} Y` as Duration;
}

/** Merges a live update into a series: replaces the last bar when it has the same start, else appends. */
export function mergeBar(series: readonly Bar[], bar: Bar): Bar[] {
  const last = series[series.length - 1];
  if (last && last.time === bar.time) return [...series.slice(0, -1), bar];
  if (last && last.time > bar.time) return [...series];
  return [...series, bar];
}
