// The soak's order generator: every ticket it draws is one the contract's schema accepts, with every order type it
// promises; the same seed draws the same tickets.
import { describe, expect, it } from 'vitest';
import { OrderTicket } from '../../src-shared/domain/order';
import { Prng } from '../../src-main/demo-gateway/model/rng';
import type { ResolvedContract } from '../../src-main/ib/adapter/index';
import { drawTicket } from './order-driver';

const AAPL: ResolvedContract = {
  conId: 1,
  symbol: 'AAPL',
  secType: 'STK',
  exchange: 'SMART',
  currency: 'USD',
};
const quote = { last: 187.42, bid: 187.4, ask: 187.45 };

describe('drawTicket', () => {
  it('draws only valid tickets, of every kind (MKT, resting and marketable LMT, STP, bracket)', () => {
    const rng = new Prng(5);
    const kinds = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const parsed = OrderTicket.safeParse(drawTicket(rng, AAPL, quote));
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
      if (!parsed.success) continue;
      const t = parsed.data;
      const buy = t.action === 'BUY';
      if (t.bracket) kinds.add('bracket');
      else if (t.orderType === 'LMT')
        kinds.add((buy ? t.limitPrice! >= quote.ask : t.limitPrice! <= quote.bid) ? 'marketable' : 'resting');
      else kinds.add(t.orderType);
      if (t.orderType === 'MKT') expect(t.tif).toBe('DAY');
      expect(t.quantity).toBeGreaterThanOrEqual(1);
      expect(t.quantity).toBeLessThanOrEqual(20);
    }
    expect([...kinds].sort()).toEqual(['MKT', 'STP', 'bracket', 'marketable', 'resting']);
  });

  it('replays from the seed', () => {
    const draw = (seed: number) => {
      const rng = new Prng(seed);
      return Array.from({ length: 50 }, () => drawTicket(rng, AAPL, quote));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });
});
