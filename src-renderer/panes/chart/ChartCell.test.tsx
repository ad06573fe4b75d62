// @vitest-environment happy-dom
// What the chart pane hands lightweight-charts (recorded by a stand-in for it): in the 4-chart layout at 20,000
// bars each, every chart holds only its newest WINDOW_BARS (the library rebuilds every held bar's drawing items on
// each update), a live bar reaches every series of every chart by update(), never setData(), and the view reaching
// the first held bar takes in older bars from the store before any history is asked of the host.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bar } from '../../../src-shared/domain/bar';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { item } from '../../../tests/support/renderer/fixtures';
import { render } from '../../../tests/support/renderer/render';
import { createAppStore } from '../../stores/app-store';
import { ChartPane } from './ChartPane';
import { WINDOW_BARS } from './chart-window';

type Call = { series: number; method: 'setData' | 'update'; points: number };
const lwc = vi.hoisted(() => ({
  calls: [] as { series: number; method: 'setData' | 'update'; points: number }[],
  rangeListeners: [] as ((r: { from: number; to: number } | null) => void)[],
  ranges: [] as { from: number; to: number }[],
  nextSeries: 0,
}));

vi.mock('lightweight-charts', () => {
  const series = () => {
    const id = lwc.nextSeries++;
    return {
      setData: (d: unknown[]) => lwc.calls.push({ series: id, method: 'setData', points: d.length }),
      update: () => lwc.calls.push({ series: id, method: 'update', points: 1 }),
      applyOptions: () => {},
      priceScale: () => ({ applyOptions: () => {} }),
      priceToCoordinate: () => 0,
      coordinateToPrice: () => 0,
      createPriceLine: () => ({ applyOptions: () => {} }),
      removePriceLine: () => {},
    };
  };
  const chart = () => ({
    addSeries: () => series(),
    removeSeries: () => {},
    applyOptions: () => {},
    panes: () => [],
    subscribeCrosshairMove: () => {},
    setCrosshairPosition: () => {},
    clearCrosshairPosition: () => {},
    remove: () => {},
    timeScale: () => ({
      getVisibleLogicalRange: () => ({ from: 5, to: 80 }),
      setVisibleLogicalRange: (r: { from: number; to: number }) => lwc.ranges.push(r),
      subscribeVisibleLogicalRangeChange: (f: (r: { from: number; to: number } | null) => void) =>
        lwc.rangeListeners.push(f),
      unsubscribeVisibleLogicalRangeChange: () => {},
      logicalToCoordinate: () => 0,
      coordinateToLogical: () => 0,
      width: () => 400,
    }),
  });
  return {
    createChart: chart,
    CandlestickSeries: 'Candlestick',
    HistogramSeries: 'Histogram',
    LineSeries: 'Line',
    ColorType: { Solid: 'solid' },
    CrosshairMode: { Normal: 0 },
    PriceScaleMode: { Normal: 0, Percentage: 2 },
    LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
  };
});

const BARS = 20_000;
const bars = (n: number): Bar[] =>
  Array.from({ length: n }, (_, i) => ({
    time: 1_700_000_000 + i * 60,
    open: 100,
    high: 101,
    low: 99,
    close: 100,
    volume: 10,
  }));

let frames: FrameRequestCallback[] = [];
const flushFrames = () =>
  act(() => {
    for (const f of frames.splice(0)) f(performance.now());
  });

beforeEach(() => {
  lwc.calls = [];
  lwc.ranges = [];
  lwc.rangeListeners = [];
  lwc.nextSeries = 0;
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => vi.unstubAllGlobals());

async function fourCharts(prepare: (store: ReturnType<typeof createAppStore>) => void = () => {}) {
  let subs = 0;
  const historyGets: unknown[] = [];
  const client = createFakeClient({
    'history.subscribe': () => ({ subId: `s${++subs}`, bars: bars(BARS) }),
    'history.unsubscribe': () => null,
    'history.get': (req) => {
      historyGets.push(req);
      return { bars: [], fromCache: false };
    },
  });
  const store = createAppStore(client);
  store.getState().setPaneConfig('chart', { layout: 4 });
  store.getState().setSymbol('chart', item(7, 'SPY'));
  prepare(store);
  render(<ChartPane />, { store, paneId: 'chart' });
  await act(async () => {
    for (let i = 0; i < 20 && Object.values(store.getState().charts).some((c) => c.status !== 'live'); i++)
      await new Promise((r) => setTimeout(r, 0));
  });
  flushFrames();
  return { store, historyGets };
}

const bySeries = (calls: readonly Call[]) => {
  const out = new Map<number, Call[]>();
  for (const c of calls) out.set(c.series, [...(out.get(c.series) ?? []), c]);
  return out;
};

describe('ChartPane, 4 charts at 20,000 bars each', () => {
  it('hands every chart only its newest bars, and a live bar to every series by update()', async () => {
    const { store } = await fourCharts();
    const charts = Object.values(store.getState().charts);
    expect(charts.map((c) => c.bars.length)).toEqual([BARS, BARS, BARS, BARS]);
    const sets = lwc.calls.filter((c) => c.method === 'setData' && c.points > 0);
    // Candles and volume of each of the four charts.
    expect(sets).toHaveLength(8);
    for (const s of sets) expect(s.points).toBe(WINDOW_BARS);

    lwc.calls = [];
    for (let tick = 0; tick < 3; tick++) {
      for (const c of Object.values(store.getState().charts)) {
        const last = c.bars[c.bars.length - 1]!;
        act(() =>
          store.getState().barsArrived({ subId: c.subId!, bars: [{ ...last, close: last.close + 0.5 }] }),
        );
      }
      flushFrames();
    }
    expect(lwc.calls.filter((c) => c.method === 'setData')).toEqual([]);
    const updated = bySeries(lwc.calls);
    expect(updated.size).toBe(8);
    for (const calls of updated.values()) expect(calls).toHaveLength(3);
  });

  it('the view reaching the first held bar takes in older bars from the store, not from the host', async () => {
    const { store, historyGets } = await fourCharts();
    lwc.calls = [];
    act(() => lwc.rangeListeners[0]!({ from: 2, to: 80 }));
    flushFrames();
    const sets = lwc.calls.filter((c) => c.method === 'setData');
    expect(sets.map((s) => s.points)).toEqual([2 * WINDOW_BARS, 2 * WINDOW_BARS]);
    // The view stays on the bars it showed: they are WINDOW_BARS further along now.
    expect(lwc.ranges.at(-1)).toEqual({ from: 5 + WINDOW_BARS, to: 80 + WINDOW_BARS });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(historyGets).toEqual([]);
    expect(store.getState().charts['chart']?.loadingOlder).toBe(false);
  });

  it('a study on each chart is drawn over the same window', async () => {
    await fourCharts((store) => expect(store.getState().addStudy('chart', { kind: 'ema' })).toBeNull());
    const sets = lwc.calls.filter((c) => c.method === 'setData' && c.points > 0);
    // Candles, volume and the EMA line of each chart.
    expect(sets).toHaveLength(12);
    for (const s of sets) expect(s.points).toBe(WINDOW_BARS);
  });
});
