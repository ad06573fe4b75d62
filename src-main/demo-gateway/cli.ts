// `npm run demo-gateway -- --port 7497 …`: runs the demo gateway in the foreground, one log line per connection,
// prints the control API's URL, stops cleanly on Ctrl+C / SIGTERM.
import { parseArgs } from 'node:util';
import { createDemoGateway } from './gateway';
import { applyFault, parseFaultSpec } from './fault-spec';
import { terminalLogger } from './terminal-log';
import type { FaultSpec } from './fault-spec';
import { replayFailure } from './replay/replay-cli';

const USAGE = `Usage: demo-gateway [options]
  --host H               interface to listen on (default 127.0.0.1)
  --port P               TCP port (default 7497; 0 = any free port)
  --seed N               market model seed (default 1)
  --server-version V     highest server version to negotiate, 157-193 (default 193)
  --accounts A,B         managed accounts (default DU1234567)
  --state FILE           keep accounts, orders and executions in FILE across restarts
  --control-port P       control API port on 127.0.0.1 (default: any free port)
  --tick-rate N          level-1 updates per second per instrument (default 4)
  --real-hours           trade only in US market hours (default: around the clock)
  --no-live-data         no live market-data permissions (delayed data only)
  --pacing MODE          historical pacing rules: small-bars (default), all, off
  --replay FILE          replay a recording (.ibdrec) instead of the live model
  --speed N              replay speed, 1-60 (default 1)
  --from HH:MM           start the replay at this US/Eastern time of the recording's day
  --fault SPEC           inject a fault, repeatable: <name>[:arg][@delayMs][/everyMs]
                         names: drop-all, silence:ms, restart:downMs, connectivity:data-lost|data-maintained:ms,
                         pacing:historical|rate, slow-reader:ms, malformed:kind, accept-then-close:n,
                         swallow-order:n, reject:ms
  --verbose              debug logging
  --help                 this text`;

/** A flag that takes a value, and one that is on or off. */
const VALUE = { type: 'string' } as const;
const SWITCH = { type: 'boolean' } as const;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        host: VALUE,
        port: VALUE,
        seed: VALUE,
        'server-version': VALUE,
        accounts: VALUE,
        state: VALUE,
        'control-port': VALUE,
        'tick-rate': VALUE,
        'real-hours': SWITCH,
        'no-live-data': SWITCH,
        pacing: VALUE,
        replay: VALUE,
        speed: VALUE,
        from: VALUE,
        fault: { type: 'string', multiple: true },
        verbose: SWITCH,
        help: SWITCH,
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`--${name} must be a non-negative integer, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  const pacing = args.pacing;
  if (pacing !== undefined && pacing !== 'small-bars' && pacing !== 'all' && pacing !== 'off') {
    console.error('--pacing must be small-bars, all or off');
    process.exit(2);
  }
  if ((args.speed !== undefined || args.from !== undefined) && args.replay === undefined) {
    console.error('--speed and --from need --replay FILE');
    process.exit(2);
  }
  let faults: FaultSpec[];
  try {
    faults = (args.fault ?? []).map(parseFaultSpec);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }

  const log = terminalLogger({
    write: (line) => process.stderr.write(line),
    now: Date.now,
    level: args.verbose ? 'debug' : 'info',
    source: 'cli',
  });
  let gw;
  try {
    gw = await createDemoGateway({
      host: args.host,
      port: int('port', args.port) ?? 7497,
      seed: int('seed', args.seed),
      maxServerVersion: int('server-version', args['server-version']),
      accounts: args.accounts
        ?.split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      statePath: args.state,
      tickRate: args['tick-rate'] === undefined ? undefined : Number(args['tick-rate']),
      realHours: args['real-hours'],
      liveData: args['no-live-data'] ? false : undefined,
      historicalPacing: pacing,
      replay:
        args.replay === undefined
          ? undefined
          : {
              file: args.replay,
              speed: args.speed === undefined ? undefined : Number(args.speed),
              from: args.from,
            },
      log,
    });
  } catch (err) {
    console.error(
      replayFailure(err, args.replay) ?? `cannot start the demo gateway: ${(err as Error).message}`,
    );
    process.exit(1);
  }
  const control = await gw.startControlApi(int('control-port', args['control-port']) ?? 0);
  console.log(
    `IBDesk demo gateway listening on ${gw.host}:${gw.port} (server versions 157-${gw.options.maxServerVersion}, accounts ${gw.options.accounts.join(',')})`,
  );
  console.log(`control API: ${control.url}  (GET /status, POST /faults/…)`);
  const replay = gw.replay?.status();
  if (replay)
    console.log(
      `replaying ${replay.file}: ${new Date(replay.firstTime).toISOString()} … ${new Date(replay.lastTime).toISOString()} at ${replay.speed}x (control: GET /replay, POST /replay/play|pause|speed|step|seek)`,
    );

  const timers: ReturnType<typeof setTimeout>[] = [];
  for (const f of faults) {
    const run = (): void => {
      try {
        applyFault(gw.faults, f);
      } catch (err) {
        log.error(`fault ${f.name}: ${(err as Error).message}`);
      }
    };
    timers.push(
      setTimeout(() => {
        run();
        if (f.everyMs) timers.push(setInterval(run, f.everyMs));
      }, f.delayMs),
    );
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    for (const t of timers) clearTimeout(t);
    void gw.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
