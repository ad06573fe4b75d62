// A journal written by IBDesk 0.1.0, before orders were split into parts and the TWS order was built from the
// journal's record (tests/fixtures/order-journal-0.1.0.jsonl, made by that version's createOrders against the fake
// TWS): it still loads whole, rebuilds the same blotter, and its orders go to TWS on the same terms.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-shared/domain/settings';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { fakeTwsWithServices, ticket } from '../../../tests/support/orders-fixtures';
import { ibOrderOf } from '../../ib/adapter/order-mapping';
import { createOrderJournal } from './journal';
import { createOrders } from './';

const FIXTURE = fileURLToPath(new URL('../../../tests/fixtures/order-journal-0.1.0.jsonl', import.meta.url));

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

async function openOld() {
  dir = await mkdtemp(path.join(os.tmpdir(), 'old-journal-'));
  await copyFile(FIXTURE, path.join(dir, 'demo.jsonl'));
  const clock = createManualClock(1_767_000_100_000);
  const { fake, contracts, marketData } = fakeTwsWithServices(clock);
  const orders = createOrders({
    tws: fake.tws,
    contracts,
    marketData,
    clock,
    log: silentLogger,
    emitOrders: () => undefined,
    emitExecutions: () => undefined,
    notice: () => undefined,
  });
  const journal = createOrderJournal({ dir, name: 'demo' });
  await orders.open(journal, { id: 'demo', readOnly: false, limits: DEFAULT_LIMITS, demo: true });
  return { fake, orders, journal };
}

describe('an order journal of IBDesk 0.1.0', () => {
  it('loads every line', async () => {
    const { journal } = await openOld();
    const { records, damaged } = await journal.load();
    expect(damaged).toEqual([]);
    expect(records).toHaveLength(34);
  });

  it('rebuilds the blotter it had: statuses, fills, a modify, an external order, the execution and its commission', async () => {
    const { orders } = await openOld();
    const rows = Object.fromEntries(orders.list().map((o) => [o.orderId, o]));
    expect(
      Object.keys(rows)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([7, 40, 41, 42, 43, 44, 45, 46]);
    expect(rows[40]).toMatchObject({
      status: 'Unknown',
      quantity: 8,
      limitPrice: 99.5,
      filled: 3,
      account: 'DU2222222',
    });
    expect(rows[41]).toMatchObject({ status: 'Filled', orderType: 'MKT', filled: 10, avgFillPrice: 101 });
    expect(rows[42]).toMatchObject({
      status: 'PreSubmitted',
      parentId: 41,
      ocaGroup: 'ibdesk-41',
      limitPrice: 95,
    });
    expect(rows[43]).toMatchObject({ status: 'PreSubmitted', orderType: 'STP', stopPrice: 106 });
    expect(rows[44]).toMatchObject({
      status: 'Cancelled',
      orderType: 'TRAIL',
      trailingAmount: 1.5,
      tif: 'GTC',
    });
    expect(rows[45]).toMatchObject({ status: 'Submitted', orderType: 'STP LMT', outsideRth: true });
    expect(rows[46]).toMatchObject({ status: 'Inactive', message: 'Not sent: order 46 was not sent' });
    expect(rows[7]).toMatchObject({ external: true, status: 'Submitted', permId: 555, limitPrice: 120 });
    expect(orders.executions()).toEqual([
      expect.objectContaining({ execId: '0001.01', orderId: 40, shares: 3, price: 99.5, commission: 1.02 }),
    ]);
  });

  it('sends its orders on the terms 0.1.0 sent them, and never reuses an id', async () => {
    const { fake, orders, journal } = await openOld();
    // TWS still has the bracket's children and order 45.
    const { records } = await journal.load();
    fake.openOrders = records.flatMap((r) =>
      r.t === 'intent' && [42, 43, 45].includes(r.order.orderId)
        ? [{ ...r.order, permId: 900 + r.order.orderId, status: 'Submitted' as const }]
        : [],
    );
    fake.ready();
    await orders.settled();
    fake.nextValidId(12); // a TWS that forgot: the journal's high-water mark wins
    await orders.modify({ orderId: 45, limitPrice: 104 });
    expect(fake.placed.at(-1)!.ib).toEqual({
      orderId: 45,
      action: 'BUY',
      totalQuantity: 2,
      orderType: 'STP LMT',
      lmtPrice: 104,
      auxPrice: 103,
      tif: 'DAY',
      outsideRth: true,
      transmit: true,
      account: 'DU1111111',
      orderRef: 'ibdesk:45',
    });
    const r = await orders.place(ticket({ quantity: 1 }));
    expect(r.orderIds).toEqual([47]);
  });

  it('maps each journalled order to the TWS order 0.1.0 built for it', async () => {
    const { journal } = await openOld();
    const { records } = await journal.load();
    const intents = new Map(records.flatMap((r) => (r.t === 'intent' ? [[r.order.orderId, r.order]] : [])));
    const ib = (id: number) => ibOrderOf(intents.get(id)!);
    expect(ib(41)).toEqual({
      orderId: 41,
      action: 'SELL',
      totalQuantity: 10,
      orderType: 'MKT',
      tif: 'DAY',
      outsideRth: false,
      transmit: false,
      account: 'DU1111111',
      orderRef: 'ibdesk:41',
    });
    expect(ib(43)).toMatchObject({
      orderType: 'STP',
      auxPrice: 106,
      parentId: 41,
      ocaGroup: 'ibdesk-41',
      ocaType: 1,
    });
    expect(ib(43)).not.toHaveProperty('lmtPrice');
    expect(ib(44)).toMatchObject({ orderType: 'TRAIL', auxPrice: 1.5, tif: 'GTC', transmit: true });
    expect(ib(40)).toMatchObject({ totalQuantity: 10, lmtPrice: 100, orderRef: 'swing [ibdesk:40]' });
  });
});
