// Domain objects for renderer tests.
import type { Bar } from '../../../src-shared/domain/bar';
import type { ConnectionStatus } from '../../../src-shared/domain/connection';
import type { Execution, Order } from '../../../src-shared/domain/order';
import { emptyQuote, type Quote } from '../../../src-shared/domain/quote';
import type { ScanRow } from '../../../src-shared/domain/scanner';
import type { WatchItem } from '../../../src-shared/domain/workspace';

export function item(conId: number, symbol: string): WatchItem {
  return { conId, symbol, secType: 'STK', exchange: 'SMART', currency: 'USD' };
}

export function quote(conId: number, patch: Partial<Quote> = {}): Quote {
  return { ...emptyQuote(conId, 'live'), ...patch };
}

export function row(rank: number, conId: number, symbol: string): ScanRow {
  return { rank, contract: item(conId, symbol), distance: '', benchmark: '', projection: '' };
}

export function bar(time: number, close: number, volume = 100): Bar {
  return { time, open: close, high: close + 1, low: close - 1, close, volume };
}

export function order(orderId: number, patch: Partial<Order> = {}): Order {
  return {
    orderId,
    permId: null,
    parentId: null,
    clientId: 1,
    account: 'DU123',
    contract: item(1, 'AAPL'),
    action: 'BUY',
    quantity: 100,
    orderType: 'LMT',
    limitPrice: 100,
    stopPrice: null,
    trailingAmount: null,
    trailingPercent: null,
    tif: 'DAY',
    outsideRth: false,
    ocaGroup: null,
    status: 'Submitted',
    filled: 0,
    remaining: 100,
    avgFillPrice: null,
    message: null,
    twsCode: null,
    createdAt: 1000,
    updatedAt: 1000,
    external: false,
    ...patch,
  };
}

export function execution(execId: string, patch: Partial<Execution> = {}): Execution {
  return {
    execId,
    orderId: 1,
    permId: null,
    account: 'DU123',
    contract: item(1, 'AAPL'),
    side: 'BUY',
    shares: 100,
    price: 100,
    time: 2000,
    exchange: 'NASDAQ',
    commission: null,
    commissionCurrency: null,
    realizedPnl: null,
    ...patch,
  };
}

/** The status of a Demo connection, ready unless patched. */
export function connectionStatus(patch: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return {
    state: 'ready',
    profileId: 'demo',
    profileName: 'Demo',
    demo: true,
    host: '127.0.0.1',
    port: 7497,
    clientId: 1,
    readOnly: false,
    live: false,
    serverVersion: 176,
    accounts: ['DU1'],
    reason: null,
    twsCode: null,
    nextRetryAt: null,
    attempt: 0,
    since: 0,
    suggestedClientId: null,
    ...patch,
  };
}
