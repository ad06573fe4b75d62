// The tape store: prints appended oldest first with a gap row, bounded; loaded on subscribe, dropped with the last
// hold.
import { describe, expect, it } from 'vitest';
import type { Print } from '../../src-shared/domain/tape';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { bindEvents } from '../api/bind-events';
import { createAppStore } from './app-store';
import { appendPrints } from './tape-slice';

const print = (time: number, size = 100): Print => ({ time, price: 10, size, exchange: 'ARCA', at: null });

describe('tape store', () => {
  it('appends batches with their gap and keeps the last rows', () => {
    const rows = appendPrints([print(1)], { prints: [print(2), print(3)], gap: true }, 99, 3);
    expect(rows).toEqual([{ gap: true, time: 99 }, print(2), print(3)]);
  });

  it('loads the tape on subscribe, adds events, drops it with the last hold', async () => {
    const client = createFakeClient({
      'tape.subscribe': () => ({ prints: [print(1)] }),
      'tape.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    const release = store.getState().acquireTape(item(1, 'AAPL'));
    await settle();
    client.emit('tape', { conId: 1, prints: [print(2)], gap: false });
    expect(store.getState().tapes[1]?.map((r) => r.time)).toEqual([1, 2]);
    release();
    await settle();
    expect(store.getState().tapes[1]).toBeUndefined();
    expect(client.callsOf('tape.unsubscribe')).toEqual([{ conId: 1 }]);
  });
});
