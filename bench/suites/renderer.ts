// Renderer figures, measured in Chromium (software raster) against the built web host on the Demo profile (figure
// 8, start-up, is the `start` suite): 4 tick → painted cell at 500 symbols × 4/s (tick ids stamped by the demo
// gateway, carried in the quote to the row's data-tick-id; baseline: a bare page on the same host painting the
// same ticks), 10 click on Buy → placeOrder at the gateway, and 5 the watchlist's frame rate at 20,000 ticks/s
// (the real WatchlistPane, store and bind-events fed by a scripted client; baseline: an empty page).
import type { Page } from '@playwright/test';
import type { TickPaint } from '../browser/stamps';
import type { Figure } from '../figure';
import { launchChromium, openApp, waitForSubscriptions, type AppSession } from '../web/app-session';
import { clickOrders, until, type OrderTimes } from '../web/order-clicks';
import { bundleBrowser } from '../web/bundle';
import { frames, openHarness } from '../web/harness-page';
import { fps, longestFrame, median, percentile } from '../web/stats';
import type { Browser } from '@playwright/test';

const SYMBOLS = 500;
const TICK_SECONDS = Number(process.env.BENCH_TICK_SECONDS ?? 40);
const FPS_SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 10);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 15);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<Figure[]> {
  const probe = (await bundleBrowser('bench/browser/probe.ts')).js;
  const browser = await launchChromium();
  try {
    const figures: Figure[] = [];
    const app = await openApp({ symbols: SYMBOLS, demo: 'stamps', probe, browser });
    try {
      await waitForSubscriptions(app, SYMBOLS);
      const appTicks = await tickPaints(app.page, TICK_SECONDS);
      const orders = await buyClicks(app, ORDERS);
      const bare = await bareTicks(app, probe, TICK_SECONDS);
      figures.push(...tickFigures(appTicks, bare), orderFigure(orders));
    } finally {
      await app.close();
    }
    figures.push(await watchlistFps(browser, probe));
    return figures;
  } finally {
    await browser.close();
  }
}

async function tickPaints(page: Page, seconds: number): Promise<TickPaint[]> {
  await page.evaluate('window.ibdeskBench.watchTicks()');
  await sleep(seconds * 1000);
  return (await page.evaluate('window.ibdeskBench.takeTicks()')) as TickPaint[];
}

async function bareTicks(app: AppSession, probe: string, seconds: number): Promise<TickPaint[]> {
  const origin = new URL(app.host.url).origin;
  const bare = (await bundleBrowser('bench/browser/bare.ts')).js;
  const page = await app.page.context().newPage();
  try {
    await page.addInitScript({ content: probe });
    page.on('pageerror', (e) => console.error(`[bench] bare page error: ${e.message}`));
    // The host's own page (Chromium lets only a page served from loopback reach the loopback WebSocket), with
    // the bare script in place of the app's bundle.
    await page.route(`${origin}/assets/*.js`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: bare }),
    );
    await page.goto(app.host.url);
    await page.waitForSelector(`body[data-subscribed="${SYMBOLS}"]`, { timeout: 30_000, state: 'attached' });
    // The app's page goes: the bare page alone holds the lines now (main keeps them: same instruments).
    await app.page.close();
    await sleep(2000);
    return await tickPaints(page, seconds);
  } finally {
    await page.close();
  }
}

function tickFigures(app: TickPaint[], bare: TickPaint[]): Figure[] {
  const lat = (t: TickPaint[]) => t.map((x) => x.paintedAt - x.tickAt);
  const a = lat(app);
  const b = lat(bare);
  if (a.length < 20) throw new Error(`only ${a.length} stamped ticks reached the watchlist's DOM`);
  const med = median(a);
  const p99 = percentile(a, 99);
  const bMed = b.length ? median(b) : NaN;
  const bP99 = b.length ? percentile(b, 99) : NaN;
  const stages = (t: TickPaint[]) => {
    const arrived = t.filter((x) => x.arrivedAt !== undefined);
    const m = (f: (x: TickPaint) => number) => median(arrived.map(f)).toFixed(1);
    return arrived.length
      ? `gateway → socket ${m((x) => x.arrivedAt! - x.tickAt)}, socket → DOM ${m((x) => x.changedAt - x.arrivedAt!)}, DOM → painted ${m((x) => x.paintedAt - x.changedAt)} ms`
      : `DOM → painted ${median(t.map((x) => x.paintedAt - x.changedAt)).toFixed(1)} ms`;
  };
  return [
    {
      id: 'renderer.tick-to-paint.median',
      name: `tick → painted cell, ${SYMBOLS} symbols × 4/s, median`,
      value: med,
      unit: 'ms',
      budget: '≤ 35',
      ok: med <= 35,
      baseline: bMed,
      ratio: med / bMed,
      note: `${a.length} stamped ticks in ${TICK_SECONDS} s (bare page: ${b.length}); medians: ${stages(app)}; bare page: ${stages(bare)}`,
    },
    {
      id: 'renderer.tick-to-paint.p99',
      name: `tick → painted cell, ${SYMBOLS} symbols × 4/s, p99`,
      value: p99,
      unit: 'ms',
      budget: '≤ 60',
      ok: p99 <= 60,
      baseline: bP99,
      ratio: p99 / bP99,
    },
  ];
}

/** Picks the first watchlist row (the ticket follows its link group), then clicks Buy `n` times (confirm off). */
async function buyClicks(app: AppSession, n: number): Promise<OrderTimes> {
  const page = app.page;
  await page.locator('table[aria-label^="Watchlist"] tbody tr[data-conid]').first().click();
  const form = page.getByRole('form', { name: 'Order ticket' });
  const price = form.getByRole('spinbutton', { name: 'Limit price' });
  await until(async () => (await price.inputValue()) !== '', 20_000, 'the ticket has no limit price');
  return clickOrders(app, {
    target: () => form.getByRole('button', { name: 'Buy' }),
    result: form.getByRole('status', { name: 'Order result' }),
    n,
    clicked: 'button.buy',
  });
}

function orderFigure(r: OrderTimes): Figure {
  const med = median(r.latencies);
  return {
    id: 'renderer.buy-to-place-order',
    name: 'click on Buy (confirm off) → placeOrder at the gateway, median',
    value: med,
    unit: 'ms',
    budget: '≤ 20',
    ok: med <= 20 && r.missing === 0,
    note: `${r.latencies.length} orders, max ${Math.max(...r.latencies).toFixed(0)} ms${r.missing ? `, ${r.missing} never arrived` : ''}; click → request on the socket median ${median(r.clickToSend).toFixed(1)} ms (the rest is main: validation, journal fsync, pacer); gateway clock in whole ms`,
  };
}

async function watchlistFps(browser: Browser, probe: string): Promise<Figure> {
  const rate = 20_000;
  const empty = await openHarness(browser, 'empty', probe);
  const emptyFrames = await frames(empty, FPS_SECONDS);
  await empty.context().close();
  const page = await openHarness(browser, 'watchlist', probe);
  try {
    await page.waitForSelector('table[aria-label^="Watchlist"] tbody tr[data-conid]');
    await page.evaluate(`window.ibdeskHarness.startTicks(${rate})`);
    await sleep(1000);
    const f = await frames(page, FPS_SECONDS);
    const sent = (await page.evaluate('window.ibdeskHarness.stopTicks()')) as {
      ticks: number;
      batches: number;
    };
    const value = fps(f);
    const base = fps(emptyFrames);
    const seconds = FPS_SECONDS + 1;
    return {
      id: 'renderer.watchlist-fps',
      name: `watchlist frame rate at ${rate.toLocaleString('en-US')} ticks/s (${SYMBOLS} rows, virtualized)`,
      value,
      unit: 'fps',
      budget: '≥ 58',
      ok: value >= 58,
      baseline: base,
      ratio: value / base,
      note: `fed ${Math.round(sent.ticks / seconds)} ticks/s in ${Math.round(sent.batches / seconds)} batches/s through bind-events; longest frame ${longestFrame(f).toFixed(0)} ms`,
    };
  } finally {
    await page.context().close();
  }
}
