// A hotkey's order action for one instrument: the price it takes from the quote, the side that flattens, which
// working orders "cancel all" and "cancel last" take, and the reason when there is nothing to do.
import { describe, expect, it } from 'vitest';
import { order } from '../../../tests/support/renderer/fixtures';
import { planOrderAction, type PlanContext } from './hotkey-orders';

const ctx: PlanContext = {
  symbol: 'AAPL',
  conId: 1,
  quote: { bid: 100.01, ask: 100.04, last: 100.02 },
  minTick: 0.01,
  orders: [],
  position: 0,
};

describe('planOrderAction', () => {
  it('buys or sells a limit at the bid, ask, mid or last with the hotkey quantity', () => {
    const at = (where: 'bid' | 'ask' | 'mid' | 'last') =>
      planOrderAction({ kind: 'trade', side: 'BUY', at: where, quantity: 300 }, ctx);
    expect(at('ask')).toMatchObject({
      kind: 'send',
      action: 'BUY',
      form: { orderType: 'LMT', limitPrice: '100.04', quantity: '300' },
    });
    expect(at('bid')).toMatchObject({ form: { limitPrice: '100.01' } });
    expect(at('mid')).toMatchObject({ form: { limitPrice: '100.03' } });
    expect(at('last')).toMatchObject({ form: { limitPrice: '100.02' } });
    const sell = planOrderAction({ kind: 'trade', side: 'SELL', at: 'bid', quantity: 5 }, ctx);
    expect(sell).toMatchObject({ kind: 'send', action: 'SELL' });
  });

  it('refuses a price the quote does not have yet', () => {
    const noAsk = { ...ctx, quote: { bid: 100, ask: null, last: null } };
    expect(planOrderAction({ kind: 'trade', side: 'BUY', at: 'ask', quantity: 1 }, noAsk)).toEqual({
      kind: 'refused',
      reason: 'There is no ask price for AAPL yet',
    });
    expect(planOrderAction({ kind: 'trade', side: 'BUY', at: 'mid', quantity: 1 }, noAsk).kind).toBe(
      'refused',
    );
    expect(
      planOrderAction({ kind: 'trade', side: 'BUY', at: 'last', quantity: 1 }, { ...ctx, quote: undefined })
        .kind,
    ).toBe('refused');
  });

  it('flattens a long with a market sell and a short with a market buy', () => {
    expect(planOrderAction({ kind: 'flatten' }, { ...ctx, position: 200 })).toMatchObject({
      kind: 'send',
      action: 'SELL',
      form: { orderType: 'MKT', quantity: '200' },
    });
    expect(planOrderAction({ kind: 'flatten' }, { ...ctx, position: -30 })).toMatchObject({
      action: 'BUY',
      form: { quantity: '30' },
    });
    expect(planOrderAction({ kind: 'flatten' }, ctx)).toEqual({
      kind: 'refused',
      reason: 'There is no AAPL position to flatten',
    });
  });

  it("cancels the symbol's working orders, or only its newest, never another symbol's or a finished one", () => {
    const orders = [
      order(7, { status: 'Submitted' }),
      order(9, { status: 'PreSubmitted' }),
      order(8, { status: 'Filled' }),
      order(12, { status: 'Submitted', contract: { ...order(1).contract, conId: 2, symbol: 'MSFT' } }),
    ];
    expect(planOrderAction({ kind: 'cancelAll' }, { ...ctx, orders })).toEqual({
      kind: 'cancel',
      orderIds: [7, 9],
    });
    expect(planOrderAction({ kind: 'cancelLast' }, { ...ctx, orders })).toEqual({
      kind: 'cancel',
      orderIds: [9],
    });
    expect(planOrderAction({ kind: 'cancelAll' }, ctx)).toEqual({
      kind: 'refused',
      reason: 'There is no working AAPL order',
    });
  });
});
