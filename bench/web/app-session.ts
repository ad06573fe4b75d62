// The renderer benches' set-up: a temp data dir (500-symbol watchlist, confirm off, enough market-data lines),
// the built web host on the Demo profile with bench options for its embedded gateway (or on a profile pointed at
// a demo gateway the suite runs in a process of its own, so the host's CPU is main's alone), and Chromium (found or
// installed by tools/chromium.mjs) with the E2E flags (software raster, no GPU). Everything started here is stopped by `close()`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { WatchItem } from '../../src-shared/domain/workspace';
import { buildUniverse } from '../../src-main/demo-gateway/model/universe';
import { stockContract } from '../../src-main/demo-gateway/index';
import { chromiumArgs, provisionChromium } from '../../tools/chromium.mjs';
import { startBuiltWebHost, type RunningHost } from '../../tools/web-host-process';

export const VIEWPORT = { width: 1600, height: 900 };

/** The profile an external gateway is reached by (a default profile, its port changed). */
const EXTERNAL_PROFILE_ID = 'tws-paper';

/** A demo gateway the bench started in a process of its own: its TWS API port and its control API. */
export type ExternalGateway = { port: number; controlUrl: string };

/** The first `n` stocks of the demo gateway's universe, as watchlist items. */
export function demoStocks(n: number): WatchItem[] {
  const stocks = buildUniverse(Date.now()).instruments.filter((i) => i.secType === 'STK');
  if (stocks.length < n) throw new Error(`the demo universe has ${stocks.length} stocks, fewer than ${n}`);
  return stocks.slice(0, n).map(stockContract);
}

/**
 * Writes settings.json and watchlists.json as the app would have saved them. With `gatewayPort`, the active profile
 * is the TWS paper profile pointed at that port (a demo gateway in a process of its own), not the Demo profile.
 */
async function prepareDataDir(opts: {
  symbols: number;
  confirmOrders?: boolean;
  gatewayPort?: number;
}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-bench-'));
  const settings = defaultSettings();
  settings.preferences = {
    ...settings.preferences,
    confirmOrders: opts.confirmOrders ?? false,
    marketDataLines: Math.max(100, opts.symbols + 200),
  };
  if (opts.gatewayPort !== undefined) {
    const port = opts.gatewayPort;
    settings.activeProfileId = EXTERNAL_PROFILE_ID;
    settings.profiles = settings.profiles.map((p) => (p.id === EXTERNAL_PROFILE_ID ? { ...p, port } : p));
  }
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
  const items = demoStocks(opts.symbols);
  await writeFile(
    path.join(dir, 'watchlists.json'),
    JSON.stringify({ version: 1, lists: [{ id: 'bench', name: 'Bench', items }] }),
  );
  return dir;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: provisionChromium(), args: [...chromiumArgs], headless: true });
}

export type AppSession = {
  host: RunningHost;
  browser: Browser;
  page: Page;
  /** Epoch ms when the web host process was spawned. */
  spawnedAt: number;
  /** Epoch ms when the page's load event fired. */
  pageLoadedAt: number;
  /** Epoch ms when the page first showed a live quote in the watchlist. */
  firstLiveQuoteAt: number;
  /** Epoch ms when the page's WebSocket opened and when it first asked for quotes. */
  socketOpenAt: number;
  firstSubscribeAt: number;
  /** The gateway the app is connected to, when it is not the embedded one. */
  gateway?: ExternalGateway;
  close(): Promise<void>;
};

/** The bench probe (bench/browser/probe.ts) is installed before the app's own scripts run. */
export async function openApp(opts: {
  symbols: number;
  /** IBDESK_DEMO_BENCH for the embedded gateway, e.g. "stamps,rate=4". */
  demo: string;
  probe: string;
  browser?: Browser;
  /** More environment for the web host (e.g. IBDESK_STARTUP_TRACE=1). */
  env?: Record<string, string>;
  /** More command-line options of the web host (e.g. `--replay FILE`). */
  args?: string[];
  /** Runs once the page has loaded, before the first live quote is awaited (a replay is started here). */
  beforeLive?: (page: Page) => Promise<void>;
  /**
   * Connect to this gateway (started by the caller, stamping as `demo` says) instead of the embedded one, so that
   * the host's process is main alone; `demo` still turns on the app's reading of stamps.
   */
  gateway?: ExternalGateway;
}): Promise<AppSession> {
  const browser = opts.browser ?? (await launchChromium());
  const dataDir = await prepareDataDir({
    symbols: opts.symbols,
    ...(opts.gateway ? { gatewayPort: opts.gateway.port } : {}),
  });
  let host: RunningHost | null = null;
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.addInitScript({ content: opts.probe });
    const spawnedAt = Date.now();
    host = await startBuiltWebHost({
      dataDir,
      demoControl: true,
      env: { IBDESK_DEMO_BENCH: opts.demo, ...opts.env },
      ...(opts.args ? { args: opts.args } : {}),
      root: process.cwd(),
    });
    await page.goto(host.url);
    const pageLoadedAt = Date.now();
    await opts.beforeLive?.(page);
    // A watchlist row whose data badge says LIVE and whose last price is shown; checked every frame.
    // The probe looks for a watchlist row with a LIVE badge and a last price in every frame.
    let firstLiveQuoteAt = 0;
    const deadline = Date.now() + 60_000;
    while (!(firstLiveQuoteAt = (await page.evaluate('window.ibdeskBench.firstLiveQuoteAt')) as number)) {
      if (Date.now() > deadline) throw new Error('no live quote in the watchlist after 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const socketOpenAt = (await page.evaluate('window.ibdeskBench.socketOpenAt')) as number;
    const firstSubscribeAt = (await page.evaluate('window.ibdeskBench.firstSubscribeAt')) as number;
    const running = host;
    return {
      host: running,
      browser,
      page,
      spawnedAt,
      pageLoadedAt,
      firstLiveQuoteAt,
      socketOpenAt,
      firstSubscribeAt,
      ...(opts.gateway ? { gateway: opts.gateway } : {}),
      async close() {
        await context.close().catch(() => undefined);
        if (!opts.browser) await browser.close().catch(() => undefined);
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (!opts.browser) await browser.close().catch(() => undefined);
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The demo gateway's control API: an external one's, or the embedded one's (the host runs with IBDESK_DEMO_CONTROL=1). */
function controlUrl(app: AppSession): string {
  if (app.gateway) return app.gateway.controlUrl.replace(/\/$/, '');
  const m = /IBDesk demo control: (http:\/\/\S+)/.exec(app.host.output());
  if (!m) throw new Error('the embedded demo gateway did not print its control URL');
  return m[1]!.replace(/\/$/, '');
}

export async function control<T>(app: AppSession, pathAndQuery: string): Promise<T> {
  const res = await fetch(`${controlUrl(app)}${pathAndQuery}`);
  if (!res.ok) throw new Error(`control API ${pathAndQuery}: ${res.status}`);
  return (await res.json()) as T;
}

/** Every watched symbol has its line at the gateway (the pacer sends ≤ 45 requests/s), plus a settling second. */
export async function waitForSubscriptions(app: AppSession, n: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const s = await control<{ subscriptions: { marketData: number } }>(app, '/status');
    if (s.subscriptions.marketData >= n) break;
    if (Date.now() > deadline) throw new Error(`only ${s.subscriptions.marketData} quote lines after 90 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
}
