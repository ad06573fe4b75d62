import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../src-shared/domain/order';
import { silentLogger } from '../../../src-shared/logger';
import { createFakeTws } from '../../../tests/support/fake-tws';
import { createManualClock } from '../../../tests/support/manual-clock';
import { journalOrder, memoryBook } from '../../../tests/support/orders-fixtures';
import type { Notice } from './book';
import { createReconciler } from './reconcile';
import type { AckWatch, AckWatchdog } from './watchdog';

async function setup() {
  const clock = createManualClock(1_800_000_000_000);
  const fake = createFakeTws(clock);
  fake.ready();
  const { book } = await memoryBook(clock);
  for (const id of [1, 2, 3])
    await book.record({ t: 'intent', at: 0, order: journalOrder(id) }, { t: 'sent', at: 0, orderId: id });
  const watches = new Map<number, AckWatch>();
  const watchdog = {
    get: (id: number) => watches.get(id),
    unwatch: (id: number) => void watches.delete(id),
  } as unknown as AckWatchdog;
  const notices: Notice[] = [];
  let session = 1;
  const reconcile = createReconciler({
    tws: fake.tws,
    book,
    watchdog,
    clock,
    log: silentLogger,
    notice: (n) => notices.push(n),
    canSend: () => fake.link.canSend(),
    session: () => session,
    clientId: () => 1,
  });
  return { fake, book, watches, notices, reconcile, reconnect: () => session++ };
}

const listed = (id: number, status: OrderStatus, over = {}) => ({
  ...journalOrder(id, over),
  permId: 100 + id,
  status,
});

describe('reconciliation with TWS', () => {
  it('takes statuses and terms from what TWS lists, and calls what it lacks Unknown, never re-sending', async () => {
    const { fake, book, notices, reconcile } = await setup();
    fake.openOrders = [listed(1, 'Submitted'), listed(2, 'Submitted', { limitPrice: 98 })];
    const report = await reconcile();
    expect(report).toEqual({
      unknown: [3],
      notReceived: [],
      external: [],
      newExecutions: [],
      updated: [1, 2, 2],
    });
    expect(book.orders.get(1)).toMatchObject({ status: 'Submitted', permId: 101 });
    expect(book.orders.get(2)).toMatchObject({ limitPrice: 98 });
    expect(book.orders.get(2)!.message).toMatch(/TWS has limitPrice 98, not what the journal had/);
    expect(book.orders.get(3)).toMatchObject({ status: 'Unknown' });
    expect(notices.map((n) => [n.level, n.title])).toEqual([['warn', 'Orders reconciled']]);
    expect(fake.placed).toEqual([]);
  });

  it('finds the end of an order among TWS’s completed orders by its orderRef, and fills among executions', async () => {
    const { fake, book, reconcile } = await setup();
    fake.openOrders = [listed(3, 'Submitted')];
    fake.completed = [
      {
        permId: null,
        status: 'Cancelled',
        orderRef: 'note [ibdesk:1]',
        account: 'DU111',
        contract: journalOrder(1).contract as never,
        action: 'BUY',
        quantity: 10,
        completedStatus: 'Cancelled by Trader',
      },
    ];
    fake.executions = [
      {
        execId: 'x2',
        orderId: 2,
        permId: 102,
        clientId: 1,
        account: 'DU111',
        contract: journalOrder(2).contract as never,
        side: 'BUY',
        shares: 10,
        price: 100,
        cumQty: 10,
        avgPrice: 100,
        time: 1_799_999_000_000,
        timeText: '',
        exchange: 'ISLAND',
        orderRef: 'ibdesk:2',
      },
    ];
    const report = await reconcile();
    expect(report.newExecutions).toEqual(['x2']);
    expect(book.orders.get(1)).toMatchObject({ status: 'Cancelled', message: 'TWS: Cancelled by Trader' });
    expect(book.orders.get(2)).toMatchObject({ status: 'Filled', filled: 10, remaining: 0 });
    expect(book.executions.get('x2')).toBeDefined();
  });

  it('says "not received" only for an order flagged on this very connection; after a reconnect it is Unknown', async () => {
    const { fake, book, watches, reconcile, reconnect } = await setup();
    fake.openOrders = [listed(3, 'Submitted')];
    await book.record({
      t: 'status',
      at: 1,
      orderId: 1,
      status: 'Unacknowledged',
      filled: 0,
      remaining: 10,
      avgFillPrice: null,
      permId: null,
    });
    await book.record({
      t: 'status',
      at: 1,
      orderId: 2,
      status: 'Unacknowledged',
      filled: 0,
      remaining: 10,
      avgFillPrice: null,
      permId: null,
    });
    watches.set(1, { session: 1, timer: null });
    watches.set(2, { session: 0, timer: null });
    const report = await reconcile();
    expect(report.notReceived).toEqual([1]);
    expect(report.unknown).toEqual([2]);
    expect(book.orders.get(1)!.status).toBe('NotReceived');
    reconnect();
    expect(watches.size).toBe(0);
  });

  it('runs one reconciliation at a time; a call while one waits joins it', async () => {
    const { fake, reconcile } = await setup();
    fake.openOrders = [listed(1, 'Submitted'), listed(2, 'Submitted'), listed(3, 'Submitted')];
    const first = reconcile();
    expect(reconcile()).toBe(first); // not started yet: the call joins it
    await Promise.resolve(); // the first one has asked TWS for its lists
    expect(fake.listings.openOrders).toBe(1);
    const second = reconcile();
    const third = reconcile();
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    await first;
    await second;
    expect(fake.listings.openOrders).toBe(2);
  });

  it('shows an open order TWS has that the app did not place as external', async () => {
    const { fake, book, reconcile } = await setup();
    fake.openOrders = [
      listed(1, 'Submitted'),
      listed(2, 'Submitted'),
      listed(3, 'Submitted'),
      listed(9, 'Submitted'),
    ];
    expect((await reconcile()).external).toEqual([9]);
    expect(book.orders.get(9)).toMatchObject({ external: true });
  });
});
