// The composed app: every request of the contract has a real handler, the Demo profile connects through the
// demo endpoint, and the setup checker tells what is wrong.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';
import { startMiniTws, type MiniTws } from '../support/mini-tws';
import { waitFor } from '../support/wait';

let h: Harness | null = null;
let tws: MiniTws | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
  await tws?.close();
  tws = null;
});

describe('composed app', () => {
  it('has a handler for every request of the contract', async () => {
    h = await startHarness();
    expect(h.app.dispatcher.missing()).toEqual([]);
  });

  it('connects the Demo profile through the demo endpoint and reports it to windows', async () => {
    tws = await startMiniTws();
    const port = tws.port;
    h = await startHarness({ demoEndpoint: async () => ({ host: '127.0.0.1', port }), autoConnect: true });
    const client = await ApiClient.open(h.host);
    await client.waitForEvent((e) => e.event === 'connection' && e.payload.state === 'ready');
    const status = await client.call('connection.status');
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'ready', demo: true, port, accounts: ['DU123456'] },
    });
    const gauges = await client.call('gauges.get');
    expect(gauges).toMatchObject({
      ok: true,
      value: { lines: { used: 0, budget: 100 }, scannerSlots: { used: 0, max: 10 } },
    });
    const diag = (await client.call('app.diagnostics')) as { ok: true; value: { text: string } };
    expect(diag.value.text).toMatch(/connection: ready/);
    const win = await client.call('windows.open', { pane: 'chart' });
    expect(win).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // Order entry goes through the same checks as anywhere: the mini TWS knows no contracts.
    const placed = await client.call('orders.place', {
      contract: { symbol: 'AAPL' },
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 10,
    });
    expect(placed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', twsCode: 200 } });
    client.close();
  });

  it('checks a setup: ok, client id in use, nothing listening', async () => {
    tws = await startMiniTws();
    h = await startHarness();
    const client = await ApiClient.open(h.host);
    const ok = await client.call('connection.test', { host: '127.0.0.1', port: tws.port, clientId: 3 });
    expect(ok).toMatchObject({ ok: true, value: { outcome: 'ok', accounts: ['DU123456'] } });
    tws.rejectClientId(4);
    const taken = await client.call('connection.test', { host: '127.0.0.1', port: tws.port, clientId: 4 });
    expect(taken).toMatchObject({ ok: true, value: { outcome: 'client-id-in-use' } });
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const free = (s.address() as net.AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const none = (await client.call('connection.test', { host: '127.0.0.1', port: free, clientId: 3 })) as {
      ok: true;
      value: { outcome: string; fix: string };
    };
    expect(none.value.outcome).toBe('nothing-listening');
    expect(none.value.fix).toMatch(/Enable ActiveX and Socket Clients/);
    await waitFor(() => tws!.connections() === 0, 'probe sockets closed');
    client.close();
  });
});
