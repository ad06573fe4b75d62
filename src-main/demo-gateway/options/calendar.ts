// The listed option expirations of an underlying on a given ET day: weeklies (every Friday, about nine weeks out),
// monthlies (third Friday; the next six months plus the underlying's quarterly cycle a year out) and quarterlies
// (last business day of Mar/Jun/Sep/Dec, a year out). A Friday expiry that falls on an exchange holiday moves to
// the business day before, as the OCC does (Good Friday, Juneteenth, July 3rd, Christmas on a Friday). The
// holidays are the session model's (model/exchange-holidays.ts: with real hours, stocks and options do not trade
// on them either).
import { dateOfDay, dayOfDate, isExchangeHoliday, nthWeekday } from '../model/exchange-holidays';
import { dayOfWeek, etTime, ymdOfDay } from '../wire/tws-time';

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
