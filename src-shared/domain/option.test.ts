import { describe, expect, it } from 'vitest';
import { atmIndex, daysToExpiry, impliedMove, nearestStrikes } from './option';
import { OrderTicket } from './order';

describe('option helpers', () => {
  it('counts calendar days to an expiry by UTC date, 0 on the day itself', () => {
    const monday = Date.UTC(2026, 0, 5, 23, 59);
    expect(daysToExpiry('20260105', monday)).toBe(0);
    expect(daysToExpiry('20260116', monday)).toBe(11);
    expect(daysToExpiry('20260102', monday)).toBe(-3);
    expect(daysToExpiry('20270105', monday)).toBe(365);
  });

  it('prices the implied move as the at-the-money straddle, and none without both sides', () => {
    expect(impliedMove(3.1, 2.9)).toBeCloseTo(6);
    expect(impliedMove(3.1, null)).toBeNull();
    expect(impliedMove(0, 2.9)).toBeNull();
  });

  it('finds the at-the-money row and the strikes nearest it', () => {
    const rows = [140, 145, 150, 155, 160].map((strike) => ({ strike }));
    expect(atmIndex(rows, 151.2)).toBe(2);
    expect(atmIndex(rows, 1000)).toBe(4);
    expect(atmIndex(rows, null)).toBe(-1);
    expect(atmIndex([], 150)).toBe(-1);
    const k = (r: readonly { strike: number }[]) => r.map((x) => x.strike);
    expect(k(nearestStrikes(rows, 151, 3))).toEqual([145, 150, 155]);
    expect(k(nearestStrikes(rows, 151, 2))).toEqual([150, 155]);
    expect(k(nearestStrikes(rows, 1000, 2))).toEqual([155, 160]);
    expect(k(nearestStrikes(rows, 100, 2))).toEqual([140, 145]);
    expect(nearestStrikes(rows, null, 2)).toHaveLength(5);
  });

  it('takes option tickets in whole contracts', () => {
    const ticket = (quantity: number) =>
      OrderTicket.safeParse({
        contract: { conId: 7, symbol: 'AAPL', secType: 'OPT', strike: 150, right: 'C' },
        action: 'BUY',
        quantity,
        orderType: 'LMT',
        limitPrice: 2.5,
      });
    expect(ticket(2).success).toBe(true);
    expect(ticket(1.5).error?.issues.map((i) => i.path.join('.'))).toEqual(['quantity']);
  });
});
