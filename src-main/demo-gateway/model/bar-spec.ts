// reqHistoricalData's barSizeSetting and durationStr as the gateway reads them, and the limits it enforces. The bar
// sizes themselves (names, spellings, lengths) are src-shared/domain/bar.ts's; this adds how the model steps
// through them and TWS's limits.
import { BarSize as BarSizeSchema, barSizeOf, barSizeSeconds } from '../../../src-shared/domain/bar';

/** The bar sizes TWS lists as legal in its error 321 text, in its own spelling (1W, 1M). */
export const LEGAL_BAR_SIZES = BarSizeSchema.options
  .map((s) => (s === '1 week' ? '1W' : s === '1 month' ? '1M' : s))
  .join(', ');

type BarUnit = 'sec' | 'day' | 'week' | 'month';

export interface BarSize {
  readonly text: string;
  /** Length for intraday bars (sec), or the calendar unit. */
  readonly unit: BarUnit;
  /** Seconds per bar for 'sec' bars; 1 for day/week/month. */
  readonly seconds: number;
}

const CALENDAR: Partial<Record<string, BarUnit>> = { '1 day': 'day', '1 week': 'week', '1 month': 'month' };

export function parseBarSize(text: string): BarSize | undefined {
  const size = barSizeOf(text);
  if (size === undefined) return undefined;
  const unit = CALENDAR[size];
  return unit ? { text, unit, seconds: 1 } : { text, unit: 'sec', seconds: barSizeSeconds(size) };
}

export interface Duration {
  readonly count: number;
  readonly unit: 'S' | 'D' | 'W' | 'M' | 'Y';
}

export function parseDuration(text: string): Duration | undefined {
  const m = /^\s*(\d{1,7})\s*([SDWMY])\s*$/i.exec(text);
  if (!m) return undefined;
  const count = Number(m[1]);
  if (count <= 0) return undefined;
  return { count, unit: (m[2] as string).toUpperCase() as Duration['unit'] };
}

/** The longest span a duration can cover (a month as 31 days, a year as 366): what the limits compare. */
export function longestSpanSeconds(d: Duration): number {
  switch (d.unit) {
    case 'S':
      return d.count;
    case 'D':
      return d.count * 86_400;
    case 'W':
      return d.count * 7 * 86_400;
    case 'M':
      return d.count * 31 * 86_400;
    case 'Y':
      return d.count * 366 * 86_400;
  }
}

/** The longest duration the gateway serves for a bar size (beyond it: 162 "Time length exceed max."). */
export function maxDurationSeconds(bar: BarSize): number {
  if (bar.unit !== 'sec') return 40 * 366 * 86_400;
  if (bar.seconds <= 1) return 2_000;
  if (bar.seconds <= 5) return 86_400;
  if (bar.seconds <= 15) return 2 * 86_400;
  if (bar.seconds <= 30) return 7 * 86_400;
  if (bar.seconds <= 60) return 31 * 86_400;
  return 366 * 86_400;
}

/** "Small bars" in TWS's pacing rules: 30 seconds or less. */
export function isSmallBar(bar: BarSize): boolean {
  return bar.unit === 'sec' && bar.seconds <= 30;
}
