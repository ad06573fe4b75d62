// Figure 8, start-up: the built web host spawned on a fresh data dir (Demo profile, 500-symbol watchlist) → the
// first painted watchlist row with a live quote in Chromium, the median of 5 starts, with where the time goes: the
// host's own stages (IBDESK_STARTUP_TRACE) and the page's (bench probe), each as ms from the spawn.
import type { Figure } from '../figure';
import { figure } from '../figure';
import { bundleBrowser } from '../web/bundle';
import { launchChromium, openApp } from '../web/app-session';
import { median } from '../web/stats';
import { parseStartupTrace } from '../../src-main/web/startup-trace';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const SYMBOLS = 500;

/** Stages in the order they happen, as printed in the figure's note. */
const STAGES = [
  ['process', 'node started'],
  ['modules', 'modules loaded'],
  // The host listens before the app's modules load (src-main/web/main.ts): the page loads while the app builds.
  ['listening', 'host listening'],
  ['app', 'app built'],
  ['gateway', 'demo gateway up'],
  ['ready', 'TWS link ready'],
  ['pageLoaded', 'page loaded'],
  ['socketOpen', 'socket open'],
  ['quotesAsked', 'quotes asked'],
  ['firstQuote', 'first live quote painted'],
] as const;

export async function run(): Promise<Figure[]> {
  const probe = (await bundleBrowser('bench/browser/probe.ts')).js;
  const browser = await launchChromium();
  const runs: Record<string, number>[] = [];
  try {
    for (let i = 0; i < STARTS; i++) {
      const app = await openApp({
        symbols: SYMBOLS,
        demo: 'stamps',
        probe,
        browser,
        env: { IBDESK_STARTUP_TRACE: '1' },
      });
      try {
        const host = parseStartupTrace(app.host.output());
        const at = (epoch: number | undefined) => (epoch ? epoch - app.spawnedAt : NaN);
        runs.push({
          process: at(host.get('process')),
          modules: at(host.get('modules')),
          app: at(host.get('app')),
          listening: at(host.get('listening')),
          gateway: at(host.get('gateway')),
          ready: at(host.get('ready')),
          pageLoaded: at(app.pageLoadedAt),
          socketOpen: at(app.socketOpenAt),
          quotesAsked: at(app.firstSubscribeAt),
          firstQuote: at(app.firstLiveQuoteAt),
        });
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
  }
  const med = (k: string) => median(runs.map((r) => r[k]!).filter(Number.isFinite));
  const value = med('firstQuote');
  const stages = STAGES.map(([k, label]) => `${label} ${Math.round(med(k))}`).join(', ');
  return [
    figure({
      id: 'start.first-live-quote',
      name: `web host start → first paint with a live quote, median of ${STARTS}`,
      value: Math.round(value),
      unit: 'ms',
      budget: { max: 1500 },
      note: `Demo profile, fresh data dir, ${SYMBOLS}-symbol watchlist; medians from the spawn (ms): ${stages}; each start: ${runs.map((r) => Math.round(r.firstQuote!)).join(', ')}`,
    }),
  ];
}
