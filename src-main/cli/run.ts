// The seed's command line (`npm run cli -- <command>`, `ibdesk <command>`): scan, quote, history, contract, order,
// cancel, positions, account — through the same link and services as the app, never a second TWS client.
// Exit codes: 0 ok, 1 unexpected, 2 usage, 3 TWS unreachable or not ready, 4 refused or rejected, 5 aborted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ALL_ACCOUNTS, inView, parseAccountList } from '../../src-shared/domain/accounts';
import { BarSize, Duration, WhatToShow } from '../../src-shared/domain/bar';
import { isLiveSession } from '../../src-shared/domain/connection';
import { OrderTicket, type Order } from '../../src-shared/domain/order';
import { quoteChange } from '../../src-shared/domain/quote';
import type { ScanSnapshot } from '../../src-shared/domain/scanner';
import { DEFAULT_LIMITS, defaultSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/result';
import { systemClock } from '../../src-shared/clock';
import { defaultDataDir } from '../config/data-dir';
import { consoleSink, createLogBook } from '../logging/log-book';
import { paramIssues as zodIssues } from '../api/dispatcher';
import type { ResolvedContract } from '../ib/adapter';
import { createOrderJournal } from '../services/orders/journal';
import { createTrading, type Outlet, type Trading } from '../trading';
import { fmt, fmtInt, fmtPct, table } from './format';
import { formatScanTable, scanResultRows } from './scan-result';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, unreachable: 3, rejected: 4, aborted: 5 } as const;

export type CliIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: Record<string, string | undefined>;
};

/** Starts the embedded demo gateway for `--demo` (with `--demo-accounts`' accounts); where it listens, how to stop it. */
export type DemoStarter = (opts?: {
  gateway?: { accounts?: string[] };
}) => Promise<{ host: string; port: number; close(): Promise<void> }>;

const USAGE = `Usage: ibdesk [connection options] <command> [options]

Connection (default 127.0.0.1:7497, client id 17):
  --host HOST  --port PORT  --client-id N   a running TWS or IB Gateway with the API enabled
  --demo [--demo-accounts DU1,DU2]          the embedded demo gateway instead (with several accounts)
  --account ID                              the account to trade or show when TWS manages several
                                            (orders default to the first one)
  --json                                    machine-readable output
  --data-dir DIR                            where the order journal lives (default: the app's data directory)
  --verbose                                 log connection events to stderr

Commands:
  scan [--code TOP_PERC_GAIN] [--instrument STK] [--location STK.US.MAJOR] [--rows 20] [--out result.txt]
  quote SYMBOL...
  history SYMBOL [--duration "1 D"] [--bar "5 mins"] [--what TRADES] [--rth]
  contract SYMBOL
  order buy|sell QTY SYMBOL [--limit P | --stop P] [--tif DAY] [--outside-rth] [--yes]
  cancel ORDER_ID
  positions
  account

Exit codes: 0 ok, 2 usage, 3 TWS unreachable, 4 refused or rejected, 5 aborted, 1 unexpected.
`;

class CliError extends Error {
  constructor(
    readonly exit: number,
    message: string,
  ) {
    super(message);
  }
}

function exitFor(err: unknown): number {
  if (err instanceof CliError) return err.exit;
  if (err instanceof AppError) {
    if (err.code === 'NOT_CONNECTED' || err.code === 'TIMEOUT') return EXIT.unreachable;
    if (err.code === 'INTERNAL') return EXIT.unexpected;
    return EXIT.rejected;
  }
  return EXIT.unexpected;
}

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

  let plan: (t: Trading) => Promise<void>;
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

/** Connects once: the CLI does not retry forever, it reports why it could not connect. */
async function connect(
  t: Trading,
  endpoint: { host: string; port: number; clientId: number },
): Promise<void> {
  t.link.connect(endpoint);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        finish(
          new CliError(
            EXIT.unreachable,
            `${endpoint.host}:${endpoint.port} did not become ready within 20 s`,
          ),
        ),
      20_000,
    );
    const finish = (err?: Error) => {
      clearTimeout(timer);
      off();
      if (err) reject(err);
      else resolve();
    };
    const off = t.link.onStatus((s) => {
      if (s.state === 'ready') finish();
      else if (s.state === 'reconnecting' || s.state === 'disconnected')
        finish(new CliError(EXIT.unreachable, s.reason ?? 'could not connect'));
    });
  });
}

type Values = Record<string, string | boolean | undefined>;
type Ctx = { json: boolean; out: (s: string) => void; io: CliIo; scans: ((s: ScanSnapshot) => void)[] };

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function planCommand(command: string, args: string[], o: Values, ctx: Ctx): (t: Trading) => Promise<void> {
  switch (command) {
    case 'scan':
      return scanCommand(o, ctx);
    case 'quote':
      if (args.length === 0) throw new CliError(EXIT.usage, 'quote needs at least one symbol');
      return (t) => quoteCommand(t, args, ctx);
    case 'history': {
      const symbol = args[0];
      if (!symbol) throw new CliError(EXIT.usage, 'history needs a symbol');
      const duration = Duration.safeParse(str(o.duration) ?? '1 D');
      const bar = BarSize.safeParse(str(o.bar) ?? '5 mins');
      const what = WhatToShow.safeParse((str(o.what) ?? 'TRADES').toUpperCase());
      if (!duration.success)
        throw new CliError(EXIT.usage, `--duration: ${duration.error.issues[0]?.message}`);
      if (!bar.success) throw new CliError(EXIT.usage, `--bar must be one of: ${BarSize.options.join(', ')}`);
      if (!what.success)
        throw new CliError(EXIT.usage, `--what must be one of: ${WhatToShow.options.join(', ')}`);
      return (t) => historyCommand(t, symbol, duration.data, bar.data, what.data, Boolean(o.rth), ctx);
    }
    case 'contract': {
      const symbol = args[0];
      if (!symbol) throw new CliError(EXIT.usage, 'contract needs a symbol');
      return (t) => contractCommand(t, symbol, ctx);
    }
    case 'order':
      return orderCommand(args, o, ctx);
    case 'cancel': {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || id <= 0) throw new CliError(EXIT.usage, 'cancel needs an order id');
      return (t) => cancelCommand(t, id, ctx);
    }
    case 'positions':
      return (t) => positionsCommand(t, str(o.account), ctx);
    case 'account':
      return (t) => accountCommand(t, str(o.account), ctx);
    default:
      throw new CliError(EXIT.usage, `unknown command "${command}"\n\n${USAGE}`);
  }
}

async function resolve(t: Trading, symbol: string): Promise<ResolvedContract> {
  const parts = symbol.toUpperCase().split(':');
  const i = await t.contracts.resolve({
    symbol: parts[0]!,
    secType: 'STK',
    exchange: 'SMART',
    currency: 'USD',
    ...(parts[1] ? { primaryExchange: parts[1] } : {}),
  });
  return {
    conId: i.conId,
    symbol: i.symbol,
    secType: i.secType,
    exchange: 'SMART',
    currency: i.currency,
    ...(i.primaryExchange ? { primaryExchange: i.primaryExchange } : {}),
  };
}

function scanCommand(o: Values, ctx: Ctx): (t: Trading) => Promise<void> {
  const rows = Number(str(o.rows) ?? '20');
  if (!Number.isInteger(rows) || rows < 1 || rows > 50) throw new CliError(EXIT.usage, '--rows must be 1…50');
  const code = (str(o.code) ?? 'TOP_PERC_GAIN').toUpperCase();
  if (!/^[A-Z0-9_]{2,64}$/.test(code)) throw new CliError(EXIT.usage, `--code ${code} is not a scan code`);
  const instrument = str(o.instrument) ?? 'STK';
  const location = str(o.location) ?? 'STK.US.MAJOR';
  const outFile = path.resolve(ctx.io.cwd, str(o.out) ?? 'result.txt');
  return async (t) => {
    const listeners = ctx.scans;
    const first = new Promise<ScanSnapshot>((resolveSnap, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('TIMEOUT', 'TWS sent no scanner results within 30 s')),
        30_000,
      );
      listeners.push((s) => {
        clearTimeout(timer);
        if (s.stopped)
          reject(
            new AppError(
              'IB_REJECTED',
              s.stopped.reason,
              s.stopped.twsCode !== undefined ? { twsCode: s.stopped.twsCode } : {},
            ),
          );
        else resolveSnap(s);
      });
    });
    const { scanId } = t.scanner.start('cli', {
      scanCode: code,
      instrument,
      location,
      rows,
      filters: {},
      withQuotes: false,
    });
    const snap = await first;
    t.scanner.stop(scanId);
    const result = await scanResultRows(t, snap.rows);
    const text = ctx.json
      ? `${JSON.stringify({ ok: true, scanCode: code, instrument, location, rows: result }, null, 2)}\n`
      : formatScanTable(result);
    ctx.out(text);
    await writeFile(outFile, text, 'utf8');
    if (!ctx.json)
      ctx.io.stderr.write(`${result.length} rows of ${code} (${location}) written to ${outFile}\n`);
  };
}

async function quoteCommand(t: Trading, symbols: string[], ctx: Ctx): Promise<void> {
  const rows = [];
  for (const s of symbols) {
    const c = await resolve(t, s);
    const q = await t.marketData.snapshot(c);
    rows.push({ symbol: c.symbol, ...q, changePct: quoteChange(q).changePct });
  }
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, quotes: rows }, null, 2)}\n`);
    return;
  }
  ctx.out(
    table(rows, [
      { title: 'Symbol', value: (r) => r.symbol },
      { title: 'Bid', value: (r) => fmt(r.bid), align: 'right' },
      { title: 'Ask', value: (r) => fmt(r.ask), align: 'right' },
      { title: 'Last', value: (r) => fmt(r.last), align: 'right' },
      { title: 'Change %', value: (r) => fmtPct(r.changePct), align: 'right' },
      { title: 'Volume', value: (r) => fmtInt(r.volume), align: 'right' },
      { title: 'Data', value: (r) => r.state },
    ]),
  );
}

async function historyCommand(
  t: Trading,
  symbol: string,
  duration: Duration,
  barSize: BarSize,
  whatToShow: WhatToShow,
  useRTH: boolean,
  ctx: Ctx,
): Promise<void> {
  const contract = await resolve(t, symbol);
  const { bars } = await t.history.get({ contract, barSize, duration, whatToShow, useRTH });
  if (ctx.json) {
    ctx.out(
      `${JSON.stringify({ ok: true, symbol: contract.symbol, barSize, duration, whatToShow, bars }, null, 2)}\n`,
    );
    return;
  }
  ctx.out(
    table(bars, [
      {
        title: 'Time (UTC)',
        value: (b) => new Date(b.time * 1000).toISOString().replace('T', ' ').slice(0, 19),
      },
      { title: 'Open', value: (b) => fmt(b.open), align: 'right' },
      { title: 'High', value: (b) => fmt(b.high), align: 'right' },
      { title: 'Low', value: (b) => fmt(b.low), align: 'right' },
      { title: 'Close', value: (b) => fmt(b.close), align: 'right' },
      { title: 'Volume', value: (b) => fmtInt(b.volume), align: 'right' },
    ]),
  );
  ctx.io.stderr.write(
    `${bars.length} bars of ${barSize} for ${contract.symbol} over ${duration} (${whatToShow})\n`,
  );
}

async function contractCommand(t: Trading, symbol: string, ctx: Ctx): Promise<void> {
  const list = await t.contracts.details({
    symbol: symbol.toUpperCase(),
    secType: 'STK',
    exchange: 'SMART',
    currency: 'USD',
  });
  if (list.length === 0) throw new AppError('NOT_FOUND', `TWS knows no instrument for ${symbol}`);
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, contracts: list }, null, 2)}\n`);
    return;
  }
  ctx.out(
    table(list, [
      { title: 'ConId', value: (i) => String(i.conId), align: 'right' },
      { title: 'Symbol', value: (i) => i.symbol },
      { title: 'Type', value: (i) => i.secType },
      { title: 'Exchange', value: (i) => i.exchange },
      { title: 'Primary', value: (i) => i.primaryExchange },
      { title: 'Currency', value: (i) => i.currency },
      { title: 'Min tick', value: (i) => String(i.minTick), align: 'right' },
      { title: 'Name', value: (i) => i.longName },
    ]),
  );
}

function orderCommand(args: string[], o: Values, ctx: Ctx): (t: Trading) => Promise<void> {
  const [side, qtyText, symbol] = args;
  const action = side?.toUpperCase();
  if ((action !== 'BUY' && action !== 'SELL') || !qtyText || !symbol)
    throw new CliError(EXIT.usage, 'order needs: buy|sell QTY SYMBOL');
  const limit = str(o.limit);
  const stop = str(o.stop);
  if (limit !== undefined && stop !== undefined)
    throw new CliError(EXIT.usage, 'give --limit or --stop, not both (STP LMT is not offered here)');
  const draft = {
    contract: { symbol: symbol.toUpperCase() },
    action,
    quantity: Number(qtyText),
    orderType: limit !== undefined ? 'LMT' : stop !== undefined ? 'STP' : 'MKT',
    ...(limit !== undefined ? { limitPrice: Number(limit) } : {}),
    ...(stop !== undefined ? { stopPrice: Number(stop) } : {}),
    tif: (str(o.tif) ?? 'DAY').toUpperCase(),
    outsideRth: Boolean(o['outside-rth']),
    ...(str(o.account) !== undefined ? { account: str(o.account) } : {}),
  };
  const ticket = OrderTicket.safeParse(draft);
  if (!ticket.success)
    throw new CliError(
      EXIT.usage,
      `invalid order: ${zodIssues(ticket.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  return async (t) => {
    const s = t.link.status();
    const live = isLiveSession(s.port, s.accounts);
    const tk = ticket.data;
    const words = `${tk.action} ${tk.quantity} ${tk.contract.symbol} ${tk.orderType}${tk.limitPrice ? ` @ ${tk.limitPrice}` : ''}${tk.stopPrice ? ` stop ${tk.stopPrice}` : ''} ${tk.tif} for account ${tk.account ?? s.accounts[0]} at ${s.host}:${s.port}${live ? ' — LIVE MONEY' : ''}`;
    if (live) {
      const typed =
        str(o['confirm-live']) ??
        (o.yes
          ? undefined
          : await ask(
              ctx.io,
              `${words}\nThis is a LIVE account. Type the account id ${s.accounts[0]} to confirm: `,
            ));
      if (!typed)
        throw new CliError(
          EXIT.aborted,
          `live account: pass --confirm-live ${s.accounts[0]} (or answer the prompt) to send orders`,
        );
      t.orders.confirmLive(typed);
    } else if (!o.yes) {
      const answer = await ask(ctx.io, `Send ${words}? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(EXIT.aborted, 'order not sent');
    }
    const result = await t.orders.place(tk);
    const id = result.orderIds[0]!;
    const final = await waitOrder(
      t,
      id,
      (x) => x.status !== 'Intent' && x.status !== 'PendingSubmit' && x.status !== 'ApiPending',
      10_000,
    );
    const rejected =
      final &&
      (final.status === 'Inactive' || final.status === 'Cancelled' || final.status === 'ApiCancelled') &&
      final.filled === 0;
    if (ctx.json)
      ctx.out(
        `${JSON.stringify({ ok: !rejected, orderIds: result.orderIds, warnings: result.warnings, order: final }, null, 2)}\n`,
      );
    else {
      ctx.out(
        `Order ${id}: ${final?.status ?? 'sent'}${final && final.filled > 0 ? `, filled ${final.filled} @ ${fmt(final.avgFillPrice)}` : ''}${final?.message ? ` (${final.message})` : ''}\n`,
      );
      for (const w of result.warnings) ctx.io.stderr.write(`warning: ${w}\n`);
    }
    if (rejected)
      throw new CliError(EXIT.rejected, `TWS did not accept order ${id}: ${final?.message ?? final?.status}`);
  };
}

async function waitOrder(
  t: Trading,
  id: number,
  done: (o: Order) => boolean,
  ms: number,
  giveUp: () => boolean = () => false,
): Promise<Order | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const o = t.orders.list().find((x) => x.orderId === id);
    if ((o && done(o)) || giveUp() || Date.now() > deadline) return o;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function cancelCommand(t: Trading, id: number, ctx: Ctx): Promise<void> {
  const errors: string[] = [];
  const off = t.link.onMessage((m) => {
    // 202 is TWS confirming the cancel; anything else about this id means it did not go through.
    if (m.reqId === id && m.code !== 202) errors.push(`${m.message} (TWS ${m.code})`);
  });
  try {
    await t.orders.cancel(id);
    const o = await waitOrder(
      t,
      id,
      (x) => x.status === 'Cancelled' || x.status === 'ApiCancelled' || x.status === 'Filled',
      8_000,
      () => errors.length > 0,
    );
    const message = o?.message ?? errors[0];
    const cancelled = o?.status === 'Cancelled' || o?.status === 'ApiCancelled';
    if (ctx.json)
      ctx.out(
        `${JSON.stringify({ ok: cancelled, orderId: id, status: o?.status ?? null, message: message ?? null })}\n`,
      );
    else ctx.out(`Order ${id}: ${o?.status ?? 'cancel sent'}${message ? ` (${message})` : ''}\n`);
    if (!cancelled)
      throw new CliError(EXIT.rejected, `order ${id} was not cancelled${message ? `: ${message}` : ''}`);
  } finally {
    off();
  }
}

async function positionsCommand(t: Trading, account: string | undefined, ctx: Ctx): Promise<void> {
  await t.portfolio.loaded();
  const positions = inView(t.portfolio.snapshot().positions, account ?? ALL_ACCOUNTS);
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, positions }, null, 2)}\n`);
    return;
  }
  ctx.out(
    table(positions, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.contract.symbol },
      { title: 'Position', value: (p) => String(p.position), align: 'right' },
      { title: 'Avg cost', value: (p) => fmt(p.avgCost), align: 'right' },
      { title: 'Market value', value: (p) => fmt(p.marketValue), align: 'right' },
      { title: 'Unrealized', value: (p) => fmt(p.unrealizedPnl), align: 'right' },
    ]),
  );
}

async function accountCommand(t: Trading, account: string | undefined, ctx: Ctx): Promise<void> {
  await t.portfolio.loaded();
  const accounts = inView(t.portfolio.snapshot().accounts, account ?? ALL_ACCOUNTS);
  if (ctx.json) {
    ctx.out(`${JSON.stringify({ ok: true, accounts }, null, 2)}\n`);
    return;
  }
  for (const a of accounts) {
    ctx.out(`Account ${a.account} (${a.currency})\n`);
    const rows = [
      ['Net liquidation', a.netLiquidation],
      ['Buying power', a.buyingPower],
      ['Available funds', a.availableFunds],
      ['Total cash', a.totalCash],
      ['Gross position value', a.grossPositionValue],
      ['Daily P&L', a.dailyPnl],
      ['Unrealized P&L', a.unrealizedPnl],
      ['Realized P&L', a.realizedPnl],
    ] as const;
    ctx.out(
      table(rows, [
        { title: 'Value', value: (r) => r[0] },
        { title: 'Amount', value: (r) => fmt(r[1]), align: 'right' },
      ]),
    );
  }
}

async function ask(io: CliIo, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    return await rl.question(question);
  } catch {
    return '';
  } finally {
    rl.close();
  }
}
