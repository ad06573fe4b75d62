// Orders survive crashes and drops: an order placed by a process that is then killed (SIGKILL, before the fill)
// is found with its fill after a restart, and TWS received it exactly once; an order attempted while the
// connection is down is refused and never sent later.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../support/manual-clock';
import { decodeLine, type JournalRecord } from '../../src-main/services/orders/journal';
import { bundle } from '../support/bundle';
import { AAPL, BUY_ONE_AAPL, startGateway, tradingScene } from '../support/trading-harness';
import { sleep, waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

async function journal(file: string): Promise<JournalRecord[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => decodeLine(l))
    .filter((r): r is JournalRecord => r !== null);
}

describe('orders across crashes and drops', () => {
  it('an order placed just before the process is killed is neither lost nor sent twice', async () => {
    // The gateway's market only moves when the test says so: the fill happens after the kill, deterministically.
    // The model is deterministic in (seed, time): a preview gateway on its own clock shows where the ask goes in
    // the next hours, so the limit can rest now and be certain to fill later, whatever the start time.
    let start = Date.now();
    let askNow = 0;
    let minAsk = 0;
    for (let attempt = 0; attempt < 6; attempt++, start += 3_600_000) {
      const previewClock = createManualClock(start);
      const preview = await startGateway({ clock: previewClock });
      askNow = preview.quote(AAPL.conId)!.ask;
      minAsk = askNow;
      for (let i = 0; i < 40_000; i++) {
        previewClock.advance(250);
        minAsk = Math.min(minAsk, preview.quote(AAPL.conId)!.ask);
      }
      await preview.close();
      if (minAsk < askNow - 0.02) break;
    }
    expect(minAsk, 'the ask dips below its start within the window').toBeLessThan(askNow - 0.02);
    const clock = createManualClock(start);
    const gw = await scene.startGateway({ clock });
    const dir = await scene.tempDir('ibdesk-crash-');
    const child = await bundle(
      'tests/support/order-child.ts',
      path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
    );
    expect(gw.quote(AAPL.conId)!.ask).toBe(askNow);
    const limit = Math.floor(((askNow + minAsk) / 2) * 100) / 100;
    const ticket = {
      contract: { symbol: 'AAPL' },
      action: 'BUY',
      quantity: 5,
      orderType: 'LMT',
      limitPrice: limit,
      tif: 'GTC',
      outsideRth: true,
    };
    const proc = spawn(process.execPath, [child, String(gw.port), dir, '31', JSON.stringify(ticket)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) =>
      proc.on('exit', (code, signal) => r(signal ? -1 : code)),
    );
    await waitFor(
      () =>
        /PLACED (\d+)/.exec(out) ??
        (proc.exitCode !== null
          ? (() => {
              throw new Error(`child exited: ${err}`);
            })()
          : null),
      'the child to place its order',
      20_000,
    );
    const orderId = Number(/PLACED (\d+)/.exec(out)![1]);
    proc.kill('SIGKILL');
    expect(await exited).toBe(-1);
    expect(gw.ordersReceived().filter((o) => o.orderId === orderId && o.clientId === 31)).toHaveLength(1);
    expect(gw.executions()).toHaveLength(0);

    // TWS (the gateway) goes on without the app: the price moves and the resting order fills.
    for (let i = 0; i < 40_000 && gw.executions().length === 0; i++) clock.advance(250);
    const fills = gw.executions().filter((e) => e.orderId === orderId && e.clientId === 31);
    expect(fills.length).toBeGreaterThan(0);

    // Restart: same data directory, same client id. The journal is reconciled with TWS.
    const h = await scene.startTrading({ dataDir: dir, journalName: 'crash-test', clientId: 31 });
    await h.connect(gw);
    await h.trading.orders.settled();
    const order = h.trading.orders.list().find((o) => o.orderId === orderId)!;
    expect(order.status).toBe('Filled');
    expect(
      h.trading.orders
        .executions()
        .filter((e) => e.orderId === orderId)
        .reduce((n, e) => n + e.shares, 0),
    ).toBe(5);

    const records = await journal(path.join(dir, 'journal', 'crash-test.jsonl'));
    expect(records.filter((r) => r.t === 'intent' && r.order.orderId === orderId)).toHaveLength(1);
    const execs = records.filter(
      (r): r is Extract<JournalRecord, { t: 'exec' }> => r.t === 'exec' && r.orderId === orderId,
    );
    expect(new Set(execs.map((e) => e.execId)).size).toBe(execs.length);
    expect(execs.reduce((n, e) => n + e.shares, 0)).toBe(5);
    expect(gw.ordersReceived().filter((o) => o.orderId === orderId && o.clientId === 31)).toHaveLength(1);
  }, 60_000);

  it('an order attempted while disconnected is refused with a clear error and never sent later', async () => {
    const dir = await scene.tempDir('ibdesk-drop-');
    const { gw, h } = await scene.startConnected({}, { dataDir: dir });
    await h.trading.orders.settled();
    const before = gw.ordersReceived().length;
    gw.faults.dropAll();
    await waitFor(() => h.trading.link.status().state !== 'ready', 'connection lost');
    const err = await h.trading.orders
      .place(BUY_ONE_AAPL)
      .catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'NOT_CONNECTED' });
    expect((err as { message: string }).message).toMatch(/Nothing was sent, and nothing will be sent later/);
    await waitFor(() => h.trading.link.status().state === 'ready', 'reconnected', 15_000);
    await h.trading.orders.settled();
    await sleep(1500);
    expect(gw.ordersReceived().length).toBe(before);
    // And the next order, placed while ready, goes out once.
    const r = await h.trading.orders.place(BUY_ONE_AAPL);
    await waitFor(
      () => h.trading.orders.list().find((o) => o.orderId === r.orderIds[0])?.status === 'Filled',
      'filled',
    );
    expect(gw.ordersReceived().filter((o) => o.orderId === r.orderIds[0])).toHaveLength(1);
  }, 60_000);

  it('an order sent into a half-open TWS is flagged Unknown after the reconnect, and never sent again', async () => {
    const dir = await scene.tempDir('ibdesk-half-open-');
    const { gw, h } = await scene.startConnected({}, { dataDir: dir });
    // A live quote and a first order warm the price and the contract: the next order needs nothing from TWS first.
    h.trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [AAPL]);
    await waitFor(() => h.trading.marketData.quote(AAPL.conId)?.last, 'a quote');
    const ticket = {
      contract: AAPL,
      action: 'BUY' as const,
      quantity: 1,
      tif: 'DAY' as const,
      outsideRth: true,
    };
    const first = await h.trading.orders.place({ ...ticket, orderType: 'MKT' });
    await waitFor(
      () => h.trading.orders.list().find((o) => o.orderId === first.orderIds[0])?.status === 'Filled',
      'first fill',
    );
    gw.faults.silence(14_000);
    const { orderIds } = await h.trading.orders.place({ ...ticket, orderType: 'MKT' });
    const id = orderIds[0]!;
    await waitFor(() => gw.ordersIgnored().some((o) => o.orderId === id), 'the order swallowed');
    await waitFor(() => h.trading.link.status().state === 'reconnecting', 'half-open detected', 20_000);
    await waitFor(() => h.trading.link.status().state === 'ready', 'ready again', 40_000);
    await h.trading.orders.settled();
    const o = await waitFor(
      () => h.trading.orders.list().find((x) => x.orderId === id && x.status === 'Unknown'),
      'the order flagged Unknown',
    );
    expect(o.message).toMatch(/not open in TWS.*It was not sent again/);
    await sleep(1500);
    expect(gw.ordersReceived().filter((x) => x.orderId === id)).toEqual([]);
  }, 90_000);
});
