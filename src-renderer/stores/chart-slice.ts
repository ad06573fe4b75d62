// Chart slice: one bar series per chart pane (history plus the live last bar from `bars` events), bounded to
// MAX_LIVE_BARS because lightweight-charts' update cost grows with the series. The chart pane does not re-render
// on bars: it reads `bars` and `resetSeq` from the store once a frame and feeds the chart with series.update().
import type { Bar, BarSize, Duration } from '../../src-shared/domain/bar';
import { AppError, type AppErrorData } from '../../src-shared/result';
import { studiesOf, withStudy, withStudyChanged, type ChartStudy } from './chart-studies';
import { barSizeSeconds } from '../../src-shared/domain/bar';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { boundSeries, MAX_LIVE_BARS, mergeLiveBars, prependPage } from './bar-series';
import { withoutKey } from './records';

/** Bars asked per request: a first load and every scroll-back page. */
const BARS_PER_PAGE = 1000;

type ChartView = {
  /** conId and bar size of what is loaded. */
  key: string;
  contract: WatchItem;
  barSize: BarSize;
  subId: string | null;
  status: 'loading' | 'live' | 'error';
  message: string | null;
  bars: readonly Bar[];
  /** Bumped whenever the series must be set again as a whole (a first load, older bars, a trim). */
  resetSeq: number;
  /** Bars added in front by the last reset (to keep the view where it was). */
  prepended: number;
  loadingOlder: boolean;
  /** Older history is exhausted or the bound is reached. */
  olderDone: boolean;
};

export type ChartSlice = {
  charts: Readonly<Record<string, ChartView>>;
  openChart(paneId: string, contract: WatchItem, barSize: BarSize, force?: boolean): Promise<void>;
  /** Subscribes a pane's series again (after a reconnect or a failed start). */
  reopenChart(paneId: string): Promise<void>;
  loadOlder(paneId: string): Promise<void>;
  closeChart(paneId: string): void;
  /** A `bars` event: live bars of the pane whose subscription it is (none: a chart already closed). */
  barsArrived(e: { subId: string; bars: readonly Bar[] }): void;
  /** Adds a study to a chart pane (saved in its config); bad params are refused with their field issues. */
  addStudy(paneId: string, input: unknown): AppErrorData | null;
  /** Changes a study's params, or removes it when `input` is null. */
  changeStudy(paneId: string, id: string, input: unknown): AppErrorData | null;
};

function chartKey(conId: number, barSize: BarSize): string {
  return `${conId}|${barSize}`;
}

/** A TWS duration covering about `bars` bars of this size (calendar time: fewer bars come back off hours). */
export function durationFor(barSize: BarSize, bars = BARS_PER_PAGE): Duration {
  const seconds = barSizeSeconds(barSize) * bars;
  if (seconds <= 86_400) return `${Math.max(60, Math.ceil(seconds))} S` as Duration;
  const days = Math.ceil(seconds / 86_400);
  if (days <= 365) return `${days} D` as Duration;
  return `${Math.ceil(days / 365)} Y` as Duration;
}

function paneOfSub(charts: Readonly<Record<string, ChartView>>, subId: string): string | undefined {
  for (const [paneId, v] of Object.entries(charts)) if (v.subId === subId) return paneId;
  return undefined;
}

/** Pure: a chart after a `bars` event. */
function applyBarsEvent(view: ChartView, bars: readonly Bar[]): ChartView {
  const merged = mergeLiveBars(view.bars, bars);
  const bounded = boundSeries(merged);
  return bounded.trimmed
    ? { ...view, bars: bounded.bars, resetSeq: view.resetSeq + 1, prepended: 0 }
    : { ...view, bars: bounded.bars };
}

export const createChartSlice: Slice<ChartSlice> = (set, get) => {
  const patch = (paneId: string, key: string, p: Partial<ChartView>): void =>
    set((s) => {
      const v = s.charts[paneId];
      if (!v || v.key !== key) return {};
      return { charts: { ...s.charts, [paneId]: { ...v, ...p } } };
    });

  function unsubscribe(subId: string | null): void {
    if (subId) void get().client.invoke('history.unsubscribe', { subId });
  }

  function editStudies(paneId: string, edit: (list: ChartStudy[]) => ChartStudy[]): AppErrorData | null {
    try {
      const studies = edit(studiesOf(get().paneStates[paneId]?.config));
      get().setPaneConfig(paneId, { studies });
      return null;
    } catch (e) {
      if (e instanceof AppError) return e.toData();
      throw e;
    }
  }

  return {
    charts: {},
    addStudy: (paneId, input) => editStudies(paneId, (list) => withStudy(list, input)),
    changeStudy: (paneId, id, input) => editStudies(paneId, (list) => withStudyChanged(list, id, input)),
    async openChart(paneId, contract, barSize, force = false) {
      const key = chartKey(contract.conId, barSize);
      const before = get().charts[paneId];
      if (!force && before?.key === key && before.status !== 'error') return;
      unsubscribe(before?.subId ?? null);
      set((s) => ({
        charts: {
          ...s.charts,
          [paneId]: {
            key,
            contract,
            barSize,
            subId: null,
            status: 'loading',
            message: null,
            bars: [],
            resetSeq: (before?.resetSeq ?? 0) + 1,
            prepended: 0,
            loadingOlder: false,
            olderDone: false,
          },
        },
      }));
      const r = await get().client.invoke('history.subscribe', {
        contract: { ...contract },
        barSize,
        duration: durationFor(barSize),
      });
      const now = get().charts[paneId];
      if (!now || now.key !== key) {
        if (r.ok) unsubscribe(r.value.subId);
        return;
      }
      if (!r.ok) {
        patch(paneId, key, {
          status: 'error',
          message: `${r.error.message}${r.error.twsCode !== undefined ? ` (TWS ${r.error.twsCode})` : ''}`,
        });
        return;
      }
      // Live bars may have arrived for this subId before the answer: none can, it is unknown until now.
      const bounded = boundSeries(mergeLiveBars([], r.value.bars));
      patch(paneId, key, {
        subId: r.value.subId,
        status: 'live',
        bars: bounded.bars,
        resetSeq: now.resetSeq + 1,
        prepended: 0,
      });
    },
    async loadOlder(paneId) {
      const v = get().charts[paneId];
      if (!v || v.loadingOlder || v.olderDone || v.status !== 'live') return;
      const first = v.bars[0];
      if (!first || v.bars.length >= MAX_LIVE_BARS) {
        patch(paneId, v.key, { olderDone: true });
        return;
      }
      patch(paneId, v.key, { loadingOlder: true });
      const r = await get().client.invoke('history.get', {
        contract: { ...v.contract },
        barSize: v.barSize,
        duration: durationFor(v.barSize),
        endTime: first.time,
      });
      const now = get().charts[paneId];
      if (!now || now.key !== v.key) return;
      if (!r.ok) {
        patch(paneId, v.key, { loadingOlder: false, message: r.error.message });
        return;
      }
      const { bars, added } = prependPage(r.value.bars, now.bars);
      const room = MAX_LIVE_BARS - now.bars.length;
      const kept = added > room ? bars.slice(added - room) : bars;
      const addedKept = Math.min(added, room);
      patch(paneId, v.key, {
        bars: kept,
        loadingOlder: false,
        olderDone: addedKept === 0 || kept.length >= MAX_LIVE_BARS,
        resetSeq: addedKept > 0 ? now.resetSeq + 1 : now.resetSeq,
        prepended: addedKept,
        message: null,
      });
    },
    async reopenChart(paneId) {
      const v = get().charts[paneId];
      if (v) await get().openChart(paneId, v.contract, v.barSize, true);
    },
    closeChart(paneId) {
      const v = get().charts[paneId];
      if (!v) return;
      set((s) => ({ charts: withoutKey(s.charts, paneId) }));
      unsubscribe(v.subId);
    },
    barsArrived: (e) =>
      set((s) => {
        const paneId = paneOfSub(s.charts, e.subId);
        const view = paneId ? s.charts[paneId] : undefined;
        if (!paneId || !view) return {};
        return { charts: { ...s.charts, [paneId]: applyBarsEvent(view, e.bars) } };
      }),
  };
};
