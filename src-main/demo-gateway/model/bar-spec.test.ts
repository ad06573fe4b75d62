import { describe, expect, it } from 'vitest';
import { LEGAL_BAR_SIZES, longestSpanSeconds, parseBarSize, parseDuration } from './bar-spec';
import type { BarSize } from './bar-spec';

describe('bar spec', () => {
  it("lists the legal bar sizes as TWS's error 321 text does", () => {
    expect(LEGAL_BAR_SIZES).toBe(
      '1 secs, 5 secs, 10 secs, 15 secs, 30 secs, 1 min, 2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 20 mins, 30 mins, ' +
        '1 hour, 2 hours, 3 hours, 4 hours, 8 hours, 1 day, 1W, 1M',
    );
  });

  it('reads every spelling TWS accepts, in any case and spacing', () => {
    const seconds: [string, number][] = [
      ['1 sec', 1],
      ['1 secs', 1],
      ['5 secs', 5],
      ['30 secs', 30],
      ['1 min', 60],
      ['1 mins', 60],
      ['20 mins', 1200],
      ['1 hour', 3600],
      ['1 hours', 3600],
      ['8 hours', 28800],
      ['  1   MIN ', 60],
    ];
    for (const [text, s] of seconds) expect(parseBarSize(text)).toEqual({ text, unit: 'sec', seconds: s });
    const calendar: [string, BarSize['unit']][] = [
      ['1 day', 'day'],
      ['1 days', 'day'],
      ['1d', 'day'],
      ['1 week', 'week'],
      ['1W', 'week'],
      ['1 weeks', 'week'],
      ['1 month', 'month'],
      ['1M', 'month'],
      ['1 months', 'month'],
    ];
    for (const [text, unit] of calendar) expect(parseBarSize(text)).toEqual({ text, unit, seconds: 1 });
  });

  it('refuses what TWS does not list', () => {
    for (const text of ['2 secs', '45 mins', '2 days', '1 year', '', '1', 'min'])
      expect(parseBarSize(text)).toBeUndefined();
  });

  it('reads durations and bounds them by their longest span (a month as 31 days, a year as 366)', () => {
    expect(parseDuration(' 30 s ')).toEqual({ count: 30, unit: 'S' });
    expect(parseDuration('0 D')).toBeUndefined();
    expect(parseDuration('1 Q')).toBeUndefined();
    expect(longestSpanSeconds({ count: 2, unit: 'W' })).toBe(14 * 86_400);
    expect(longestSpanSeconds({ count: 1, unit: 'M' })).toBe(31 * 86_400);
    expect(longestSpanSeconds({ count: 1, unit: 'Y' })).toBe(366 * 86_400);
  });
});
