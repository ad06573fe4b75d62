// The web host's app, loaded once the host listens (main.ts): the services, the embedded demo gateway, the log
// file and crash handlers, then the connection; the windows that waited for it are served from here on.
import path from 'node:path';
import { createApp } from '../app';
import { createLogFile, teeSink } from '../logging/log-file';
import { consoleSink } from '../logging/log-book';
import { REPLAY_PROFILE_ID } from '../../src-shared/domain/settings';
import { createDemoEndpoint, REPLAY_WORKER, startDemoGateway, startReplayGateway } from '../demo-profile';
import { appVersion } from '../version';
import { RECORDER_WORKER } from '../services/recorder';
import type { StartupTrace } from './startup-trace';
import type { LateLogger } from './late-logger';
import type { WebBackend, WebHost } from './web-host';

/** A stop that has not finished by then (a service that hangs) still ends the process: SIGTERM means stop. */
const STOP_DEADLINE_MS = 4000;

export type WebAppStart = {
  args: { 'no-connect'?: boolean; replay?: string; record?: string };
  dataDir: string;
  /** The folder of the built main-process files (the renderer and the recorder's worker are beside it). */
  here: string;
  demoAccounts: string[] | undefined;
  bench: { benchStamps: boolean; tickRate?: number } | undefined;
  host: WebHost;
  /** The host's logger, until now holding what it logged: attached to the log book here. */
  log: LateLogger;
  trace: StartupTrace;
  /** Hands the app to the host (windows waiting on it are let in). */
  ready: (backend: WebBackend) => void;
};

export async function runWebApp(start: WebAppStart): Promise<void> {
  const { args, dataDir, here, demoAccounts, bench, host, trace } = start;
  // IBDESK_DEMO_CONTROL=1 (end-to-end tests only): the embedded gateway's fault-injection API on loopback.
  // IBDESK_DEMO_BENCH (npm run bench only): the embedded gateway's tick rate and tick → paint stamps.
  const control = process.env.IBDESK_DEMO_CONTROL === '1';
  const gateway = { ...bench, ...(demoAccounts ? { accounts: demoAccounts } : {}) };
  const demo = createDemoEndpoint(
    control || bench || demoAccounts
      ? () =>
          startDemoGateway({
            ...(control ? { onControl: (url: string) => console.log(`IBDesk demo control: ${url}`) } : {}),
            gateway,
          })
      : undefined,
  );
  const logFile = createLogFile({ dir: path.join(dataDir, 'logs') });
  const app = await createApp({
    dataDir,
    host: 'web',
    version: appVersion(),
    logSink: teeSink(consoleSink(), logFile.sink),
    logDir: logFile.dir,
    demoEndpoint: async () => {
      const endpoint = await demo.endpoint();
      trace('gateway');
      return endpoint;
    },
    autoConnect: !args['no-connect'],
    benchProbe: bench?.benchStamps ?? false,
    // The Replay profile's gateway stamps its relayed quotes too (the replay's tick → paint figure).
    ...(bench?.benchStamps
      ? {
          startReplay: (file: string) =>
            startReplayGateway(file, { benchStamps: true }, path.join(here, REPLAY_WORKER)),
        }
      : {}),
    ...(args.record ? { record: args.record } : {}),
    recorderWorker: path.join(here, RECORDER_WORKER),
    replayWorker: path.join(here, REPLAY_WORKER),
  });
  start.log.attach(app.logBook.logger('web-host'));
  start.ready({ dispatcher: app.dispatcher, hub: app.hub });
  trace('app');
  app.session.onStatus((s) => {
    if (s.state === 'ready') trace('ready');
  });
  if (args.replay !== undefined) {
    await app.settings.useRecording(path.resolve(args.replay));
    await app.settings.selectProfile(REPLAY_PROFILE_ID);
  }
  await app.start();

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping IBDesk web host`);
    setTimeout(() => {
      console.error(`IBDesk web host did not stop within ${STOP_DEADLINE_MS} ms; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    try {
      await host.close();
      await app.stop();
      await demo.stop();
    } catch (err) {
      console.error(`Stopping IBDesk web host: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
