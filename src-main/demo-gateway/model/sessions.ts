// Trading sessions. By default the demo trades around the clock (every ET calendar day is one session, regular
// hours included), so demo users and CI can fill orders at night; `realHours` switches to US hours: stocks 04:00-
// 20:00 ET (regular 09:30-16:00) on weekdays, equity options 09:30-16:00 only, futures 18:00-17:00 ET Sunday-
// Friday, FX 17:15-17:00 ET. With real hours, stocks and options do not trade on NYSE holidays (the
// contract details' hours say CLOSED, as TWS's do); futures and FX keep their weekly sessions (CME and the FX
// market have calendars of their own), and early closes are not modelled.
import { isExchangeHoliday } from './exchange-holidays';
import type { Instrument } from './instrument';
import { dayOfWeek, etTime, ymdOfDay } from '../wire/tws-time';

export interface Session {
  /** ET trade date (day number). */
  readonly day: number;
  /** UTC ms: extended-hours start and end, regular-hours start and end. */
  readonly start: number;
  readonly end: number;
  readonly rthStart: number;
  readonly rthEnd: number;
}

interface Window {
  /** Minutes relative to 00:00 of the trade date (negative: the evening before). */
  start: number;
  end: number;
  rthStart: number;
  rthEnd: number;
}

const ALL_DAY: Window = { start: 0, end: 1440, rthStart: 0, rthEnd: 1440 };
const STOCK: Window = { start: 240, end: 1200, rthStart: 570, rthEnd: 960 };
const FUTURE: Window = { start: -360, end: 1020, rthStart: 570, rthEnd: 960 };
const FOREX: Window = { start: -405, end: 1020, rthStart: -405, rthEnd: 1020 };
const OPTION: Window = { start: 570, end: 960, rthStart: 570, rthEnd: 960 };
const WINDOWS = [ALL_DAY, STOCK, FUTURE, FOREX, OPTION];

export class SessionCalendar {
  private readonly cache = new Map<number, Session>();

  constructor(readonly realHours: boolean) {}

  private window(inst: Instrument): Window {
    if (!this.realHours) return ALL_DAY;
    if (inst.secType === 'OPT') return OPTION;
    return inst.secType === 'STK' ? STOCK : inst.secType === 'FUT' ? FUTURE : FOREX;
  }

  isTradingDay(inst: Instrument, day: number): boolean {
    if (!this.realHours) return true;
    const dow = dayOfWeek(day);
    if (dow === 0 || dow === 6) return false;
    return (inst.secType !== 'STK' && inst.secType !== 'OPT') || !isExchangeHoliday(day);
  }

  /** The session whose trade date is `day`, or undefined when the market does not trade that day. */
  session(inst: Instrument, day: number): Session | undefined {
    if (!this.isTradingDay(inst, day)) return undefined;
    const w = this.window(inst);
    const key = day * WINDOWS.length + WINDOWS.indexOf(w);
    let s = this.cache.get(key);
    if (!s) {
      s = {
        day,
        start: etTime(day, w.start),
        end: etTime(day, w.end),
        rthStart: etTime(day, w.rthStart),
        rthEnd: etTime(day, w.rthEnd),
      };
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }

  /** The session open at `t` (extended hours count), if any. */
  sessionAt(inst: Instrument, t: number, day: number): Session | undefined {
    for (const d of [day, day + 1]) {
      const s = this.session(inst, d);
      if (s && t >= s.start && t < s.end) return s;
    }
    return undefined;
  }

  /** The latest session that started at or before `t` (the one whose data a frozen quote shows). */
  lastSession(inst: Instrument, t: number, day: number): Session | undefined {
    for (let d = day + 1; d > day - 10; d--) {
      const s = this.session(inst, d);
      if (s && s.start <= t) return s;
    }
    return undefined;
  }

  isOpen(inst: Instrument, t: number, day: number, rthOnly: boolean): boolean {
    const s = this.sessionAt(inst, t, day);
    if (!s) return false;
    return !rthOnly || (t >= s.rthStart && t < s.rthEnd);
  }

  /** contractDetails.tradingHours for `days` trade dates from `fromDay`: "20261124:0400-20261124:2000;…". */
  tradingHours(inst: Instrument, fromDay: number, days = 7): string {
    return this.hours(inst, fromDay, days, false);
  }

  /** contractDetails.liquidHours (regular hours), same format. */
  liquidHours(inst: Instrument, fromDay: number, days = 7): string {
    return this.hours(inst, fromDay, days, true);
  }

  private hours(inst: Instrument, fromDay: number, days: number, rth: boolean): string {
    const w = this.window(inst);
    const parts: string[] = [];
    for (let d = fromDay; d < fromDay + days; d++) {
      if (!this.isTradingDay(inst, d)) {
        parts.push(`${ymdOfDay(d)}:CLOSED`);
        continue;
      }
      const a = rth ? w.rthStart : w.start;
      const b = rth ? w.rthEnd : w.end;
      parts.push(`${stamp(d, a)}-${stamp(d, b)}`);
    }
    return parts.join(';');
  }
}

function stamp(day: number, minutes: number): string {
  const d = day + Math.floor(minutes / 1440);
  const m = ((minutes % 1440) + 1440) % 1440;
  const hh = Math.floor(m / 60);
  const mm = m % 60;
  return `${ymdOfDay(d)}:${hh < 10 ? '0' : ''}${hh}${mm < 10 ? '0' : ''}${mm}`;
}
