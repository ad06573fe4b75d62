// What both hosts tell about themselves: the app's versions (`app.info`), the "Copy diagnostics" text
// (`app.diagnostics`) and the setup checker (`connection.test`), one probe at a time.
import os from 'node:os';
import type { ResultOf, SetupCheck } from '../src-shared/contract';
import type { ConnectionStatus, Gauges } from '../src-shared/domain/connection';
import type { Clock } from '../src-shared/clock';
import type { LogBook } from './logging/log-book';
import type { SettingsStore } from './config/settings-store';
import { diagnosticsText, DIAGNOSTICS_LOG_LINES, type AppVersions } from './diagnostics';
import { probeSetup, type SetupEndpoint } from './ib/setup-check';

export type SupportDeps = {
  /** The host's app options: versions, data folder, log folder. */
  app: {
    version: string;
    host: AppVersions['host'];
    runtime?: { electron: string | null; chrome: string | null } | undefined;
    dataDir: string;
    logDir?: string | null | undefined;
  };
  logBook: LogBook;
  settings: SettingsStore;
  status: () => ConnectionStatus;
  /** Gauges and counters of the trading side, for the diagnostics. */
  trading?: () => { gauges: Gauges; streams: number; orders: number };
  clock: Clock;
  /** The setup probe (tests inject one). */
  probe?: (endpoint: SetupEndpoint) => Promise<SetupCheck>;
};

/** Our own session holds this endpoint and client id: probing it would only earn a 326 from TWS. */
function heldByUs(s: ConnectionStatus, e: SetupEndpoint): boolean {
  return (
    (s.state === 'ready' || s.state === 'degraded') &&
    s.host === e.host &&
    s.port === e.port &&
    s.clientId === e.clientId
  );
}

export interface Support {
  info(): ResultOf<'app.info'>;
  diagnostics(): { text: string };
  /** Probes a TWS endpoint (or answers at once for the one this session holds). */
  testConnection(endpoint: SetupEndpoint): SetupCheck | Promise<SetupCheck>;
}

export function createSupport(deps: SupportDeps): Support {
  const log = deps.logBook.logger('support');
  const versions: AppVersions = {
    version: deps.app.version,
    host: deps.app.host,
    node: process.versions.node,
    electron: deps.app.runtime?.electron ?? null,
    chrome: deps.app.runtime?.chrome ?? null,
  };
  const probe =
    deps.probe ??
    ((e: SetupEndpoint) =>
      probeSetup(e, { log: { info: (m, f) => log.info(m, f), warn: (m, f) => log.warn(m, f) } }));
  // One probe at a time: each opens its own API session, and TWS counts client ids.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    info: () => ({ ...versions, dataDir: deps.app.dataDir }),

    diagnostics: () => ({
      text: diagnosticsText({
        app: { ...versions, dataDir: deps.app.dataDir },
        os: { platform: process.platform, arch: process.arch, release: os.release() },
        logDir: deps.app.logDir ?? null,
        status: deps.status(),
        profile: deps.settings.activeProfile(),
        log: deps.logBook.recent(DIAGNOSTICS_LOG_LINES),
        now: deps.clock.now(),
        home: os.homedir(),
        trading: deps.trading?.(),
      }),
    }),

    testConnection(endpoint) {
      const status = deps.status();
      if (heldByUs(status, endpoint)) {
        return {
          outcome: 'ok',
          message: `IBDesk is connected to ${endpoint.host}:${endpoint.port} with client id ${endpoint.clientId} right now (server version ${status.serverVersion ?? '?'}), so the connection works. To also check order and market-data permissions, test with another client id.`,
          fix: '',
          serverVersion: status.serverVersion,
          accounts: status.accounts,
        } satisfies SetupCheck;
      }
      const run = queue.then(async () => {
        log.info(`Testing ${endpoint.host}:${endpoint.port} with client id ${endpoint.clientId}`);
        const result = await probe(endpoint);
        log.info(`Connection test: ${result.outcome} — ${result.message}`);
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
