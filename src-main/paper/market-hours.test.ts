import { describe, expect, it } from 'vitest';
import { fillGate, marketState, mergeSessions, parseSessions, zonedToEpoch } from './market-hours';

const NY = 'US/Eastern';
const hours =
  '20261124:0930-20261124:1600;20261125:0930-20261125:1600;20261126:CLOSED;20261127:0930-20261127:1300';

describe('market hours', () => {
  it('converts New York wall time to UTC across DST', () => {
    expect(new Date(zonedToEpoch(2026, 11, 24, 9, 30, NY)).toISOString()).toBe('2026-11-24T14:30:00.000Z');
    expect(new Date(zonedToEpoch(2026, 7, 1, 9, 30, NY)).toISOString()).toBe('2026-07-01T13:30:00.000Z');
  });

  it('parses sessions, skipping CLOSED days, and the old end-time-only form', () => {
    expect(parseSessions(hours, NY)).toHaveLength(3);
    const [s] = parseSessions('20261124:0930-1600', NY);
    expect(new Date(s!.end).toISOString()).toBe('2026-11-24T21:00:00.000Z');
    expect(parseSessions('garbage;;20261124:CLOSED', NY)).toEqual([]);
  });

  it('is open inside a session and closed outside, on holidays and near the close', () => {
    const at = (d: number, h: number, m: number) => zonedToEpoch(2026, 11, d, h, m, NY);
    expect(marketState(hours, NY, at(24, 10, 0)).open).toBe(true);
    expect(marketState(hours, NY, at(24, 8, 0))).toMatchObject({ open: false, reason: 'market closed' });
    expect(marketState(hours, NY, at(26, 11, 0))).toMatchObject({ open: false, reason: 'market closed' });
    expect(marketState(hours, NY, at(24, 15, 55)).reason).toMatch(/closes in under 10 minutes/);
    expect(marketState(hours, NY, at(27, 12, 0)).open).toBe(true);
  });

  it('handles sessions that span midnight (futures, FX)', () => {
    const fx = '20261123:1715-20261124:1700;20261124:1715-20261125:1700';
    expect(marketState(fx, NY, zonedToEpoch(2026, 11, 24, 2, 0, NY)).open).toBe(true);
    expect(marketState(fx, NY, zonedToEpoch(2026, 11, 24, 17, 5, NY)).open).toBe(false);
  });

  it("joins back-to-back sessions: the demo gateway's calendar days have no close between them", () => {
    const days = '20261124:0000-20261125:0000;20261125:0000-20261126:0000';
    expect(mergeSessions(parseSessions(days, NY))).toHaveLength(1);
    const late = zonedToEpoch(2026, 11, 24, 23, 55, NY);
    expect(marketState(days, NY, late)).toMatchObject({ open: true });
    expect(marketState(days, NY, zonedToEpoch(2026, 11, 25, 23, 55, NY)).open).toBe(false);
  });

  it('tells when the next session opens', () => {
    const s = marketState(hours, NY, zonedToEpoch(2026, 11, 24, 8, 0, NY));
    expect(new Date(s.opensAt!).toISOString()).toBe('2026-11-24T14:30:00.000Z');
  });
});

describe("the fill scenario's market-hours gate", () => {
  const aapl = {
    symbol: 'AAPL',
    liquidHours: hours,
    tradingHours: '20261124:0400-20261124:2000;20261125:0400-20261125:2000;20261126:CLOSED',
    timeZoneId: NY,
  };

  it('runs inside regular hours', () => {
    const g = fillGate(aapl, zonedToEpoch(2026, 11, 24, 10, 0, NY));
    expect(g).toEqual({
      run: true,
      note: 'market open (AAPL regular hours; the session closes 2026-11-24 16:00 US/Eastern)',
    });
  });

  it('skips with a "skipped: market closed" line outside regular hours, on holidays and weekends', () => {
    // Pre-market: TWS trades (tradingHours) but the regular session (liquidHours) has not opened.
    const pre = fillGate(aapl, zonedToEpoch(2026, 11, 24, 8, 0, NY));
    expect(pre).toEqual({
      run: false,
      line: 'skipped: market closed (AAPL regular hours: market closed; next session opens 2026-11-24 09:30 US/Eastern)',
    });
    const holiday = fillGate(aapl, zonedToEpoch(2026, 11, 26, 12, 0, NY));
    expect(holiday.run).toBe(false);
    if (!holiday.run)
      expect(holiday.line).toMatch(/^skipped: market closed \(.*next session opens 2026-11-27 09:30/);
    const weekend = fillGate(aapl, zonedToEpoch(2026, 11, 28, 12, 0, NY));
    expect(weekend.run).toBe(false);
    if (!weekend.run) expect(weekend.line).toBe('skipped: market closed (AAPL regular hours: market closed)');
  });

  it('skips in the last minutes of the session, and when the hours cannot be read', () => {
    const late = fillGate(aapl, zonedToEpoch(2026, 11, 24, 15, 55, NY));
    expect(late.run).toBe(false);
    if (!late.run)
      expect(late.line).toMatch(/^skipped: market closed for orders .*session ends 2026-11-24 16:00/);
    const noHours = fillGate({ ...aapl, liquidHours: '', tradingHours: '' }, Date.now());
    expect(noHours).toEqual({
      run: false,
      line: 'skipped: market closed (AAPL trading hours: no trading sessions reported)',
    });
    const badZone = fillGate({ ...aapl, timeZoneId: 'Mars/Olympus' }, Date.now());
    expect(badZone.run).toBe(false);
    if (!badZone.run) expect(badZone.line).toMatch(/^skipped: market closed \(cannot tell/);
  });

  it('falls back to trading hours when TWS sends no liquid hours', () => {
    const g = fillGate({ ...aapl, liquidHours: '' }, zonedToEpoch(2026, 11, 24, 8, 0, NY));
    expect(g.run).toBe(true);
  });
});
