import { describe, expect, it } from 'vitest';
import { dayOfWeek, etDay, etTime, ymdOfDay } from '../wire/tws-time';
import { dayOfDate, exchangeHolidays } from '../model/exchange-holidays';
import { expiryInstant, isLive, listedExpirations, monthlyExpiry, quarterlyExpiry, weekOf } from './calendar';

const ymds = (days: Iterable<number>): string[] => [...days].map(ymdOfDay).sort();

describe('exchange holidays', () => {
  it('lists the NYSE holidays of 2026 (Juneteenth and Christmas on a Friday, July 4th observed on the 3rd)', () => {
    expect(ymds(exchangeHolidays(2026))).toEqual([
      '20260101',
      '20260119',
      '20260216',
      '20260403',
      '20260525',
      '20260619',
      '20260703',
      '20260907',
      '20261126',
      '20261225',
    ]);
  });

  it('does not observe New Year on the Friday before when it falls on a Saturday (2022), moves a Sunday to Monday', () => {
    expect(ymds(exchangeHolidays(2022))).not.toContain('20211231');
    expect(ymds(exchangeHolidays(2022))).not.toContain('20220101');
    expect(ymds(exchangeHolidays(2023))).toContain('20230102');
    expect(ymds(exchangeHolidays(2021))).not.toContain('20210618'); // Juneteenth only from 2022
  });
});

describe('expiry dates', () => {
  it('puts monthlies on the third Friday, the day before when it is a holiday', () => {
    expect(ymdOfDay(monthlyExpiry(2026, 12))).toBe('20261218');
    expect(ymdOfDay(monthlyExpiry(2027, 1))).toBe('20270115');
    expect(ymdOfDay(monthlyExpiry(2026, 6))).toBe('20260618'); // 19 June is Juneteenth
  });

  it('puts quarterlies on the last business day of the quarter', () => {
    expect(ymdOfDay(quarterlyExpiry(2026, 12))).toBe('20261231');
    expect(ymdOfDay(quarterlyExpiry(2027, 3))).toBe('20270331');
    expect(ymdOfDay(quarterlyExpiry(2026, 6))).toBe('20260630');
    expect(ymdOfDay(quarterlyExpiry(2027, 12))).toBe('20271231');
    expect(ymdOfDay(quarterlyExpiry(2028, 9))).toBe('20280929'); // 30 Sep 2028 is a Saturday
  });

  it('stops trading at 16:00 ET on the expiry day', () => {
    const day = dayOfDate(2026, 12, 18);
    expect(expiryInstant(day)).toBe(Date.UTC(2026, 11, 18, 21)); // EST: 16:00 = 21:00 UTC
    expect(expiryInstant(dayOfDate(2026, 6, 18))).toBe(Date.UTC(2026, 5, 18, 20)); // EDT
  });
});

describe('listed expirations', () => {
  const asOf = dayOfDate(2026, 11, 24); // Tuesday

  it('lists weeklies nine Fridays out (holiday Fridays on Thursday), monthlies and quarterlies a year out', () => {
    const list = listedExpirations(asOf, 3);
    const weekly = list.filter((e) => e.weekly).map((e) => e.ymd);
    expect(weekly).toEqual([
      '20261127',
      '20261204',
      '20261211',
      '20261224', // Christmas Friday
      '20270108',
      '20270122',
    ]);
    const monthly = list.filter((e) => e.monthly).map((e) => e.ymd);
    // Cycle 3 (Mar/Jun/Sep/Dec): five months ahead every month, then the cycle months a year out.
    expect(monthly).toEqual([
      '20261218',
      '20270115',
      '20270219',
      '20270319',
      '20270416',
      '20270617', // 18 June 2027 is Juneteenth observed
      '20270917',
    ]);
    // 1 Jan 2027 is a Friday holiday: that week's expiry is Thursday 31 Dec, which is also the quarterly.
    expect(list.find((e) => e.ymd === '20261231')?.listDay).toBe(dayOfDate(2025, 12, 1));
    expect(list.filter((e) => e.quarterly).map((e) => e.ymd)).toEqual([
      '20261231',
      '20270331',
      '20270630',
      '20270930',
    ]);
    expect(list.map((e) => e.day)).toEqual([...list.map((e) => e.day)].sort((a, b) => a - b));
    expect(new Set(list.map((e) => e.day)).size).toBe(list.length);
    for (const e of list) {
      expect(e.listDay).toBeLessThanOrEqual(asOf);
      expect(dayOfWeek(e.day)).toBeGreaterThanOrEqual(1);
      expect(dayOfWeek(e.day)).toBeLessThanOrEqual(5);
    }
  });

  it('follows the cycle of the underlying beyond five months', () => {
    const c1 = listedExpirations(asOf, 1)
      .filter((e) => e.monthly)
      .map((e) => e.ymd.slice(0, 6));
    expect(c1.slice(5)).toEqual(['202707', '202710']);
    const c2 = listedExpirations(asOf, 2)
      .filter((e) => e.monthly)
      .map((e) => e.ymd.slice(0, 6));
    expect(c2.slice(5)).toEqual(['202705', '202708', '202711']);
  });

  it('always has an expiry in each of the next eight weeks and keeps live expiries within 63 weeks', () => {
    for (let d = dayOfDate(2026, 1, 1); d < dayOfDate(2028, 1, 1); d++) {
      const list = listedExpirations(d, ((d % 3) + 1) as 1 | 2 | 3);
      const weeks = new Set(list.map((e) => weekOf(e.day)));
      for (let k = 1; k <= 8; k++) expect(weeks.has(weekOf(d) + k), `${ymdOfDay(d)} +${k}w`).toBe(true);
      const last = list[list.length - 1]!;
      expect(weekOf(last.day) - weekOf(d)).toBeLessThan(64);
      expect(list.filter((e) => e.quarterly).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('drops an expiry at 16:00 ET on its day and lists new ones when the day rolls over', () => {
    const friday = dayOfDate(2026, 11, 27);
    const e = listedExpirations(friday, 3).find((x) => x.ymd === '20261127')!;
    expect(isLive(e, etTime(friday, 15 * 60 + 59))).toBe(true);
    expect(isLive(e, etTime(friday, 16 * 60))).toBe(false);
    expect(listedExpirations(friday + 1, 3).map((x) => x.ymd)).not.toContain('20261127');
    // The Friday nine weeks out is listed from the Saturday 62 days before it.
    expect(listedExpirations(friday, 3).map((x) => x.ymd)).not.toContain('20270129');
    expect(listedExpirations(friday + 1, 3).map((x) => x.ymd)).toContain('20270129');
    expect(etDay(etTime(friday + 1, 0))).toBe(friday + 1);
  });
});
