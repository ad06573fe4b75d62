import { EventName } from '@stoqey/ib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalOrder } from '../../../src-shared/domain/order';
import { createRecordingLink } from '../../../tests/support/recording-api';
import { Priority } from '../connection/pacer';
import { createOrderChannel } from './orders';

afterEach(() => {
  vi.useRealTimers();
});

const order: JournalOrder = {
  orderId: 21,
  parentId: null,
  clientId: 1,
  account: 'DU111',
  contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  action: 'BUY',
  quantity: 5,
  orderType: 'STP',
  limitPrice: null,
  stopPrice: 95,
  trailingAmount: null,
  trailingPercent: null,
  tif: 'GTC',
  outsideRth: true,
  ocaGroup: null,
  transmit: true,
  note: null,
};

describe('adapter orders', () => {
  it('send the journal’s order as TWS’s order on the order lane, with its contract', async () => {
    const rec = createRecordingLink();
    await createOrderChannel(rec.link).placeOrder(order);
    const [job] = rec.sends;
    expect(job!.priority).toBe(Priority.order);
    expect(job!.calls).toEqual([
      {
        method: 'placeOrder',
        args: [
          21,
          expect.objectContaining({ conId: 265598, symbol: 'AAPL' }),
          expect.objectContaining({ orderType: 'STP', auxPrice: 95, transmit: true, orderRef: 'ibdesk:21' }),
        ],
      },
    ]);
  });

  it('refuse an order, a cancel and a global cancel unless ready, and never send them later', async () => {
    const rec = createRecordingLink();
    rec.setState('degraded');
    const orders = createOrderChannel(rec.link);
    await expect(orders.placeOrder(order)).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: expect.stringContaining('order 21 was not sent and will not be sent later'),
    });
    await expect(orders.cancelOrder(21)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(orders.globalCancel()).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    rec.setState('ready');
    expect(rec.sends).toEqual([]);
  });

  it('list the open orders, an order listed twice as it last stood', async () => {
    const rec = createRecordingLink();
    const listing = createOrderChannel(rec.link).openOrders();
    expect(rec.sends.map((s) => s.label)).toEqual(['reqOpenOrders']);
    const ib = (qty: number) => ({ action: 'BUY', totalQuantity: qty, orderType: 'LMT', lmtPrice: 10 });
    rec.global(EventName.openOrder, [3, { conId: 1 }, ib(1), { status: 'PreSubmitted' }]);
    rec.global(EventName.openOrder, [4, { conId: 1 }, ib(2), { status: 'Submitted' }]);
    rec.global(EventName.openOrder, [3, { conId: 1 }, ib(7), { status: 'Submitted' }]);
    rec.global(EventName.openOrderEnd, []);
    const open = await listing;
    expect(open.map((o) => [o.orderId, o.quantity, o.status])).toEqual([
      [3, 7, 'Submitted'],
      [4, 2, 'Submitted'],
    ]);
  });

  it('fail a listing when the connection goes, or TWS does not finish it in time', async () => {
    const rec = createRecordingLink();
    const orders = createOrderChannel(rec.link);
    const lost = orders.openOrders();
    rec.setState('reconnecting');
    await expect(lost).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: 'The connection was lost while listing open orders',
    });
    rec.setState('ready');
    vi.useFakeTimers();
    const slow = orders.completedOrders();
    vi.advanceTimersByTime(15_000);
    await expect(slow).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'TWS did not list the completed orders within 15 s',
    });
  });

  it('do not ask a TWS older than server version 150 for its completed orders', async () => {
    const rec = createRecordingLink({ serverVersion: 149 });
    await expect(createOrderChannel(rec.link).completedOrders()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(rec.sends).toEqual([]);
  });

  it('pass TWS’s order events on to every listener, and stop when unsubscribed', () => {
    const rec = createRecordingLink();
    const orders = createOrderChannel(rec.link);
    const seen: string[] = [];
    const off = orders.onOrderEvents({
      status: (s) => seen.push(`status ${s.orderId} ${s.status}`),
      execution: (e) => seen.push(`exec ${e.execId} ${e.side}`),
      commission: (c) => seen.push(`commission ${c.execId} ${c.commission}`),
    });
    rec.global(EventName.orderStatus, [21, 'Submitted', 0, 5, 0, 8, 0, 0, 1, '']);
    rec.global('execDetails', [-1, { conId: 1 }, { execId: 'e1', side: 'BOT', orderId: 21, shares: 5 }]);
    rec.global(EventName.commissionReport, [{ execId: 'e1', commission: 1.25 }]);
    off();
    rec.global(EventName.orderStatus, [21, 'Filled', 5, 0, 95, 8, 0, 0, 1, '']);
    expect(seen).toEqual(['status 21 Submitted', 'exec e1 BUY', 'commission e1 1.25']);
  });
});
