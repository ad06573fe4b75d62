// Alert latency figure: a tick crossing an alert's level → the OS notification call, in the app as `npm run web`
// runs it (app core + hub, Demo profile connected over TCP to a demo gateway in this process). 20 symbols each get
// a price-cross alert at their last price, re-armed with no cooldown, so the walk keeps crossing them. The clock
// starts when the TWS tickPrice (LAST) message that crossed reaches the app's IBApi (the last LAST of that symbol's
// value before the firing), and stops where the desktop shell calls Electron's Notification: in a hub client
// that does what src-main/electron/desktop.ts does with `alerts.fired` events. Market data, the alerts service,
// the engine and the hub's frame are all inside it. The figure is the 95th percentile (≤ 100 ms); max in the note.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventName } from '@stoqey/ib';
import type { Quote } from '../../src-shared/domain/quote';
import { createApp } from '../../src-main/app';
import { startDemoGateway } from '../../src-main/demo-profile';
import { createIbApi } from '../../src-main/ib/connection';
import { figure, type Figure } from '../figure';
import { percentile } from '../web/stats';

const SYMBOLS = 20;
const FIRINGS = Number(process.env.BENCH_ALERT_FIRINGS ?? 40);
const TICK_LAST = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function notifyFigure(): Promise<Figure> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ibdesk-bench-alerts-'));
  const gw = await startDemoGateway({ gateway: { tickRate: 10 } });
  /** Arrival (performance.now) of LAST ticks by value, newest last; a firing looks its value up. */
  const lastTicks: { value: number; at: number }[] = [];
  const app = await createApp({
    dataDir,
    host: 'web',
    version: 'bench',
    logSink: () => undefined,
    demoEndpoint: async () => ({ host: gw.host, port: gw.port }),
    link: {
      createApi: (endpoint) => {
        const api = createIbApi(endpoint);
        api.on(EventName.tickPrice, (_reqId: number, field: number, value: number) => {
          if (field !== TICK_LAST) return;
          lastTicks.push({ value, at: performance.now() });
          if (lastTicks.length > 5000) lastTicks.splice(0, 1000);
        });
        return api;
      },
    },
  });
  const latest = new Map<number, number>();
  const samples: number[] = [];
  const detach = app.hub.attach({
    id: 'bench-desktop',
    send: (events) => {
      for (const e of events) {
        if (e.event === 'quotes')
          for (const q of e.payload.quotes as readonly Quote[])
            if (q.last !== null) latest.set(q.conId, q.last);
        if (e.event === 'alerts.fired') {
          // Here the desktop shell builds and shows the Notification.
          const calledAt = performance.now();
          const value = e.payload.value;
          for (let i = lastTicks.length - 1; i >= 0; i--)
            if (lastTicks[i]!.value === value) {
              samples.push(calledAt - lastTicks[i]!.at);
              break;
            }
        }
      }
    },
    backlog: () => 0,
    close: () => undefined,
  });
  try {
    await app.start();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = await app.dispatcher.dispatch('connection.status', {}, { clientId: 'bench-desktop' });
      if (s.ok && (s.value as { state: string }).state === 'ready') break;
      if (Date.now() > deadline) throw new Error('the app did not connect to the demo gateway');
      await sleep(200);
    }
    const contracts = (await gwContracts(app)).slice(0, SYMBOLS);
    await app.dispatcher.dispatch('quotes.subscribe', { contracts }, { clientId: 'bench-desktop' });
    while (contracts.some((c) => !latest.has(c.conId))) {
      if (Date.now() > deadline + 30_000) throw new Error('no last price for every symbol');
      await sleep(100);
    }
    for (const c of contracts)
      await app.alerts.create({
        kind: 'price-cross',
        symbol: c,
        level: latest.get(c.conId)!,
        direction: 'either',
        repeat: { mode: 'rearm', cooldownSeconds: 0 },
      });
    const until = Date.now() + 120_000;
    while (samples.length < FIRINGS && Date.now() < until) await sleep(200);
    if (samples.length < 5) throw new Error(`only ${samples.length} alerts fired in 2 minutes`);
    const value = percentile(samples, 95);
    return figure({
      id: 'alerts.notify-latency',
      name: `alerts: LAST tick crossing a level → notification call, p95 of ${samples.length} firings`,
      value,
      unit: 'ms',
      budget: { max: 100 },
      note: `median ${percentile(samples, 50).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms; ${SYMBOLS} symbols, the demo gateway in the same process`,
    });
  } finally {
    detach();
    await app.stop();
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Stocks of the demo gateway, resolved through the app as the watchlist does. */
async function gwContracts(app: Awaited<ReturnType<typeof createApp>>) {
  const out: { conId: number; symbol: string; secType: string; exchange: string; currency: string }[] = [];
  for (const symbol of [
    'AAPL',
    'MSFT',
    'SPY',
    'QQQ',
    'NVDA',
    'AMZN',
    'TSLA',
    'META',
    'GOOGL',
    'AMD',
    'IWM',
    'DIA',
    'NFLX',
    'INTC',
    'JPM',
    'BAC',
    'XOM',
    'KO',
    'PFE',
    'DIS',
  ]) {
    const r = await app.dispatcher.dispatch(
      'contracts.search',
      { pattern: symbol },
      { clientId: 'bench-desktop' },
    );
    if (!r.ok) continue;
    const hit = (r.value as { conId: number; symbol: string; secType: string; currency: string }[]).find(
      (c) => c.symbol === symbol && c.secType === 'STK',
    );
    if (hit)
      out.push({ conId: hit.conId, symbol, secType: 'STK', exchange: 'SMART', currency: hit.currency });
  }
  return out;
}
