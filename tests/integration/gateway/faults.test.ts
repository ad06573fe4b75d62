// Every injected fault, seen through @stoqey/ib: drop all, silence (half-open), restart (state kept), 1100 then
// 1101/1102, pacing violations, slow reader, malformed frames, accept-then-close and refused connections.
import { afterEach, describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import { connect, order, startGateway, stock, until } from './helpers';
import type { Client } from './helpers';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';

describe('faults', () => {
  let gw: DemoGateway | undefined;
  const clients: Client[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await gw?.close();
    gw = undefined;
  });

  async function client(id: number): Promise<Client> {
    const c = await connect(gw as DemoGateway, id);
    clients.push(c);
    return c;
  }

  /** A fresh gateway and a client with an AAPL line ticking on it. */
  async function tickingAapl(): Promise<{ g: DemoGateway; c: Client; req: number }> {
    const g = (gw = await startGateway());
    const c = await client(1);
    const req = c.nextReqId();
    c.ib.reqMktData(req, stock('AAPL'), '', false, false);
    await c.waitFor(() => c.of(EventName.tickPrice, req).length > 0, 'ticks');
    return { g, c, req };
  }

  it('drop all: every client sees its connection close', async () => {
    gw = await startGateway();
    const a = await client(1);
    const b = await client(2);
    expect(gw.faults.dropAll()).toBe(2);
    await a.disconnected();
    await b.disconnected();
  });

  it('silence: the socket stays open, requests go unanswered until it ends', async () => {
    gw = await startGateway();
    const c = await client(1);
    gw.faults.silence(600);
    c.ib.reqCurrentTime();
    await new Promise((r) => setTimeout(r, 300));
    expect(c.of(EventName.currentTime)).toEqual([]);
    expect(gw.connections().length).toBe(1);
    await until(() => !gw?.faults.status().silent, 'silence over');
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
  });

  it('swallow-order: exactly one new order goes unanswered while the connection keeps answering', async () => {
    gw = await startGateway();
    const c = await client(1);
    const id = c.of(EventName.nextValidId)[0]?.[0] as number;
    const lmt = (lmtPrice: number) =>
      order({
        action: 'BUY',
        orderType: 'LMT',
        totalQuantity: 1,
        lmtPrice,
      });
    c.ib.placeOrder(id, stock('AAPL'), lmt(1));
    await c.waitFor(() => c.of(EventName.orderStatus, id).length > 0, 'the first order answered');
    gw.faults.swallowOrders(1);
    expect(gw.faults.status().ordersToSwallow).toBe(1);
    // A change to an order the gateway holds is not a new order: it goes through.
    c.ib.placeOrder(id, stock('AAPL'), lmt(1.01));
    c.ib.placeOrder(id + 1, stock('AAPL'), lmt(1));
    c.ib.placeOrder(id + 2, stock('AAPL'), lmt(1));
    await c.waitFor(() => c.of(EventName.orderStatus, id + 2).length > 0, 'the third order answered');
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    c.ib.reqOpenOrders();
    await c.waitEvent(EventName.openOrderEnd);
    expect(c.of(EventName.orderStatus, id + 1)).toEqual([]);
    expect(c.of(EventName.openOrder, id + 1)).toEqual([]);
    expect(gw.ordersIgnored()).toEqual([expect.objectContaining({ clientId: 1, orderId: id + 1 })]);
    expect(gw.ordersReceived().map((r) => [r.orderId, r.modify])).toEqual([
      [id, false],
      [id, true],
      [id + 2, false],
    ]);
    expect(gw.faults.status().ordersToSwallow).toBe(0);
    expect(gw.connections()).toHaveLength(1);
  });

  it('silence swallows orders (listed by ordersIgnored), and each order received names its connection', async () => {
    gw = await startGateway();
    const c = await client(1);
    const id = c.of(EventName.nextValidId)[0]?.[0] as number;
    const mkt = order({ action: 'BUY', orderType: 'MKT', totalQuantity: 1 });
    gw.faults.silence(800);
    c.ib.placeOrder(id, stock('AAPL'), mkt);
    await until(() => gw!.ordersIgnored().length > 0, 'the swallowed order');
    await until(() => !gw?.faults.status().silent, 'silence over');
    c.ib.placeOrder(id + 1, stock('AAPL'), mkt);
    await c.waitFor(() => c.of(EventName.orderStatus, id + 1).some((a) => a[1] === 'Filled'), 'fill');
    expect(gw.ordersIgnored()).toEqual([expect.objectContaining({ clientId: 1, orderId: id })]);
    const received = gw.ordersReceived();
    expect(received.map((r) => r.orderId)).toEqual([id + 1]);
    const conn = gw.connections()[0]!;
    expect(received[0]).toMatchObject({ sessionStart: conn.connectedAt });
    expect(received[0]!.session).toBeGreaterThan(0);
  });

  it('restart: connections drop, new ones are refused for a while, then accepted with state kept', async () => {
    gw = await startGateway();
    const c = await client(1);
    const id = c.of(EventName.nextValidId)[0]?.[0] as number;
    c.ib.placeOrder(id, stock('AAPL'), order({ action: 'BUY', orderType: 'MKT', totalQuantity: 10 }));
    await c.waitFor(() => c.of(EventName.orderStatus, id).some((a) => a[1] === 'Filled'), 'fill');
    const restarted = gw.faults.restart(700);
    await c.disconnected();
    const refused = await connect(gw, 2, { wait: false });
    clients.push(refused);
    await refused.waitFor(() => refused.errors().some((e) => e.code === 502), 'connection refused');
    await restarted;
    const again = await client(1);
    expect(again.of(EventName.nextValidId)[0]?.[0]).toBeGreaterThan(id);
    again.ib.reqPositions();
    await again.waitEvent(EventName.positionEnd);
    expect(again.of(EventName.position).some((p) => p[2] === 10)).toBe(true);
  });

  it('1100 then 1102: data pauses and resumes with subscriptions kept', async () => {
    const { g, c, req } = await tickingAapl();
    g.faults.connectivityLoss('data-maintained', 500);
    await c.waitCode(1100);
    const during = c.events.length;
    await c.waitCode(1102);
    expect(
      c.events
        .slice(during)
        .filter((e) => e.name === EventName.tickPrice && e.args[0] === req && e.at < Date.now() - 1000),
    ).toEqual([]);
    const after = c.events.length;
    await c.waitFor(
      () =>
        c.events
          .slice(after)
          .some(
            (e) => (e.name === EventName.tickSize || e.name === EventName.tickPrice) && e.args[0] === req,
          ),
      'ticks resume',
    );
    expect(c.infos().map((i) => i.code)).toEqual(expect.arrayContaining([1100, 1102]));
  });

  it('1100 then 1101: subscriptions are lost and must be made again', async () => {
    const { g, c } = await tickingAapl();
    g.faults.connectivityLoss('data-lost', 300);
    await c.waitCode(1101);
    expect(g.subscriptions().marketData).toBe(0);
  });

  it('pacing: the next historical request gets 162, a rate notice arrives as error 100', async () => {
    gw = await startGateway();
    const c = await client(1);
    gw.faults.pacingViolation('historical');
    const id = c.nextReqId();
    c.ib.reqHistoricalData(id, stock('AAPL'), '', '1 D', '1 hour' as never, 'TRADES' as never, 0, 1, false);
    expect(await c.waitCode(162, id)).toContain('pacing violation');
    gw.faults.pacingViolation('rate');
    await c.waitCode(100);
  });

  it('slow reader: requests wait in the socket until the gateway reads again', async () => {
    gw = await startGateway();
    const c = await client(1);
    gw.faults.slowReader(500);
    const t0 = Date.now();
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
  });

  it('malformed frames: @stoqey/ib reports decoding errors, or drops a frame it cannot size', async () => {
    gw = await startGateway();
    const c = await client(1);
    gw.faults.malformedFrame('extra-fields');
    await c.waitFor(() => c.decodeErrors().length > 0, 'decoding error');
    expect(c.decodeErrors()[0]).toContain('unprocessed data');
    gw.faults.malformedFrame('unknown-message');
    await c.waitFor(
      () => c.errors().some((e) => e.message.includes('No parser implementation')),
      'unknown message',
    );
    gw.faults.malformedFrame('garbage-fields');
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    // A frame claiming more than 16 MB: everything after it is swallowed as its body, the stream is lost.
    const answered = c.of(EventName.currentTime).length;
    gw.faults.malformedFrame('bad-length');
    c.ib.reqCurrentTime();
    await new Promise((r) => setTimeout(r, 400));
    expect(c.of(EventName.currentTime).length).toBe(answered);
  });

  it('accept-then-close: the next connection closes at once', async () => {
    gw = await startGateway();
    gw.faults.acceptThenClose(1);
    const c = await connect(gw, 1, { wait: false });
    clients.push(c);
    await c.waitFor(
      () =>
        c.events.some(
          (e) => e.name === EventName.disconnected || (e.name === EventName.error && e.args[1] === 502),
        ),
      'closed',
    );
    expect(c.of(EventName.nextValidId)).toEqual([]);
    const next = await client(2);
    expect(next.of(EventName.nextValidId).length).toBe(1);
  });

  it('reject connections for a while, then accept again', async () => {
    gw = await startGateway();
    await gw.faults.rejectConnections(500);
    const refused = await connect(gw, 1, { wait: false });
    clients.push(refused);
    await refused.waitFor(() => refused.errors().some((e) => e.code === 502), 'refused');
    await until(() => !gw?.faults.status().rejecting, 'accepting');
    await client(2);
  });
});
