// The seed's command line (`npm run cli -- <command>`, `ibdesk <command>`): scan, quote, history, contract, order,
// cancel, positions, account — through the same link and services as the app, never a second TWS client. This file
// parses the command line, connects once and runs the command (commands.ts); exit codes are in exit.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAccountList } from '../../src-shared/domain/account-list';
import type { ScanSnapshot } from '../../src-shared/domain/scanner';
import { DEFAULT_LIMITS, defaultSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/result';
import { systemClock } from '../../src-shared/clock';
import { defaultDataDir } from '../config/data-dir';
import { consoleSink, createLogBook } from '../logging/log-book';
import { createOrderJournal } from '../services/orders/journal';
import { createTrading, type Outlet, type Trading } from '../trading';
import type { CliIo, Plan } from './command-context';
import { planCommand } from './commands';
import { connect } from './connect';
import { CliError, EXIT, exitFor } from './exit';
import { USAGE } from './usage';

/** Starts the embedded demo gateway for `--demo` (with `--demo-accounts`' accounts); where it listens, how to stop it. */
export type DemoStarter = (opts?: {
  gateway?: { accounts?: string[] };
}) => Promise<{ host: string; port: number; close(): Promise<void> }>;

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  deps: { startDemo?: DemoStarter } = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'client-id': { type: 'string' },
        demo: { type: 'boolean' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        code: { type: 'string' },
        instrument: { type: 'string' },
        location: { type: 'string' },
        rows: { type: 'string' },
        out: { type: 'string' },
        duration: { type: 'string' },
        bar: { type: 'string' },
        what: { type: 'string' },
        rth: { type: 'boolean' },
        limit: { type: 'string' },
        stop: { type: 'string' },
        tif: { type: 'string' },
        'outside-rth': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        'confirm-live': { type: 'string' },
        account: { type: 'string' },
        expiry: { type: 'string' },
        strikes: { type: 'string' },
        'demo-accounts': { type: 'string' },
      },
    });
  } catch (err) {
    io.stderr.write(`ibdesk: ${(err as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values: o, positionals } = parsed;
  const [command, ...args] = positionals;
  if (o.help || !command) {
    (o.help ? io.stdout : io.stderr).write(USAGE);
    return o.help ? EXIT.ok : EXIT.usage;
  }
  const json = o.json ?? false;
  if (o.account !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(o.account)) {
    io.stderr.write(`ibdesk: --account "${o.account}" is not an account id\n`);
    return EXIT.usage;
  }
  let demoAccounts: string[] | undefined;
  if (o['demo-accounts'] !== undefined) {
    const list = parseAccountList(o['demo-accounts']);
    if (!list.ok || !o.demo) {
      io.stderr.write(`ibdesk: --demo-accounts: ${list.ok ? 'only with --demo' : list.message}\n`);
      return EXIT.usage;
    }
    demoAccounts = list.accounts;
  }
  const out = (text: string) => io.stdout.write(text);
  const scans: ((s: ScanSnapshot) => void)[] = [];

  let plan: Plan;
  try {
    plan = planCommand(command, args, o, { json, out, io, scans });
  } catch (err) {
    io.stderr.write(`ibdesk: ${(err as Error).message}\n`);
    return err instanceof CliError ? err.exit : EXIT.usage;
  }

  let demo: Awaited<ReturnType<DemoStarter>> | null = null;
  let tempDir: string | null = null;
  let trading: Trading | null = null;
  try {
    let host = o.host ?? '127.0.0.1';
    let port = o.port !== undefined ? Number(o.port) : 7497;
    const clientId = o['client-id'] !== undefined ? Number(o['client-id']) : 17;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new CliError(EXIT.usage, `--port must be 1…65535, not ${o.port}`);
    if (!Number.isInteger(clientId) || clientId < 0)
      throw new CliError(EXIT.usage, `--client-id must be a whole number ≥ 0, not ${o['client-id']}`);
    if (o.demo) {
      if (!deps.startDemo)
        throw new CliError(EXIT.unexpected, 'the demo gateway is not available in this build');
      demo = await deps.startDemo(demoAccounts ? { gateway: { accounts: demoAccounts } } : {});
      ({ host, port } = demo);
    }
    const logBook = createLogBook(o.verbose ? { sink: consoleSink(io.stderr) } : {});
    const outlet: Outlet = {
      broadcast() {},
      quotes() {},
      emitTo(_clientId, event, payload) {
        if (event === 'scan') for (const l of scans) l(payload as ScanSnapshot);
      },
    };
    trading = createTrading({
      clock: systemClock,
      log: logBook.logger('cli'),
      outlet,
      prefs: defaultSettings().preferences,
      gaugesEveryMs: 0,
    });

    const dataDir = o.demo
      ? (tempDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-')))
      : o['data-dir']
        ? path.resolve(io.cwd, o['data-dir'])
        : defaultDataDir(io.env);
    await trading.orders.open(
      createOrderJournal({ dir: path.join(dataDir, 'journal'), name: `cli-${host}-${port}-${clientId}` }),
      {
        id: 'cli',
        readOnly: false,
        limits: DEFAULT_LIMITS,
        demo: Boolean(o.demo),
      },
    );
    await connect(trading, { host, port, clientId });
    const managed = trading.link.status().accounts;
    if (o.account !== undefined && !managed.includes(o.account))
      throw new CliError(
        EXIT.usage,
        `--account ${o.account} is not one of this login's accounts (${managed.join(', ')})`,
      );
    // Orders and cancels act on a journal reconciled with TWS; read-only commands do not wait for it.
    if (command === 'order' || command === 'cancel') await trading.orders.settled();
    await plan(trading);
    return EXIT.ok;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (json)
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: err instanceof AppError ? err.toData() : { code: 'ERROR', message } })}\n`,
      );
    io.stderr.write(`ibdesk: ${message}\n`);
    return exitFor(err);
  } finally {
    await trading?.stop().catch(() => undefined);
    await demo?.close().catch(() => undefined);
    if (tempDir) await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
