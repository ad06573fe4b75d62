import { describe, expect, it } from 'vitest';
import type { OptionExpiry } from '../../src-shared/domain/option';
import { optionFixture } from '../../tests/support/domain-fixtures';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { connectionStatus } from '../../tests/support/renderer/fixtures';
import { aaplChain } from '../../tests/support/domain-fixtures';
import { createAppStore } from './app-store';
import { expiryKey } from './options-slice';

const AAPL = { conId: 265598, symbol: 'AAPL' };
const call150 = optionFixture(150, 'C');
const expiry: OptionExpiry = {
  expiry: '20260116',
  daysToExpiry: 11,
  multiplier: 100,
  rows: [{ strike: 150, call: call150, put: null }],
};

describe('options slice', () => {
  it('keeps an expiry’s rows, learns their instruments, and keeps a refusal as the chain’s error', async () => {
    const client = createFakeClient({
      'options.expiry': () => expiry,
      'options.chain': () => ({ error: { code: 'NOT_FOUND', message: 'TWS lists no options on AAPL' } }),
    });
    const store = createAppStore(client);
    await store.getState().loadOptionExpiry(AAPL, '20260116', 'AAPL');
    expect(client.callsOf('options.expiry')).toEqual([{ ...AAPL, expiry: '20260116', tradingClass: 'AAPL' }]);
    expect(store.getState().optionExpiries[expiryKey(265598, '20260116')]?.data).toEqual(expiry);
    expect(store.getState().instruments[1501]).toEqual(call150);
    await store.getState().loadOptionChain(AAPL);
    expect(store.getState().optionChains[265598]).toEqual({
      data: null,
      error: { code: 'NOT_FOUND', message: 'TWS lists no options on AAPL' },
    });
  });

  it('hands a clicked option to the ticket with its side and price, and opens the ticket', () => {
    const store = createAppStore(createFakeClient());
    const opened: string[] = [];
    store.getState().setDock({ openPane: (k) => opened.push(k), activePaneId: () => null });
    store.getState().openOptionTicket(call150, 'BUY', 2.35);
    expect(store.getState().optionTicket).toMatchObject({
      item: { conId: 1501, secType: 'OPT', strike: 150, right: 'C', multiplier: 100 },
      action: 'BUY',
      price: 2.35,
    });
    expect(opened).toEqual(['order-entry']);
    const first = store.getState().optionTicket!.seq;
    store.getState().openOptionTicket(call150, 'SELL', 2.3);
    expect(store.getState().optionTicket!.seq).toBeGreaterThan(first);
    store.getState().clearOptionTicket();
    expect(store.getState().optionTicket).toBeNull();
  });

  it('a prefetch asks for the chain and the preferred expiry’s rows; the pane’s own loads share them', async () => {
    const chain = aaplChain();
    const client = createFakeClient({ 'options.chain': () => chain, 'options.expiry': () => expiry });
    const store = createAppStore(client);
    const prefetch = store.getState().prefetchOptionChain(AAPL, '20260116');
    // The pane mounts while the prefetch runs: its chain load shares the request in flight.
    const paneLoad = store.getState().loadOptionChain(AAPL);
    await Promise.all([prefetch, paneLoad]);
    expect(client.callsOf('options.chain')).toHaveLength(1);
    expect(client.callsOf('options.expiry')).toEqual([{ ...AAPL, expiry: '20260116', tradingClass: 'AAPL' }]);
    // The rows just fetched are fresh: the table's own load asks for nothing.
    await store.getState().loadOptionExpiry(AAPL, '20260116', 'AAPL');
    expect(client.callsOf('options.expiry')).toHaveLength(1);
    expect(store.getState().optionExpiries[expiryKey(265598, '20260116')]?.data).toEqual(expiry);
    // An expiry not listed: the nearest.
    await store.getState().prefetchOptionChain(AAPL, '20991231');
    expect(client.callsOf('options.expiry').at(-1)).toMatchObject({ expiry: '20260109' });
  });

  it('a failed expiry is asked for again', async () => {
    let fail = true;
    const client = createFakeClient({
      'options.expiry': () => (fail ? { error: { code: 'UNAVAILABLE', message: 'not connected' } } : expiry),
    });
    const store = createAppStore(client);
    await store.getState().loadOptionExpiry(AAPL, '20260116', 'AAPL');
    fail = false;
    await store.getState().loadOptionExpiry(AAPL, '20260116', 'AAPL');
    expect(client.callsOf('options.expiry')).toHaveLength(2);
    expect(store.getState().optionExpiries[expiryKey(265598, '20260116')]?.data).toEqual(expiry);
  });

  it('a chain and an expiry that failed while TWS was away are asked again when it is back, once', async () => {
    let down = true;
    const notConnected = { error: { code: 'NOT_CONNECTED', message: 'Not connected to TWS' } } as const;
    const client = createFakeClient({
      'options.chain': () => (down ? notConnected : aaplChain()),
      'options.expiry': () => (down ? notConnected : expiry),
      'orders.list': () => [],
      'executions.list': () => [],
    });
    const store = createAppStore(client);
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await store.getState().loadOptionChain(AAPL);
    await store.getState().loadOptionExpiry(AAPL, '20260116', 'AAPL');
    expect(store.getState().optionChains[265598]?.error?.code).toBe('NOT_CONNECTED');
    store.getState().connectionChanged(connectionStatus({ state: 'reconnecting' }));
    down = false;
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await settle();
    expect(store.getState().optionChains[265598]?.data).toEqual(aaplChain());
    expect(store.getState().optionExpiries[expiryKey(265598, '20260116')]?.data).toEqual(expiry);
    // What succeeded is not asked again at the next return.
    store.getState().connectionChanged(connectionStatus({ state: 'reconnecting' }));
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await settle();
    expect(client.callsOf('options.chain')).toHaveLength(2);
    expect(client.callsOf('options.expiry')).toHaveLength(2);
  });
});
