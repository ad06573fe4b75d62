// `npm run web`: IBDesk's main-process code under plain Node, serving the renderer and the API on loopback. This
// first part stays light: it reads the options and listens (printing the URL) before the app's modules load
// (web-app.ts, imported after), so a browser fetches and runs the page while the app is still being built; a window
// that connects before the app is up waits for it (web-host.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../config/data-dir';
import { parseAccountList } from '../../src-shared/domain/account-list';
import { createLateLogger } from './late-logger';
import { systemClock } from '../../src-shared/clock';
import { installCrashHandlers } from '../logging/unhandled-errors';
import { createStartupTrace } from './startup-trace';
import { startWebHost, type WebBackend } from './web-host';

const USAGE = `Usage: npm run web -- [--port 5174] [--host 127.0.0.1 [--allow-remote]] [--data-dir DIR] [--no-connect]
                     [--source-maps] [--demo-accounts DU1111111,DU2222222]   (the Demo profile's gateway with several accounts)
                     [--replay FILE.ibdrec]   (start on the Replay profile, replaying that recording)
                     [--record FILE]   (record this session to FILE-0001.ibdrec …, whatever the profile says)`;

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
  const bench = demoBenchOptions(process.env.IBDESK_DEMO_BENCH);
  let ready!: (backend: WebBackend) => void;
  let failed!: (err: unknown) => void;
  const backend = new Promise<WebBackend>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  // What the host logs before the app's log book exists is held for it.
  const log = createLateLogger();
  // As in the desktop app, an unhandled error or rejection is logged (the Log pane shows it to every window; one
  // before the app is up is held for it) and the host keeps running: a plain Node process would otherwise exit and
  // leave the trader without a screen.
  installCrashHandlers({
    proc: process,
    log,
    clock: systemClock,
    logFile: null,
    show: () => Promise.resolve(0),
    relaunch: () => undefined,
  });
  let host;
  try {
    host = await startWebHost({
      backend,
      log,
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
    process.exit(1);
  }
  if (!['127.0.0.1', '::1', 'localhost'].includes(host.host)) {
    console.warn(
      `WARNING: listening on ${host.host}: anyone who can reach this address and has the token can trade.`,
    );
  }
  // The token is printed once, here, and never logged.
  console.log(`IBDesk web host: ${host.url}`);
  trace('listening');
  const { runWebApp } = await import('./web-app');
  try {
    await runWebApp({ args, dataDir, here, demoAccounts, bench, host, log, trace, ready });
  } catch (err) {
    failed(err);
    throw err;
  }
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
