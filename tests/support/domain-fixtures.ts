// Whole domain objects for unit tests (a connection status, an order, an execution, an option, a chain, a depth
// change): a plain
// paper-account default that each test overrides with the fields it is about, so no test spells out the other twenty.
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import type { DepthChange } from '../../src-shared/domain/depth';
import type { Instrument } from '../../src-shared/domain/instrument';
import type { OptionChain } from '../../src-shared/domain/option';
import type { Execution, Order } from '../../src-shared/domain/order';

const AAPL = { symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

/** AAPL on SMART with its conId, the instrument the depth tests ask a book of. */
export const AAPL_SMART = { conId: 265598, ...AAPL };

/** A depth change inserting a level at `position` on one side (ARCA, 100 shares unless told). */
export const depthInsert = (
  side: 'bid' | 'ask',
  position: number,
  price: number,
  size = 100,
): DepthChange => ({ side, position, operation: 'insert', price, size, maker: 'ARCA' });

/** An order's terms beyond its type and price when it has none of them: no stop, no trail, DAY, RTH only, no OCA. */
export const PLAIN_TERMS = {
  stopPrice: null,
  trailingAmount: null,
  trailingPercent: null,
  tif: 'DAY',
  outsideRth: false,
  ocaGroup: null,
} as const;

/** Ready on the Paper (TWS) profile, 127.0.0.1:7497, client id 1, account DU1. */
export function connectionStatusFixture(extra: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return {
    state: 'ready',
    profileId: 'tws-paper',
    profileName: 'Paper (TWS)',
    source: 'tws-paper',
    demo: false,
    host: '127.0.0.1',
    port: 7497,
    clientId: 1,
    readOnly: false,
    live: false,
    serverVersion: 187,
    accounts: ['DU1'],
    reason: null,
    twsCode: null,
    nextRetryAt: null,
    attempt: 0,
    since: 0,
    suggestedClientId: null,
    ...extra,
  };
}

/** BUY 100 AAPL LMT 150 DAY in DU1, working (Submitted), nothing filled. */
export function orderFixture(extra: Partial<Order> = {}): Order {
  return {
    orderId: 1,
    permId: null,
    parentId: null,
    clientId: 1,
    account: 'DU1',
    contract: AAPL,
    action: 'BUY',
    quantity: 100,
    orderType: 'LMT',
    limitPrice: 150,
    ...PLAIN_TERMS,
    status: 'Submitted',
    filled: 0,
    remaining: 100,
    avgFillPrice: null,
    message: null,
    twsCode: null,
    createdAt: 0,
    updatedAt: 0,
    external: false,
    ...extra,
  };
}

/** A BUY of 1 AAPL at 100 on NASDAQ in DU1, commission not yet reported. */
export function executionFixture(extra: Partial<Execution> = {}): Execution {
  return {
    execId: 'e1',
    orderId: 1,
    permId: null,
    account: 'DU1',
    contract: AAPL,
    side: 'BUY',
    shares: 1,
    price: 100,
    time: 0,
    exchange: 'NASDAQ',
    commission: null,
    commissionCurrency: null,
    realizedPnl: null,
    ...extra,
  };
}

/** A listed AAPL option of 16 Jan 2026 as contract details give it (conId from strike and right). */
export function optionFixture(strike: number, right: 'C' | 'P', expiry = '20260116'): Instrument {
  return {
    conId: Math.round(strike * 10) + (right === 'C' ? 1 : 2),
    symbol: 'AAPL',
    secType: 'OPT',
    exchange: 'SMART',
    primaryExchange: '',
    currency: 'USD',
    localSymbol: `AAPL  ${expiry.slice(2)}${right}${String(strike * 1000).padStart(8, '0')}`,
    tradingClass: 'AAPL',
    lastTradeDateOrContractMonth: expiry,
    multiplier: 100,
    strike,
    right,
    longName: 'APPLE INC',
    minTick: 0.01,
    stockType: '',
    industry: '',
    category: '',
    timeZoneId: 'US/Eastern',
    tradingHours: '',
    liquidHours: '',
    validExchanges: 'SMART,CBOE',
    orderTypes: 'LMT,MKT',
  };
}

/** AAPL's option chain as options.chain answers it: two expirations, one strike. */
export function aaplChain(extra: Partial<OptionChain> = {}): OptionChain {
  return {
    underlyingConId: 265598,
    symbol: 'AAPL',
    exchange: 'SMART',
    tradingClass: 'AAPL',
    multiplier: 100,
    expirations: ['20260109', '20260116'],
    strikes: [150],
    ...extra,
  };
}
