// The request table: every request name of src-shared/contract.ts → the service method that answers it, typed from
// the contract (params as its schema parses them, results as it declares them). The dispatcher validates and runs
// the entries; the services behind them know nothing of this table.
import type { RequestName } from '../../src-shared/contract';
import { AppError } from '../../src-shared/result';
import { REPLAY_PROFILE_ID } from '../../src-shared/domain/settings';
import type { SettingsStore } from '../config/settings-store';
import type { WorkspaceStore } from '../config/workspace-store';
import type { LogBook } from '../logging/log-book';
import type { AlertsService } from '../services/alerts';
import type { Recorder } from '../services/recorder';
import type { RecordingLibrary } from '../services/recordings';
import type { Session } from '../services/session';
import type { ReplayService } from '../services/replay';
import type { Support } from '../support';
import type { Trading } from '../trading';
import type { Handler } from './dispatcher';

/** A handler for every request of the contract: a name without one does not compile. */
export type RequestTable = { [K in RequestName]: Handler<K> };

type TradingRequest =
  `${'contracts' | 'quotes' | 'history' | 'scanner' | 'orders' | 'executions' | 'portfolio' | 'gauges' | 'options' | 'news' | 'depth' | 'tape'}.${string}` &
    RequestName;

/** The requests the trading core answers on its own (the CLI-sized part of the table). */
export function tradingRequests(trading: Trading): Pick<RequestTable, TradingRequest> {
  const { contracts, marketData, history, scanner, orders, portfolio, options, news, depth, tape } = trading;
  const window = (clientId: string) => ({ key: clientId, clientId });
  return {
    'contracts.search': ({ pattern }) => contracts.search(pattern),
    'contracts.details': (ref) => contracts.details(ref),
    'quotes.subscribe': ({ contracts: list }, ctx) => ({
      quotes: marketData.subscribe(window(ctx.clientId), list),
    }),
    'quotes.unsubscribe': ({ conIds }, ctx) => done(marketData.unsubscribe(window(ctx.clientId), conIds)),
    'quotes.focus': ({ conIds }, ctx) => done(trading.focusQuotes(ctx.clientId, conIds)),
    'history.get': (p) => history.get(p),
    'history.subscribe': (p, ctx) => history.subscribe(ctx.clientId, p),
    'history.unsubscribe': ({ subId }) => done(history.unsubscribe(subId)),
    'scanner.params': () => scanner.params(),
    'scanner.start': (p, ctx) => scanner.startChecked(ctx.clientId, p),
    'scanner.stop': ({ scanId }) => done(scanner.stop(scanId)),
    'orders.place': (ticket) => orders.place(ticket),
    'orders.modify': async (change) => done(await orders.modify(change)),
    'orders.cancel': async ({ orderId }) => done(await orders.cancel(orderId)),
    'orders.cancelAll': async () => done(await orders.cancelAll()),
    'orders.list': () => orders.list(),
    'orders.confirmLive': ({ typed }) => done(orders.confirmLive(typed)),
    'executions.list': () => orders.executions(),
    'portfolio.get': () => portfolio.snapshot(),
    'gauges.get': () => trading.gauges(),
    'options.chain': (underlying) => options.chain(underlying),
    'options.expiry': (q) => options.expiry(q),
    'news.providers': () => news.providers(),
    'news.subscribe': ({ contract, limit }, ctx) => news.subscribe(ctx.clientId, contract, limit),
    'news.unsubscribe': ({ subId }) => done(news.unsubscribe(subId)),
    'news.article': ({ articleId }) => news.article(articleId),
    'depth.subscribe': ({ contract }, ctx) => depth.subscribe(ctx.clientId, contract),
    'depth.unsubscribe': ({ conId }, ctx) => done(depth.unsubscribe(ctx.clientId, conId)),
    'tape.subscribe': ({ contract }, ctx) => tape.subscribe(ctx.clientId, contract),
    'tape.unsubscribe': ({ conId }, ctx) => done(tape.unsubscribe(ctx.clientId, conId)),
  };
}

export type RequestTableDeps = {
  trading: Trading;
  session: Session;
  settings: SettingsStore;
  workspace: WorkspaceStore;
  logBook: LogBook;
  support: Support;
  alerts: AlertsService;
  replay: ReplayService;
  recorder: Recorder;
  recordings: RecordingLibrary;
  /** Opens a pane in its own window (Electron). Without it, `windows.open` answers UNAVAILABLE (web host). */
  openWindow?: ((pane: string) => void | Promise<void>) | undefined;
};

export function createRequestTable(deps: RequestTableDeps): RequestTable {
  const { session, settings, workspace, logBook, support, alerts, replay } = deps;
  const profileId = () => settings.get().activeProfileId;
  return {
    ...tradingRequests(deps.trading),
    'app.info': () => support.info(),
    'app.diagnostics': () => support.diagnostics(),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.setPreferences(patch),
    'profiles.list': () => ({ profiles: settings.get().profiles, activeId: profileId() }),
    'profiles.save': (input) => settings.saveProfile(input),
    'profiles.delete': async ({ id }) => done(await settings.deleteProfile(id)),
    'profiles.select': ({ id }) => session.selectProfile(id),
    'connection.status': () => session.status(),
    'connection.connect': ({ clientId }) => session.connect(clientId),
    'connection.disconnect': () => session.disconnect(),
    'connection.reconnectNow': () => session.reconnectNow(),
    'connection.test': (endpoint) => support.testConnection(endpoint),
    'log.list': ({ limit }) => logBook.recent(limit),
    'watchlists.get': () => workspace.watchlists(),
    'watchlists.save': async ({ lists }) => done(await refusedAsInvalid(workspace.saveWatchlists(lists))),
    'layout.get': () => workspace.layout(profileId()),
    'layout.save': async ({ layout }) =>
      done(await refusedAsInvalid(workspace.saveLayout(profileId(), layout))),
    'layout.reset': async () => done(await workspace.resetLayout(profileId())),
    'recording.status': () => deps.recorder.status(),
    'recording.list': () => deps.recordings.list(),
    'alerts.list': () => alerts.list(),
    'alerts.create': ({ alert }) => alerts.create(alert),
    'alerts.update': ({ id, alert }) => alerts.update(id, alert),
    'alerts.pause': ({ id, paused }) => alerts.pause(id, paused),
    'alerts.delete': async ({ id }) => done(await alerts.remove(id)),
    'alerts.history': ({ limit }) => alerts.history(limit),
    'replay.open': async ({ file }) => {
      // Checked before anything changes: a file that cannot be replayed leaves the profile and connection alone.
      const recording = await deps.recordings.check(file);
      await settings.useRecording(recording.file);
      return session.selectProfile(REPLAY_PROFILE_ID);
    },
    'replay.status': () => replay.status(),
    'replay.play': () => replay.play(),
    'replay.pause': () => replay.pause(),
    'replay.speed': ({ speed }) => replay.setSpeed(speed),
    'replay.step': ({ ms }) => replay.step(ms),
    'replay.seek': ({ time }) => replay.seek(time),
    'hotkeys.set': ({ hotkeys }) => settings.setHotkeys(hotkeys),
    'windows.open': async ({ pane }) => {
      if (!deps.openWindow)
        throw new AppError(
          'UNAVAILABLE',
          'Separate windows need the desktop app: the web page opens the pane in a tab',
        );
      return done(await deps.openWindow(pane));
    },
  };
}

/** The contract's `null` result of a request that only acts. */
function done(_acted: void): null {
  return null;
}

/** The workspace store refuses what it cannot keep (too large, malformed): that is the caller's input. */
async function refusedAsInvalid(saving: Promise<void>): Promise<void> {
  try {
    await saving;
  } catch (err) {
    throw new AppError('VALIDATION', (err as Error).message);
  }
}
