// The demo gateway's bench stamps (tickString 9901 "<seq>;<epoch ms>") reach the trading core's outlet as probes
// beside the quotes they close, through the real connection and TWS adapter, only when the core runs with
// benchProbe; the quotes themselves never carry them. Every option line is stamped, beside the stocks' first. Depth books carry the stamps of the changes they include.
import { afterEach, describe, expect, it } from 'vitest';
import type { QuoteProbe } from '../../src-shared/bench-probe';
import type { DepthEvent } from '../../src-shared/domain/depth';
import type { Quote } from '../../src-shared/domain/quote';
import { defaultSettings } from '../../src-shared/domain/settings';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import type { DemoGateway } from '../../src-main/demo-gateway/gateway';
import { createTrading, type Trading } from '../../src-main/trading';
import { watchItemOf } from '../../src-shared/domain/workspace';
import { AAPL, secondExpiry, startGateway } from '../support/trading-harness';
import { waitFor } from '../support/wait';

let gw: DemoGateway | null = null;
let trading: Trading | null = null;
afterEach(async () => {
  await trading?.stop();
  await gw?.close();
  trading = null;
  gw = null;
});

/** The trading core on a gateway, recording what reaches its outlet in order: quotes and probes. */
async function start(benchProbe: boolean) {
  const seen: ({ quote: Quote } | { probe: QuoteProbe })[] = [];
  const books: DepthEvent[] = [];
  trading = createTrading({
    clock: systemClock,
    log: silentLogger,
    outlet: {
      broadcast: () => undefined,
      emitTo: (_clientId, event, payload) => {
        if (event === 'depth') books.push(payload as DepthEvent);
      },
      quotes: (qs) => {
        for (const quote of qs) seen.push({ quote });
      },
      probe: (stamps) => {
        for (const probe of stamps) seen.push({ probe });
      },
    },
    prefs: defaultSettings().preferences,
    gaugesEveryMs: 0,
    benchProbe,
  });
  trading.link.connect({ host: gw!.host, port: gw!.port, clientId: 7 });
  await waitFor(() => trading!.link.status().state === 'ready', 'ready', 15_000);
  trading.marketData.subscribe({ key: 'w', clientId: 'w' }, [AAPL]);
  const quotes = () => seen.flatMap((s) => ('quote' in s && s.quote.last !== null ? [s.quote] : []));
  const probes = () => seen.flatMap((s) => ('probe' in s ? [s.probe] : []));
  return { seen, quotes, probes, books };
}

describe('bench stamps', () => {
  it('reach the outlet as probes of increasing tick ids, each right after a quote of its instrument', async () => {
    gw = await startGateway({ benchStamps: true, tickRate: 20 });
    const before = Date.now();
    const { seen, probes } = await start(true);
    await waitFor(() => new Set(probes().map((p) => p.tickId)).size >= 3, 'stamps');
    const ids = probes().map((p) => p.tickId);
    expect(ids.every((id, i) => i === 0 || id >= ids[i - 1]!)).toBe(true);
    for (const p of probes()) {
      expect(p.conId).toBe(AAPL.conId);
      expect(p.tickAt).toBeGreaterThanOrEqual(before - 1);
      expect(p.tickAt).toBeLessThanOrEqual(Date.now() + 1);
    }
    seen.forEach((s, i) => {
      if ('probe' in s) expect(seen[i - 1]).toMatchObject({ quote: { conId: s.probe.conId } });
    });
    for (const s of seen) if ('quote' in s) expect(Object.keys(s.quote)).not.toContain('tickId');
  });

  it('stamp every option line that ticks, beside the first stock line, each beat', async () => {
    gw = await startGateway({ benchStamps: true, tickRate: 20 });
    const { probes } = await start(true);
    const expiry = await secondExpiry(trading!.options, { conId: AAPL.conId, symbol: 'AAPL' });
    const row = expiry.rows[Math.floor(expiry.rows.length / 2)]!;
    const lines = [row.call!, row.put!].map(watchItemOf);
    // The stock's line came first: before, it took the beat's one stamp and the option lines were never timed.
    await waitFor(() => probes().length >= 3, 'stock stamps');
    trading!.marketData.subscribe({ key: 'chain', clientId: 'w' }, lines);
    const since = probes().length;
    const of = (conId: number) =>
      probes()
        .slice(since)
        .filter((p) => p.conId === conId);
    await waitFor(() => lines.every((o) => of(o.conId).length >= 20), 'stamps of both option lines', 10_000);
    // The stock's stamps go on about every beat (20/s) beside them.
    expect(of(AAPL.conId).length).toBeGreaterThanOrEqual(10);
    expect(new Set(probes().map((p) => p.tickId)).size).toBe(probes().length);
  });

  it('ride in the depth books that include the changes they close, each stamp once', async () => {
    gw = await startGateway({ benchStamps: true, tickRate: 50 });
    const before = Date.now();
    const { books } = await start(true);
    trading!.depth.subscribe('w', AAPL);
    const stamped = () => books.filter((b) => b.probe !== undefined);
    await waitFor(() => stamped().length >= 5, 'stamped books', 10_000);
    const stamps = stamped().flatMap((b) => b.probe!);
    expect(stamps.every((p) => p.conId === AAPL.conId)).toBe(true);
    const ids = stamps.map((p) => p.tickId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const p of stamps) {
      expect(p.tickAt).toBeGreaterThanOrEqual(before - 1);
      expect(p.tickAt).toBeLessThanOrEqual(Date.now() + 1);
    }
    // A stamped book is a live one with rows: the changes it closes are in it.
    for (const b of stamped()) expect(b.bids.length + b.asks.length).toBeGreaterThan(0);
  });

  it('are not read without benchProbe, even from a stamping gateway', async () => {
    gw = await startGateway({ benchStamps: true, tickRate: 20 });
    const { quotes, probes, books } = await start(false);
    trading!.depth.subscribe('w', AAPL);
    await waitFor(() => quotes().length >= 3 && books.length >= 3, 'quotes and books');
    expect(probes()).toEqual([]);
    expect(books.filter((b) => b.probe !== undefined)).toEqual([]);
  });

  it('are none when the gateway does not stamp', async () => {
    gw = await startGateway({ tickRate: 20 });
    const { quotes, probes } = await start(true);
    await waitFor(() => quotes().length >= 3, 'quotes');
    expect(probes()).toEqual([]);
  });
});
