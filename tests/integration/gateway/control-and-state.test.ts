// The HTTP control API (same operations as the in-process methods) and the --state file that keeps accounts,
// orders and executions across gateway restarts.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import { connect, order, startGateway, stateFileForSuite, stock } from './helpers';

describe('control API', () => {
  it('reads status and counters and switches faults over HTTP on loopback', async () => {
    const gw = await startGateway();
    const api = await gw.startControlApi();
    const c = await connect(gw, 3);
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const status = (await (await fetch(`${api.url}/status`)).json()) as {
        connections: { clientId: number }[];
      };
      expect(status.connections.map((x) => x.clientId)).toEqual([3]);
      const id = c.of(EventName.nextValidId)[0]?.[0] as number;
      c.ib.placeOrder(id, stock('AAPL'), order({ action: 'BUY', orderType: 'MKT', totalQuantity: 5 }));
      await c.waitFor(() => c.of(EventName.orderStatus, id).some((a) => a[1] === 'Filled'), 'fill');
      const received = (await (await fetch(`${api.url}/orders-received`)).json()) as {
        orderId: number;
        clientId: number;
        quantity: number;
      }[];
      expect(received).toEqual([
        expect.objectContaining({ orderId: id, clientId: 3, quantity: 5, modify: false }),
      ]);
      const positions = (await (await fetch(`${api.url}/positions`)).json()) as {
        symbol: string;
        position: number;
      }[];
      expect(positions).toEqual([expect.objectContaining({ symbol: 'AAPL', position: 5 })]);
      const rate = (await (await fetch(`${api.url}/rate?clientId=3`)).json()) as { max: number };
      expect(rate.max).toBeGreaterThan(0);
      const silence = await fetch(`${api.url}/faults/silence`, {
        method: 'POST',
        body: JSON.stringify({ ms: 200 }),
      });
      expect(silence.status).toBe(200);
      expect(gw.faults.status().silent).toBe(true);
      const bad = await fetch(`${api.url}/faults/connectivity`, {
        method: 'POST',
        body: JSON.stringify({ restore: 'sometimes' }),
      });
      expect(bad.status).toBe(400);
      expect((await fetch(`${api.url}/nope`)).status).toBe(404);
      await fetch(`${api.url}/faults/clear`, { method: 'POST' });
      expect(gw.faults.status().silent).toBe(false);
      const dropped = (await (await fetch(`${api.url}/faults/drop-all`, { method: 'POST' })).json()) as {
        dropped: number;
      };
      expect(dropped.dropped).toBe(1);
      await c.disconnected();
    } finally {
      c.close();
      await gw.close();
    }
  });

  it("jumps a symbol's streamed price on demand (price-jump), refuses an unknown symbol, and clear ends it", async () => {
    const gw = await startGateway();
    const api = await gw.startControlApi();
    const c = await connect(gw, 4);
    const post = (fault: string, body: unknown) =>
      fetch(`${api.url}/faults/${fault}`, { method: 'POST', body: JSON.stringify(body) });
    try {
      const id = c.nextReqId();
      c.ib.reqMktData(id, stock('AAPL'), '', false, false);
      const lastTicks = () => c.of(EventName.tickPrice, id).filter((a) => a[1] === 4);
      await c.waitFor(() => lastTicks().length > 0, 'a last price');
      const before = lastTicks().at(-1)?.[2] as number;
      expect((await post('price-jump', { symbol: 'AAPL', percent: 10 })).status).toBe(200);
      // The next last on the stream is 10 % up (the walk moves far less than 5 % in a beat).
      await c.waitFor(() => (lastTicks().at(-1)?.[2] as number) > before * 1.05, 'the jumped last');
      expect((await post('price-jump', { symbol: 'ZZZZZ', percent: 10 })).status).toBe(400);
      expect((await post('price-jump', { symbol: 'AAPL', percent: -100 })).status).toBe(400);
      await post('clear', {});
      await c.waitFor(() => (lastTicks().at(-1)?.[2] as number) < before * 1.05, 'the path again');
    } finally {
      c.close();
      await gw.close();
    }
  });
});

describe('state file', () => {
  const statePath = stateFileForSuite();

  it('keeps cash, positions, open orders and executions across a gateway restart', async () => {
    const first = await startGateway({ statePath, seed: 4 });
    const c = await connect(first, 1);
    const id = c.of(EventName.nextValidId)[0]?.[0] as number;
    c.ib.placeOrder(id, stock('MSFT'), order({ action: 'BUY', orderType: 'MKT', totalQuantity: 7 }));
    const price = first.quote(272093)?.last as number;
    c.ib.placeOrder(
      id + 1,
      stock('MSFT'),
      order({
        action: 'BUY',
        orderType: 'LMT',
        totalQuantity: 1,
        lmtPrice: Math.round(price * 50) / 100,
        tif: 'GTC',
      }),
    );
    await c.waitFor(
      () => c.of(EventName.orderStatus, id + 1).some((a) => a[1] === 'Submitted'),
      'working order',
    );
    const cash = first.accountValues('DU1234567').TotalCashValue;
    c.close();
    await first.close();

    const second = await startGateway({ statePath, seed: 4 });
    try {
      expect(second.positions()).toEqual([expect.objectContaining({ symbol: 'MSFT', position: 7 })]);
      expect(second.accountValues('DU1234567').TotalCashValue).toBe(cash);
      expect(second.executions().map((e) => e.orderId)).toEqual([id]);
      const again = await connect(second, 1);
      expect(again.of(EventName.nextValidId)[0]?.[0]).toBe(id + 2);
      again.ib.reqOpenOrders();
      await again.waitEvent(EventName.openOrderEnd);
      expect(again.of(EventName.openOrder).map((a) => a[0])).toEqual([id + 1]);
      again.close();
    } finally {
      await second.close();
    }
  });
});
