import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order, OrderStatus } from '../../../src-shared/domain/order';
import { DEFAULT_LIMITS } from '../../../src-shared/domain/settings';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { FakeControl } from '../../../tests/support/fake-tws';
import { fakeTwsWithServices, journalOrder, ticket } from '../../../tests/support/orders-fixtures';
import type { OpenOrderInfo, OrderStatusInfo } from '../../ib/adapter';
import { createOrderJournal } from './journal';
import { createOrders, type Notice } from './';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

async function setup(opts: { readOnly?: boolean; port?: number; demo?: boolean } = {}) {
  dir ||= await mkdtemp(path.join(os.tmpdir(), 'orders-'));
  const clock = createManualClock();
  const { fake, contracts, marketData: md } = fakeTwsWithServices(clock);
  const emitted: Order[][] = [];
  const notices: Notice[] = [];
  const orders = createOrders({
    tws: fake.tws,
    contracts,
    marketData: md,
    clock,
    log: silentLogger,
    emitOrders: (o) => emitted.push(o),
    emitExecutions: () => undefined,
    notice: (n) => notices.push(n),
  });
  const journal = createOrderJournal({ dir, name: 'p1' });
  await orders.open(journal, {
    id: 'p1',
    readOnly: opts.readOnly ?? false,
    limits: DEFAULT_LIMITS,
    demo: opts.demo ?? false,
  });
  return { clock, fake, orders, journal, emitted, notices, port: opts.port };
}

/** setup() on a connection that is ready, its first reconciliation done. */
async function settledSetup(opts: Parameters<typeof setup>[0] = {}) {
  const t = await setup(opts);
  t.fake.ready();
  await t.orders.settled();
  return t;
}

async function readJournal(file: string) {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l.slice(0, l.lastIndexOf('\t'))) as {
          t: string;
          orderId?: number;
          order?: { orderId: number };
        },
    );
}

/** TWS's answer about an order (an orderStatus): by default its first one, which stops the order's watchdog. */
function ack(
  fake: FakeControl,
  orderId: number,
  status: OrderStatus = 'Submitted',
  progress: Partial<OrderStatusInfo> = {},
): void {
  fake.orderEvents((s) =>
    s.status?.({
      orderId,
      status,
      filled: 0,
      remaining: 10,
      avgFillPrice: null,
      permId: null,
      parentId: null,
      clientId: 1,
      whyHeld: null,
      ...progress,
    }),
  );
}

describe('orders', () => {
  it('refuses order entry unless ready, and never sends that order later', async () => {
    const { fake, orders } = await setup();
    fake.setState('reconnecting', { reason: 'TWS closed the connection' });
    await expect(orders.place(ticket())).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    fake.ready(true);
    await orders.settled();
    expect(fake.placed).toHaveLength(0);
    fake.setState('degraded');
    await expect(orders.place(ticket())).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('journals the intent before sending, with transmit set', async () => {
    const { fake, orders, journal } = await settledSetup();
    const r = await orders.place(ticket());
    expect(r.orderIds).toEqual([1]);
    expect(fake.placed[0]!.ib).toMatchObject({
      transmit: true,
      action: 'BUY',
      totalQuantity: 10,
      orderType: 'LMT',
      lmtPrice: 100,
    });
    const lines = await readJournal(journal.file);
    expect(lines.map((l) => l.t)).toEqual(['intent', 'ids', 'sent']);
    expect(orders.list()[0]!.status).toBe('PendingSubmit');
  });

  it('refuses on a read-only profile and over the limits', async () => {
    const ro = await setup({ readOnly: true });
    ro.fake.ready();
    await expect(ro.orders.place(ticket())).rejects.toMatchObject({ code: 'READ_ONLY' });
    await ro.orders.close();
    const { fake, orders } = await setup();
    fake.ready();
    await expect(orders.place(ticket({ quantity: 5000 }))).rejects.toMatchObject({ code: 'LIMIT' });
    await expect(orders.place(ticket({ limitPrice: 150 }))).rejects.toMatchObject({ code: 'LIMIT' });
    await expect(orders.place(ticket({ limitPrice: 100.005 }))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(fake.placed).toHaveLength(0);
  });

  it('takes no zero price as the reference: a market order is checked against the mid instead', async () => {
    const { fake, orders } = await settledSetup();
    // TWS's last is 0 (no trade yet): 600 × 200 (the mid) is over the 100,000 limit, 600 × 0 would pass.
    fake.snapshots.set(265598, { last: 0, bid: 199, ask: 201, delayed: false });
    await expect(
      orders.place(ticket({ orderType: 'MKT', limitPrice: undefined, quantity: 600 })),
    ).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('120000.00') });
    expect(fake.placed).toHaveLength(0);
  });

  it('places into the account the ticket names, the first managed one by default, and refuses any other', async () => {
    const { fake, orders, journal } = await setup();
    fake.setState('disconnected', { accounts: ['DU1111111', 'DU2222222'] });
    fake.ready();
    await orders.settled();
    await orders.place(ticket({ account: 'DU2222222' }));
    await orders.place(ticket());
    expect(fake.placed.map((p) => p.ib.account)).toEqual(['DU2222222', 'DU1111111']);
    expect(
      orders
        .list()
        .map((o) => o.account)
        .sort(),
    ).toEqual(['DU1111111', 'DU2222222']);
    const intents = (await readFile(journal.file, 'utf8'))
      .split('\n')
      .filter((l) => l.includes('"intent"'))
      .map(
        (l) => (JSON.parse(l.slice(0, l.lastIndexOf('\t'))) as { order: { account: string } }).order.account,
      );
    expect(intents).toEqual(['DU2222222', 'DU1111111']);
    await expect(orders.place(ticket({ account: 'DU9999999' }))).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'account' }],
    });
    expect(fake.placed).toHaveLength(2);
  });

  it('needs the typed confirmation before the first order on a live account', async () => {
    const { fake, orders } = await setup();
    fake.setState('disconnected', { port: 7496, accounts: ['U1234567'] });
    fake.ready();
    await expect(orders.place(ticket())).rejects.toMatchObject({ code: 'CONFIRM_REQUIRED' });
    expect(() => orders.confirmLive('yes')).toThrow(/U1234567/);
    orders.confirmLive('u1234567');
    await expect(orders.place(ticket())).resolves.toMatchObject({ orderIds: [1] });
  });

  it('sends a bracket as parent + take-profit + stop, one-cancels-other, transmitted by the last leg', async () => {
    const { fake, orders } = await setup();
    fake.ready();
    const r = await orders.place(ticket({ bracket: { takeProfit: 105, stopLoss: 95 } }));
    expect(r.orderIds).toEqual([1, 2, 3]);
    const [parent, tp, sl] = fake.placed.map((p) => p.ib);
    expect(parent).toMatchObject({ transmit: false, action: 'BUY', orderType: 'LMT' });
    expect(tp).toMatchObject({
      transmit: false,
      action: 'SELL',
      orderType: 'LMT',
      lmtPrice: 105,
      parentId: 1,
    });
    expect(sl).toMatchObject({ transmit: true, action: 'SELL', orderType: 'STP', auxPrice: 95, parentId: 1 });
    expect(tp!.ocaGroup).toBe(sl!.ocaGroup);
  });

  it('marks an order that never left as not sent, and does not send it after the reconnect', async () => {
    const { fake, orders, journal } = await setup();
    fake.ready();
    fake.dropOrders = true;
    await expect(orders.place(ticket())).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    fake.dropOrders = false;
    fake.ready(true);
    await orders.settled();
    expect(fake.placed).toHaveLength(0);
    expect(orders.list()[0]).toMatchObject({ orderId: 1, status: 'Inactive' });
    expect((await readJournal(journal.file)).map((l) => l.t)).toContain('not-sent');
  });

  it('never reuses an order id, even when TWS hands out a lower one', async () => {
    const first = await setup();
    first.fake.ready();
    first.fake.nextValidId(40);
    await first.orders.place(ticket());
    await first.orders.close();
    const again = await setup();
    again.fake.ready();
    again.fake.nextValidId(1);
    const r = await again.orders.place(ticket());
    expect(r.orderIds).toEqual([41]);
  });

  it('reconciles with TWS: adds fills made while away, flags what TWS no longer knows, never re-sends', async () => {
    const { fake, orders, notices } = await setup();
    fake.ready();
    await orders.place(ticket());
    await orders.place(ticket({ quantity: 5 }));
    ack(fake, 1);
    ack(fake, 2);
    fake.openOrders = [];
    fake.executions = [
      {
        execId: 'e1',
        orderId: 1,
        permId: 9,
        clientId: 1,
        account: 'DU111',
        contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
        side: 'BUY',
        shares: 10,
        price: 99.9,
        cumQty: 10,
        avgPrice: 99.9,
        time: 1,
        timeText: '',
        exchange: 'NASDAQ',
        orderRef: null,
      },
    ];
    fake.commissions = [{ execId: 'e1', commission: 1, currency: 'USD', realizedPnl: null }];
    const report = await orders.reconcile();
    expect(report.newExecutions).toEqual(['e1']);
    expect(report.unknown).toEqual([2]);
    const list = orders.list();
    expect(list.find((o) => o.orderId === 1)!.status).toBe('Filled');
    expect(list.find((o) => o.orderId === 2)!.status).toBe('Unknown');
    expect(list.find((o) => o.orderId === 2)!.message).toMatch(/not sent again/);
    expect(orders.executions()[0]).toMatchObject({ execId: 'e1', commission: 1 });
    expect(notices.at(-1)!.message).toMatch(/not known to TWS/);
    expect(fake.placed).toHaveLength(2);
  });

  it('takes the final state of an order from TWS completed orders, matched by its order ref', async () => {
    const { fake, orders } = await setup();
    fake.ready();
    await orders.place(ticket());
    ack(fake, 1);
    expect(fake.placed[0]!.ib.orderRef).toBe('ibdesk:1');
    fake.completed = [
      {
        permId: 44,
        status: 'Cancelled',
        orderRef: 'ibdesk:1',
        account: 'DU111',
        contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
        action: 'BUY',
        quantity: 10,
        completedStatus: 'Cancelled by Trader',
      },
    ];
    const report = await orders.reconcile();
    expect(report.unknown).toEqual([]);
    expect(orders.list()[0]).toMatchObject({
      status: 'Cancelled',
      permId: 44,
      message: 'TWS: Cancelled by Trader',
    });
  });

  it('takes an open order’s terms from TWS when a change did not reach it, and says so', async () => {
    const { fake, orders } = await setup();
    fake.ready();
    await orders.place(ticket());
    ack(fake, 1, 'PreSubmitted');
    fake.openOrders = [openOrder(1, 'Submitted')];
    expect((await orders.reconcile()).updated).toEqual([1]); // status only
    expect(orders.list()[0]).toMatchObject({ status: 'Submitted', limitPrice: 100 });
    fake.openOrders = [{ ...fake.openOrders[0]!, limitPrice: 98.5, quantity: 7 }];
    expect((await orders.reconcile()).updated).toEqual([1]);
    expect(orders.list()[0]).toMatchObject({ limitPrice: 98.5, quantity: 7 });
    expect(orders.list()[0]!.message).toMatch(/TWS has quantity 7, limitPrice 98.5.*nothing was re-sent/);
    expect(fake.placed).toHaveLength(1);
  });

  it('shows open orders it did not place as external', async () => {
    const { fake, orders } = await setup();
    fake.openOrders = [
      {
        ...journalOrder(77, { clientId: 0, action: 'SELL', quantity: 3, limitPrice: 120, tif: 'GTC' }),
        permId: 5,
        status: 'Submitted',
      },
    ];
    fake.ready();
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ orderId: 77, external: true, status: 'Submitted' });
  });

  it('records statuses and executions as TWS reports them', async () => {
    const { fake, orders, journal } = await setup();
    fake.ready();
    await orders.place(ticket());
    ack(fake, 1, 'Submitted', { filled: 0, remaining: 10, avgFillPrice: null, permId: 3 });
    ack(fake, 1, 'Filled', { filled: 10, remaining: 0, avgFillPrice: 100, permId: 3 });
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ status: 'Filled', filled: 10, avgFillPrice: 100, permId: 3 });
    expect((await readJournal(journal.file)).filter((l) => l.t === 'status')).toHaveLength(2);
    await expect(orders.cancel(1)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('orders: modify', () => {
  it('re-sends the same id with the change, and rolls the journal back when the change could not leave', async () => {
    const { fake, orders } = await setup();
    fake.ready();
    await orders.place(ticket());
    ack(fake, 1, 'Submitted', { filled: 0, remaining: 10, avgFillPrice: null, permId: 3 });
    await orders.modify({ orderId: 1, limitPrice: 99.5 });
    expect(fake.placed.at(-1)).toMatchObject({ orderId: 1, ib: { lmtPrice: 99.5, transmit: true } });
    expect(orders.list()[0]!.limitPrice).toBe(99.5);
    fake.dropOrders = true;
    await expect(orders.modify({ orderId: 1, limitPrice: 99 })).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
    });
    expect(orders.list()[0]).toMatchObject({
      limitPrice: 99.5,
      message: expect.stringMatching(/was not sent/),
    });
  });
});

describe('orders: a journal that cannot be written', () => {
  const submitted = (orderId: number) => ({
    orderId,
    status: 'Submitted' as const,
    filled: 0,
    remaining: 10,
    avgFillPrice: null,
    permId: 3,
    parentId: null,
    clientId: 1,
    whyHeld: null,
  });

  it('disk full (a journal on /dev/full): the order is refused with JOURNAL and never sent', async () => {
    const { fake, orders, journal, notices } = await setup();
    fake.ready();
    // Every write to /dev/full fails with ENOSPC, exactly as on a full disk.
    await symlink('/dev/full', journal.file);
    const err = await orders.place(ticket()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'JOURNAL', message: expect.stringMatching(/NOT sent.*ENOSPC/) });
    expect(fake.placed).toHaveLength(0);
    expect(orders.list()[0]).toMatchObject({ status: 'Inactive', message: expect.stringMatching(/journal/) });
    await orders.settled();
    expect(notices.some((n) => n.title === 'Order journal not writable')).toBe(true);
    // A bracket: none of its three legs leaves either.
    await expect(orders.place(ticket({ bracket: { takeProfit: 104, stopLoss: 97 } }))).rejects.toMatchObject({
      code: 'JOURNAL',
    });
    expect(fake.placed).toHaveLength(0);
  });

  it('a journal path that cannot be opened: same refusal, clear words', async () => {
    const { fake, orders, journal } = await setup();
    fake.ready();
    await mkdir(journal.file);
    await expect(orders.place(ticket())).rejects.toMatchObject({
      code: 'JOURNAL',
      message: expect.stringMatching(/EISDIR/),
    });
    expect(fake.placed).toHaveLength(0);
  });

  it('a failure after the order left does not report it unsent (no retry, no duplicate); reported writes never reject', async () => {
    const { fake, orders, journal, notices } = await setup();
    fake.ready();
    let calls = 0;
    const original = journal.append.bind(journal);
    (journal as { append: typeof journal.append }).append = (...records) => {
      calls++;
      // The intent goes through; everything after it fails.
      return calls === 1 ? original(...records) : Promise.reject(new Error('EIO: i/o error, write'));
    };
    await expect(orders.place(ticket())).resolves.toMatchObject({ orderIds: [1] });
    expect(fake.placed).toHaveLength(1);
    // TWS's reports still reach the blotter; their failed writes are logged and shown, not thrown.
    fake.orderEvents((s) => s.status?.(submitted(1)));
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ status: 'Submitted' });
    expect(notices.filter((n) => n.title === 'Order journal not writable')).toHaveLength(1);
    // A cancel still goes out: it only lowers risk.
    await orders.cancel(1);
    expect(fake.cancels).toEqual([1]);
  });

  it('a modify that cannot be journalled is not sent and the blotter keeps what TWS has', async () => {
    const { fake, orders, journal } = await setup();
    fake.ready();
    await orders.place(ticket());
    fake.orderEvents((s) => s.status?.(submitted(1)));
    await orders.settled();
    (journal as { append: typeof journal.append }).append = () =>
      Promise.reject(new Error('ENOSPC: no space left on device, write'));
    await expect(orders.modify({ orderId: 1, limitPrice: 99.5 })).rejects.toMatchObject({ code: 'JOURNAL' });
    expect(fake.placed).toHaveLength(1);
    expect(orders.list()[0]!.limitPrice).toBe(100);
  });

  it('a read-only profile sends no cancel either', async () => {
    const { fake, orders } = await setup({ readOnly: true });
    fake.ready();
    await expect(orders.cancel(5)).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(orders.cancelAll()).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(fake.cancels).toEqual([]);
    expect(fake.globalCancels).toBe(0);
  });
});

describe('orders: acknowledgment watchdog', () => {
  it('flags an order TWS has not acknowledged within 5 s, reconciles at once, and shows it not received; never re-sends', async () => {
    const { clock, fake, orders, notices, emitted, journal } = await settledSetup();
    const before = { ...fake.listings };
    await orders.place(ticket());
    clock.advance(4_900);
    await orders.settled();
    expect(orders.list()[0]!.status).toBe('PendingSubmit');
    expect(fake.listings).toEqual(before);
    clock.advance(100);
    // The flag is shown before TWS answers the listings.
    expect(emitted.flat().some((o) => o.orderId === 1 && o.status === 'Unacknowledged')).toBe(true);
    await orders.settled();
    expect(fake.listings).toEqual({
      openOrders: before.openOrders + 1,
      completedOrders: before.completedOrders + 1,
      executions: before.executions + 1,
    });
    expect(orders.list()[0]).toMatchObject({
      status: 'NotReceived',
      message: expect.stringMatching(/TWS did not receive order 1.*not sent again.*safe to place it again/),
    });
    expect(notices.at(-1)!.message).toMatch(/never reached TWS/);
    expect(fake.placed).toHaveLength(1);
    const statuses = (await readJournal(journal.file))
      .filter((l) => l.t === 'status')
      .map((l) => (l as { status?: string }).status);
    expect(statuses).toEqual(['Unacknowledged', 'NotReceived']);
    // Nothing keeps ticking: no retry is scheduled for a settled order.
    clock.advance(60_000);
    await orders.settled();
    expect(fake.listings.openOrders).toBe(before.openOrders + 1);
  });

  it('leaves an order alone that TWS acknowledges in time', async () => {
    const { clock, fake, orders } = await settledSetup();
    const before = fake.listings.openOrders;
    await orders.place(ticket());
    clock.advance(1_000);
    ack(fake, 1);
    clock.advance(30_000);
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ status: 'Submitted', message: null });
    expect(fake.listings.openOrders).toBe(before);
  });

  it('an error naming the order counts as an acknowledgment (TWS read it, and rejected it)', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    fake.message({ code: 201, message: 'Order rejected - reason: no trading permissions', reqId: 1 });
    clock.advance(10_000);
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ status: 'Inactive', twsCode: 201 });
  });

  it('clears the flag when TWS lists the order after all, and says it was confirmed late', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    fake.openOrders = [openOrder(1, 'Submitted')];
    clock.advance(5_000);
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({
      status: 'Submitted',
      message: expect.stringMatching(/TWS confirmed order 1 .*Nothing was sent again/),
    });
    expect(fake.placed).toHaveLength(1);
  });

  it('a TWS report arriving after "not received" takes over: TWS has the order after all', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    clock.advance(5_000);
    await orders.settled();
    expect(orders.list()[0]!.status).toBe('NotReceived');
    fake.orderEvents((s) => s.openOrder?.(openOrder(1, 'PreSubmitted')));
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({
      status: 'PreSubmitted',
      message: expect.stringMatching(/TWS confirmed order 1/),
    });
    expect(orders.list()[0]!.external).toBe(false);
  });

  it('while TWS does not answer, the order stays flagged and is asked about again; after a reconnect it is Unknown, not "not received"', async () => {
    const { clock, fake, orders } = await settledSetup();
    const answer = fake.tws.openOrders.bind(fake.tws);
    fake.tws.openOrders = () => Promise.reject(new Error('TWS did not list the open orders within 20 s'));
    await orders.place(ticket());
    clock.advance(5_000);
    await orders.settled();
    expect(orders.list()[0]!.status).toBe('Unacknowledged');
    const asked = fake.listings.executions;
    clock.advance(5_000);
    await orders.settled();
    expect(fake.listings.executions).toBe(asked + 1);
    expect(orders.list()[0]!.status).toBe('Unacknowledged');
    // The connection drops; on the new one TWS answers, without the order. It was sent on the old socket, so
    // whether TWS ever had it cannot be told any more.
    fake.setState('reconnecting');
    fake.tws.openOrders = answer;
    fake.ready(true);
    await orders.settled();
    expect(orders.list()[0]).toMatchObject({ status: 'Unknown' });
    expect(fake.placed).toHaveLength(1);
    const listed = fake.listings.executions;
    clock.advance(30_000);
    await orders.settled();
    expect(fake.listings.executions).toBe(listed);
  });

  it('refuses to modify an order TWS has not acknowledged (the change would place it), but lets it be cancelled', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    await expect(orders.modify({ orderId: 1, limitPrice: 99.5 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not acknowledged/),
    });
    fake.tws.openOrders = () => new Promise(() => undefined); // TWS never answers the listing
    clock.advance(5_000);
    expect(orders.list()[0]!.status).toBe('Unacknowledged');
    await expect(orders.modify({ orderId: 1, limitPrice: 99.5 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await orders.cancel(1);
    expect(fake.cancels).toEqual([1]);
    expect(fake.placed).toHaveLength(1);
  });

  it('"cannot find the order" in answer to a cancel is no acknowledgment: the order is still reconciled', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    await orders.cancel(1);
    fake.message({ code: 10147, message: 'OrderId 1 that needs to be cancelled is not found.', reqId: 1 });
    clock.advance(5_000);
    await orders.settled();
    expect(orders.list()[0]!.status).toBe('NotReceived');
  });

  it('a warning naming a flagged order clears the flag: TWS has it', async () => {
    const { clock, fake, orders } = await settledSetup();
    await orders.place(ticket());
    fake.tws.openOrders = () => new Promise(() => undefined); // the listing is still out when the warning comes
    clock.advance(5_000);
    expect(orders.list()[0]!.status).toBe('Unacknowledged');
    fake.message({
      code: 399,
      message: 'Order Message: Warning: your order will not be placed at the exchange until 09:30',
      reqId: 1,
    });
    expect(orders.list()[0]).toMatchObject({ status: 'PendingSubmit', twsCode: 399 });
  });

  it('one reconciliation for a bracket whose three legs go unacknowledged together', async () => {
    const { clock, fake, orders } = await settledSetup();
    const before = fake.listings.openOrders;
    await orders.place(ticket({ bracket: { takeProfit: 105, stopLoss: 95 } }));
    clock.advance(5_000);
    await orders.settled();
    expect(fake.listings.openOrders).toBe(before + 1);
    expect(orders.list().map((o) => o.status)).toEqual(['NotReceived', 'NotReceived', 'NotReceived']);
  });
});

function openOrder(orderId: number, status: 'PreSubmitted' | 'Submitted'): OpenOrderInfo {
  return { ...journalOrder(orderId, { note: `ibdesk:${orderId}` }), permId: 5, status };
}
