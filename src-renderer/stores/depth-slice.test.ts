// The depth store: a book per held instrument from the subscribe answer and `depth` events, counted holds (one
// unsubscribe per release, the book dropped with the last), late events for a released book ignored.
import { describe, expect, it } from 'vitest';
import type { DepthBook } from '../../src-shared/domain/depth';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { bindEvents } from '../api/bind-events';
import { createAppStore } from './app-store';

const book = (conId: number, bid: number): DepthBook => ({
  conId,
  bids: [{ price: bid, size: 100, maker: 'ARCA' }],
  asks: [],
  state: 'live',
  updatedAt: 1,
});

describe('depth store', () => {
  it('keeps the book of a held instrument and drops it with the last hold', async () => {
    const client = createFakeClient({
      'depth.subscribe': ({ contract }) => ({ ...book(contract.conId, 10), state: 'pending' as const }),
      'depth.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    const a = store.getState().acquireDepth(item(1, 'AAPL'));
    const b = store.getState().acquireDepth(item(1, 'AAPL'));
    await settle();
    expect(store.getState().books[1]?.state).toBe('pending');
    client.emit('depth', book(1, 11));
    client.emit('depth', book(2, 5)); // not held
    expect(store.getState().books[1]?.bids[0]?.price).toBe(11);
    expect(store.getState().books[2]).toBeUndefined();
    a();
    a();
    expect(store.getState().books[1]).toBeDefined();
    b();
    await settle();
    expect(store.getState().books[1]).toBeUndefined();
    expect(client.callsOf('depth.unsubscribe')).toEqual([{ conId: 1 }, { conId: 1 }]);
    client.emit('depth', book(1, 12));
    expect(store.getState().books[1]).toBeUndefined();
  });

  it('keeps why the request failed', async () => {
    const client = createFakeClient({
      'depth.subscribe': () => ({ error: { code: 'NOT_CONNECTED', message: 'Not connected to TWS' } }),
    });
    const store = createAppStore(client);
    store.getState().acquireDepth(item(3, 'MSFT'));
    await settle();
    expect(store.getState().depthErrors[3]).toBe('Not connected to TWS');
  });
});
