// A bench page that mounts one real pane (WatchlistPane, ChartPane or TapePane) on the real store and bind-events,
// with a scripted client in place of the host, so the renderer can be driven at rates main cannot produce on a
// shared machine (20,000 ticks/s, 200 prints/s) and with bar counts the demo gateway would take minutes to page in
// (100,000). Modes (location.hash): #watchlist, #chart, #chart4 (the chart pane in its 4-chart layout), #tape, #lwc
// (lightweight-charts alone: the chart's baseline), #empty.
// The theme's base stylesheet first, as the app loads it (the panes bring their own after it).
import '../../src-renderer/shell/theme.css';
import { CandlestickSeries, createChart, HistogramSeries, type UTCTimestamp } from 'lightweight-charts';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bar } from '../../src-shared/domain/bar';
import type { TapeBatch } from '../../src-shared/domain/tape';
import { emptyQuote, type Quote } from '../../src-shared/domain/quote';
import type { Watchlist, WatchItem } from '../../src-shared/domain/workspace';
import { bindEvents } from '../../src-renderer/api/bind-events';
import { ChartPane } from '../../src-renderer/panes/chart/ChartPane';
import { TapePane } from '../../src-renderer/panes/tape/TapePane';
import { PaneIdContext } from '../../src-renderer/ui/pane-context';
import { WatchlistPane } from '../../src-renderer/panes/watchlist/WatchlistPane';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { buildWorkspace } from '../../src-renderer/stores/workspace-doc';
import { AppStoreContext } from '../../src-renderer/stores/use-app-store';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { afterNextPaint } from './probe';

export type Harness = {
  ready: boolean;
  /** Watchlist: pushes quote batches as the hub does (one per 16 ms frame, latest state per instrument). */
  startTicks(perSecond: number): void;
  stopTicks(): { ticks: number; batches: number };
  /** Chart: answers the next history.subscribe with `count` bars; resolves with ms from answer to painted. */
  loadBars(count: number, seed: number): Promise<number>;
  /** 4 charts: answers every history.subscribe with `count` bars; resolves once every chart has painted them. */
  loadAllCharts(count: number): Promise<number>;
  /** Chart(s): `perSecond` live bar updates to every chart (a new bar every tenth), as `bars` events. */
  startBarUpdates(perSecond: number): void;
  stopBarUpdates(): number;
  /** Tape: `perSecond` prints of one instrument as `tape` events, a batch every 50 ms (main's coalescing). */
  startPrints(perSecond: number): void;
  /** Stops them: prints and batches sent, and prints the store holds for the tape now. */
  stopPrints(): { prints: number; batches: number; held: number };
  /** lightweight-charts alone: setData of the same bars; ms to painted. */
  lwcSetData(count: number, seed: number): Promise<number>;
};

declare global {
  interface Window {
    ibdeskHarness?: Harness;
  }
}

const mode = location.hash.slice(1) || 'empty';
const SYMBOLS = 500;

function stock(i: number): WatchItem {
  return { conId: 1000 + i, symbol: `S${i}`, secType: 'STK', exchange: 'SMART', currency: 'USD' };
}

/** A deterministic 1-minute random walk of `count` bars ending at a time that depends on the seed. */
export function makeBars(count: number, seed: number): Bar[] {
  let x = seed * 7919 + 1;
  const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647 - 0.5;
  const end = 1_760_000_000 - seed * 60;
  const out: Bar[] = new Array(count);
  let p = 100;
  for (let i = 0; i < count; i++) {
    const open = p;
    p = Math.max(1, p + rnd());
    out[i] = {
      time: end - (count - 1 - i) * 60,
      open,
      high: Math.max(open, p) + Math.abs(rnd()) * 0.2,
      low: Math.min(open, p) - Math.abs(rnd()) * 0.2,
      close: p,
      volume: Math.round(1000 + Math.abs(rnd()) * 5000),
    };
  }
  return out;
}

/**
 * The feed, in a worker so that making the ticks costs the page nothing: every 16 ms (the hub's frame) the
 * latest state of each instrument that ticked, as JSON text. Self-contained: it runs from its source text.
 */
function tickSource(perSecond: number, conIds: number[]): void {
  const prices = conIds.map(() => 100);
  let last = performance.now();
  let owed = 0;
  let seq = 0;
  setInterval(() => {
    const now = performance.now();
    owed += ((now - last) / 1000) * perSecond;
    last = now;
    const n = Math.floor(owed);
    owed -= n;
    const latest = new Map<number, object>();
    for (let k = 0; k < n; k++) {
      const i = (Math.random() * conIds.length) | 0;
      const p = (prices[i] = Math.max(1, prices[i]! + (Math.random() - 0.5) * 0.05));
      seq++;
      latest.set(conIds[i]!, {
        conId: conIds[i],
        bid: +(p - 0.01).toFixed(2),
        ask: +(p + 0.01).toFixed(2),
        last: +p.toFixed(2),
        bidSize: 100 + (seq % 7) * 100,
        askSize: 200 + (seq % 5) * 100,
        lastSize: 100,
        volume: 1_000_000 + seq,
        high: 110,
        low: 90,
        open: 100,
        close: 100,
        state: 'live',
        updatedAt: Date.now(),
      });
    }
    if (latest.size > 0) postMessage({ wire: JSON.stringify({ quotes: [...latest.values()] }), n });
  }, 16);
}

const items = Array.from({ length: SYMBOLS }, (_, i) => stock(i));
const list: Watchlist = { id: 'bench', name: 'Bench', items };
let pendingBars: { bars: Bar[]; answered: (t: number) => void } | null = null;
/** #chart4: every subscription is answered with this many bars. */
let barsForAll = 0;
let subs = 0;
const client = createFakeClient({
  'app.info': () => ({ version: 'bench', host: 'web' }) as never,
  'watchlists.get': () => [list],
  'quotes.subscribe': ({ contracts }) => ({ quotes: contracts.map((c) => emptyQuote(c.conId!, 'live')) }),
  'quotes.unsubscribe': () => null,
  'layout.get': () =>
    buildWorkspace({
      dock: null,
      panes: {
        chart: {
          link: 'none',
          symbol: null,
          config: mode === 'chart4' ? { layout: 4 } : { barSize: '1 min' },
        },
        tape: { link: 'none', symbol: null, config: {} },
      },
      groups: {},
    }),
  'history.subscribe': () => {
    if (barsForAll > 0) return { subId: `sub-${++subs}`, bars: makeBars(barsForAll, subs) };
    const p = pendingBars;
    pendingBars = null;
    p?.answered(performance.now());
    return { subId: `sub-${++subs}`, bars: p?.bars ?? [] };
  },
  'history.unsubscribe': () => null,
  'tape.subscribe': () => ({ prints: [] }),
  'tape.unsubscribe': () => null,
});
const store = createAppStore(client);
bindEvents(store);

const root = document.getElementById('root')!;
let ticks: Worker | null = null;
let barTimer: ReturnType<typeof setInterval> | null = null;
let counts = { ticks: 0, batches: 0 };
let barUpdates = 0;
let printTimer: ReturnType<typeof setInterval> | null = null;
let printCounts = { prints: 0, batches: 0 };

const harness: Harness = {
  ready: false,
  startTicks(perSecond) {
    counts = { ticks: 0, batches: 0 };
    const source = new Blob(
      [`(${tickSource.toString()})(${perSecond}, ${JSON.stringify(items.map((i) => i.conId))})`],
      {
        type: 'text/javascript',
      },
    );
    const url = URL.createObjectURL(source);
    ticks = new Worker(url);
    URL.revokeObjectURL(url);
    // Text in, parsed here, as the WebSocket transport delivers the host's batches.
    ticks.onmessage = (e: MessageEvent<{ wire: string; n: number }>) => {
      counts.ticks += e.data.n;
      counts.batches++;
      client.emit('quotes', JSON.parse(e.data.wire) as { quotes: Quote[] });
    };
  },
  stopTicks() {
    ticks?.terminate();
    ticks = null;
    return counts;
  },
  loadBars(count, seed) {
    const bars = makeBars(count, seed);
    const lastTime = bars[bars.length - 1]!.time;
    const host = document.querySelector<HTMLElement>('.chart-host')!;
    return new Promise((resolve) => {
      let answeredAt = 0;
      pendingBars = { bars, answered: (t) => (answeredAt = t) };
      const obs = new MutationObserver(() => {
        if (host.dataset.lastBarTime !== String(lastTime)) return;
        obs.disconnect();
        afterNextPaint(() => resolve(performance.now() - answeredAt));
      });
      obs.observe(host, { attributes: true, attributeFilter: ['data-last-bar-time'] });
      store.getState().setSymbol('chart', stock(seed));
    });
  },
  loadAllCharts(count) {
    barsForAll = count;
    const t0 = performance.now();
    return new Promise((resolve) => {
      const painted = () => {
        const hosts = [...document.querySelectorAll<HTMLElement>('.chart-host')];
        const views = Object.values(store.getState().charts);
        const done =
          hosts.length === 4 &&
          views.length === 4 &&
          views.every((v) => v.bars.length === count) &&
          hosts.every((h) => h.dataset.lastBarTime);
        if (done) afterNextPaint(() => resolve(performance.now() - t0));
        else setTimeout(painted, 20);
      };
      store.getState().setSymbol('chart', stock(1));
      painted();
    });
  },
  startBarUpdates(perSecond) {
    barUpdates = 0;
    const live = Object.values(store.getState().charts).flatMap((v) => {
      const bar = v.bars[v.bars.length - 1];
      return v.subId && bar ? [{ subId: v.subId, bar }] : [];
    });
    if (live.length === 0) throw new Error('load bars first');
    barTimer = setInterval(() => {
      barUpdates++;
      for (const l of live) {
        const b = l.bar;
        const close = Math.max(1, b.close + (Math.random() - 0.5) * 0.1);
        l.bar =
          barUpdates % 10 === 0
            ? { time: b.time + 60, open: b.close, high: b.close, low: b.close, close: b.close, volume: 10 }
            : {
                ...b,
                close,
                high: Math.max(b.high, close),
                low: Math.min(b.low, close),
                volume: b.volume + 10,
              };
        client.emit('bars', { subId: l.subId, bars: [l.bar] });
      }
    }, 1000 / perSecond);
  },
  stopBarUpdates() {
    if (barTimer) clearInterval(barTimer);
    barTimer = null;
    return barUpdates;
  },
  startPrints(perSecond) {
    printCounts = { prints: 0, batches: 0 };
    const conId = stock(0).conId;
    store.getState().setSymbol('tape', stock(0));
    let price = 100;
    let owed = 0;
    let last = performance.now();
    const sides = ['ask', 'bid', 'between'] as const;
    printTimer = setInterval(() => {
      const now = performance.now();
      owed += ((now - last) / 1000) * perSecond;
      last = now;
      const n = Math.floor(owed);
      owed -= n;
      if (n === 0) return;
      const prints = Array.from({ length: n }, (_, k) => {
        price = Math.max(1, price + (Math.random() - 0.5) * 0.04);
        return {
          time: Date.now(),
          price: +price.toFixed(2),
          size: 100 * (1 + ((printCounts.prints + k) % 9)),
          exchange: 'NASDAQ',
          at: sides[(printCounts.prints + k) % 3]!,
        };
      });
      printCounts.prints += n;
      printCounts.batches++;
      // Text in, parsed here, as the WebSocket transport delivers the host's batches.
      client.emit('tape', JSON.parse(JSON.stringify({ conId, prints, gap: false })) as TapeBatch);
    }, 50);
  },
  stopPrints() {
    if (printTimer) clearInterval(printTimer);
    printTimer = null;
    return { ...printCounts, held: store.getState().tapes[stock(0).conId]?.length ?? 0 };
  },
  lwcSetData(count, seed) {
    const bars = makeBars(count, seed);
    const t0 = performance.now();
    lwcCandles!.setData(bars.map((b) => ({ ...b, time: b.time as UTCTimestamp })));
    lwcVolume!.setData(bars.map((b) => ({ time: b.time as UTCTimestamp, value: b.volume })));
    return new Promise((resolve) => afterNextPaint(() => resolve(performance.now() - t0)));
  },
};
window.ibdeskHarness = harness;

let lwcCandles: ReturnType<ReturnType<typeof createChart>['addSeries']> | null = null;
let lwcVolume: ReturnType<ReturnType<typeof createChart>['addSeries']> | null = null;

/** Mounts one pane full-page, as the dock would: in the store's context, under its pane id. */
function mountPane(paneId: string, pane: ReactNode): void {
  createRoot(root).render(
    <StrictMode>
      <AppStoreContext.Provider value={store}>
        <div style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column' }}>
          <PaneIdContext.Provider value={paneId}>{pane}</PaneIdContext.Provider>
        </div>
      </AppStoreContext.Provider>
    </StrictMode>,
  );
}

if (mode === 'watchlist') mountPane('watchlist', <WatchlistPane />);
else if (mode === 'chart' || mode === 'chart4') mountPane('chart', <ChartPane />);
else if (mode === 'tape') mountPane('tape', <TapePane />);
else if (mode === 'lwc') {
  const host = document.createElement('div');
  Object.assign(host.style, { position: 'fixed', inset: '0' });
  root.append(host);
  const chart = createChart(host, { autoSize: true });
  lwcCandles = chart.addSeries(CandlestickSeries, {});
  lwcVolume = chart.addSeries(HistogramSeries, { priceScaleId: '' });
}
// Ready once the store has loaded what the host would have sent (watchlists, layout).
const waitReady = () =>
  store.getState().watchlists !== null ? (harness.ready = true) : setTimeout(waitReady, 20);
waitReady();
