// An exchange's wall clock: the zone's offset and its daylight-saving changes, from Intl.
import { describe, expect, it } from 'vitest';
import { zonedParts } from './zoned-time';

describe('zonedParts', () => {
  it('reads the wall clock of a zone, winter and summer time included', () => {
    expect(zonedParts(Date.UTC(2026, 0, 15, 14, 30, 5), 'US/Eastern')).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 9,
      minute: 30,
      second: 5,
    });
    expect(zonedParts(Date.UTC(2026, 6, 15, 13, 30), 'America/New_York')).toMatchObject({
      hour: 9,
      minute: 30,
    });
    expect(zonedParts(Date.UTC(2026, 6, 15, 23, 59, 59), 'Asia/Tokyo')).toEqual({
      year: 2026,
      month: 7,
      day: 16,
      hour: 8,
      minute: 59,
      second: 59,
    });
  });

  it('uses the 24-hour clock at midnight, and refuses a zone Intl does not know', () => {
    expect(zonedParts(Date.UTC(2026, 2, 2, 5, 0), 'US/Eastern').hour).toBe(0);
    expect(() => zonedParts(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
