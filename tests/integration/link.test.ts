// The connection layer over real TCP against a minimal TWS: handshake, back-off, replay with fresh ids, half-open
// detection, 326, 1100/1101/1102, 502 and the outgoing pacer measured on the server side.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createLink, type Link } from '../../src-main/ib/connection';
import { createTws } from '../../src-main/ib/adapter';
import { startMiniTws, type MiniTws } from '../support/mini-tws';
import { maxInWindow, sleep, waitFor } from '../support/wait';

let tws: MiniTws | null = null;
let link: Link | null = null;

afterEach(async () => {
  link?.stop();
  link = null;
  await tws?.close();
  tws = null;
});

function quoteStream(l: Link, ticks: number[]) {
  return l.stream({
    kind: 'quotes',
    label: 'quotes TEST',
    open: (api, id) =>
      api.reqMktData(
        id,
        { conId: 1, symbol: 'TEST', secType: 'STK' as never, exchange: 'SMART', currency: 'USD' },
        '',
        false,
        false,
      ),
    close: (api, id) => api.cancelMktData(id),
    onEvent: (name, args) => {
      if (name === 'tickPrice') ticks.push(Number(args[0]));
    },
  });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('link over TCP', () => {
  it('becomes ready and sends the market data type before anything else', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.setMarketDataType(3);
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    expect(link.status().accounts).toEqual(['DU123456']);
    const ticks: number[] = [];
    quoteStream(link, ticks);
    await waitFor(() => ticks.length > 0, 'a tick');
    const ids = tws.received.map((r) => r.fields[0]);
    const mdType = tws.received.find((r) => r.fields[0] === '59');
    expect(mdType?.fields).toEqual(['59', '1', '3']);
    expect(ids.indexOf('59')).toBeLessThan(ids.indexOf('1'));
  });

  it('says in plain words that nothing listens on the port, and retries with back-off', async () => {
    const port = await freePort();
    link = createLink({ clock: systemClock, log: silentLogger, random: () => 0.5 });
    const seen: { state: string; attempt: number; at: number; next: number | null }[] = [];
    link.onStatus((s) =>
      seen.push({ state: s.state, attempt: s.attempt, at: Date.now(), next: s.nextRetryAt }),
    );
    link.connect({ host: '127.0.0.1', port, clientId: 1 });
    await waitFor(
      () => seen.filter((s) => s.state === 'reconnecting').length >= 3,
      'three failed attempts',
      15_000,
    );
    const s = link.status();
    expect(s.twsCode).toBe(502);
    expect(s.reason).toContain(`port ${port}`);
    expect(s.reason).toMatch(/API is not enabled/);
    const retries = seen.filter((x) => x.state === 'reconnecting').map((x) => x.next! - x.at);
    // 1 s, 2 s, 4 s (jitter pinned to the middle by random = 0.5), within scheduling slack.
    expect(retries[0]).toBeGreaterThan(900);
    expect(retries[0]).toBeLessThan(1100);
    expect(retries[1]).toBeGreaterThan(1900);
    expect(retries[2]).toBeGreaterThan(3900);
  });

  it('reconnects after a drop and replays each stream with a fresh request id', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const ticks: number[] = [];
    quoteStream(link, ticks);
    await waitFor(() => ticks.length === 1, 'first tick');
    tws.drop();
    await waitFor(() => link!.status().state === 'reconnecting', 'reconnecting');
    await waitFor(() => link!.status().state === 'ready', 'ready again', 10_000);
    await waitFor(() => ticks.length === 2, 'tick after reconnect');
    expect(ticks[1]).not.toBe(ticks[0]);
    const mkt = tws.received.filter((r) => r.fields[0] === '1');
    expect(mkt).toHaveLength(2);
    expect(mkt[0]!.fields[2]).not.toBe(mkt[1]!.fields[2]);
    // The market data type went out again on the new socket before the replayed request.
    const second = tws.received.filter((r) => r.conn === mkt[1]!.conn).map((r) => r.fields[0]);
    expect(second.indexOf('59')).toBeGreaterThanOrEqual(0);
    expect(second.indexOf('59')).toBeLessThan(second.indexOf('1'));
    expect(link.streams()[0]!.awaitingSince).toBeNull();
  });

  it('replays quote lines after the other streams and per-position PnL after the quotes', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const ticks: number[] = [];
    link.stream({
      kind: 'position-pnl',
      label: 'PnL TEST',
      open: (api, id) => api.reqPnLSingle(id, 'DU1', '', 1),
      close: () => undefined,
    });
    quoteStream(link, ticks);
    link.stream({
      kind: 'scanner',
      label: 'scanner TEST',
      open: (api) => api.reqPositions(),
      close: () => undefined,
    });
    await waitFor(() => ticks.length === 1, 'first tick');
    const firstConn = tws.received.at(-1)!.conn;
    tws.drop();
    await waitFor(
      () => link!.status().state === 'ready' && tws!.received.at(-1)!.conn !== firstConn,
      'ready again',
      10_000,
    );
    await waitFor(
      () => tws!.received.some((r) => r.conn !== firstConn && r.fields[0] === '1'),
      'replayed line',
    );
    const again = tws.received.filter((r) => r.conn !== firstConn).map((r) => r.fields[0]);
    // The scanner stand-in (reqPositions, 61), made after the quote line, now goes before it (reqMktData, 1);
    // the per-position PnL (reqPnLSingle, 94), made first, goes after it.
    expect(again.indexOf('61')).toBeGreaterThanOrEqual(0);
    expect(again.indexOf('61')).toBeLessThan(again.indexOf('1'));
    await waitFor(
      () => tws!.received.some((r) => r.conn !== firstConn && r.fields[0] === '94'),
      'replayed PnL',
    );
    const all = tws.received.filter((r) => r.conn !== firstConn).map((r) => r.fields[0]);
    expect(all.indexOf('1')).toBeLessThan(all.indexOf('94'));
  });

  it('reports a stream that does not deliver again after a reconnect', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger, timing: { confirmMs: 1500 } });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const ticks: number[] = [];
    quoteStream(link, ticks);
    // A stream TWS never answers (here: a request the mini TWS ignores).
    link.stream({
      kind: 'news',
      label: 'news bulletins',
      open: (api) => api.reqNewsBulletins(true),
      close: (api) => api.cancelNewsBulletins(),
    });
    const silent: string[][] = [];
    link.onSilentStreams((list) => silent.push(list.map((s) => s.label)));
    await waitFor(() => ticks.length === 1, 'tick');
    tws.drop();
    await waitFor(() => silent.length > 0, 'the silent-stream report', 15_000);
    expect(silent[0]).toEqual(['news bulletins']);
    expect(ticks.length).toBe(2);
  });

  it('detects a half-open socket within 15 s', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    await sleep(500);
    const silentAt = Date.now();
    tws.silence(true);
    await waitFor(() => link!.status().state === 'reconnecting', 'silence detected', 20_000, 50);
    const detectedMs = Date.now() - silentAt;
    console.log(`half-open socket detected after ${detectedMs} ms`);
    expect(detectedMs).toBeLessThan(15_000);
    expect(detectedMs).toBeGreaterThanOrEqual(9_000);
    expect(link.status().reason).toMatch(/stopped answering/);
    tws.silence(false);
    await waitFor(() => link!.status().state === 'ready', 'ready after silence', 15_000);
  }, 40_000);

  it('stops retrying on 326 and suggests the next client id', async () => {
    tws = await startMiniTws();
    tws.rejectClientId(5);
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 5 });
    await waitFor(() => link!.status().twsCode === 326, '326');
    const before = tws.received.filter((r) => r.fields[0] === '71').length;
    await sleep(2500);
    expect(link.status().state).toBe('disconnected');
    expect(link.status().suggestedClientId).toBe(6);
    expect(link.status().reason).toMatch(/client id 6/);
    expect(tws.received.filter((r) => r.fields[0] === '71').length).toBe(before);
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 6 });
    await waitFor(() => link!.status().state === 'ready', 'ready with the suggested id');
  });

  it('a first frame that is not the version is a failed handshake: it retries with back-off, then connects', async () => {
    tws = await startMiniTws();
    // nextValidId ("9|1|1") ahead of the version: @stoqey/ib reads it as server version 9 and reports 506.
    tws.nextValidIdFirst(2);
    link = createLink({ clock: systemClock, log: silentLogger, random: () => 0.5 });
    const seen: { state: string; attempt: number; reason: string | null; twsCode: number | null }[] = [];
    link.onStatus((s) =>
      seen.push({ state: s.state, attempt: s.attempt, reason: s.reason, twsCode: s.twsCode }),
    );
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready once the peer behaves', 15_000);
    const retries = seen.filter((s) => s.state === 'reconnecting');
    expect(retries.map((s) => s.attempt)).toEqual([1, 2]);
    expect(retries[0]!.reason).toMatch(/handshake/i);
    expect(retries[0]!.reason).toMatch(/server version/i);
    expect(seen.some((s) => s.state === 'disconnected')).toBe(false);
    expect(link.status().serverVersion).toBe(176);
    // Three connections: two failed handshakes, then the good one.
    expect(new Set(tws.received.filter((r) => r.fields[0] === '71').map((r) => r.conn)).size).toBe(1);
  }, 30_000);

  it('completed orders on a TWS older than server version 150: refused here, the connection stays up', async () => {
    // @stoqey/ib answers reqCompletedOrders below version 150 with error 503 ("TWS is out of date"), which stops
    // the link for good; reconciliation asks for completed orders on every connect and for every late order.
    tws = await startMiniTws({ serverVersion: 149 });
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const adapter = createTws(link);
    await expect(adapter.completedOrders()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/server version 149.*150/),
    });
    await sleep(200);
    expect(link.status().state).toBe('ready');
    expect(tws.received.some((r) => r.fields[0] === '99')).toBe(false);
  });

  it('1100 degrades; 1101 restores and resubscribes; 1102 restores and keeps', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const ticks: number[] = [];
    quoteStream(link, ticks);
    await waitFor(() => ticks.length === 1, 'tick');
    const count = () => tws!.received.filter((r) => r.fields[0] === '1').length;

    tws.info(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    await waitFor(() => link!.status().state === 'degraded', 'degraded');
    tws.info(1102, 'Connectivity between IB and Trader Workstation has been restored - data maintained.');
    await waitFor(() => link!.status().state === 'ready', 'ready after 1102');
    await sleep(300);
    expect(count()).toBe(1);

    tws.info(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    await waitFor(() => link!.status().state === 'degraded', 'degraded again');
    tws.info(1101, 'Connectivity between IB and Trader Workstation has been restored - data lost.');
    await waitFor(() => link!.status().state === 'ready', 'ready after 1101');
    await waitFor(() => count() === 2, 'resubscribed');
    await waitFor(() => ticks.length === 2, 'tick after resubscribe');
  });

  it('never sends more than 45 messages in any one-second window (500 subscriptions, measured server-side)', async () => {
    tws = await startMiniTws();
    link = createLink({ clock: systemClock, log: silentLogger });
    link.connect({ host: '127.0.0.1', port: tws.port, clientId: 7 });
    await waitFor(() => link!.status().state === 'ready', 'ready');
    const ticks: number[] = [];
    for (let i = 0; i < 500; i++) quoteStream(link, ticks);
    await waitFor(
      () => tws!.received.filter((r) => r.fields[0] === '1').length === 500,
      '500 requests',
      20_000,
      100,
    );
    const max = maxInWindow(
      tws.received.map((r) => r.at),
      1000,
    );
    console.log(`storm of 500 subscriptions: max ${max} messages in any 1 s window (mini TWS)`);
    expect(max).toBeLessThanOrEqual(45);
    expect(max).toBeGreaterThanOrEqual(30);
  }, 30_000);
});
