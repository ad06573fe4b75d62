// Parsing of reqHistoricalData's barSizeSetting and durationStr, with the limits the gateway enforces.

/** The bar sizes TWS lists as legal, in its own spelling. */
export const LEGAL_BAR_SIZES =
  '1 secs, 5 secs, 10 secs, 15 secs, 30 secs, 1 min, 2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 20 mins, 30 mins, ' +
  '1 hour, 2 hours, 3 hours, 4 hours, 8 hours, 1 day, 1W, 1M';

export type BarUnit = 'sec' | 'day' | 'week' | 'month';

export interface BarSize {
  readonly text: string;
  /** Length for intraday bars (sec), or the calendar unit. */
  readonly unit: BarUnit;
  /** Seconds per bar for 'sec' bars; 1 for day/week/month. */
  readonly seconds: number;
}

const SECONDS: Record<string, number> = {
  '1 sec': 1,
  '1 secs': 1,
  '5 secs': 5,
  '10 secs': 10,
  '15 secs': 15,
  '30 secs': 30,
  '1 min': 60,
  '1 mins': 60,
  '2 mins': 120,
  '3 mins': 180,
  '5 mins': 300,
  '10 mins': 600,
  '15 mins': 900,
  '20 mins': 1200,
  '30 mins': 1800,
  '1 hour': 3600,
  '1 hours': 3600,
  '2 hours': 7200,
  '3 hours': 10800,
  '4 hours': 14400,
  '8 hours': 28800,
};

export function parseBarSize(text: string): BarSize | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const s = SECONDS[t];
  if (s !== undefined) return { text, unit: 'sec', seconds: s };
  if (t === '1 day' || t === '1 days' || t === '1d') return { text, unit: 'day', seconds: 1 };
  if (t === '1 week' || t === '1w' || t === '1 weeks') return { text, unit: 'week', seconds: 1 };
  if (t === '1 month' || t === '1m' || t === '1 months') return { text, unit: 'month', seconds: 1 };
  return undefined;
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

/** Approximate length of a duration in seconds (for limits). */
export function durationSeconds(d: Duration): number {
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
