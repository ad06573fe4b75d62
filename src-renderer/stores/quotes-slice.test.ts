import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';
import { applyQuoteBatch, focusUnion } from './quotes-slice';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { item, quote } from '../../tests/support/renderer/fixtures';

describe('applyQuoteBatch', () => {
  it('keeps the latest quote per conId and the direction of each price change', () => {
    let m = applyQuoteBatch({}, [quote(1, { last: 10, bid: 9.9, ask: 10.1 })]);
    expect(m[1]).toMatchObject({ last: 10, lastDir: 0, lastSeq: 0 });
    m = applyQuoteBatch(m, [quote(1, { last: 10.5, bid: 9.8, ask: 10.1 })]);
    expect(m[1]).toMatchObject({ lastDir: 1, lastSeq: 1, bidDir: -1, bidSeq: 1, askDir: 0, askSeq: 0 });
    m = applyQuoteBatch(m, [quote(1, { last: 10.5, bid: 9.8, ask: 10.1, volume: 5 })]);
    // No price change: the flash does not restart.
    expect(m[1]).toMatchObject({ lastDir: 1, lastSeq: 1, volume: 5 });
    m = applyQuoteBatch(m, [quote(1, { last: 10.2 })]);
    expect(m[1]).toMatchObject({ lastDir: -1, lastSeq: 2 });
  });

  it('remembers when each price last changed (the flash holds from then), not when the quote last came', () => {
    let m = applyQuoteBatch({}, [quote(1, { last: 10, bid: 9.9, ask: 10.1 })], 1000);
    expect(m[1]).toMatchObject({ lastAt: null, bidAt: null, askAt: null });
    m = applyQuoteBatch(m, [quote(1, { last: 10.5, bid: 9.9, ask: 10.1 })], 2000);
    expect(m[1]).toMatchObject({ lastAt: 2000, bidAt: null, askAt: null });
    m = applyQuoteBatch(m, [quote(1, { last: 10.5, bid: 9.8, ask: 10.1, volume: 7 })], 3000);
    expect(m[1]).toMatchObject({ lastAt: 2000, bidAt: 3000, askAt: null });
  });

  it('returns a new map and leaves other instruments as they were', () => {
    const a = applyQuoteBatch({}, [quote(1, { last: 1 }), quote(2, { last: 2 })]);
    const b = applyQuoteBatch(a, [quote(2, { last: 3 })]);
    expect(b).not.toBe(a);
    expect(b[1]).toBe(a[1]);
    expect(b[2]?.last).toBe(3);
  });
});

describe('quote holds', () => {
  it('subscribes an instrument once however many panes hold it, and unsubscribes after the last release', async () => {
    const client = createFakeClient({
      'quotes.subscribe': ({ contracts }) => ({ quotes: contracts.map((c) => quote(c.conId!, { last: 5 })) }),
      'quotes.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    const releaseA = store.getState().acquireQuotes([item(1, 'AAPL'), item(2, 'MSFT')]);
    const releaseB = store.getState().acquireQuotes([item(1, 'AAPL')]);
    await settle();
    expect(client.callsOf('quotes.subscribe')).toHaveLength(1);
    expect(store.getState().quotes[1]?.last).toBe(5);
    releaseA();
    releaseA(); // idempotent
    await settle();
    expect(client.callsOf('quotes.unsubscribe')).toEqual([{ conIds: [2] }]);
    releaseB();
    await settle();
    expect(client.callsOf('quotes.unsubscribe')).toEqual([{ conIds: [2] }, { conIds: [1] }]);
    expect(store.getState().quoteHolds().size).toBe(0);
  });

  it('holding the grown list before releasing the old one subscribes only what is new', async () => {
    const client = createFakeClient({
      'quotes.subscribe': () => ({ quotes: [] }),
      'quotes.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    const old = store.getState().acquireQuotes([item(1, 'A'), item(2, 'B')]);
    const grown = store.getState().acquireQuotes([item(1, 'A'), item(2, 'B'), item(3, 'C')]);
    old();
    await settle();
    const subs = client.callsOf('quotes.subscribe') as { contracts: { conId: number }[] }[];
    expect(subs.map((c) => c.contracts.map((x) => x.conId))).toEqual([[1, 2], [3]]);
    expect(client.callsOf('quotes.unsubscribe')).toEqual([]);
    const shrunk = store.getState().acquireQuotes([item(1, 'A')]);
    grown();
    await settle();
    expect(client.callsOf('quotes.unsubscribe')).toEqual([{ conIds: [2, 3] }]);
    shrunk();
  });

  it('subscribes again everything held after the host connection came back', async () => {
    const client = createFakeClient({ 'quotes.subscribe': () => ({ quotes: [] }) });
    const store = createAppStore(client);
    store.getState().acquireQuotes([item(1, 'AAPL'), item(2, 'MSFT')]);
    await settle();
    await store.getState().resubscribeQuotes();
    const calls = client.callsOf('quotes.subscribe') as { contracts: { conId: number }[] }[];
    expect(calls).toHaveLength(2);
    expect(calls[1]!.contracts.map((c) => c.conId)).toEqual([1, 2]);
  });
});

describe('quote focus', () => {
  it('joins what every pane shows, each instrument once, in pane order', () => {
    const byOwner = new Map([
      ['w1', [3, 1, 2]],
      ['w2', [2, 5]],
    ]);
    expect(focusUnion(byOwner)).toEqual([3, 1, 2, 5]);
    expect(focusUnion(new Map())).toEqual([]);
    const many = new Map([['w', Array.from({ length: 1500 }, (_, i) => i + 1)]]);
    expect(focusUnion(many)).toHaveLength(1000);
  });

  it('tells main the instruments on screen when they change, one request at a time, the latest list last', async () => {
    const client = createFakeClient({ 'quotes.focus': () => null });
    const store = createAppStore(client);
    const { focusQuotes } = store.getState();
    focusQuotes('w1', [1, 2, 3]);
    // Scrolling on while the first request is out: only the latest list follows it.
    focusQuotes('w1', [2, 3, 4]);
    focusQuotes('w1', [3, 4, 5]);
    await settle();
    expect(client.callsOf('quotes.focus')).toEqual([{ conIds: [1, 2, 3] }, { conIds: [3, 4, 5] }]);
    focusQuotes('w1', [3, 4, 5]);
    focusQuotes('w2', [9]);
    await settle();
    expect(client.callsOf('quotes.focus').slice(2)).toEqual([{ conIds: [3, 4, 5, 9] }]);
    // A pane that goes takes its instruments out.
    focusQuotes('w1', []);
    focusQuotes('w2', []);
    await settle();
    expect(client.callsOf('quotes.focus').slice(3)).toEqual([{ conIds: [9] }, { conIds: [] }]);
  });

  it('tells a new connection to the host the focus again', async () => {
    const client = createFakeClient({ 'quotes.focus': () => null });
    const store = createAppStore(client);
    store.getState().focusQuotes('w1', [7, 8]);
    await settle();
    await store.getState().resubscribeQuotes();
    await settle();
    expect(client.callsOf('quotes.focus')).toEqual([{ conIds: [7, 8] }, { conIds: [7, 8] }]);
  });
});
