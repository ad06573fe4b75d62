// Composition root (STYLE.md rule 7): config → connection → services → hub. No Electron import: the Electron
// shell and the web host both build the app here and only differ in how windows attach to the hub.
import { AppError } from '../src-shared/result';
import { systemClock, type Clock } from '../src-shared/clock';
import { createLogBook, type LogBook, type LogSink } from './logging/log-book';
import { createSettingsStore, type Notice, type SettingsStore } from './config/settings-store';
import { createWorkspaceStore } from './config/workspace-store';
import { createDispatcher, type Dispatcher } from './api/dispatcher';
import { createHub, type Hub, type HubOptions } from './hub/hub';
import type { LinkDeps } from './ib/connection';
import { createSession, type DemoEndpoint, type Session } from './services/session';
import { createSupportHandlers } from './support-handlers';
import { createTrading, type Trading } from './trading';

export type AppHost = 'electron' | 'web';

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
};

export interface App {
  readonly dispatcher: Dispatcher;
  readonly hub: Hub;
  readonly logBook: LogBook;
  readonly settings: SettingsStore;
  readonly session: Session;
  readonly trading: Trading;
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

  const trading = createTrading({
    clock,
    log: logBook.logger('ib'),
    outlet: hub,
    prefs: settings.get().preferences,
    ...(opts.link ? { link: opts.link } : {}),
  });
  const session = createSession({
    settings,
    link: trading.link,
    orders: trading.orders,
    dataDir: opts.dataDir,
    demoEndpoint: opts.demoEndpoint,
    clock,
    log: logBook.logger('session'),
  });

  logBook.subscribe((entry) => hub.broadcast('log', entry));
  session.onStatus((status) => hub.broadcast('connection', status));
  settings.onChange((s) => {
    hub.broadcast('settings', s);
    trading.configure(s.preferences);
  });
  // A window that goes releases its quote lines, charts and scans.
  hub.onClientClosed((clientId) => trading.releaseClient(clientId));

  dispatcher.register(session.handlers);
  dispatcher.register(trading.handlers);
  dispatcher.register(
    createSupportHandlers({
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
    }),
  );
  dispatcher.register({
    'windows.open': async ({ pane }) => {
      if (!opts.openWindow)
        throw new AppError(
          'UNAVAILABLE',
          'Separate windows need the desktop app: the web page opens the pane in a tab',
        );
      await opts.openWindow(pane);
      return null;
    },
    'app.info': () => ({
      version: opts.version,
      host: opts.host,
      node: process.versions.node,
      electron: opts.runtime?.electron ?? null,
      chrome: opts.runtime?.chrome ?? null,
      dataDir: opts.dataDir,
    }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.setPreferences(patch),
    'log.list': ({ limit }) => logBook.recent(limit),
    'watchlists.get': () => workspace.watchlists(),
    'watchlists.save': async ({ lists }) => {
      try {
        await workspace.saveWatchlists(lists);
      } catch (err) {
        throw new AppError('VALIDATION', (err as Error).message);
      }
      return null;
    },
    'layout.get': () => workspace.layout(settings.get().activeProfileId),
    'layout.save': async ({ layout }) => {
      try {
        await workspace.saveLayout(settings.get().activeProfileId, layout);
      } catch (err) {
        throw new AppError('VALIDATION', (err as Error).message);
      }
      return null;
    },
    'layout.reset': async () => {
      await workspace.resetLayout(settings.get().activeProfileId);
      return null;
    },
  });

  return {
    dispatcher,
    hub,
    logBook,
    settings,
    session,
    trading,
    async start() {
      log.info(`IBDesk ${opts.version} starting (${opts.host} host, data in ${opts.dataDir})`);
      if (opts.autoConnect ?? true) void session.start();
    },
    async stop() {
      await session.stop();
      await trading.stop();
      hub.flush();
      hub.stop();
    },
  };
}
