// The api layer's one job toward the stores: load the initial state whenever the transport (re)connects, then
// write each pushed event into the store with one set() per event (quotes arrive as one batch per frame).
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import type { AppStore } from '../stores/app-store';
import { applyBarsEvent, paneOfSub } from '../stores/chart-slice';
import { appendLog } from '../stores/log-slice';
import { upsertExecutions, upsertOrders } from '../stores/orders-slice';
import { applyQuoteBatch } from '../stores/quotes-slice';
import { applyScanSnapshot, paneOfScan } from '../stores/scanner-slice';
import { notifyFills } from './fill-notifier';

let noticeIds = 0;

const isUp = (s: ConnectionStatus | null): boolean => s?.state === 'ready' || s?.state === 'degraded';

export async function loadInitialState(store: AppStore): Promise<void> {
  const { client } = store.getState();
  const firstLoad = store.getState().layout === undefined;
  // The watchlists do not depend on the rest: asked at once, the first quotes are subscribed one round trip sooner.
  const watchlists = store.getState().loadWatchlists();
  const [info, settings, status, log, layout, gauges] = await Promise.all([
    client.invoke('app.info', {}),
    client.invoke('settings.get', {}),
    client.invoke('connection.status', {}),
    client.invoke('log.list', { limit: 500 }),
    client.invoke('layout.get', {}),
    client.invoke('gauges.get', {}),
  ]);
  store.setState((s) => ({
    serverInfo: info.ok ? { version: info.value.version, host: info.value.host } : s.serverInfo,
    settings: settings.ok ? settings.value : s.settings,
    connection: status.ok ? status.value : s.connection,
    log: log.ok ? appendLog([], log.value) : s.log,
    gauges: gauges.ok ? gauges.value : s.gauges,
  }));
  // The workspace is read once: after a host reconnect the window keeps what it shows.
  if (firstLoad) store.getState().applyWorkspace(layout.ok ? layout.value : null);
  const st = store.getState();
  await Promise.all([watchlists, st.loadBlotter(), st.loadPortfolio()]);
}

/**
 * Streams that need the window to ask again: after TWS came back (main replays what it holds, but a scan or chart
 * that failed to start while it was down is started now) or after the host connection came back (main forgot
 * this window: everything is asked again).
 */
export function resumeStreams(store: AppStore, hostReconnected: boolean): void {
  const s = store.getState();
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
  if (!s.scannerParams) void s.loadScannerParams();
}

export function bindEvents(store: AppStore): () => void {
  const { client } = store.getState();
  let transportUps = 0;
  const offs = [
    client.onTransport((transport) => {
      store.setState({ transport });
      if (!transport.connected) return;
      const again = transportUps++ > 0;
      void loadInitialState(store).then(() => {
        if (again) resumeStreams(store, true);
      });
    }),
    client.on('connection', (connection) => {
      const wasUp = isUp(store.getState().connection);
      store.setState({ connection });
      if (!wasUp && isUp(connection)) {
        const s = store.getState();
        void s.loadBlotter();
        void s.loadPortfolio();
        resumeStreams(store, false);
      }
    }),
    client.on('gauges', (gauges) => store.setState({ gauges })),
    client.on('settings', (settings) => {
      const before = store.getState().settings?.activeProfileId;
      store.setState({ settings });
      // Layouts are per profile: another profile brings its own workspace and its own account's blotter.
      if (before !== undefined && before !== settings.activeProfileId) {
        store.setState({ orders: {}, executions: {}, portfolio: null, liveConfirmed: false });
        const s = store.getState();
        void s.reloadWorkspace();
        void s.loadBlotter();
        void s.loadPortfolio();
      }
    }),
    client.on('log', (entry) => store.setState((s) => ({ log: appendLog(s.log, [entry]) }))),
    client.on('notice', (notice) =>
      store.setState((s) => ({ notices: [...s.notices, { ...notice, id: ++noticeIds }].slice(-20) })),
    ),
    client.on('quotes', (batch) =>
      store.setState((s) => ({ quotes: applyQuoteBatch(s.quotes, batch.quotes) })),
    ),
    client.on('scan', (snap) =>
      store.setState((s) => {
        const paneId = paneOfScan(s.scans, snap.scanId);
        const view = paneId ? s.scans[paneId] : undefined;
        if (!paneId || !view) return {};
        return { scans: { ...s.scans, [paneId]: applyScanSnapshot(view, snap) } };
      }),
    ),
    client.on('bars', (e) =>
      store.setState((s) => {
        const paneId = paneOfSub(s.charts, e.subId);
        const view = paneId ? s.charts[paneId] : undefined;
        if (!paneId || !view) return {};
        return { charts: { ...s.charts, [paneId]: applyBarsEvent(view, e.bars) } };
      }),
    ),
    client.on('orders', (e) => store.setState((s) => ({ orders: upsertOrders(s.orders, e.orders) }))),
    client.on('executions', (e) => {
      const known = store.getState().executions;
      const fresh = e.executions.filter((x) => !known[x.execId]);
      store.setState((s) => ({ executions: upsertExecutions(s.executions, e.executions) }));
      if (fresh.length > 0 && store.getState().serverInfo?.host === 'web') notifyFills(fresh);
    }),
    client.on('portfolio', (portfolio) => store.setState({ portfolio })),
    client.on('command', (cmd) => store.getState().runCommand(cmd)),
  ];
  return () => offs.forEach((off) => off());
}
