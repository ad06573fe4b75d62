import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { journalOrder, memoryBook } from '../../../tests/support/orders-fixtures';
import { createAckWatchdog } from './watchdog';

async function setup() {
  const clock = createManualClock(0);
  const { book } = await memoryBook(clock);
  await book.record({ t: 'intent', at: 0, order: journalOrder(1) }, { t: 'sent', at: 0, orderId: 1 });
  let session = 1;
  let connected = true;
  const reconciles: number[] = [];
  const tracked: Promise<unknown>[] = [];
  const watchdog = createAckWatchdog({
    clock,
    log: silentLogger,
    book,
    ackTimeoutMs: 5_000,
    session: () => session,
    canSend: () => connected,
    reconcile: async () => void reconciles.push(clock.now()),
    track: (p) => tracked.push(p),
  });
  const settle = async () => {
    for (const p of tracked.splice(0)) await p;
  };
  return {
    clock,
    book,
    watchdog,
    reconciles,
    settle,
    reconnect: () => session++,
    disconnect: () => (connected = false),
  };
}

describe('acknowledgment watchdog', () => {
  it('flags an order not acknowledged within the time and reconciles at once, saying nothing is re-sent', async () => {
    const { clock, book, watchdog, reconciles } = await setup();
    watchdog.watch(1);
    clock.advance(4_999);
    expect(reconciles).toEqual([]);
    clock.advance(1);
    expect(reconciles).toEqual([5_000]);
    expect(book.orders.get(1)).toMatchObject({
      status: 'Unacknowledged',
      message: expect.stringContaining('within 5 s of sending'),
    });
    expect(book.orders.get(1)!.message).toContain('nothing is sent again');
    expect(watchdog.get(1)).toEqual({ session: 1, timer: null });
  });

  it('stops watching an order TWS acknowledged, and one that is no longer working', async () => {
    const { clock, book, watchdog, reconciles } = await setup();
    watchdog.watch(1);
    watchdog.unwatch(1);
    clock.advance(10_000);
    await book.record({ t: 'intent', at: 1, order: journalOrder(2) });
    await book.record({ t: 'not-sent', at: 1, orderId: 2, reason: 'dropped' });
    watchdog.watch(2);
    clock.advance(10_000);
    expect(reconciles).toEqual([]);
    expect(watchdog.get(2)).toBeUndefined();
  });

  it('asks again while the order stays flagged on the same connection, not after a reconnect', async () => {
    const { clock, watchdog, reconciles, settle, reconnect } = await setup();
    watchdog.watch(1);
    clock.advance(5_000);
    await settle();
    clock.advance(5_000);
    await settle();
    expect(reconciles).toEqual([5_000, 10_000]);
    reconnect();
    clock.advance(20_000);
    expect(reconciles).toEqual([5_000, 10_000]);
  });

  it('does not ask again without a connection, and forgets everything on stopAll', async () => {
    const { clock, watchdog, reconciles, settle, disconnect } = await setup();
    watchdog.watch(1);
    clock.advance(5_000);
    disconnect();
    await settle();
    clock.advance(20_000);
    expect(reconciles).toEqual([5_000]);
    watchdog.stopAll();
    expect(watchdog.get(1)).toBeUndefined();
    expect(clock.pending()).toBe(0);
  });
});
