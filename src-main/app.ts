// Composition root (STYLE.md rule 7): config → connection → services → request table → hub. No Electron import:
// the Electron shell and the web host both build the app here and only differ in how windows attach to the hub.
import path from 'node:path';
import { systemClock, type Clock } from '../src-shared/clock';
import { createLogBook, type LogBook, type LogSink } from './logging/log-book';
import { createSettingsStore, type Notice, type SettingsStore } from './config/settings-store';
import { createWorkspaceStore } from './config/workspace-store';
import { createAlertsStore } from './config/alerts-store';
import { AppError } from '../src-shared/result';
import { ALERTS_CLIENT_ID, createAlertsService, type AlertsService } from './services/alerts';
import { createDispatcher, type Dispatcher } from './api/dispatcher';
import { createHub, type Hub, type HubOptions } from './hub/hub';
import type { LinkDeps } from './ib/connection';
import { createSession, type DemoEndpoint, type Session } from './services/session';
import { createReplayService, type ReplayService, type RunningReplay } from './services/replay';
import { startReplayGateway } from './demo-profile';
import { createRequestTable } from './api/request-table';
import { createSupport } from './support';
import { createTrading, type Trading } from './trading';
import { createRecorder, targetOfFile, type Recorder, type RecorderDeps } from './services/recorder';
import { inspectRecording, recordedRequest } from './demo-gateway';
import { createRecordingLibrary, type RecordingLibrary } from './services/recordings';
import type { Settings } from '../src-shared/domain/settings';

type AppHost = 'electron' | 'web';

export type AppOptions = {
  dataDir: string;
  host: AppHost;
  version: string;
  /** Electron and Chromium versions when running in Electron. */
  runtime?: { electron: string | null; chrome: string | null };
  clock?: Clock;
  logSink?: LogSink;
  /** Starts the embedded demo gateway for the Demo profile. */
  demoEndpoint: DemoEndpoint;
  /** Starts the gateway of the Replay profile on a recording (tests pass their own). */
  startReplay?: (file: string) => Promise<RunningReplay>;
  /** The bundled replay worker: the Replay profile's gateway runs on its own thread (without it, in this one). */
  replayWorker?: string;
  /** Connect the active profile on start (off in some tests). */
  autoConnect?: boolean;
  /** Check every handler's result against the contract (tests). */
  validateResults?: boolean;
  /** Frame length and back-pressure limits of the hub (tests use small ones). */
  hub?: Pick<HubOptions, 'frameMs' | 'highWaterBytes' | 'maxQueuedEvents' | 'maxBlockedMs'>;
  /** Connection tuning (tests: shorter timings). */
  link?: Partial<Omit<LinkDeps, 'clock' | 'log'>>;
  /** Where the log files are (shown in diagnostics); null when logging to the console only. */
  logDir?: string | null;
  /** Opens a pane in its own window (Electron). Without it, `windows.open` answers UNAVAILABLE (web host). */
  openWindow?: (pane: string) => void | Promise<void>;
  /** `--record FILE`: record this run to FILE (parts FILE-0001.ibdrec …) whatever the profile says. */
  record?: string;
  /** The recorder's file writer and size cap (tests: a failing disk, small parts). */
  recorder?: Pick<RecorderDeps, 'makeWriter' | 'partBytes' | 'maxParts'>;
  /** The bundled recording writer worker (off the main thread); without it the recorder writes in this thread. */
  recorderWorker?: string;
  /** Carries the demo gateway's bench stamps to windows as the `probe` of quotes events (npm run bench only). */
  benchProbe?: boolean;
};

export interface App {
  readonly dispatcher: Dispatcher;
  readonly hub: Hub;
  readonly logBook: LogBook;
  readonly settings: SettingsStore;
  readonly session: Session;
  readonly trading: Trading;
  readonly alerts: AlertsService;
  readonly replay: ReplayService;
  readonly recorder: Recorder;
  readonly recordings: RecordingLibrary;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? systemClock;
  const logBook = createLogBook({ now: () => clock.now(), ...(opts.logSink ? { sink: opts.logSink } : {}) });
  const log = logBook.logger('app');
  const hub = createHub({ clock, log: logBook.logger('hub'), ...opts.hub });
  const dispatcher = createDispatcher({
    log: logBook.logger('dispatcher'),
    validateResults: opts.validateResults ?? false,
  });

  const notify = (n: Notice): void => hub.broadcast('notice', n);
  const settings = createSettingsStore({ dataDir: opts.dataDir, log: logBook.logger('settings'), notify });
  const workspace = createWorkspaceStore({ dataDir: opts.dataDir, log: logBook.logger('workspace'), notify });
  await settings.load();
  // Read ahead: a window's first request is the watchlists, and its first paint is the first list with quotes.
  void workspace.watchlists();

  const trading = createTrading({
    clock,
    log: logBook.logger('ib'),
    outlet: hub,
    prefs: settings.get().preferences,
    benchProbe: opts.benchProbe ?? false,
    ...(opts.link ? { link: opts.link } : {}),
  });
  const replay = createReplayService({
    start: opts.startReplay ?? ((file) => startReplayGateway(file, {}, opts.replayWorker)),
    publish: (status) => hub.broadcast('replay', status),
    clock,
    log: logBook.logger('replay'),
  });
  const session = createSession({
    settings,
    link: trading.link,
    orders: trading.orders,
    dataDir: opts.dataDir,
    demoEndpoint: opts.demoEndpoint,
    replay,
    clock,
    log: logBook.logger('session'),
  });

  const alerts = createAlertsService({
    bars: {
      subscribe: (p) =>
        trading.history.subscribe(ALERTS_CLIENT_ID, { ...p, whatToShow: 'TRADES', useRTH: false }),
      unsubscribe: (subId) => trading.history.unsubscribe(subId),
    },
    store: createAlertsStore({ dataDir: opts.dataDir, log: logBook.logger('alerts'), notify }),
    lines: trading.marketData,
    connection: {
      state: () => trading.link.status().state,
      onState: (listener) => trading.link.onStatus((s) => listener(s.state)),
    },
    async knownConId(conId) {
      if (trading.link.status().state !== 'ready') return null;
      try {
        return (await trading.contracts.details({ conId })).length > 0;
      } catch (err) {
        if (err instanceof AppError && (err.code === 'IB_REJECTED' || err.code === 'NOT_FOUND')) return false;
        throw err;
      }
    },
    clock,
    log: logBook.logger('alerts'),
    changed: (list) => hub.broadcast('alerts', { alerts: list }),
    fired: (entry) => hub.broadcast('alerts.fired', entry),
    notice: notify,
  });
  const recorder = createRecorder({
    clock,
    log: logBook.logger('recorder'),
    link: {
      setTap: (tap) => trading.link.setTap(tap),
      serverVersion: () => (trading.link.canSend() ? trading.link.status().serverVersion : null),
    },
    decodeRequest: recordedRequest,
    dir: path.join(opts.dataDir, 'recordings'),
    appVersion: opts.version,
    ...(opts.recorderWorker ? { workerFile: opts.recorderWorker } : {}),
    ...opts.recorder,
    changed: (s) => hub.broadcast('recording', s),
    notice: notify,
  });
  const recordings = createRecordingLibrary({
    dir: path.join(opts.dataDir, 'recordings'),
    inspect: inspectRecording,
    log: logBook.logger('recordings'),
  });
  // "Record this session" of the active profile (or --record FILE, which holds for the whole run).
  let recordingProfile: string | null = null;
  const applyRecording = (s: Settings): void => {
    const choice = s.preferences.recording?.[s.activeProfileId];
    if (opts.record) {
      if (recordingProfile === null)
        recorder.start({ keep: choice?.keep ?? false, target: targetOfFile(opts.record) });
      recordingProfile = s.activeProfileId;
      return;
    }
    if (choice?.record) {
      // Another profile is another session: its own file.
      if (recordingProfile !== null && recordingProfile !== s.activeProfileId)
        void recorder.stop('the profile changed');
      recorder.start({ keep: choice.keep, label: s.activeProfileId });
      recordingProfile = s.activeProfileId;
    } else if (recordingProfile !== null) {
      recordingProfile = null;
      void recorder.stop('turned off');
    }
  };
  applyRecording(settings.get());

  trading.onQuotes((quotes) => alerts.onQuotes(quotes));
  trading.onExecutions((executions) => alerts.onExecutions(executions));
  trading.onScans((scanCode, snapshot) => alerts.onScan(scanCode, snapshot));
  trading.onBars((clientId, e) => clientId === ALERTS_CLIENT_ID && alerts.onBars(e.subId, e.bars));
  await alerts.useProfile(settings.get().activeProfileId);

  logBook.subscribe((entry) => hub.broadcast('log', entry));
  session.onStatus((status) => hub.broadcast('connection', status));
  // Another source of bars (another profile: Demo, TWS; another recording replayed): the history cache starts afresh.
  let barsFrom = session.status().source;
  session.onStatus((status) => {
    if (status.source === barsFrom) return;
    barsFrom = status.source;
    trading.history.sourceChanged();
  });
  settings.onChange((s) => {
    hub.broadcast('settings', s);
    trading.configure(s.preferences);
    void alerts.useProfile(s.activeProfileId);
    applyRecording(s);
  });
  // A window that goes releases its quote lines, charts and scans.
  hub.onClientClosed((clientId) => trading.releaseClient(clientId));

  const support = createSupport({
    app: opts,
    logBook,
    settings,
    status: () => session.status(),
    trading: () => ({
      gauges: trading.gauges(),
      streams: trading.link.streams().length,
      orders: trading.orders.list().length,
    }),
    clock,
  });
  dispatcher.register(
    createRequestTable({
      trading,
      session,
      settings,
      workspace,
      logBook,
      support,
      alerts,
      replay,
      recorder,
      recordings,
      openWindow: opts.openWindow,
    }),
  );

  return {
    dispatcher,
    hub,
    logBook,
    settings,
    session,
    trading,
    alerts,
    replay,
    recorder,
    recordings,
    async start() {
      log.info(`IBDesk ${opts.version} starting (${opts.host} host, data in ${opts.dataDir})`);
      if (opts.autoConnect ?? true) void session.start();
    },
    async stop() {
      await session.stop();
      await recorder.stop('the app stopped');
      await alerts.stop();
      await trading.stop();
      await replay.stop();
      hub.flush();
      hub.stop();
    },
  };
}
