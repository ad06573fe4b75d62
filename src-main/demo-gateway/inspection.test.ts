import { describe, expect, it } from 'vitest';
import { OrderEngine } from './orders/matching';
import type { Execution } from './orders/matching';
import { defaultTicket } from './orders/order-types';
import type { OrderRecord } from './orders/order-types';
import { Ledger } from './accounts/ledger';
import type { AccountBook } from './accounts/ledger';
import { valueAccount } from './accounts/account-values';
import { buildUniverse } from './model/universe';
import { Market, emptyQuote } from './model/market';
import type { Instrument } from './model/instrument';
import { accountValueView, executionView, ofAccount, orderView, positionViews } from './inspection';

const T = Date.UTC(2026, 10, 24, 16, 0, 0);
const universe = buildUniverse(T);
const aapl = universe.bySymbol('AAPL')[0] as Instrument;

function setup(): { engine: OrderEngine; ledger: Ledger; fills: Execution[]; market: Market } {
  const market = new Market(universe, 1, false);
  const ledger = new Ledger(['DU1', 'DU2'], 1_000_000);
  const fills: Execution[] = [];
  const engine = new OrderEngine({
    market,
    ledger,
    accounts: ['DU1', 'DU2'],
    seed: 1,
    usdRate: () => 1,
    listener: {
      orderChanged: () => undefined,
      executed: (_o, e) => fills.push(e),
      orderError: () => undefined,
      accountChanged: () => undefined,
      whatIf: () => undefined,
    },
  });
  return { engine, ledger, fills, market };
}

describe('inspection views', () => {
  it('shows an order as plain data: its contract, ticket, status and what is left', () => {
    const { engine, market } = setup();
    const lmt = Math.round((market.quote(aapl, T, emptyQuote()).bid - 5) * 100) / 100;
    const ticket = { ...defaultTicket(), action: 'BUY', totalQuantity: 10, orderType: 'LMT', lmtPrice: lmt };
    engine.place(4, 7, aapl, { ...ticket, account: 'DU2', tif: 'GTC', ocaGroup: 'g1' }, T);
    const view = orderView(engine.get(4, 7) as OrderRecord);
    expect(view).toMatchObject({
      orderId: 7,
      clientId: 4,
      account: 'DU2',
      conId: aapl.conId,
      symbol: 'AAPL',
      secType: 'STK',
      action: 'BUY',
      orderType: 'LMT',
      totalQuantity: 10,
      lmtPrice: lmt,
      auxPrice: undefined,
      tif: 'GTC',
      status: 'Submitted',
      filled: 0,
      remaining: 10,
      parentId: 0,
      ocaGroup: 'g1',
    });
    expect(view.permId).toBeGreaterThan(0);
    // A copy: changing the view leaves the order alone.
    view.remaining = 0;
    expect(orderView(engine.get(4, 7) as OrderRecord).remaining).toBe(10);
  });

  it('shows executions and open positions, per account or all, without flat positions', () => {
    const { engine, ledger, fills } = setup();
    const mkt = { ...defaultTicket(), action: 'BUY', totalQuantity: 5, orderType: 'MKT', tif: 'DAY' };
    engine.place(1, 1, aapl, { ...mkt, account: 'DU1' }, T);
    engine.place(1, 2, aapl, { ...mkt, account: 'DU1', action: 'SELL' }, T + 1000);
    engine.place(1, 3, aapl, { ...mkt, account: 'DU2' }, T + 2000);
    const e = fills[0] as Execution;
    expect(executionView(e)).toEqual({
      execId: e.execId,
      orderId: 1,
      clientId: 1,
      account: 'DU1',
      conId: aapl.conId,
      symbol: 'AAPL',
      side: 'BOT',
      shares: e.shares,
      price: e.price,
      time: T,
      commission: e.commission,
      realizedPnl: undefined,
    });
    expect(ofAccount(engine.executions, 'DU2').map((x) => x.orderId)).toEqual([3]);
    expect(ofAccount(engine.executions).length).toBe(fills.length);
    expect(positionViews(ledger.positions('DU1'))).toEqual([]);
    expect(positionViews(ledger.positions())).toEqual([
      {
        account: 'DU2',
        conId: aapl.conId,
        symbol: 'AAPL',
        secType: 'STK',
        position: 5,
        avgCost: expect.any(Number),
      },
    ]);
  });

  it('gives the headline account values with two decimals, and nothing for an unknown account', () => {
    const { ledger } = setup();
    const n = valueAccount(ledger.book('DU1') as AccountBook, () => ({ price: 1, prevClose: 1, usdRate: 1 }));
    expect(accountValueView({ ...n, unrealized: 1.005, realized: -2 })).toEqual({
      NetLiquidation: '1000000.00',
      TotalCashValue: '1000000.00',
      GrossPositionValue: '0.00',
      BuyingPower: n.buyingPower.toFixed(2),
      AvailableFunds: n.availableFunds.toFixed(2),
      UnrealizedPnL: '1.00',
      RealizedPnL: '-2.00',
    });
    expect(accountValueView(undefined)).toEqual({});
  });
});
