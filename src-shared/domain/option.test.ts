import { describe, expect, it } from 'vitest';
import { daysToExpiry, impliedMove } from './option';
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
