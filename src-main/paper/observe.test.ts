// The paper suite's readings of what a window received: the latest quote/order, executions once each, an order
// that ends otherwise failing at once with TWS's words, and the price, position and account words of the report.
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src-shared/contract';
import type { Instrument } from '../../src-shared/domain/instrument';
import type { Execution, Order } from '../../src-shared/domain/order';
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import { emptyQuote } from '../../src-shared/domain/quote';
import { executionFixture, orderFixture } from '../../tests/support/domain-fixtures';
import type { PaperDriver } from './driver';
import {
  accountLine,
  executionsOf,
  latestOrder,
  latestQuote,
  orderReaches,
  positionOf,
  priceOf,
  px,
  refOf,
} from './observe';

/** A driver that has seen these event frames; `until` evaluates its probe once (enough for a settled state). */
function seenDriver(frames: { at: number; event: EventName; payload: unknown }[]): PaperDriver {
  const d = {
    seen: (event: EventName, since = 0) =>
      frames.filter((f) => f.event === event && f.at >= since).map((f) => ({ at: f.at, payload: f.payload })),
    until: async <T>(probe: () => T | null | undefined | false, what: string) => {
      const v = probe();
      if (v === null || v === undefined || v === false) throw new Error(`timed out waiting for ${what}`);
      return v;
    },
  };
  return d as unknown as PaperDriver;
}

const order = (orderId: number, status: Order['status'], extra: Partial<Order> = {}): Order =>
  orderFixture({ orderId, status, ...extra });

const execution = (execId: string, orderId: number, shares: number): Execution =>
  executionFixture({ execId, orderId, shares });

describe('what the window received', () => {
  it('latestQuote: the last state of one instrument since a time, and how many updates it had', () => {
    const d = seenDriver([
      { at: 1, event: 'quotes', payload: { quotes: [{ ...emptyQuote(7, 'live'), last: 1 }] } },
      { at: 5, event: 'quotes', payload: { quotes: [{ ...emptyQuote(7, 'live'), last: 2 }, emptyQuote(8)] } },
      { at: 6, event: 'quotes', payload: { quotes: [{ ...emptyQuote(7, 'delayed'), last: 3 }] } },
    ]);
    expect(latestQuote(d, 7, 0)).toMatchObject({ q: { last: 3, state: 'delayed' }, updates: 3 });
    expect(latestQuote(d, 7, 5)?.updates).toBe(2);
    expect(latestQuote(d, 9, 0)).toBeNull();
  });

  it('latestOrder and executionsOf: the newest state of an order, each execution once', () => {
    const d = seenDriver([
      { at: 1, event: 'orders', payload: { orders: [order(1, 'Submitted'), order(2, 'Submitted')] } },
      { at: 2, event: 'orders', payload: { orders: [order(1, 'Filled')] } },
      { at: 2, event: 'executions', payload: { executions: [execution('e1', 1, 1), execution('e9', 2, 5)] } },
      { at: 3, event: 'executions', payload: { executions: [execution('e1', 1, 1)] } },
    ]);
    expect(latestOrder(d, 1)?.status).toBe('Filled');
    expect(latestOrder(d, 3)).toBeNull();
    expect(executionsOf(d, 1).map((x) => x.execId)).toEqual(['e1']);
  });

  it('orderReaches: resolves in a wanted state, fails at once with TWS’s words when the order ended otherwise', async () => {
    const working = seenDriver([{ at: 1, event: 'orders', payload: { orders: [order(1, 'Submitted')] } }]);
    await expect(orderReaches(working, 1, ['Submitted'], 'working')).resolves.toMatchObject({ orderId: 1 });
    const rejected = seenDriver([
      {
        at: 1,
        event: 'orders',
        payload: { orders: [order(1, 'Inactive', { message: 'Order rejected', twsCode: 201 })] },
      },
    ]);
    await expect(orderReaches(rejected, 1, ['Submitted'], 'working')).rejects.toThrow(
      'order 1 is Inactive, not working: Order rejected (TWS 201)',
    );
  });
});

describe('prices, positions and accounts', () => {
  it('priceOf: last, else the mid of a two-sided market, else the close; never a zero or negative price', () => {
    const q = { last: null, bid: null, ask: null, close: null };
    expect(priceOf({ ...q, last: 10, bid: 1, ask: 3 })).toBe(10);
    expect(priceOf({ ...q, last: 0, bid: 1, ask: 3, close: 9 })).toBe(2);
    expect(priceOf({ ...q, bid: 1, ask: 0, close: 9 })).toBe(9);
    expect(priceOf({ ...q, close: -1 })).toBeNull();
  });

  it('px: as many decimals as the tick needs, two at least', () => {
    expect(px(1.5)).toBe('1.50');
    expect(px(1.23456, 0.00005)).toBe('1.23456');
    expect(px(null)).toBe('-');
  });

  it("refOf: a pane's reference: stocks go to SMART with their listing exchange; futures keep exchange, local symbol and multiplier", () => {
    const base = {
      conId: 1,
      currency: 'USD',
      primaryExchange: 'NASDAQ',
      localSymbol: 'X',
      tradingClass: '',
      longName: '',
      minTick: 0.01,
    };
    expect(refOf({ ...base, symbol: 'AAPL', secType: 'STK', exchange: 'NASDAQ' } as Instrument)).toEqual({
      conId: 1,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
      primaryExchange: 'NASDAQ',
      localSymbol: 'X',
    });
    expect(
      refOf({
        ...base,
        symbol: 'ES',
        secType: 'FUT',
        exchange: 'CME',
        localSymbol: 'ESZ6',
        lastTradeDateOrContractMonth: '20261218',
        multiplier: 50,
      } as Instrument),
    ).toEqual({
      conId: 1,
      symbol: 'ES',
      secType: 'FUT',
      exchange: 'CME',
      currency: 'USD',
      primaryExchange: 'NASDAQ',
      localSymbol: 'ESZ6',
      lastTradeDateOrContractMonth: '20261218',
      multiplier: 50,
    });
  });

  it('positionOf sums one account’s lines of an instrument; accountLine says what the report shows', () => {
    const pos = (account: string, conId: number, symbol: string, position: number) => ({
      account,
      contract: { conId, symbol, secType: 'STK' as const, exchange: 'SMART', currency: 'USD' },
      position,
      avgCost: 0,
      marketPrice: null,
      marketValue: null,
      unrealizedPnl: null,
      realizedPnl: null,
      dailyPnl: null,
    });
    const p: PortfolioSnapshot = {
      positions: [pos('DU1', 7, 'AAPL', 2), pos('DU1', 7, 'AAPL', 3), pos('DU2', 7, 'AAPL', 100)],
      accounts: [
        {
          account: 'DU1',
          currency: 'USD',
          netLiquidation: 1234.5,
          buyingPower: null,
          availableFunds: null,
          totalCash: 1000,
          grossPositionValue: null,
          dailyPnl: null,
          unrealizedPnl: null,
          realizedPnl: null,
          values: {},
          updatedAt: 0,
        },
      ],
    };
    expect(positionOf(p, 'DU1', 7)).toBe(5);
    expect(positionOf(p, 'DU1', 8)).toBe(0);
    expect(accountLine(p, 'DU1')).toBe(
      'DU1 (USD): net liquidation 1,234.50, total cash 1,000.00, buying power -; 2 position(s): AAPL 2, AAPL 3',
    );
    expect(accountLine(p, 'DU2')).toBe('DU2: no account values');
  });
});
