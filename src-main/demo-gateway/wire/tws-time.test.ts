import { describe, expect, it } from 'vitest';
import {
  connTime,
  etDay,
  etMidnight,
  etOffsetMinutes,
  etStamp,
  parseTwsDateTime,
  utcDash,
  ymdOfDay,
} from './tws-time';

describe('US/Eastern time', () => {
  it('follows the US DST rule', () => {
    expect(etOffsetMinutes(Date.UTC(2026, 0, 15))).toBe(-300);
    expect(etOffsetMinutes(Date.UTC(2026, 6, 15))).toBe(-240);
    expect(etOffsetMinutes(Date.UTC(2026, 2, 8, 6, 59))).toBe(-300); // 01:59 EST on the switch day
    expect(etOffsetMinutes(Date.UTC(2026, 2, 8, 7, 0))).toBe(-240);
    expect(etOffsetMinutes(Date.UTC(2026, 10, 1, 5, 59))).toBe(-240);
    expect(etOffsetMinutes(Date.UTC(2026, 10, 1, 6, 0))).toBe(-300);
  });

  it('numbers ET days and finds their midnights, 23- and 25-hour days included', () => {
    const d = etDay(Date.UTC(2026, 10, 24, 4, 59)); // 23:59 on the 23rd in New York
    expect(ymdOfDay(d)).toBe('20261123');
    expect(etMidnight(d + 1)).toBe(Date.UTC(2026, 10, 24, 5));
    const spring = etDay(Date.UTC(2026, 2, 8, 12));
    expect(etMidnight(spring + 1) - etMidnight(spring)).toBe(23 * 3_600_000);
  });

  it('formats as TWS does', () => {
    const t = Date.UTC(2026, 10, 25, 4, 40);
    expect(connTime(t)).toBe('20261124 23:40:00 EST');
    expect(etStamp(Date.UTC(2026, 6, 1, 13, 30))).toBe('20260701 09:30:00 US/Eastern');
    expect(utcDash(Date.UTC(2024, 0, 2, 14, 30))).toBe('20240102-14:30:00');
  });

  it('parses the date-times clients send', () => {
    expect(parseTwsDateTime('20261124-16:00:00')).toBe(Date.UTC(2026, 10, 24, 16));
    expect(parseTwsDateTime('20261124 11:00:00')).toBe(Date.UTC(2026, 10, 24, 16));
    expect(parseTwsDateTime('20261124 11:00:00 US/Eastern')).toBe(Date.UTC(2026, 10, 24, 16));
    expect(parseTwsDateTime('20260701 11:00:00 America/New_York')).toBe(Date.UTC(2026, 6, 1, 15));
    expect(parseTwsDateTime('20261124 16:00:00 UTC')).toBe(Date.UTC(2026, 10, 24, 16));
    expect(parseTwsDateTime('20261124')).toBe(Date.UTC(2026, 10, 25, 4, 59, 59));
    expect(parseTwsDateTime('yesterday')).toBeUndefined();
    expect(parseTwsDateTime('20261324 10:00:00')).toBeUndefined();
  });
});
