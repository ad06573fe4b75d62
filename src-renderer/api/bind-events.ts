// The api layer's one job toward the stores: route every pushed event, and the transport's ups and downs, into the
// store action that takes it (one action, so one store update, per event: quotes arrive as one batch per frame).
// What an event means is the store's business (stores/*-slice.ts), not this file's.
import type { EventMap, EventName } from '../../src-shared/contract';
import type { AppState, AppStore } from '../stores/app-store';

/** The action each event goes to: every event of the contract has one (checked by the type). */
const ROUTES: { [E in EventName]: (s: AppState, payload: EventMap[E]) => void } = {
  connection: (s, p) => s.connectionChanged(p),
  settings: (s, p) => s.settingsChanged(p),
  gauges: (s, p) => s.gaugesArrived(p),
  log: (s, p) => s.logArrived(p),
  notice: (s, p) => s.noticeArrived(p),
  quotes: (s, p) => s.quotesArrived(p),
  scan: (s, p) => s.scanArrived(p),
  bars: (s, p) => s.barsArrived(p),
  orders: (s, p) => s.ordersArrived(p.orders),
  executions: (s, p) => s.executionsArrived(p.executions),
  portfolio: (s, p) => s.portfolioArrived(p),
  command: (s, p) => s.runCommand(p),
  news: (s, p) => s.newsArrived(p),
  depth: (s, p) => s.depthArrived(p),
  tape: (s, p) => s.tapeArrived(p),
  alerts: (s, p) => s.alertsArrived(p.alerts),
  'alerts.fired': (s, p) => s.alertFired(p),
  replay: (s, p) => s.replayArrived(p),
  recording: (s, p) => s.recordingChanged(p),
};

export function bindEvents(store: AppStore): () => void {
  const { client } = store.getState();
  const route = <E extends EventName>(event: E) =>
    client.on(event, (payload) => ROUTES[event](store.getState(), payload));
  const offs = [
    client.onTransport((transport) => store.getState().transportChanged(transport)),
    ...(Object.keys(ROUTES) as EventName[]).map(route),
  ];
  return () => offs.forEach((off) => off());
}
