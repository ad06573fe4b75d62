import { describe, expect, it } from 'vitest';
import { checkTicket, type TicketCheck } from './order-checks';
import type { ReferenceSource } from './quote';

const limits = { maxQuantity: 100, maxNotional: 10_000, priceBandPct: 10 };
const stock = { minTick: 0.01, currency: 'USD' };
/** Checks a ticket for a US stock under the limits above, against the reference price `reference`. */
const checkStock = (
  ticket: Parameters<typeof checkTicket>[0],
  reference: number | null,
  source?: ReferenceSource,
): TicketCheck => checkTicket(ticket, stock, limits, reference, source);

describe('checkTicket', () => {
  it('passes a reasonable limit order', () => {
    const r = checkStock({ action: 'BUY', quantity: 10, orderType: 'LMT', limitPrice: 100 }, 101);
    expect(r.problems).toEqual([]);
    expect(r.notional).toBe(1000);
  });

  it('refuses over max quantity and max notional', () => {
    const r = checkStock({ action: 'BUY', quantity: 200, orderType: 'MKT' }, 100);
    expect(r.problems.map((p) => p.code)).toEqual(['LIMIT', 'LIMIT']);
    expect(r.problems[1]!.message).toMatch(/20000\.00 USD/);
  });

  it('refuses a price outside the band around last, and off the tick grid', () => {
    const r = checkStock({ action: 'SELL', quantity: 1, orderType: 'LMT', limitPrice: 120.005 }, 100);
    expect(r.problems.map((p) => p.code).sort()).toEqual(['LIMIT', 'VALIDATION']);
  });

  it('names the price the band is drawn around: the mid of an option, the previous close when nothing traded', () => {
    const t = { action: 'BUY' as const, quantity: 1, orderType: 'LMT' as const, limitPrice: 7.5 };
    expect(checkStock(t, 6.2 + 1e-12, 'mid').problems[0]!.message).toBe(
      "7.5 is 21.0 % away from the mid 6.2, beyond this profile's band of 10 %",
    );
    expect(checkStock(t, 6.2, 'close').problems[0]!.message).toMatch(/from the previous close 6\.2,/);
    expect(checkStock(t, 6.2).problems[0]!.message).toMatch(/from the last price 6\.2,/);
  });

  it('checks bracket legs too, and uses the multiplier of futures', () => {
    const r = checkTicket(
      {
        action: 'BUY',
        quantity: 1,
        orderType: 'LMT',
        limitPrice: 100,
        bracket: { takeProfit: 150, stopLoss: 95 },
      },
      { minTick: 0.25, currency: 'USD', multiplier: 50 },
      limits,
      100,
    );
    expect(r.notional).toBe(5000);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/150 is 50\.0 % away/);
  });

  it('refuses a market order with no reference price, warns for a limit order', () => {
    expect(checkStock({ action: 'BUY', quantity: 1, orderType: 'MKT' }, null).problems).toHaveLength(1);
    const lmt = checkStock({ action: 'BUY', quantity: 1, orderType: 'LMT', limitPrice: 5 }, null);
    expect(lmt.problems).toEqual([]);
    expect(lmt.warnings).toHaveLength(1);
  });

  it('refuses a stop on the wrong side of the last price, and a MKT bracket around the wrong side', () => {
    const stop = (action: 'BUY' | 'SELL', stopPrice: number) =>
      checkStock({ action, quantity: 1, orderType: 'STP', stopPrice }, 100).problems.map((p) => p.path);
    expect(stop('BUY', 99)).toEqual(['stopPrice']);
    expect(stop('BUY', 100)).toEqual(['stopPrice']);
    expect(stop('BUY', 101)).toEqual([]);
    expect(stop('SELL', 101)).toEqual(['stopPrice']);
    expect(stop('SELL', 99)).toEqual([]);
    const bracket = (takeProfit: number, stopLoss: number) =>
      checkStock(
        { action: 'BUY', quantity: 1, orderType: 'MKT', bracket: { takeProfit, stopLoss } },
        100,
      ).problems.map((p) => p.message);
    expect(bracket(105, 97)).toEqual([]);
    expect(bracket(105, 101)).toEqual(['the stop-loss 101 must be below the last price 100']);
    expect(bracket(99, 97)).toEqual(['the take-profit 99 must be above the last price 100']);
    // Without a last price the side cannot be judged: no refusal on that ground.
    expect(
      checkStock({ action: 'BUY', quantity: 1, orderType: 'STP', stopPrice: 50 }, null).problems,
    ).toEqual([]);
  });
});
