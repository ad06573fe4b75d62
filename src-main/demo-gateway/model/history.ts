// Historical bars as views of the price paths: any interval [t0, t1) is aggregated from whole minutes of the day
// paths and, at its ragged edges, from the seconds inside a minute. Bars therefore agree across bar sizes, and a bar
// that ends "now" closes exactly at the live quote.
import type { Instrument } from './instrument';
import type { Market } from './market';
import type { BarSize, Duration } from './bar-spec';
import { EPOCH_DAY } from './price-path';
import type { DayPath } from './price-path';
import { etDay, etMidnight, dayOfWeek } from '../wire/tws-time';

export type WhatToShow = 'TRADES' | 'MIDPOINT' | 'BID' | 'ASK' | 'BID_ASK';
export const WHAT_TO_SHOW: readonly WhatToShow[] = ['TRADES', 'MIDPOINT', 'BID', 'ASK', 'BID_ASK'];

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Bars as parallel arrays (a 30-day 1-minute request is 43 200 bars). */
export interface Bars {
  /** Bar start (UTC ms), or for daily and longer bars the trade date (ET day number). */
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
  wap: number[];
  count: number[];
  /** True for daily/weekly/monthly bars (dates, not times). */
  daily: boolean;
}

function emptyBars(daily: boolean): Bars {
  return { time: [], open: [], high: [], low: [], close: [], volume: [], wap: [], count: [], daily };
}

/** Running aggregate of one bar. */
class Agg {
  o = 0;
  h = -Infinity;
  l = Infinity;
  c = 0;
  v = 0;
  n = 0;
  pv = 0;
  has = false;

  reset(): void {
    this.o = 0;
    this.h = -Infinity;
    this.l = Infinity;
    this.c = 0;
    this.v = 0;
    this.n = 0;
    this.pv = 0;
    this.has = false;
  }

  add(o: number, h: number, l: number, c: number, v: number, tradeSize: number): void {
    if (!this.has) {
      this.o = o;
      this.has = true;
    }
    if (h > this.h) this.h = h;
    if (l < this.l) this.l = l;
    this.c = c;
    this.v += v;
    this.n += Math.ceil(v / tradeSize);
    this.pv += ((h + l + c) / 3) * v;
  }
}

interface SessionSummary {
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  n: number;
  pv: number;
}

export class HistoryEngine {
  private readonly agg = new Agg();
  /** The day path in use by the current request (transient paths are not in the model's cache). */
  private memo: DayPath | undefined;
  /** Aggregates of whole past sessions, so repeated daily requests do not regenerate a year of minutes. */
  private readonly sessions = new Map<number, SessionSummary>();

  constructor(private readonly market: Market) {}

  /** Start of the requested span ending at `end` (UTC ms), clamped to the first day of generated history. */
  startOf(inst: Instrument, end: number, duration: Duration, useRth: boolean): number {
    const floor = etMidnight(EPOCH_DAY);
    let start: number;
    switch (duration.unit) {
      case 'S':
        start = end - duration.count * 1000;
        break;
      case 'D': {
        // N sessions back, the current one included.
        const cal = this.market.calendar;
        let d = etDay(end) + 1;
        let found = 0;
        start = end;
        for (let guard = 0; found < duration.count && guard < duration.count * 3 + 14; guard++, d--) {
          const s = cal.session(inst, d);
          if (!s) continue;
          const open = useRth ? s.rthStart : s.start;
          if (open >= end) continue;
          start = open;
          found++;
        }
        break;
      }
      case 'W':
        start = end - duration.count * 7 * DAY;
        break;
      case 'M':
      case 'Y': {
        const t = new Date(end);
        if (duration.unit === 'M') t.setUTCMonth(t.getUTCMonth() - duration.count);
        else t.setUTCFullYear(t.getUTCFullYear() - duration.count);
        start = t.getTime();
        break;
      }
    }
    return Math.max(start, floor);
  }

  /** The bars of [start, end) for a bar size, only inside sessions (regular hours when useRth). */
  bars(inst: Instrument, start: number, end: number, bar: BarSize, useRth: boolean, what: WhatToShow): Bars {
    const transient = end - start > 32 * DAY;
    this.memo = undefined;
    const out = emptyBars(bar.unit !== 'sec');
    const cal = this.market.calendar;
    const a = this.agg;
    const push = (label: number): void => {
      if (!a.has) return;
      out.time.push(label);
      this.emit(inst, out, what);
    };
    if (bar.unit === 'sec') {
      const barMs = bar.seconds * 1000;
      for (let d = etDay(start) - 1; d <= etDay(end) + 1; d++) {
        const s = cal.session(inst, d);
        if (!s) continue;
        const open = useRth ? s.rthStart : s.start;
        const ws = Math.max(start, open);
        const we = Math.min(end, useRth ? s.rthEnd : s.end);
        if (ws >= we) continue;
        const mid = etMidnight(etDay(ws));
        for (let b = mid + Math.floor((ws - mid) / barMs) * barMs; b < we; b += barMs) {
          // Bars sit on bar-size boundaries, as TWS's do: a request that starts mid-bar gets that whole bar; only
          // a session open (09:30 for 1-hour bars) starts a bar off the boundary.
          const a0 = Math.max(b, open);
          const a1 = Math.min(b + barMs, we);
          a.reset();
          this.aggregate(inst, a0, a1, transient);
          push(a0);
        }
      }
      return out;
    }
    // Daily and longer: one aggregate per session, grouped by week or month.
    let groupKey = -1;
    let groupLabel = 0;
    a.reset();
    for (let d = etDay(start); d <= etDay(end) + 1; d++) {
      const s = cal.session(inst, d);
      if (!s) continue;
      const ws = Math.max(start, useRth ? s.rthStart : s.start);
      const we = Math.min(end, useRth ? s.rthEnd : s.end);
      if (ws >= we) continue;
      const key = bar.unit === 'day' ? d : bar.unit === 'week' ? d - ((dayOfWeek(d) + 6) % 7) : monthKey(d);
      if (key !== groupKey) {
        push(groupLabel);
        a.reset();
        groupKey = key;
        groupLabel = d;
      }
      const whole = ws === (useRth ? s.rthStart : s.start) && we === (useRth ? s.rthEnd : s.end);
      if (whole) this.aggregateSession(inst, d, useRth, ws, we, transient);
      else this.aggregate(inst, ws, we, transient);
    }
    push(groupLabel);
    this.memo = undefined;
    return out;
  }

  /** A whole past session, from the summary cache when it has been seen before. */
  private aggregateSession(
    inst: Instrument,
    day: number,
    useRth: boolean,
    ws: number,
    we: number,
    transient: boolean,
  ): void {
    const key = (inst.index * 40_000 + (day - EPOCH_DAY + 1000)) * 2 + (useRth ? 1 : 0);
    const hit = this.sessions.get(key);
    const a = this.agg;
    if (hit) {
      if (!a.has) {
        a.o = hit.o;
        a.has = true;
      }
      if (hit.h > a.h) a.h = hit.h;
      if (hit.l < a.l) a.l = hit.l;
      a.c = hit.c;
      a.v += hit.v;
      a.n += hit.n;
      a.pv += hit.pv;
      return;
    }
    const before = { has: a.has, o: a.o, h: a.h, l: a.l, v: a.v, n: a.n, pv: a.pv };
    a.reset();
    this.aggregate(inst, ws, we, transient);
    const summary: SessionSummary = { o: a.o, h: a.h, l: a.l, c: a.c, v: a.v, n: a.n, pv: a.pv };
    if (this.sessions.size > 200_000) this.sessions.clear();
    this.sessions.set(key, summary);
    // Merge the session into what the group had before it.
    if (before.has) {
      a.o = before.o;
      a.h = Math.max(a.h, before.h);
      a.l = Math.min(a.l, before.l);
      a.v += before.v;
      a.n += before.n;
      a.pv += before.pv;
    }
  }

  /** Adds the market of [t0, t1) to the running aggregate. */
  private aggregate(inst: Instrument, t0: number, t1: number, transient: boolean): void {
    const m = this.market;
    const a = this.agg;
    const ts = inst.avgTradeSize;
    let cur = t0;
    let path = this.memo;
    let pathEnd = path ? path.t0 + path.n * MINUTE : 0;
    while (cur < t1) {
      if (!path || cur >= pathEnd || cur < path.t0) {
        path = m.paths.dayPath(inst, m.etDayOf(cur), transient);
        pathEnd = path.t0 + path.n * MINUTE;
        this.memo = path;
      }
      const segEnd = t1 < pathEnd ? t1 : pathEnd;
      let i = Math.floor((cur - path.t0) / MINUTE);
      const p = path.p;
      const hi = path.hi;
      const lo = path.lo;
      const vol = path.vol;
      while (cur < segEnd) {
        const ms = path.t0 + i * MINUTE;
        const me = ms + MINUTE;
        if (cur === ms && me <= segEnd) {
          a.add(p[i] as number, hi[i] as number, lo[i] as number, p[i + 1] as number, vol[i] as number, ts);
          cur = me;
        } else {
          const stop = me < segEnd ? me : segEnd;
          const sp = m.paths.secondPath(inst, path, i);
          const from = (cur - ms) / 1000;
          const to = (stop - ms) / 1000;
          const o = at(sp.p, from);
          const c = at(sp.p, to);
          let h = o > c ? o : c;
          let l = o > c ? c : o;
          for (let k = Math.floor(from) + 1; k < to; k++) {
            const x = sp.p[k] as number;
            if (x > h) h = x;
            if (x < l) l = x;
          }
          const v = Math.floor((vol[i] as number) * (at(sp.cumW, to) - at(sp.cumW, from)));
          a.add(o, h, l, c, v, ts);
          cur = stop;
        }
        i++;
      }
    }
  }

  private emit(inst: Instrument, out: Bars, what: WhatToShow): void {
    const a = this.agg;
    const tick = inst.minTick;
    // Prices on the tick grid, with float noise rounded away (as Market.roundPrice; inlined: 43 200 bars a request).
    const r = (x: number): number => Math.round(Math.round(x / tick) * tick * 1e8) / 1e8;
    if (what === 'TRADES' || what === 'MIDPOINT') {
      out.open.push(r(a.o));
      out.high.push(r(a.h));
      out.low.push(r(a.l));
      out.close.push(r(a.c));
    } else {
      const rel = inst.secType === 'STK' ? 0.00003 : inst.secType === 'CASH' ? 0.00008 : 0;
      const half = tick * Math.max(1, Math.round((a.c * rel) / tick)) * 0.5;
      if (what === 'BID' || what === 'ASK') {
        const k = what === 'BID' ? -half : half;
        out.open.push(r(a.o + k));
        out.high.push(r(a.h + k));
        out.low.push(r(a.l + k));
        out.close.push(r(a.c + k));
      } else {
        // BID_ASK: open = time-average bid, high = max ask, low = min bid, close = time-average ask (TWS).
        const avg = (a.o + a.c) / 2;
        out.open.push(r(avg - half));
        out.high.push(r(a.h + half));
        out.low.push(r(a.l - half));
        out.close.push(r(avg + half));
      }
    }
    if (what === 'TRADES') {
      out.volume.push(a.v);
      out.wap.push(a.v > 0 ? Math.round((a.pv / a.v) * 1e4) / 1e4 : r(a.c));
      out.count.push(a.n);
    } else {
      // TWS reports no volume, WAP or count for quote-based bars.
      out.volume.push(-1);
      out.wap.push(-1);
      out.count.push(-1);
    }
  }

  /** The earliest bar time available (reqHeadTimeStamp). */
  headTimestamp(inst: Instrument, useRth: boolean): number {
    for (let d = EPOCH_DAY; d < EPOCH_DAY + 10; d++) {
      const s = this.market.calendar.session(inst, d);
      if (s) return useRth ? s.rthStart : s.start;
    }
    return etMidnight(EPOCH_DAY);
  }
}

/** Value of a per-second series at a fractional second. */
function at(series: Float64Array, x: number): number {
  const k = Math.floor(x);
  const a = series[k] as number;
  if (k >= series.length - 1) return a;
  return a + ((series[k + 1] as number) - a) * (x - k);
}

function monthKey(day: number): number {
  const t = new Date(day * DAY + 12 * 3_600_000);
  return t.getUTCFullYear() * 12 + t.getUTCMonth();
}
