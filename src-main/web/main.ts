// `npm run web`: IBDesk's main-process code under plain Node, serving the renderer and the API on loopback.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { createLogFile, teeSink } from '../logging/log-file';
import { consoleSink } from '../logging/log-book';
import { systemClock } from '../../src-shared/clock';
import { installCrashHandlers } from '../logging/unhandled-errors';
import { defaultDataDir } from '../config/data-dir';
import { parseAccountList } from '../../src-shared/domain/accounts';
import { REPLAY_PROFILE_ID } from '../../src-shared/domain/settings';
import { createDemoEndpoint, REPLAY_WORKER, startDemoGateway, startReplayGateway } from '../demo-profile';
import { appVersion } from '../version';
import { createStartupTrace } from './startup-trace';
import { startWebHost } from './web-host';
import { RECORDER_WORKER } from '../services/recorder';

const USAGE = `Usage: npm run web -- [--port 5174] [--host 127.0.0.1 [--allow-remote]] [--data-dir DIR] [--no-connect]
                     [--source-maps] [--demo-accounts DU1111111,DU2222222]   (the Demo profile's gateway with several accounts)
                     [--replay FILE.ibdrec]   (start on the Replay profile, replaying that recording)
                     [--record FILE]   (record this session to FILE-0001.ibdrec …, whatever the profile says)`;

/** A stop that has not finished by then (a service that hangs) still ends the process: SIGTERM means stop. */
const STOP_DEADLINE_MS = 4000;

async function main(): Promise<void> {
  // IBDESK_STARTUP_TRACE=1 (npm run bench only): where the time to the first live quote goes.
  const trace = createStartupTrace(process.env.IBDESK_STARTUP_TRACE === '1');
  trace('modules');
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: process.env.IBDESK_WEB_PORT ?? '5174' },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-remote': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'no-connect': { type: 'boolean', default: false },
        'source-maps': { type: 'boolean', default: false },
        'demo-accounts': { type: 'string' },
        replay: { type: 'string' },
        record: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0…65535, got "${args.port}"\n${USAGE}`);
    process.exit(2);
  }
  let demoAccounts: string[] | undefined;
  if (args['demo-accounts'] !== undefined) {
    const list = parseAccountList(args['demo-accounts']);
    if (!list.ok) {
      console.error(`--demo-accounts: ${list.message}\n${USAGE}`);
      process.exit(2);
    }
    demoAccounts = list.accounts;
  }
  const dataDir = args['data-dir'] ? path.resolve(args['data-dir']) : defaultDataDir();
  const here = path.dirname(fileURLToPath(import.meta.url));
  // IBDESK_DEMO_CONTROL=1 (end-to-end tests only): the embedded gateway's fault-injection API on loopback.
  // IBDESK_DEMO_BENCH (npm run bench only): the embedded gateway's tick rate and tick → paint stamps.
  const control = process.env.IBDESK_DEMO_CONTROL === '1';
  const bench = demoBenchOptions(process.env.IBDESK_DEMO_BENCH);
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
  trace('app');
  app.session.onStatus((s) => {
    if (s.state === 'ready') trace('ready');
  });
  let host;
  try {
    host = await startWebHost({
      dispatcher: app.dispatcher,
      hub: app.hub,
      log: app.logBook.logger('web-host'),
      staticDir: path.resolve(here, '..', 'renderer'),
      host: args.host,
      port,
      allowRemote: args['allow-remote'],
      sourceMaps: args['source-maps'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${port} is already in use: is IBDesk already running? Start with --port <another port> (0 picks a free one).`
        : e.message,
    );
    await app.stop();
    await demo.stop();
    process.exit(1);
  }
  if (!['127.0.0.1', '::1', 'localhost'].includes(host.host)) {
    console.warn(
      `WARNING: listening on ${host.host}: anyone who can reach this address and has the token can trade.`,
    );
  }
  // As in the desktop app, an unhandled error or rejection is logged (the Log pane shows it to every window) and the
  // host keeps running: a plain Node process would otherwise exit and leave the trader without a screen.
  installCrashHandlers({
    proc: process,
    log: app.logBook.logger('web-host'),
    clock: systemClock,
    logFile: null,
    show: () => Promise.resolve(0),
    relaunch: () => undefined,
  });
  // The token is printed once, here, and never logged.
  console.log(`IBDesk web host: ${host.url}`);
  trace('listening');
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

/** IBDESK_DEMO_BENCH="stamps,rate=40": bench stamps on, and the demo gateway's updates per second per instrument. */
function demoBenchOptions(raw: string | undefined): { benchStamps: boolean; tickRate?: number } | undefined {
  if (!raw) return undefined;
  const out: { benchStamps: boolean; tickRate?: number } = { benchStamps: false };
  for (const part of raw.split(',')) {
    const [key, value] = part.split('=');
    if (key === 'stamps') out.benchStamps = true;
    else if (key === 'rate' && Number(value) > 0) out.tickRate = Number(value);
    else throw new Error(`IBDESK_DEMO_BENCH: unknown part "${part}" (expected stamps, rate=N)`);
  }
  return out;
}

void main().catch((err: unknown) => {
  console.error(`IBDesk web host failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
