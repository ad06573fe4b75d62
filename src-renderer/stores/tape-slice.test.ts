// The tape store: prints appended oldest first with a gap row, bounded; loaded on subscribe, dropped with the last
// hold.
import { describe, expect, it } from 'vitest';
import type { Print } from '../../src-shared/domain/tape';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { bindEvents } from '../api/bind-events';
import { createAppStore } from './app-store';
import { addVolume, appendPrints } from './tape-slice';

const print = (time: number, size = 100, price = 10): Print => ({
  time,
  price,
  size,
  exchange: 'ARCA',
  at: null,
});

describe('tape store', () => {
  it('appends batches with their gap and keeps the last rows', () => {
    const rows = appendPrints([print(1)], { prints: [print(2), print(3)], gap: true }, 99, 3);
    expect(rows).toEqual([{ gap: true, time: 99 }, print(2), print(3)]);
  });

  it('adds each print’s shares to its price', () => {
    const v = addVolume({}, [print(1, 100, 10), print(2, 50, 10.01), print(3, 25, 10)]);
    expect(v).toEqual({ '10': 125, '10.01': 50 });
    expect(addVolume(v, [print(4, 0, 9.99)])).toEqual(v);
    expect(addVolume(v, [])).toBe(v);
  });

  it('keeps the volume at price of every print received, beyond the rows it keeps, and drops it with the tape', async () => {
    const client = createFakeClient({
      'tape.subscribe': () => ({ prints: [print(1, 100, 10), print(2, 200, 10.01)] }),
      'tape.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    const release = store.getState().acquireTape(item(1, 'AAPL'));
    await settle();
    // 6,000 prints: more than the 5,000 rows the tape keeps; the volume counts them all.
    const batch = Array.from({ length: 6000 }, (_, i) => print(3 + i, 10, i % 2 ? 10 : 10.02));
    client.emit('tape', { conId: 1, prints: batch, gap: false });
    client.emit('tape', { conId: 2, prints: [print(9, 1000, 10)], gap: false });
    expect(store.getState().tapes[1]).toHaveLength(5000);
    expect(store.getState().tapeVolumes[1]).toEqual({ '10': 100 + 30_000, '10.01': 200, '10.02': 30_000 });
    expect(store.getState().tapeVolumes[2]).toBeUndefined();
    release();
    await settle();
    expect(store.getState().tapeVolumes[1]).toBeUndefined();
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
