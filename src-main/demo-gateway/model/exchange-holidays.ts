// US exchange (NYSE) full-day holidays and the calendar arithmetic behind them, in ET day numbers (days since
// 1970-01-01). The session model closes stocks and options on them (real hours only), and the option calendar
// moves an expiry that falls on one to the business day before. Early closes (13:00 ET on the day after
// Thanksgiving, Christmas Eve and July 3rd) are not modelled.
import { dayOfWeek } from '../wire/tws-time';

const DAY_MS = 86_400_000;

/** Day number of a calendar date (month 1-12). */
export function dayOfDate(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / DAY_MS);
}

/** Calendar date of a day number. */
export function dateOfDay(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** The `n`-th `weekday` (0 Sunday … 6 Saturday) of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
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

export function isExchangeHoliday(day: number): boolean {
  return exchangeHolidays(dateOfDay(day).year).has(day);
}
