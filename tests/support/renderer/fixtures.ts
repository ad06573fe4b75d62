// Domain objects for renderer tests.
import type { Bar } from '../../../src-shared/domain/bar';
import type { ConnectionStatus } from '../../../src-shared/domain/connection';
import type { Execution, Order } from '../../../src-shared/domain/order';
import { emptyQuote, type Quote } from '../../../src-shared/domain/quote';
import type { ScanRow } from '../../../src-shared/domain/scanner';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { connectionStatusFixture, executionFixture, orderFixture } from '../domain-fixtures';

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
  const common = {
    account: 'DU123',
    contract: item(1, 'AAPL'),
    limitPrice: 100,
    createdAt: 1000,
    updatedAt: 1000,
  };
  return orderFixture({ orderId, ...common, ...patch });
}

export function execution(execId: string, patch: Partial<Execution> = {}): Execution {
  return executionFixture({
    execId,
    account: 'DU123',
    contract: item(1, 'AAPL'),
    shares: 100,
    time: 2000,
    ...patch,
  });
}

/** The status of a Demo connection, ready unless patched. */
export function connectionStatus(patch: Partial<ConnectionStatus> = {}): ConnectionStatus {
  const demo = { profileId: 'demo', profileName: 'Demo', demo: true, serverVersion: 176 };
  return connectionStatusFixture({ ...demo, source: patch.profileId ?? 'demo', ...patch });
}
