// The api layer's one job toward the stores: load the initial state whenever the transport (re)connects, then
// write each pushed event into the store with one set() per event (quotes arrive as one event per frame).
import type { AppStore } from '../stores/app-store';
import { appendLog } from '../stores/log-slice';

let noticeIds = 0;

export async function loadInitialState(store: AppStore): Promise<void> {
  const { client } = store.getState();
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
    layout: layout.ok ? layout.value : null,
    gauges: gauges.ok ? gauges.value : s.gauges,
  }));
}

export function bindEvents(store: AppStore): () => void {
  const { client } = store.getState();
  const offs = [
    client.onTransport((transport) => {
      store.setState({ transport });
      if (transport.connected) void loadInitialState(store);
    }),
    client.on('connection', (connection) => store.setState({ connection })),
    client.on('gauges', (gauges) => store.setState({ gauges })),
    client.on('settings', (settings) => store.setState({ settings })),
    client.on('log', (entry) => store.setState((s) => ({ log: appendLog(s.log, [entry]) }))),
    client.on('notice', (notice) =>
      store.setState((s) => ({ notices: [...s.notices, { ...notice, id: ++noticeIds }].slice(-20) })),
    ),
  ];
  return () => offs.forEach((off) => off());
}
