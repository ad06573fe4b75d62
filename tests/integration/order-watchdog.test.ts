// No order stays unacknowledged: the demo gateway swallows exactly one placeOrder while the connection stays alive
// (heartbeats, quotes and the next order answered). Over real TCP, the orders service must flag it Unacknowledged
// within its 5 s, reconcile at once on the same connection (reqOpenOrders, reqCompletedOrders, reqExecutions), show
// it as not received by TWS, and never send it again; the link never reconnects.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACK_TIMEOUT_MS } from '../../src-main/services/orders';
import type { Order } from '../../src-shared/domain/order';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

/** TWS API message ids (client → TWS) of the reconciliation's listings. */
const REQ_OPEN_ORDERS = 5;
const REQ_EXECUTIONS = 7;
const REQ_COMPLETED_ORDERS = 99;

describe('order watchdog over TCP', () => {
  it('an order the gateway swallows is flagged Unacknowledged, reconciled at once and shown not received; never re-sent, no reconnect', async () => {
    const gw = await scene.startGateway();
    const dir = await scene.tempDir('ibdesk-watchdog-');
    const h = await scene.startTrading({ dataDir: dir, journalName: 'watchdog' });
    const t = h.trading;
    const states: string[] = [];
    t.link.onStatus((s) => states.push(s.state));
    await h.connect(gw);
    await t.orders.settled();
    t.marketData.subscribe({ key: 'w1', clientId: 'w1' }, [AAPL]);
    const last = (
      await waitFor(
        () => h.quotes.find((x) => x.quote.conId === AAPL.conId && x.quote.last !== null)?.quote,
        'an AAPL quote',
      )
    ).last!;
    const ticket = {
      contract: { symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' },
      action: 'BUY' as const,
      quantity: 1,
      orderType: 'LMT' as const,
      limitPrice: Math.round(last * 0.99 * 100) / 100,
      tif: 'DAY' as const,
      outsideRth: true,
    };
    const find = (id: number): Order | undefined => t.orders.list().find((o) => o.orderId === id);

    gw.faults.swallowOrders(1);
    const placedAt = Date.now();
    const [lost] = (await t.orders.place(ticket)).orderIds as [number];
    const [kept] = (await t.orders.place(ticket)).orderIds as [number];
    await waitFor(() => find(kept)?.status === 'Submitted', 'the second order acknowledged');

    await waitFor(() => find(lost)?.status === 'Unacknowledged', 'the swallowed order flagged', 15_000, 20);
    const flaggedAfter = Date.now() - placedAt;
    await waitFor(() => find(lost)?.status === 'NotReceived', 'the swallowed order reconciled', 15_000, 20);
    const settledAfter = Date.now() - placedAt;
    expect(flaggedAfter).toBeGreaterThanOrEqual(ACK_TIMEOUT_MS - 50);
    expect(settledAfter).toBeLessThan(ACK_TIMEOUT_MS + 3_000);
    expect(find(lost)!.message).toMatch(/TWS did not receive order .*not sent again.*safe to place it again/);

    // The reconciliation asked TWS for all three listings, after the order, on the same connection.
    const sinceOrder = gw.received(h.clientId).filter((m) => m.time >= placedAt);
    for (const id of [REQ_OPEN_ORDERS, REQ_COMPLETED_ORDERS, REQ_EXECUTIONS])
      expect(sinceOrder.some((m) => m.msgId === id)).toBe(true);
    // Ready once, and ready ever since: the watchdog caught it without a reconnect.
    expect(states.indexOf('ready')).toBeGreaterThan(0);
    expect([...new Set(states.slice(states.indexOf('ready')))]).toEqual(['ready']);
    expect(gw.connections()).toHaveLength(1);

    // Never re-sent: the gateway read it once (and swallowed it), and received only the other order.
    expect(gw.ordersIgnored().map((o) => o.orderId)).toEqual([lost]);
    expect(gw.ordersReceived().map((o) => o.orderId)).toEqual([kept]);
    // The windows saw both states, and the journal keeps them.
    const shown = h
      .since('orders', placedAt)
      .flatMap((e) => e.payload.orders)
      .filter((o) => o.orderId === lost)
      .map((o) => o.status);
    expect(shown).toEqual(expect.arrayContaining(['Unacknowledged', 'NotReceived']));
    const journal = await readFile(path.join(dir, 'journal', 'watchdog.jsonl'), 'utf8');
    const statuses = journal
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l.slice(0, l.lastIndexOf('\t'))) as { t: string; orderId?: number; status?: string },
      )
      .filter((r) => r.t === 'status' && r.orderId === lost)
      .map((r) => r.status);
    expect(statuses).toEqual(['Unacknowledged', 'NotReceived']);

    // Placing it again, as the state says is safe, goes through normally.
    const [again] = (await t.orders.place(ticket)).orderIds as [number];
    await waitFor(() => find(again)?.status === 'Submitted', 'the order placed again acknowledged');
    expect(gw.ordersReceived().map((o) => o.orderId)).toEqual([kept, again]);
  }, 40_000);
});
