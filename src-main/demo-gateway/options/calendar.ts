// The listed option expirations of an underlying on a given ET day: weeklies (every Friday, about nine weeks out),
// monthlies (third Friday; the next six months plus the underlying's quarterly cycle a year out) and quarterlies
// (last business day of Mar/Jun/Sep/Dec, a year out). A Friday expiry that falls on an exchange holiday moves to
// the business day before, as the OCC does (Good Friday, Juneteenth, July 3rd, Christmas on a Friday). The
// gateway's session model (model/sessions.ts) does not know holidays; they matter here only for expiry dates.
import { dayOfWeek, etTime, ymdOfDay } from '../wire/tws-time';

const DAY_MS = 86_400_000;
/** Weeklies are listed this many days before their Friday: 9 Fridays ahead, never fewer than 8. */
const WEEKLY_WINDOW_DAYS = 62;
/** Monthlies of months outside the underlying's cycle are listed this many months ahead… */
const MONTHLY_MONTHS = 5;
/** …monthlies of its cycle months and quarterlies this many. */
const LONG_MONTHS = 12;
/** Options stop trading at 16:00 ET on their last trading day (minutes after midnight). */
const EXPIRY_MINUTE = 16 * 60;

/** Expiration cycle of an underlying: 1 = Jan/Apr/Jul/Oct, 2 = Feb/May/Aug/Nov, 3 = Mar/Jun/Sep/Dec. */
export type ExpiryCycle = 1 | 2 | 3;

export interface Expiration {
  /** ET day number of the last trading day (days since 1970-01-01). */
  readonly day: number;
  /** "YYYYMMDD" (lastTradeDateOrContractMonth, lastTradeDate, realExpirationDate). */
  readonly ymd: string;
  /** A weekly series (a Friday expiry that is not also a monthly or a quarterly). */
  readonly weekly: boolean;
  /** The standard monthly (third Friday). */
  readonly monthly: boolean;
  /** A quarterly (last business day of a quarter). */
  readonly quarterly: boolean;
  /** First ET day it is listed (its strikes are centred on the close of the day before). */
  readonly listDay: number;
  /** UTC ms at which it stops trading and leaves the chain: 16:00 ET of `day`. */
  readonly expiresAt: number;
}

/** Day number of a calendar date (month 1-12). */
export function dayOfDate(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / DAY_MS);
}

/** Calendar date of a day number. */
function dateOfDay(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** The `n`-th `weekday` (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayOfDate(year, month, 1);
  return first + ((weekday - dayOfWeek(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayOfDate(year, month + 1, 0);
  return last - ((dayOfWeek(last) - weekday + 7) % 7);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOfDate(year, month, date);
}

/** A fixed-date holiday as observed by NYSE: Saturday → Friday before, Sunday → Monday after. */
function observed(day: number): number {
  const dow = dayOfWeek(day);
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/** NYSE full-day holidays of a year (the rules in force since 2022, when Juneteenth was added). */
export function exchangeHolidays(year: number): ReadonlySet<number> {
  let set = holidayCache.get(year);
  if (set) return set;
  const days: number[] = [];
  // New Year's Day on a Saturday is not observed on the Friday before (NYSE rule 7.2).
  const newYear = dayOfDate(year, 1, 1);
  if (dayOfWeek(newYear) !== 6) days.push(observed(newYear));
  days.push(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.push(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.push(easter(year) - 2); // Good Friday
  days.push(lastWeekday(year, 5, 1)); // Memorial Day
  if (year >= 2022) days.push(observed(dayOfDate(year, 6, 19))); // Juneteenth
  days.push(observed(dayOfDate(year, 7, 4)));
  days.push(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.push(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.push(observed(dayOfDate(year, 12, 25)));
  set = new Set(days);
  holidayCache.set(year, set);
  return set;
}

function isExchangeHoliday(day: number): boolean {
  return exchangeHolidays(dateOfDay(day).year).has(day);
}

function isBusinessDay(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !isExchangeHoliday(day);
}

/** `day` if it is a business day, else the closest business day before it. */
function businessDayOnOrBefore(day: number): number {
  let d = day;
  while (!isBusinessDay(d)) d--;
  return d;
}

/** Monday-based week number of a day (1970-01-05 starts week 0). */
export function weekOf(day: number): number {
  return Math.floor((day - 4) / 7);
}

/** The regular weekly expiry of a week: its Friday, or the business day before when that Friday is a holiday. */
export function standardExpiryOfWeek(week: number): number {
  return businessDayOnOrBefore(week * 7 + 4 + 4);
}

/** Third-Friday expiry of a month (moved to the day before on a holiday). */
export function monthlyExpiry(year: number, month: number): number {
  return businessDayOnOrBefore(nthWeekday(year, month, 5, 3));
}

/** Quarterly expiry of a quarter-end month: its last business day. */
export function quarterlyExpiry(year: number, month: number): number {
  return businessDayOnOrBefore(dayOfDate(year, month + 1, 0));
}

/** UTC ms at which an expiry on `day` stops trading (16:00 ET). */
export function expiryInstant(day: number): number {
  return etTime(day, EXPIRY_MINUTE);
}

interface Draft {
  day: number;
  weekly: boolean;
  monthly: boolean;
  quarterly: boolean;
  listDay: number;
}

/** First day of the month `k` months after (year, month). */
function monthStart(year: number, month: number, k: number): number {
  return dayOfDate(year, month + k, 1);
}

/**
 * Every expiration listed on ET day `asOf` (including one that expires that day; drop it after its `expiresAt`
 * with `isLive`). An expiration is listed from its `listDay` through its last trading day, so the set changes
 * only at midnight (new listings) and at 16:00 on an expiry day.
 */
export function listedExpirations(asOf: number, cycle: ExpiryCycle): Expiration[] {
  const drafts = new Map<number, Draft>();
  const add = (day: number, kind: 'weekly' | 'monthly' | 'quarterly', listDay: number): void => {
    let d = drafts.get(day);
    if (!d) {
      d = { day, weekly: false, monthly: false, quarterly: false, listDay };
      drafts.set(day, d);
    }
    d[kind] = true;
    d.listDay = Math.min(d.listDay, listDay);
  };

  const fromFriday = asOf - 7 + ((5 - dayOfWeek(asOf - 7) + 7) % 7);
  for (let friday = fromFriday; friday <= asOf + WEEKLY_WINDOW_DAYS + 7; friday += 7) {
    add(businessDayOnOrBefore(friday), 'weekly', friday - WEEKLY_WINDOW_DAYS);
  }
  const { year, month } = dateOfDay(asOf);
  for (let k = -1; k <= LONG_MONTHS + 1; k++) {
    const first = dateOfDay(monthStart(year, month, k));
    const inCycle = first.month % 3 === cycle % 3;
    add(
      monthlyExpiry(first.year, first.month),
      'monthly',
      monthStart(first.year, first.month, -(inCycle ? LONG_MONTHS : MONTHLY_MONTHS)),
    );
    if (first.month % 3 === 0) {
      add(
        quarterlyExpiry(first.year, first.month),
        'quarterly',
        monthStart(first.year, first.month, -LONG_MONTHS),
      );
    }
  }

  const out: Expiration[] = [];
  for (const d of drafts.values()) {
    if (d.listDay > asOf || d.day < asOf) continue;
    out.push({
      day: d.day,
      ymd: ymdOfDay(d.day),
      // One series per day: a Friday that is also a monthly or a quarterly lists that series only.
      weekly: d.weekly && !d.monthly && !d.quarterly,
      monthly: d.monthly,
      quarterly: d.quarterly,
      listDay: d.listDay,
      expiresAt: expiryInstant(d.day),
    });
  }
  out.sort((a, b) => a.day - b.day);
  return out;
}

/** True while an expiration still trades at `t` (UTC ms). */
export function isLive(e: Expiration, t: number): boolean {
  return t < e.expiresAt;
}
