import { describe, expect, it } from 'vitest';
import { marketState, parseSessions, zonedToEpoch } from './market-hours';

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
});
