// What is newsworthy in the market model, read off its price paths: gaps at the regular open, big moves through
// fixed percentages, days of unusual volume, and stocks entering the top-gainers/losers scan. Pure functions of
// (seed, instrument, ET day): the same day gives the same events however and whenever it is asked for. Stocks only,
// weekdays only, measured in US regular hours (09:30-16:00 ET) against the previous day's close, whatever hours the
// gateway trades (the path model's volume and variance follow US hours either way).
import type { Instrument } from '../model/instrument';
import type { PathModel } from '../model/price-path';
import { dayOfWeek, etTime } from '../wire/tws-time';
import type { NewsEvent } from './news-model';

/** A gap at the open of at least this many % makes news. */
export const GAP_PCT = 2;
/** A move from the previous close through each of these % (up or down) makes news, once per level and day. */
export const BIG_MOVE_PCT = [4, 7, 10] as const;
/** A day whose volume reaches this multiple of the average makes news. */
export const VOLUME_SPIKE_RATIO = 1.6;
/** How many stocks the gainers and the losers scans list. */
export const SCAN_ROWS = 10;
/** The scans are looked at every this many minutes of regular hours (09:45 … 15:45). */
const SCAN_EVERY_MIN = 15;

const OPEN_MIN = 9 * 60 + 30;
const CLOSE_MIN = 16 * 60;
/** Unusual volume is reported an hour into the session. */
const VOLUME_REPORT_MIN = OPEN_MIN + 60;

/** Whether an ET day has news (weekdays: the demo's weekend sessions have no open to gap at). */
export function isNewsDay(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6;
}

function event(inst: Instrument, time: number, kind: NewsEvent['kind'], magnitude: number): NewsEvent {
  return {
    time,
    conId: inst.conId,
    symbol: inst.symbol,
    kind,
    magnitude: Math.round(magnitude * 100) / 100,
    name: inst.longName,
  };
}

/** Minute index in a day path of an ET wall-clock minute. */
function minuteIndex(t0: number, day: number, wallMinute: number): number {
  return Math.round((etTime(day, wallMinute) - t0) / 60_000);
}

/** One stock's ET day, read once: its news events, and its % change from the previous close at each scan look. */
export type StockDay = {
  readonly inst: Instrument;
  /** Gap, big-move and volume-spike events, in time order. */
  readonly events: NewsEvent[];
  /** The % change at each look of `scanLooks` (09:30 + k × SCAN_EVERY_MIN, before 16:00 ET). */
  readonly changes: Float64Array;
  /** The time of each look. */
  readonly lookTimes: readonly number[];
};

const SCAN_LOOKS: readonly number[] = Array.from(
  { length: Math.ceil((CLOSE_MIN - OPEN_MIN) / SCAN_EVERY_MIN) },
  (_, j) => OPEN_MIN + j * SCAN_EVERY_MIN,
);

/** A stock's day (≈ 0.2 ms: its minute path), or null for what has no news (not a stock, a weekend day). */
export function readStockDay(paths: PathModel, inst: Instrument, day: number): StockDay | null {
  if (inst.secType !== 'STK' || !isNewsDay(day)) return null;
  const ref = paths.dayClose(inst, day - 1);
  // A transient path: reading it leaves the model's caches (and so every other answer) as they were.
  const path = paths.dayPath(inst, day, true);
  const open = minuteIndex(path.t0, day, OPEN_MIN);
  const close = minuteIndex(path.t0, day, CLOSE_MIN);
  const at = (i: number): number => path.t0 + i * 60_000;
  const events: NewsEvent[] = [];

  const gap = ((path.p[open] as number) / ref - 1) * 100;
  if (Math.abs(gap) >= GAP_PCT) events.push(event(inst, at(open), 'gap', gap));

  const crossed = new Set<number>();
  for (let i = open; i <= close; i++) {
    const change = ((path.p[i] as number) / ref - 1) * 100;
    for (const level of BIG_MOVE_PCT) {
      const signed = change >= 0 ? level : -level;
      if (Math.abs(change) >= level && !crossed.has(signed)) {
        crossed.add(signed);
        events.push(event(inst, at(i), 'big-move', change));
      }
    }
  }

  const ratio = (path.cumVol[path.n] as number) / inst.avgVolume;
  if (ratio >= VOLUME_SPIKE_RATIO)
    events.push(event(inst, at(minuteIndex(path.t0, day, VOLUME_REPORT_MIN)), 'volume-spike', ratio));
  events.sort((a, b) => a.time - b.time);

  const changes = new Float64Array(SCAN_LOOKS.length);
  const lookTimes = SCAN_LOOKS.map((m, j) => {
    const i = minuteIndex(path.t0, day, m);
    changes[j] = ((path.p[i] as number) / ref - 1) * 100;
    return at(i);
  });
  return { inst, events, changes, lookTimes };
}

/** The gap, big-move and volume-spike events of one stock on one ET day, in time order. */
export function instrumentDayEvents(paths: PathModel, inst: Instrument, day: number): NewsEvent[] {
  return readStockDay(paths, inst, day)?.events ?? [];
}

/**
 * Stocks entering the top-gainers or top-losers scan on an ET day: at each look (every SCAN_EVERY_MIN minutes of
 * regular hours) the SCAN_ROWS largest rises and falls from the previous close, against the look before (the
 * first against the open). Needs every stock's path of the day, so it is a whole-day computation.
 */
export function scannerEntries(paths: PathModel, stocks: readonly Instrument[], day: number): NewsEvent[] {
  return scanEntries(stocks.flatMap((inst) => readStockDay(paths, inst, day) ?? []));
}

/** `scannerEntries` from the days of every stock, read before (in the universe's order). */
export function scanEntries(days: readonly StockDay[]): NewsEvent[] {
  if (days.length === 0) return [];
  const looks = SCAN_LOOKS.length;
  const times = days[0]!.lookTimes;
  const change = (k: number, j: number): number => days[k]!.changes[j] as number;
  const top = (j: number, sign: 1 | -1): Set<number> => {
    const ks = days
      .map((_, k) => k)
      .filter((k) => sign * change(k, j) > 0)
      .sort((a, b) => sign * (change(b, j) - change(a, j)) || a - b);
    return new Set(ks.slice(0, SCAN_ROWS));
  };
  const out: NewsEvent[] = [];
  for (const sign of [1, -1] as const) {
    let before = top(0, sign);
    for (let j = 1; j < looks; j++) {
      const now = top(j, sign);
      for (const k of now)
        if (!before.has(k)) out.push(event(days[k]!.inst, times[j]!, 'scanner-entry', change(k, j)));
      before = now;
    }
  }
  return out.sort((a, b) => a.time - b.time || a.conId - b.conId);
}
