// Several clients at once: distinct client ids, 326 for a duplicate, orders bound to the client that placed them,
// and client 0 seeing everything through reqAllOpenOrders / reqAutoOpenOrders(true).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import { connect, order, startGateway, stock, until } from './helpers';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';

describe('several clients', () => {
  let gw: DemoGateway;

  beforeAll(async () => {
    gw = await startGateway({ seed: 2 });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses a second connection with a client id in use (326) and closes it', async () => {
    const a = await connect(gw, 21);
    const b = await connect(gw, 21, { wait: false });
    const text = await b.waitCode(326);
    expect(text).toBe('Unable to connect as the client id is already in use. Retry with a unique client id.');
    await b.disconnected();
    expect(b.infos().map((i) => i.code)).toContain(326); // id -1: an `info` event in @stoqey/ib
    a.ib.reqCurrentTime();
    await a.waitEvent(EventName.currentTime);
    a.close();
    // Once the first connection is gone the id is free again.
    await a.disconnected();
    await until(() => !gw.connections().some((x) => x.clientId === 21), 'client 21 gone');
    const again = await connect(gw, 21);
    again.close();
  });

  it('binds orders to their client id; client 0 sees all of them', async () => {
    const one = await connect(gw, 31);
    const two = await connect(gw, 32);
    const master = await connect(gw, 0);
    master.ib.reqAutoOpenOrders(true);
    await master.waitEvent(EventName.openOrderEnd);
    const price = gw.quote(265598)?.last as number;
    const id1 = one.of(EventName.nextValidId)[0]?.[0] as number;
    one.ib.placeOrder(
      id1,
      stock('AAPL'),
      order({ action: 'BUY', orderType: 'LMT', totalQuantity: 1, lmtPrice: Math.round(price * 50) / 100 }),
    );
    await one.waitFor(() => one.of(EventName.orderStatus, id1).length > 0, 'status for owner');
    await master.waitFor(() => master.of(EventName.orderStatus, id1).length > 0, 'status for client 0');
    // Client 32 does not hear about client 31's order…
    two.ib.reqOpenOrders();
    await two.waitEvent(EventName.openOrderEnd);
    expect(two.of(EventName.openOrder, id1)).toEqual([]);
    // …but reqAllOpenOrders lists it, and it cannot cancel it.
    two.ib.reqAllOpenOrders();
    await two.waitFor(() => two.of(EventName.openOrder, id1).length > 0, 'all open orders');
    two.ib.cancelOrder(id1);
    await two.waitCode(10147, id1);
    one.ib.cancelOrder(id1);
    await one.waitFor(
      () => one.of(EventName.orderStatus, id1).some((a) => a[1] === 'Cancelled'),
      'cancelled',
    );
    // Order ids come from one counter: a new connection starts above every id used.
    const later = await connect(gw, 33);
    expect(later.of(EventName.nextValidId)[0]?.[0]).toBeGreaterThan(id1);
    for (const c of [one, two, master, later]) {
      expect(c.decodeErrors()).toEqual([]);
      c.close();
    }
    expect(gw.ordersReceived().find((o) => o.orderId === id1)?.clientId).toBe(31);
  });
});
