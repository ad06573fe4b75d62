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

/** The gap, big-move and volume-spike events of one stock on one ET day, in time order. */
export function instrumentDayEvents(paths: PathModel, inst: Instrument, day: number): NewsEvent[] {
  if (inst.secType !== 'STK' || !isNewsDay(day)) return [];
  const ref = paths.dayClose(inst, day - 1);
  // A transient path: reading it leaves the model's caches (and so every other answer) as they were.
  const path = paths.dayPath(inst, day, true);
  const open = minuteIndex(path.t0, day, OPEN_MIN);
  const close = minuteIndex(path.t0, day, CLOSE_MIN);
  const at = (i: number): number => path.t0 + i * 60_000;
  const out: NewsEvent[] = [];

  const gap = ((path.p[open] as number) / ref - 1) * 100;
  if (Math.abs(gap) >= GAP_PCT) out.push(event(inst, at(open), 'gap', gap));

  const crossed = new Set<number>();
  for (let i = open; i <= close; i++) {
    const change = ((path.p[i] as number) / ref - 1) * 100;
    for (const level of BIG_MOVE_PCT) {
      const signed = change >= 0 ? level : -level;
      if (Math.abs(change) >= level && !crossed.has(signed)) {
        crossed.add(signed);
        out.push(event(inst, at(i), 'big-move', change));
      }
    }
  }

  const ratio = (path.cumVol[path.n] as number) / inst.avgVolume;
  if (ratio >= VOLUME_SPIKE_RATIO)
    out.push(event(inst, at(minuteIndex(path.t0, day, VOLUME_REPORT_MIN)), 'volume-spike', ratio));
  return out.sort((a, b) => a.time - b.time);
}

/**
 * Stocks entering the top-gainers or top-losers scan on an ET day: at each look (every SCAN_EVERY_MIN minutes of
 * regular hours) the SCAN_ROWS largest rises and falls from the previous close, against the look before (the
 * first against the open). Needs every stock's path of the day (≈ 80 µs each), so it is a whole-day computation.
 */
export function scannerEntries(paths: PathModel, stocks: readonly Instrument[], day: number): NewsEvent[] {
  if (!isNewsDay(day)) return [];
  const looks: number[] = [];
  for (let m = OPEN_MIN; m < CLOSE_MIN; m += SCAN_EVERY_MIN) looks.push(m);
  const list = stocks.filter((i) => i.secType === 'STK');
  // change[k * looks + j]: stock k's % change at look j.
  const change = new Float64Array(list.length * looks.length);
  const times: number[] = [];
  list.forEach((inst, k) => {
    const ref = paths.dayClose(inst, day - 1);
    const path = paths.dayPath(inst, day, true);
    looks.forEach((m, j) => {
      const i = minuteIndex(path.t0, day, m);
      if (k === 0) times[j] = path.t0 + i * 60_000;
      change[k * looks.length + j] = ((path.p[i] as number) / ref - 1) * 100;
    });
  });
  const top = (j: number, sign: 1 | -1): Set<number> => {
    const ks = list
      .map((_, k) => k)
      .filter((k) => sign * (change[k * looks.length + j] as number) > 0)
      .sort(
        (a, b) =>
          sign * ((change[b * looks.length + j] as number) - (change[a * looks.length + j] as number)) ||
          a - b,
      );
    return new Set(ks.slice(0, SCAN_ROWS));
  };
  const out: NewsEvent[] = [];
  for (const sign of [1, -1] as const) {
    let before = top(0, sign);
    for (let j = 1; j < looks.length; j++) {
      const now = top(j, sign);
      for (const k of now)
        if (!before.has(k))
          out.push(event(list[k]!, times[j]!, 'scanner-entry', change[k * looks.length + j] as number));
      before = now;
    }
  }
  return out.sort((a, b) => a.time - b.time || a.conId - b.conId);
}
