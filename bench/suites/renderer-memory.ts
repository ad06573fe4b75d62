// Figure 11, renderer part: the JS heap of the app's page over a run at 500 watched symbols, 3 running scanners
// and 2 live charts, after a forced GC at every sample (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage).
// Growth is the last sample against the one at the end of the warm-up (the first 5 minutes, or half of a shorter
// run). BENCH_MINUTES sets the run's length (default 6; the figure is 60).
import type { Page } from '@playwright/test';
import type { Figure } from '../figure';
import { control, openApp, type AppSession } from '../web/app-session';
import { bundleBrowser } from '../web/bundle';
import { heapGrowth } from '../web/stats';
import { heapMb } from '../web/order-clicks';

const SYMBOLS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<Figure[]> {
  const minutes = Number(process.env.BENCH_MINUTES ?? 6);
  if (!(minutes > 0))
    throw new Error(`BENCH_MINUTES must be a positive number, got ${process.env.BENCH_MINUTES}`);
  const warmupMs = Math.min(5, minutes / 2) * 60_000;
  const sampleMs = Math.min(30_000, (minutes * 60_000) / 12);
  const probe = (await bundleBrowser('bench/browser/probe.ts')).js;
  const app = await openApp({ symbols: SYMBOLS, demo: 'rate=4', probe });
  try {
    const page = app.page;
    await workload(app);
    const cdp = await page.context().newCDPSession(page);
    const started = Date.now();
    const samples: { at: number; mb: number }[] = [];
    while (Date.now() - started < minutes * 60_000) {
      samples.push({ at: Date.now() - started, mb: await heapMb(cdp) });
      const s = samples[samples.length - 1]!;
      console.error(`[bench] renderer-memory ${(s.at / 60_000).toFixed(1)} min: ${s.mb.toFixed(1)} MB`);
      await sleep(Math.min(sampleMs, minutes * 60_000 - (Date.now() - started)));
    }
    samples.push({ at: Date.now() - started, mb: await heapMb(cdp) });
    const g = heapGrowth(samples, warmupMs);
    const mbs = samples.map((s) => s.mb);
    return [
      {
        id: 'renderer.heap-growth',
        name: `renderer heap growth over ${minutes} min (${SYMBOLS} symbols, 3 scanners, 2 charts)`,
        value: g.growth,
        unit: 'MB',
        budget: '≤ 50',
        ok: g.growth <= 50,
        baseline: g.base,
        note: `heap after GC: ${g.base.toFixed(1)} MB at ${(warmupMs / 60_000).toFixed(1)} min → ${g.last.toFixed(1)} MB at the end (min ${Math.min(...mbs).toFixed(1)}, max ${Math.max(...mbs).toFixed(1)}, ${samples.length} samples)`,
      },
    ];
  } finally {
    await app.close();
  }
}

/** Every scanner started (the default one, then two more opened as tabs), one more chart, a row charted. */
async function workload(app: AppSession): Promise<void> {
  const page = app.page;
  const open = page.getByRole('combobox', { name: 'Open pane' });
  await startScanner(page, 'Scanner');
  await open.selectOption('scanner');
  await startScanner(page, 'Scanner 2');
  await open.selectOption('scanner');
  await startScanner(page, 'Scanner 3');
  await open.selectOption('chart');
  // Both charts follow the red link group: picking a watchlist row charts it in each.
  await page.locator('table[aria-label^="Watchlist"] tbody tr[data-conid]').first().click();
  // Another bar size, so that main keeps two series (the same one would be shared).
  await page
    .getByRole('region', { name: 'Chart 2', exact: true })
    .getByRole('combobox', { name: 'Bar size' })
    .selectOption('5 mins');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await control<{ subscriptions: { scanners: number; keepUpToDate: number } }>(app, '/status');
    if (s.subscriptions.scanners >= 3 && s.subscriptions.keepUpToDate >= 2) break;
    if (Date.now() > deadline)
      throw new Error(
        `expected 3 scanners and 2 live charts at the gateway, found ${s.subscriptions.scanners} and ${s.subscriptions.keepUpToDate}`,
      );
    await sleep(500);
  }
}

async function startScanner(page: Page, title: string): Promise<void> {
  const start = page.getByRole('region', { name: title, exact: true }).getByRole('button', { name: 'Start' });
  const deadline = Date.now() + 60_000;
  while (!(await start.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`${title} could not start`);
    await sleep(200);
  }
  await start.click();
}
