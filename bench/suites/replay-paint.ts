// Replay in the app: the built web host started on a recording (`--replay`), its Replay profile's embedded gateway
// replaying a 500-symbol hour at 60x into a 500-row watchlist in Chromium, and the tick → painted cell latency
// measured as the renderer suite does (bench/suites/renderer.ts): the replaying gateway stamps the quotes it relays
// (tickString 9901, once per client per pump of its player), the app carries the stamps beside the quotes, and the
// page's probe pairs each with the next change of that instrument's row. The recording holds the demo universe's
// first 500 stocks (so the watchlist's lines are the recorded ones), 4 quote messages/s each, made here at run time
// and cached in node_modules/.cache; nothing of it is committed.
import os from 'node:os';
import type { Page } from '@playwright/test';
import type { RecordingWriter } from '../../src-main/recorder/format';
import { quoteTraffic } from '../../tests/support/quote-traffic';
import type { TickPaint } from '../browser/stamps';
import { figure, type Figure } from '../figure';
import { cachedBenchRecording, quoteLineRequest } from '../support/recording';
import { demoStocks, launchChromium, openApp } from '../web/app-session';
import { bundleBrowser } from '../web/bundle';
import { median, percentile } from '../web/stats';

const SYMBOLS = 500;
const PER_SYMBOL = 4;
const SPEED = 60;
/** An hour of recording (60 s of play at 60x). */
const MESSAGES = Number(process.env.BENCH_REPLAY_PAINT_MESSAGES ?? SYMBOLS * PER_SYMBOL * 3600);
/** Real seconds of 60x play measured, after the 500 lines are in. */
const SECONDS = Number(process.env.BENCH_REPLAY_PAINT_SECONDS ?? 30);
const VERSION = 176;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function hourRecording(): Promise<{ file: string; seconds: number }> {
  const sources = ['src-main/demo-gateway/model/universe.ts', 'bench/suites/replay-paint.ts'];
  const extra = String(MESSAGES);
  return cachedBenchRecording(
    { suite: 'replay-paint', base: 'hour', serverVersion: VERSION, sources, extra },
    fill,
  );
}

async function fill(w: RecordingWriter): Promise<void> {
  const stocks = demoStocks(SYMBOLS);
  let first = true;
  let n = 0;
  for (const m of quoteTraffic({ count: MESSAGES, symbols: SYMBOLS, messagesPerSecond: PER_SYMBOL })) {
    if (first) {
      first = false;
      stocks.forEach((s, i) => w.request(quoteLineRequest(1001 + i, s), m.t));
    }
    w.incoming(m.fields, m.t);
    if (++n % 16_384 === 0) await w.flush();
  }
}

/** Waits (paused) until the watchlist holds all its lines, then plays at 60x from the transport bar. */
async function playWhenSubscribed(page: Page): Promise<void> {
  const bar = page.getByRole('toolbar', { name: 'Replay' });
  await bar.waitFor({ timeout: 60_000 });
  const lines = page.getByText(new RegExp(`^Lines ${SYMBOLS}/`));
  await lines.waitFor({ timeout: 90_000 });
  await bar.getByRole('combobox', { name: 'Speed' }).selectOption(String(SPEED));
  await bar.getByRole('button', { name: 'Play' }).click();
  await bar.getByText(`playing ${SPEED}×`).waitFor();
}

export async function run(): Promise<Figure[]> {
  const { file, seconds } = await hourRecording();
  const probe = (await bundleBrowser('bench/browser/probe.ts')).js;
  const browser = await launchChromium();
  try {
    const app = await openApp({
      symbols: SYMBOLS,
      demo: 'stamps',
      probe,
      browser,
      args: ['--replay', file],
      beforeLive: playWhenSubscribed,
    });
    try {
      await sleep(2000);
      const load0 = os.loadavg()[0]!;
      await app.page.evaluate('window.ibdeskBench.watchTicks()');
      await sleep(SECONDS * 1000);
      const ticks = (await app.page.evaluate('window.ibdeskBench.takeTicks()')) as TickPaint[];
      const load1 = os.loadavg()[0]!;
      const lat = ticks.map((x) => x.paintedAt - x.tickAt);
      if (lat.length < 20)
        throw new Error(`only ${lat.length} stamped replayed ticks reached the watchlist's DOM`);
      const p99 = percentile(lat, 99);
      const m = (g: (x: TickPaint) => number) =>
        `${median(ticks.map(g)).toFixed(1)}/${percentile(ticks.map(g), 99).toFixed(1)}`;
      const stages = `gateway → socket ${m((x) => (x.arrivedAt ?? x.changedAt) - x.tickAt)}, socket → DOM ${m((x) => x.changedAt - (x.arrivedAt ?? x.changedAt))}, DOM → painted ${m((x) => x.paintedAt - x.changedAt)} ms (median/p99)`;
      return [
        figure({
          id: 'replay.tick-to-paint.p99',
          name: `replay at ${SPEED}x of a ${SYMBOLS}-symbol hour: tick → painted cell in the app, p99`,
          value: p99,
          unit: 'ms',
          budget: { max: 75 },
          note: `${lat.length} stamped ticks in ${SECONDS} s of play (${SYMBOLS * PER_SYMBOL * SPEED} msg/s relayed); median ${median(lat).toFixed(1)} ms; stages ${stages}; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; recording ${MESSAGES} messages${seconds ? `, made in ${seconds.toFixed(0)} s` : ', from cache'}`,
        }),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}
