import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-shared/logger';
import { createFakeTws } from '../../../tests/support/fake-tws';
import { createManualClock } from '../../../tests/support/manual-clock';
import { journalOrder, memoryBook } from '../../../tests/support/orders-fixtures';
import { followTwsOrders, lateNote } from './tws-events';
import type { AckWatchdog } from './watchdog';

async function setup() {
  const clock = createManualClock(10_000);
  const fake = createFakeTws(clock);
  const { book, mem } = await memoryBook(clock);
  await book.record({ t: 'intent', at: 0, order: journalOrder(1) }, { t: 'sent', at: 0, orderId: 1 });
  const unwatched: number[] = [];
  const watchdog = { unwatch: (id: number) => void unwatched.push(id) } as unknown as AckWatchdog;
  followTwsOrders({ tws: fake.tws, book, watchdog, clock, log: silentLogger });
  const settle = () => book.writesDone();
  return { clock, fake, book, mem, unwatched, settle };
}

const status = (orderId: number, s: 'Submitted' | 'Filled', filled = 0) => ({
  orderId,
  status: s,
  filled,
  remaining: 10 - filled,
  avgFillPrice: filled ? 100 : null,
  permId: 9,
  parentId: null,
  clientId: 1,
  whyHeld: null,
});

describe('what TWS reports about orders', () => {
  it('journals a status change of our order, and takes it as TWS’s acknowledgment', async () => {
    const { fake, book, mem, unwatched, settle } = await setup();
    fake.orderEvents((s) => s.status?.(status(1, 'Submitted')));
    fake.orderEvents((s) => s.status?.(status(1, 'Submitted'))); // no change: nothing written
    fake.orderEvents((s) => s.status?.(status(1, 'Filled', 10)));
    await settle();
    expect(unwatched).toEqual([1, 1, 1]);
    expect(mem.appended.filter((r) => r.t === 'status').map((r) => r.t === 'status' && r.status)).toEqual([
      'Submitted',
      'Filled',
    ]);
    expect(book.orders.get(1)).toMatchObject({ status: 'Filled', filled: 10, permId: 9 });
  });

  it('shows an open order it did not place as external, once', async () => {
    const { fake, book, mem, settle } = await setup();
    const theirs = {
      ...journalOrder(70, { action: 'SELL', note: 'from TWS' }),
      permId: 5,
      status: 'Submitted' as const,
    };
    fake.orderEvents((s) => s.openOrder?.(theirs));
    fake.orderEvents((s) => s.openOrder?.(theirs));
    await settle();
    expect(mem.appended.filter((r) => r.t === 'external')).toEqual([
      {
        t: 'external',
        at: 10_000,
        order: journalOrder(70, { action: 'SELL', note: 'from TWS' }),
        status: 'Submitted',
        permId: 5,
      },
    ]);
    expect(book.orders.get(70)).toMatchObject({ external: true, status: 'Submitted' });
  });

  it('journals an execution once, and its commission when it changes', async () => {
    const { fake, book, mem, settle } = await setup();
    const exec = {
      execId: 'e1',
      orderId: 1,
      permId: 9,
      clientId: 1,
      account: 'DU111',
      contract: journalOrder(1).contract as never,
      side: 'BUY' as const,
      shares: 10,
      price: 100,
      cumQty: 10,
      avgPrice: 100,
      time: 5_000,
      timeText: '20270101  10:00:00',
      exchange: 'ISLAND',
      orderRef: 'ibdesk:1',
    };
    fake.orderEvents((s) => s.execution?.(exec));
    fake.orderEvents((s) => s.execution?.(exec));
    fake.orderEvents((s) =>
      s.commission?.({ execId: 'e1', commission: 1, currency: 'USD', realizedPnl: null }),
    );
    fake.orderEvents((s) =>
      s.commission?.({ execId: 'e1', commission: 1, currency: 'USD', realizedPnl: null }),
    );
    await settle();
    expect(mem.appended.map((r) => r.t)).toEqual(['intent', 'sent', 'exec', 'commission']);
    expect(book.executions.get('e1')).toMatchObject({ commission: 1, exchange: 'ISLAND' });
  });

  it('marks an order TWS rejects as Inactive with TWS’s words; "cannot find the order" is no acknowledgment', async () => {
    const { fake, book, unwatched, settle } = await setup();
    fake.message({ code: 135, message: "Can't find order with id =1", reqId: 1 });
    expect(unwatched).toEqual([]);
    fake.message({ code: 201, message: 'Order rejected - reason:insufficient margin', reqId: 1 });
    await settle();
    expect(unwatched).toEqual([1]);
    expect(book.orders.get(1)).toMatchObject({ status: 'Inactive', twsCode: 201 });
    expect(book.orders.get(1)!.message).toContain('insufficient margin');
  });

  it('says when an order flagged as not acknowledged turns out to be working', async () => {
    const { book, clock } = await setup();
    expect(lateNote(book.orders.get(1)!, clock.now())).toEqual({});
    const flagged = { ...book.orders.get(1)!, status: 'Unacknowledged' as const, createdAt: 3_500 };
    expect(lateNote(flagged, 10_000).message).toBe(
      'TWS confirmed order 1 6.5 s after it was placed; it is working as TWS reports. Nothing was sent again.',
    );
  });
});
