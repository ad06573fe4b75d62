import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-shared/domain/settings';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import {
  fakeTwsWithServices,
  journalOrder,
  memoryBook,
  ticket,
} from '../../../tests/support/orders-fixtures';
import { createOrderEntry } from './entry';
import type { AckWatch, AckWatchdog } from './watchdog';

async function setup(opts: { readOnly?: boolean } = {}) {
  const clock = createManualClock();
  const { fake, contracts, marketData } = fakeTwsWithServices(clock);
  const { book, mem } = await memoryBook(clock);
  const watches = new Map<number, AckWatch>();
  const watchdog = {
    watch: (id: number) => void watches.set(id, { session: 1, timer: null }),
    get: (id: number) => watches.get(id),
  } as unknown as AckWatchdog;
  const entry = createOrderEntry({
    tws: fake.tws,
    contracts,
    marketData,
    book,
    watchdog,
    clock,
    log: silentLogger,
    emitOrders: () => undefined,
  });
  entry.use({ id: 'p', readOnly: opts.readOnly ?? false, limits: DEFAULT_LIMITS, demo: false });
  fake.ready();
  return { fake, book, mem, entry, watches };
}

describe('order entry', () => {
  it('has the intent and the ids on disk before the order leaves, then watches it', async () => {
    const { fake, mem, entry, watches } = await setup();
    const journalledFirst: string[][] = [];
    const place = fake.tws.placeOrder;
    fake.tws.placeOrder = (order) => {
      journalledFirst.push(mem.appended.map((r) => r.t));
      return place(order);
    };
    expect(await entry.place(ticket({ note: 'swing' }))).toEqual({ orderIds: [1], warnings: [] });
    expect(journalledFirst).toEqual([['intent', 'ids']]);
    expect(mem.appended.map((r) => r.t)).toEqual(['intent', 'ids', 'sent']);
    expect(fake.placed[0]!.order).toMatchObject({
      orderId: 1,
      transmit: true,
      note: 'swing',
      account: 'DU111',
    });
    expect(watches.has(1)).toBe(true);
  });

  it('never hands out an order id below the journal’s high-water mark', async () => {
    const { fake, book, entry } = await setup();
    await book.record({ t: 'intent', at: 0, order: journalOrder(50) });
    fake.nextValidId(10);
    expect((await entry.place(ticket())).orderIds).toEqual([51]);
    expect((await entry.place(ticket({ bracket: { takeProfit: 105, stopLoss: 95 } }))).orderIds).toEqual([
      52, 53, 54,
    ]);
    expect(book.highWater()).toBe(54);
  });

  it('refuses to change an order TWS has not acknowledged yet: the change would place it', async () => {
    const { fake, entry, watches } = await setup();
    await entry.place(ticket());
    expect(watches.has(1)).toBe(true);
    await expect(entry.modify({ orderId: 1, limitPrice: 99 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('has not acknowledged order 1'),
    });
    expect(fake.placed).toHaveLength(1);
  });

  it('cancels all working orders with one global cancel, journalling each request; a read-only profile cancels nothing', async () => {
    const { fake, mem, entry } = await setup();
    await entry.place(ticket());
    await entry.place(ticket());
    await entry.cancelAll();
    expect(fake.globalCancels).toBe(1);
    expect(
      mem.appended.filter((r) => r.t === 'cancel-request').map((r) => 'orderId' in r && r.orderId),
    ).toEqual([1, 2]);
    const ro = await setup({ readOnly: true });
    await expect(ro.entry.cancel(1)).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(ro.entry.cancelAll()).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(ro.fake.cancels).toEqual([]);
    expect(ro.fake.globalCancels).toBe(0);
  });

  it('asks for the live confirmation again after a disconnect', async () => {
    const { fake, entry } = await setup();
    fake.setState('disconnected', { port: 7496, accounts: ['U1234567'] });
    fake.ready();
    entry.confirmLive('U1234567');
    await expect(entry.place(ticket())).resolves.toMatchObject({ orderIds: [1] });
    fake.setState('disconnected');
    fake.ready();
    await expect(entry.place(ticket())).rejects.toMatchObject({ code: 'CONFIRM_REQUIRED' });
  });
});
