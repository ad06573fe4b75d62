// Session slice: the window's session with the host, as its events move it. The initial state is loaded whenever
// the transport (re)connects; streams that need asking again are resumed after TWS or the host came back; another
// profile brings its own workspace and blotter.
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import type { Settings } from '../../src-shared/domain/settings';
import type { TransportState } from '../api/client';
import type { AppState, Slice } from './app-store';
import { appendLog } from './log-slice';

export type SessionSlice = {
  /** The host transport went up or down. */
  transportChanged(transport: TransportState): void;
  /** A `connection` event: TWS's connection status. */
  connectionChanged(connection: ConnectionStatus): void;
  /** A `settings` event (main broadcasts one after every change, this window's included). */
  settingsChanged(settings: Settings): void;
  /**
   * True from the first load until the first watchlist's first live quotes are painted (or a second passed): the
   * panes that do not show them wait to mount their bodies, so the start's first paint is that list with quotes
   * and the chart, scanner and blotters follow a frame later instead of going first.
   */
  startPanesHeld: boolean;
  /** Called once quotes with a price are in the store: the held panes mount after the next paint. */
  startQuotesArrived(): void;
};

/** How long the start's hold on the first watchlist's lines outlives the workspace being laid out. */
const START_HOLD_MS = 3000;
/** How long the first layout waits for the watchlists so that their quote lines go out first. */
const LAYOUT_WAITS_FOR_LIST_MS = 300;
/** The longest the other panes wait for the first quotes to be painted. */
const START_PANES_HELD_MAX_MS = 1000;

/** After the browser painted what is in the store now (a timer where there is no rendering, as in tests). */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

const isUp = (s: ConnectionStatus | null): boolean => s?.state === 'ready' || s?.state === 'degraded';

/**
 * Streams that need the window to ask again: after TWS came back (main replays what it holds, but a scan or chart
 * that failed to start while it was down is started now) or after the host connection came back (main forgot
 * this window: everything is asked again).
 */
function resumeStreams(s: AppState, hostReconnected: boolean): void {
  if (hostReconnected) void s.resubscribeQuotes();
  for (const [paneId, view] of Object.entries(s.scans)) {
    const config = s.paneStates[paneId]?.config;
    const wanted = config?.running === true;
    const dead =
      view.status === 'error' ||
      (hostReconnected && view.scanId !== null) ||
      (wanted && view.status === 'stopped' && view.scanId === null);
    if (wanted && dead) void s.restartScan(paneId);
  }
  for (const [paneId, view] of Object.entries(s.charts)) {
    if (view.status === 'error' || hostReconnected) void s.reopenChart(paneId);
  }
  for (const [paneId, feed] of Object.entries(s.newsFeeds)) {
    if (feed.status === 'error' || hostReconnected) void s.openNews(paneId, feed.contract, true);
  }
  if (!s.scannerParams) void s.loadScannerParams();
  s.retryFailedOptions();
}

/**
 * Another source of data now (another profile: Demo → Replay, paper → live; another recording replayed): what a
 * chart or news pane holds came from the old one, and a pane that stays open (the same pane in both workspaces)
 * must not keep it beside the new source's bars. Asked again at once; main has dropped its cache of the old
 * source's bars (app.ts), and a request that finds the new connection not up yet fails and is asked again when it
 * is (resumeStreams).
 */
function reloadSourceData(s: AppState): void {
  for (const paneId of Object.keys(s.charts)) void s.reopenChart(paneId);
  for (const [paneId, feed] of Object.entries(s.newsFeeds)) void s.openNews(paneId, feed.contract, true);
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  let transportUps = 0;
  // Events applied so far, per kind: an answer asked for before an event was applied is older than it (the host
  // sends an event for every change), so it must not overwrite what the event set. At start the page's prefetched
  // answers (api/page-client.ts) can be older than the events held for the first listeners.
  const applied = { connection: 0, settings: 0 };
  const releaseStartPanes = (): void => {
    if (get().startPanesHeld) set({ startPanesHeld: false });
  };

  async function loadInitialState(): Promise<void> {
    const { client } = get();
    const firstLoad = get().layout === undefined;
    // The watchlists do not depend on the rest: asked at once, and on the first load the first list's quote lines
    // are held as soon as it arrives, before the workspace is laid out and its pane mounts (a start's first paint is
    // that list with quotes). The pane takes the lines over; this hold goes once the panes have had time to mount.
    const watchlists = get()
      .loadWatchlists()
      .then(() => {
        const items = firstLoad ? get().watchlists?.[0]?.items : undefined;
        if (!items || items.length === 0) return null;
        set({ startPanesHeld: true });
        setTimeout(releaseStartPanes, START_PANES_HELD_MAX_MS);
        return get().acquireQuotes(items);
      });
    const seen = { ...applied };
    const [info, settings, status, log, layout, gauges] = await Promise.all([
      client.invoke('app.info', {}),
      client.invoke('settings.get', {}),
      client.invoke('connection.status', {}),
      client.invoke('log.list', { limit: 500 }),
      client.invoke('layout.get', {}),
      client.invoke('gauges.get', {}),
    ]);
    set((s) => ({
      serverInfo: info.ok ? { version: info.value.version, host: info.value.host } : s.serverInfo,
      settings: settings.ok && applied.settings === seen.settings ? settings.value : s.settings,
      connection: status.ok && applied.connection === seen.connection ? status.value : s.connection,
      // The answer's entries, then any that came as events after it.
      log: log.ok ? appendLog(appendLog([], log.value), s.log) : s.log,
      gauges: gauges.ok ? gauges.value : s.gauges,
    }));
    // The workspace is read once: after a host reconnect the window keeps what it shows.
    // Laying the workspace out is the page's longest task at start: on the first load the first list's lines are
    // asked for before it, even when the layout answered first (bounded: a slow list never holds the layout up).
    if (firstLoad) {
      await Promise.race([watchlists, new Promise((r) => setTimeout(r, LAYOUT_WAITS_FOR_LIST_MS))]);
      get().applyWorkspace(layout.ok ? layout.value : null);
    }
    const st = get();
    const [startHold] = await Promise.all([
      watchlists,
      st.loadBlotter(),
      st.loadPortfolio(),
      st.loadAlerts(),
      st.loadRecording(),
    ]);
    if (startHold) setTimeout(startHold, START_HOLD_MS);
  }

  return {
    startPanesHeld: false,
    startQuotesArrived() {
      if (get().startPanesHeld) afterNextPaint(releaseStartPanes);
    },
    transportChanged(transport) {
      set({ transport });
      if (!transport.connected) return;
      const again = transportUps++ > 0;
      void loadInitialState().then(() => {
        if (again) resumeStreams(get(), true);
      });
    },
    connectionChanged(connection) {
      applied.connection++;
      const before = get().connection;
      const wasUp = isUp(before);
      set({ connection });
      if (before && before.source !== connection.source) reloadSourceData(get());
      if (!wasUp && isUp(connection)) {
        const s = get();
        void s.loadBlotter();
        void s.loadPortfolio();
        void s.loadAlerts();
        resumeStreams(s, false);
      }
    },
    settingsChanged(settings) {
      applied.settings++;
      const before = get().settings?.activeProfileId;
      set({ settings });
      // Layouts are per profile: another profile brings its own workspace and its own account's blotter.
      if (before !== undefined && before !== settings.activeProfileId) {
        set({ orders: {}, executions: {}, portfolio: null, liveConfirmed: false });
        const s = get();
        void s.reloadWorkspace();
        void s.loadBlotter();
        void s.loadPortfolio();
      }
    },
  };
};
