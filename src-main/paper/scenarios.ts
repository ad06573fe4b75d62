// The paper suite's scenarios (issue #10), in the order they run. Each drives the product through the requests a
// window sends (`driver.call`) and the events a window receives (`driver.seen`), and notes what it saw for the
// report. The same code runs against a real TWS / IB Gateway paper account and against the demo gateway.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  durationSeconds,
  barSizeSeconds,
  type Bar,
  type BarSize,
  type Duration,
} from '../../src-shared/domain/bar';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { instrumentLabel, type Instrument } from '../../src-shared/domain/instrument';
import { roundToTick, type Execution, type Order } from '../../src-shared/domain/order';
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import type { Quote, QuoteState } from '../../src-shared/domain/quote';
import type { ScanSnapshot } from '../../src-shared/domain/scanner';
import { formatScanTable, scanResultRows } from '../cli/scan-result';
import type { ResolvedContract } from '../ib/adapter';
import type { PaperDriver, PaperTarget } from './driver';
import { checkAccounts } from './guard';
import { fillGate, marketState } from './market-hours';
import { Abort, PAPER_EXIT, Skip, type Scenario } from './suite';

export type PaperState = {
  serverVersion: number | null;
  accounts: string[];
  endpoint: string | null;
  stock: Instrument | null;
  etf: Instrument | null;
  future: Instrument | null;
  fx: Instrument | null;
  /** Quote lines the suite holds (released at the end). */
  quoteConIds: number[];
  /** The scan left running for the reconnect scenario. */
  scanId: string | null;
  /** The live-bars subscription left running for the reconnect scenario. */
  barsSubId: string | null;
  /** Suite orders that may still be working: cancelled at the end whatever happened. */
  openOrderIds: Set<number>;
  /** Shares of the stock the suite bought minus those it sold (0 when it cleaned up after itself). */
  netShares: number;
  before: PortfolioSnapshot | null;
  after: PortfolioSnapshot | null;
  /** What the market-hours gate decided, for the report's header. */
  market: string | null;
  files: string[];
};

export type PaperCtx = {
  driver: PaperDriver;
  target: PaperTarget;
  iKnowThisIsPaper: boolean;
  /** The clock of the market-hours gate (tests move it outside trading hours). */
  now: () => number;
  outDir: string;
  state: PaperState;
};

export function initialState(): PaperState {
  return {
    serverVersion: null,
    accounts: [],
    endpoint: null,
    stock: null,
    etf: null,
    future: null,
    fx: null,
    quoteConIds: [],
    scanId: null,
    barsSubId: null,
    openOrderIds: new Set(),
    netShares: 0,
    before: null,
    after: null,
    market: null,
    files: [],
  };
}

/** The instruments: a stock, an ETF, the front month of a future and an FX pair, all widely listed. */
export const INSTRUMENTS = {
  stock: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  etf: { symbol: 'SPY', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  future: { symbol: 'ES', secType: 'FUT', exchange: 'CME', currency: 'USD' },
  fx: { symbol: 'EUR', secType: 'CASH', exchange: 'IDEALPRO', currency: 'USD' },
  /** Quoted with a one-off snapshot only (no streaming line of its own). */
  snapshot: { symbol: 'MSFT', secType: 'STK', exchange: 'SMART', currency: 'USD' },
} as const;

export const SCANS = ['TOP_PERC_GAIN', 'MOST_ACTIVE', 'HOT_BY_VOLUME'] as const;
const SCAN_LOCATION = 'STK.US.MAJOR';
const SCAN_ROWS = 10;
const HISTORY: readonly { barSize: BarSize; duration: Duration }[] = [
  { barSize: '1 min', duration: '1 D' },
  { barSize: '1 hour', duration: '1 W' },
  { barSize: '1 day', duration: '6 M' },
];
/** The working limit order sits this far under the market (then further), well inside the default 10 % band. */
const LIMIT_OFFSETS = [0.06, 0.07] as const;
const LABELLED: readonly QuoteState[] = ['live', 'frozen', 'delayed', 'delayed-frozen'];
const WORKING = ['PreSubmitted', 'Submitted'];
const SUITE_NOTE = 'ibdesk paper suite';

// ---- helpers ---------------------------------------------------------------------------------------------------

/** The contract reference a pane would send for a resolved instrument. */
export function refOf(i: Instrument): ResolvedContract {
  return {
    conId: i.conId,
    symbol: i.symbol,
    secType: i.secType,
    exchange: i.secType === 'STK' ? 'SMART' : i.exchange,
    currency: i.currency,
    ...(i.secType === 'STK' && i.primaryExchange ? { primaryExchange: i.primaryExchange } : {}),
    ...(i.secType !== 'STK' && i.localSymbol ? { localSymbol: i.localSymbol } : {}),
    ...(i.lastTradeDateOrContractMonth
      ? { lastTradeDateOrContractMonth: i.lastTradeDateOrContractMonth }
      : {}),
    ...(i.secType === 'FUT' && i.multiplier ? { multiplier: i.multiplier } : {}),
  };
}

const need = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`${what} is missing (an earlier scenario did not provide it)`);
  return v;
};

export function priceOf(q: Pick<Quote, 'last' | 'bid' | 'ask' | 'close'>): number | null {
  if (q.last !== null && q.last > 0) return q.last;
  if (q.bid !== null && q.ask !== null && q.bid > 0 && q.ask > 0) return (q.bid + q.ask) / 2;
  if (q.close !== null && q.close > 0) return q.close;
  return null;
}

const money = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '-'
    : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const px = (n: number | null | undefined, tick = 0.01): string =>
  n === null || n === undefined ? '-' : n.toFixed(Math.max(2, Math.ceil(-Math.log10(tick))));
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function latestQuote(d: PaperDriver, conId: number, since: number): { q: Quote; updates: number } | null {
  let q: Quote | null = null;
  let updates = 0;
  for (const e of d.seen('quotes', since))
    for (const x of e.payload.quotes)
      if (x.conId === conId) {
        q = x;
        updates++;
      }
  return q ? { q, updates } : null;
}

/**
 * Outside its own trading hours an instrument may send no prices at all (FX at the weekend): the quote scenarios
 * then note it instead of failing, since the market-hours rule says the rest of the suite still runs.
 */
function closedNow(i: Instrument, now: number): boolean {
  try {
    return !marketState(i.tradingHours || i.liquidHours, i.timeZoneId || 'US/Eastern', now, 0).open;
  } catch {
    return false;
  }
}

function latestOrder(d: PaperDriver, orderId: number): Order | null {
  let o: Order | null = null;
  for (const e of d.seen('orders')) for (const x of e.payload.orders) if (x.orderId === orderId) o = x;
  return o;
}

function executionsOf(d: PaperDriver, orderId: number): Execution[] {
  const m = new Map<string, Execution>();
  for (const e of d.seen('executions'))
    for (const x of e.payload.executions) if (x.orderId === orderId) m.set(x.execId, x);
  return [...m.values()];
}

/** Waits for an order to reach a state; fails at once, with TWS's words, when TWS rejects or ends it instead. */
async function orderReaches(
  d: PaperDriver,
  orderId: number,
  wanted: readonly string[],
  what: string,
  timeoutMs = 30_000,
): Promise<Order> {
  return d.until(
    () => {
      const o = latestOrder(d, orderId);
      if (!o) return null;
      if (wanted.includes(o.status)) return o;
      if (['Inactive', 'Cancelled', 'ApiCancelled', 'Filled', 'Unknown'].includes(o.status))
        throw new Error(
          `order ${orderId} is ${o.status}, not ${what}${o.message ? `: ${o.message}` : ''}${o.twsCode !== null ? ` (TWS ${o.twsCode})` : ''}`,
        );
      return null;
    },
    `order ${orderId} to be ${what} (now ${latestOrder(d, orderId)?.status ?? 'unknown'})`,
    timeoutMs,
  );
}

function positionOf(p: PortfolioSnapshot, account: string, conId: number): number {
  return p.positions
    .filter((x) => x.account === account && x.contract.conId === conId)
    .reduce((sum, x) => sum + x.position, 0);
}

function accountLine(p: PortfolioSnapshot, account: string): string {
  const a = p.accounts.find((x) => x.account === account);
  const positions = p.positions.filter((x) => x.account === account);
  if (!a) return `${account}: no account values`;
  return `${account} (${a.currency}): net liquidation ${money(a.netLiquidation)}, total cash ${money(a.totalCash)}, buying power ${money(a.buyingPower)}; ${positions.length} position(s)${
    positions.length
      ? `: ${positions
          .slice(0, 8)
          .map((x) => `${x.contract.symbol} ${x.position}`)
          .join(', ')}${positions.length > 8 ? '…' : ''}`
      : ''
  }`;
}

function checkBars(
  bars: readonly Bar[],
  barSize: BarSize,
  duration: Duration,
  nowSec: number,
): string | null {
  if (bars.length === 0) return 'no bars';
  const step = barSizeSeconds(barSize);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    if (!(b.low <= Math.min(b.open, b.close) + 1e-9 && b.high >= Math.max(b.open, b.close) - 1e-9))
      return `bar ${new Date(b.time * 1000).toISOString()} has open/close outside its high/low`;
    const prev = bars[i - 1];
    if (prev && b.time <= prev.time) return `bars out of order at ${b.time}`;
  }
  const last = bars[bars.length - 1]!;
  if (last.time > nowSec + step) return `the last bar starts in the future (${last.time})`;
  // The first bar of a span may be partial (not on a bar boundary); after it, bars are a bar size apart or more.
  const span = last.time - bars[0]!.time;
  if (bars.length > span / step + 2) return `${bars.length} bars in ${span} s is denser than ${barSize} bars`;
  if (bars.length > 1 && span > durationSeconds(duration) + 7 * 86_400)
    return `the bars span ${span} s, more than the ${duration} asked for`;
  return null;
}

// ---- scenarios ---------------------------------------------------------------------------------------------------

const connect: Scenario<PaperCtx> = {
  id: 'connect',
  title: 'Connect: server version and accounts',
  timeoutMs: 60_000,
  async run(ctx, note) {
    const { driver: d, target, state } = ctx;
    let status: ConnectionStatus;
    if (target.kind === 'demo') {
      status = await d.call('connection.connect', {});
    } else {
      const profile = await d.call('profiles.save', {
        name: 'Paper suite',
        kind: target.port === 4001 || target.port === 4002 ? 'gateway' : 'tws',
        host: target.host,
        port: target.port,
        clientId: target.clientId,
        readOnly: false,
      });
      status = await d.call('profiles.select', { id: profile.id });
    }
    if (status.state === 'connecting' || status.state === 'handshaking')
      status = await d.until(
        () => {
          const s = d.app.session.status();
          return s.state !== 'connecting' && s.state !== 'handshaking' ? s : null;
        },
        'the API handshake',
        30_000,
      );
    const where = `${status.host}:${status.port}`;
    if (status.state !== 'ready')
      throw new Abort(
        `could not connect to ${where} as client id ${status.clientId}: ${status.state}${status.reason ? ` — ${status.reason}` : ''}`,
        PAPER_EXIT.unreachable,
      );
    state.serverVersion = status.serverVersion;
    state.accounts = [...status.accounts];
    state.endpoint = `${where}, client id ${status.clientId}`;
    note(`connected to ${where} as client id ${status.clientId} (profile "${status.profileName}")`);
    note(
      `server version ${status.serverVersion}; managed accounts ${status.accounts.join(', ') || '(none)'}`,
    );
    // The suite's own guard: paper accounts only, with no override. Nothing has been placed yet.
    const verdict = checkAccounts(status.accounts);
    if (!verdict.ok) throw new Abort(verdict.reason, PAPER_EXIT.refused);
    note('every account is a paper account (ids start with "D")');
    if (status.serverVersion === null) throw new Error('TWS reported no server version');
    if (status.live) {
      // Only reachable with --i-know-this-is-paper on a live default port: the app asks for its typed
      // confirmation, which the suite gives with the account id it has just checked to be paper.
      await d.call('orders.confirmLive', { typed: status.accounts[0] ?? '' });
      note(
        `the app treats port ${status.port} as live: its typed confirmation was given with ${status.accounts[0]} (paper, checked above)`,
      );
    }
    const info = await d.call('app.info', {});
    note(`IBDesk ${info.version} (${info.host} host, Node ${info.node})`);
  },
};

const accountBefore: Scenario<PaperCtx> = {
  id: 'account-before',
  title: 'Positions and account summary (before)',
  needs: ['connect'],
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    // The contract has no "loaded" signal: the portfolio service's own one says the first values are in.
    await d.trading.portfolio.loaded(30_000);
    const snap = await d.until(
      () => {
        const s = d.trading.portfolio.snapshot();
        const first = s.accounts.find((a) => a.account === state.accounts[0]);
        return first && first.netLiquidation !== null ? s : null;
      },
      `the account summary of ${state.accounts[0]}`,
      30_000,
    );
    const viaContract = await d.call('portfolio.get', {});
    state.before = viaContract;
    for (const a of state.accounts) note(accountLine(viaContract, a));
    if (snap.accounts.length === 0) throw new Error('no account values');
  },
};

const contracts: Scenario<PaperCtx> = {
  id: 'contracts',
  title: 'Contract details: stock, ETF, future (front month), FX pair',
  needs: ['connect'],
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const matches = await d.call('contracts.search', { pattern: INSTRUMENTS.stock.symbol });
    if (!matches.some((m) => m.symbol === INSTRUMENTS.stock.symbol && m.secType === 'STK'))
      throw new Error(`symbol search for ${INSTRUMENTS.stock.symbol} did not find the stock`);

    const basics = (i: Instrument): void => {
      if (!(i.conId > 0) || !(i.minTick > 0)) throw new Error(`${i.symbol}: no conId or min tick`);
      if (!i.timeZoneId || !i.tradingHours) throw new Error(`${i.symbol}: no time zone or trading hours`);
    };

    const stocks = await d.call('contracts.details', INSTRUMENTS.stock);
    const stock = stocks.find((i) => i.primaryExchange === 'NASDAQ') ?? stocks[0];
    if (!stock) throw new Error('no contract details for AAPL');
    basics(stock);
    if (stock.stockType === 'ETF') throw new Error('AAPL is reported as an ETF');
    state.stock = stock;
    note(
      `stock ${stock.symbol}: conId ${stock.conId}, ${stock.primaryExchange || stock.exchange}, ${stock.currency}, min tick ${stock.minTick}, type ${stock.stockType || '(not reported)'}, ${stock.timeZoneId}`,
    );

    const etfs = await d.call('contracts.details', INSTRUMENTS.etf);
    const etf = etfs[0];
    if (!etf) throw new Error('no contract details for SPY');
    basics(etf);
    if (etf.stockType && etf.stockType !== 'ETF')
      throw new Error(`SPY is reported as ${etf.stockType}, not ETF`);
    state.etf = etf;
    note(
      `ETF ${etf.symbol}: conId ${etf.conId}, ${etf.primaryExchange || etf.exchange}, type ${etf.stockType || '(not reported by this TWS)'}`,
    );

    const futures = await d.call('contracts.details', INSTRUMENTS.future);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const expiry = (i: Instrument) => {
      const e = i.lastTradeDateOrContractMonth ?? '';
      return e.length === 6 ? `${e}31` : e.slice(0, 8);
    };
    const listed = futures.filter((i) => i.secType === 'FUT' && expiry(i) >= today);
    const front = [...listed].sort((a, b) => expiry(a).localeCompare(expiry(b)))[0];
    if (!front) throw new Error(`no ES future expiring today or later among ${futures.length} contract(s)`);
    basics(front);
    state.future = front;
    note(
      `future ES front month: ${front.localSymbol} (${front.lastTradeDateOrContractMonth}), conId ${front.conId}, ${front.exchange}, multiplier ${front.multiplier ?? '-'}, ${listed.length} expiries listed`,
    );

    const pairs = await d.call('contracts.details', INSTRUMENTS.fx);
    const fx = pairs[0];
    if (!fx || fx.secType !== 'CASH') throw new Error('no contract details for EUR.USD');
    basics(fx);
    state.fx = fx;
    note(`FX ${instrumentLabel(fx)}: conId ${fx.conId}, ${fx.exchange}, min tick ${fx.minTick}`);
    note(`symbol search "${INSTRUMENTS.stock.symbol}": ${matches.length} match(es), the stock among them`);
  },
};

const quotes: Scenario<PaperCtx> = {
  id: 'quotes',
  title: 'Streaming and snapshot quotes',
  needs: ['contracts'],
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const list = [state.stock, state.etf, state.future, state.fx].map((i, n) =>
      need(i, ['stock', 'ETF', 'future', 'FX pair'][n]!),
    );
    const since = Date.now();
    const linesBefore = (await d.call('gauges.get', {})).lines.used;
    await d.call('quotes.subscribe', { contracts: list.map(refOf) });
    state.quoteConIds = list.map((i) => i.conId);
    for (const i of list) {
      const label = instrumentLabel(i);
      const started = Date.now();
      const seen = await d
        .until(
          () => {
            const x = latestQuote(d, i.conId, since);
            if (x?.q.state === 'error') throw new Error(`${label}: ${x.q.note ?? 'TWS refused the quote'}`);
            return x && LABELLED.includes(x.q.state) && priceOf(x.q) !== null ? x : null;
          },
          `a priced quote for ${label}`,
          30_000,
        )
        .catch((err: unknown) => {
          if (closedNow(i, ctx.now()) && !/refused|TWS \d/.test((err as Error).message)) return null;
          throw err;
        });
      if (!seen) {
        note(
          `${label}: no price within 30 s, and its market is closed now (its trading hours): noted, not failed`,
        );
        continue;
      }
      const { q } = seen;
      const delayed = q.state === 'delayed' || q.state === 'delayed-frozen';
      note(
        `${label}: ${q.state}${delayed ? ` — labelled as delayed${q.note ? ` ("${q.note}")` : ''}` : ''}; bid ${px(q.bid, i.minTick)} ask ${px(q.ask, i.minTick)} last ${px(q.last, i.minTick)} (first priced quote after ${secs(Date.now() - started)})`,
      );
    }
    // A little streaming: how many updates each line delivered while the others came in.
    const counts = list.map((i) => `${instrumentLabel(i)} ${latestQuote(d, i.conId, since)?.updates ?? 0}`);
    note(`updates received so far: ${counts.join(', ')}`);
    const lines = (await d.call('gauges.get', {})).lines;
    if (lines.used < linesBefore + list.length)
      throw new Error(`${list.length} lines were subscribed but the gauge shows ${lines.used} in use`);

    // A one-off snapshot (the CLI's and the order ticket's path): no line of its own is kept.
    const [msft] = await d.call('contracts.details', INSTRUMENTS.snapshot);
    if (!msft) throw new Error('no contract details for MSFT');
    const snap = await d.trading.marketData.snapshot(refOf(msft));
    const price = priceOf(snap);
    if (price === null && !closedNow(msft, ctx.now()))
      throw new Error(`the MSFT snapshot has no price (${snap.state})`);
    if (!LABELLED.includes(snap.state)) throw new Error(`the MSFT snapshot is ${snap.state}`);
    const after = (await d.call('gauges.get', {})).lines.used;
    if (after !== lines.used) throw new Error(`the snapshot kept a line (${lines.used} → ${after})`);
    note(
      `snapshot MSFT: ${snap.state}${snap.state.startsWith('delayed') ? ' (labelled as delayed)' : ''}, price ${px(price)}; lines in use stay ${after}`,
    );
  },
};

const history: Scenario<PaperCtx> = {
  id: 'history',
  title: 'History at three bar sizes, and live bars',
  needs: ['contracts'],
  timeoutMs: 180_000,
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const stock = need(state.stock, 'the stock');
    const contract = refOf(stock);
    for (const h of HISTORY) {
      const started = Date.now();
      const r = await d.call('history.get', {
        contract,
        barSize: h.barSize,
        duration: h.duration,
        whatToShow: 'TRADES',
        useRTH: false,
      });
      const problem = checkBars(r.bars, h.barSize, h.duration, Math.floor(Date.now() / 1000));
      if (problem) throw new Error(`${stock.symbol} ${h.barSize} over ${h.duration}: ${problem}`);
      const first = r.bars[0]!;
      const last = r.bars[r.bars.length - 1]!;
      note(
        `${stock.symbol} ${h.barSize} over ${h.duration}: ${r.bars.length} bars, ${new Date(first.time * 1000).toISOString().slice(0, 16)} → ${new Date(last.time * 1000).toISOString().slice(0, 16)} UTC, last close ${px(last.close, stock.minTick)} (${secs(Date.now() - started)})`,
      );
    }
    // Live bars as the chart asks for them (keepUpToDate): kept open for the reconnect scenario.
    const since = Date.now();
    const live = await d.call('history.subscribe', {
      contract,
      barSize: '1 min',
      duration: '3600 S',
      whatToShow: 'TRADES',
      useRTH: false,
    });
    state.barsSubId = live.subId;
    if (live.bars.length === 0) throw new Error('live bars: no initial bars');
    note(`live 1 min bars (keepUpToDate): ${live.bars.length} initial bars, subscription ${live.subId}`);
    const update = await d
      .until(
        () => d.seen('bars', since).find((e) => e.payload.subId === live.subId) ?? null,
        'a live bar update',
        15_000,
      )
      .catch(() => null);
    note(
      update
        ? `a live bar update arrived after ${secs(update.at - since)}`
        : 'no live bar update within 15 s (normal while the market is quiet or closed)',
    );
  },
};

const scanner: Scenario<PaperCtx> = {
  id: 'scanner',
  title: 'Scanner parameters and three scans (result.txt)',
  needs: ['connect'],
  timeoutMs: 180_000,
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const params = await d.call('scanner.params', {});
    const codes = new Set(params.scanTypes.map((s) => s.code));
    const missing = SCANS.filter((c) => !codes.has(c));
    if (missing.length > 0) throw new Error(`the scanner parameters lack ${missing.join(', ')}`);
    if (!params.locations.some((l) => l.code === SCAN_LOCATION))
      throw new Error(`the scanner parameters lack the location ${SCAN_LOCATION}`);
    note(
      `parameters: ${params.instruments.length} instruments, ${params.locations.length} locations, ${params.scanTypes.length} scan types, ${params.filters.length} filters`,
    );
    const sections: string[] = [];
    for (const code of SCANS) {
      const since = Date.now();
      const { scanId } = await d.call('scanner.start', {
        scanCode: code,
        instrument: 'STK',
        location: SCAN_LOCATION,
        rows: SCAN_ROWS,
        filters: {},
        withQuotes: false,
      });
      let snap: ScanSnapshot;
      try {
        snap = (
          await d.until(
            () => d.seen('scan', since).find((e) => e.payload.scanId === scanId) ?? null,
            `the first ${code} results`,
            45_000,
          )
        ).payload;
      } finally {
        // The first scan stays subscribed for the reconnect scenario; the others are stopped.
        if (code !== SCANS[0] || state.scanId !== null)
          await d.call('scanner.stop', { scanId }).catch(() => undefined);
        else state.scanId = scanId;
      }
      if (snap.stopped)
        throw new Error(
          `${code} stopped: ${snap.stopped.reason}${snap.stopped.twsCode ? ` (TWS ${snap.stopped.twsCode})` : ''}`,
        );
      if (snap.rows.length === 0 || snap.rows.length > SCAN_ROWS)
        throw new Error(`${code}: ${snap.rows.length} rows (1…${SCAN_ROWS} expected)`);
      const ranks = snap.rows.map((r) => r.rank);
      if (ranks.some((r, i) => i > 0 && r <= ranks[i - 1]!)) throw new Error(`${code}: ranks out of order`);
      // The CLI's formatter (the seed script's table), with a snapshot quote per row.
      const rows = await scanResultRows(d.trading, snap.rows);
      sections.push(
        `${code} (${SCAN_LOCATION}, ${rows.length} rows, ${new Date(snap.at).toISOString()})\n\n${formatScanTable(rows)}`,
      );
      note(
        `${code}: ${snap.rows.length} rows after ${secs(snap.at - since)}: ${rows
          .slice(0, 5)
          .map((r) => r.symbol)
          .join(', ')}${rows.length > 5 ? '…' : ''}`,
      );
    }
    const file = path.join(ctx.outDir, 'result.txt');
    await writeFile(file, sections.join('\n'), 'utf8');
    state.files.push(file);
    note(`the three scans are written to ${file}`);
  },
};

const limitOrder: Scenario<PaperCtx> = {
  id: 'order-limit',
  title: 'LMT order far from the market: placed, working, modified, cancelled',
  needs: ['quotes'],
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const stock = need(state.stock, 'the stock');
    const q = latestQuote(d, stock.conId, 0)?.q;
    const ref = q ? (q.bid !== null && q.bid > 0 ? q.bid : priceOf(q)) : null;
    if (ref === null) throw new Error(`no ${stock.symbol} price to place the limit from`);
    const [first, second] = LIMIT_OFFSETS.map((off) => roundToTick(ref * (1 - off), stock.minTick)) as [
      number,
      number,
    ];
    const placedAt = Date.now();
    const placed = await d.call('orders.place', {
      contract: refOf(stock),
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: first,
      tif: 'DAY',
      outsideRth: false,
      note: SUITE_NOTE,
    });
    const id = placed.orderIds[0]!;
    state.openOrderIds.add(id);
    const working = await orderReaches(d, id, WORKING, 'working');
    note(
      `BUY 1 ${stock.symbol} LMT ${px(first, stock.minTick)} (${LIMIT_OFFSETS[0] * 100}% under ${px(ref, stock.minTick)}): order ${id} ${working.status} after ${secs(Date.now() - placedAt)}${placed.warnings.length ? `; ticket warnings: ${placed.warnings.join('; ')}` : ''}`,
    );
    const open = await d.trading.tws.openOrders();
    const mine = open.find((o) => o.orderId === id);
    if (!mine) throw new Error(`TWS's open orders do not list order ${id}`);
    note(`TWS lists it among ${open.length} open order(s) at ${px(mine.limitPrice, stock.minTick)}`);

    const modifiedAt = Date.now();
    await d.call('orders.modify', { orderId: id, limitPrice: second });
    // TWS acknowledges a modification with the order as it now stands: ask for it until it shows the new price.
    let seen: number | null = null;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const o = (await d.trading.tws.openOrders()).find((x) => x.orderId === id);
      seen = o?.limitPrice ?? null;
      if (seen !== null && Math.abs(seen - second) < stock.minTick / 2) break;
      const cur = latestOrder(d, id);
      if (cur && !WORKING.includes(cur.status) && cur.status !== 'PendingSubmit')
        throw new Error(
          `order ${id} is ${cur.status} after the modification${cur.message ? `: ${cur.message}` : ''}`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
    if (seen === null || Math.abs(seen - second) >= stock.minTick / 2)
      throw new Error(
        `TWS still shows order ${id} at ${px(seen, stock.minTick)} after modifying it to ${px(second, stock.minTick)}`,
      );
    // Windows get events once per frame: TWS can answer before the blotter's next frame, so wait for it briefly.
    const afterModify = await d
      .until(
        () => {
          const o = latestOrder(d, id);
          return o?.limitPrice === second ? o : null;
        },
        'the blotter to show the new price',
        3_000,
      )
      .catch(() => {
        throw new Error(
          `the blotter shows ${latestOrder(d, id)?.limitPrice} after the modification, not ${second}`,
        );
      });
    note(
      `modified to ${px(second, stock.minTick)}: TWS shows the new price after ${secs(Date.now() - modifiedAt)}, still ${afterModify.status}`,
    );

    const cancelAt = Date.now();
    await d.call('orders.cancel', { orderId: id });
    const cancelled = await orderReaches(d, id, ['Cancelled', 'ApiCancelled'], 'cancelled');
    state.openOrderIds.delete(id);
    if (cancelled.filled !== 0)
      throw new Error(`order ${id} filled ${cancelled.filled} before it was cancelled`);
    note(`cancelled: ${cancelled.status} after ${secs(Date.now() - cancelAt)}, nothing filled`);
  },
};

async function marketFill(
  d: PaperDriver,
  stock: Instrument,
  action: 'BUY' | 'SELL',
  state: PaperState,
): Promise<{ order: Order; executions: Execution[]; ms: number }> {
  const started = Date.now();
  const placed = await d.call('orders.place', {
    contract: refOf(stock),
    action,
    quantity: 1,
    orderType: 'MKT',
    tif: 'DAY',
    outsideRth: false,
    note: SUITE_NOTE,
  });
  const id = placed.orderIds[0]!;
  state.openOrderIds.add(id);
  const order = await orderReaches(d, id, ['Filled'], 'filled', 60_000);
  state.openOrderIds.delete(id);
  state.netShares += action === 'BUY' ? order.filled : -order.filled;
  // Executions and their commission reports arrive on their own; the commission can come a little later.
  const executions = await d.until(
    () => {
      const list = executionsOf(d, id);
      const shares = list.reduce((s, x) => s + x.shares, 0);
      return shares >= 1 && list.every((x) => x.commission !== null) ? list : null;
    },
    `the execution and commission of order ${id}`,
    60_000,
  );
  const listed = await d.call('executions.list', {});
  for (const x of executions)
    if (!listed.some((y) => y.execId === x.execId))
      throw new Error(`execution ${x.execId} is not in executions.list`);
  return { order, executions, ms: Date.now() - started };
}

const fill: Scenario<PaperCtx> = {
  id: 'order-fill',
  title: '1-share MKT order filled (execution, commission), then closed',
  needs: ['contracts', 'account-before'],
  timeoutMs: 240_000,
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const stock = need(state.stock, 'the stock');
    const gate = fillGate(stock, ctx.now());
    if (!gate.run) {
      state.market = gate.line;
      throw new Skip(gate.line);
    }
    state.market = gate.note;
    note(gate.note);
    const account = state.accounts[0]!;
    const current = () => positionOf(d.trading.portfolio.snapshot(), account, stock.conId);
    const start = current();

    const describe = (r: { order: Order; executions: Execution[]; ms: number }): string =>
      `order ${r.order.orderId} filled ${r.order.filled} @ ${px(r.order.avgFillPrice, stock.minTick)} after ${secs(r.ms)}; ${r.executions
        .map(
          (x) =>
            `execution ${x.execId} ${x.side} ${x.shares} @ ${px(x.price, stock.minTick)} on ${x.exchange}, commission ${money(x.commission)} ${x.commissionCurrency ?? ''}${x.realizedPnl !== null && Math.abs(x.realizedPnl) < 1e12 ? `, realized P&L ${money(x.realizedPnl)}` : ''}`,
        )
        .join('; ')}`;

    const buy = await marketFill(d, stock, 'BUY', state);
    note(`BUY 1 ${stock.symbol} MKT: ${describe(buy)}`);
    await d.until(
      () => current() === start + 1 || null,
      `the ${stock.symbol} position to become ${start + 1}`,
      30_000,
    );
    note(`position ${stock.symbol}: ${start} → ${start + 1}`);

    const sell = await marketFill(d, stock, 'SELL', state);
    note(`SELL 1 ${stock.symbol} MKT (closing): ${describe(sell)}`);
    await d.until(
      () => current() === start || null,
      `the ${stock.symbol} position to return to ${start}`,
      30_000,
    );
    note(`position ${stock.symbol}: back to ${start}`);
  },
};

const reconnect: Scenario<PaperCtx> = {
  id: 'reconnect',
  title: 'Reconnect: the suite drops its socket, every subscription comes back',
  needs: ['connect'],
  timeoutMs: 150_000,
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    const link = d.trading.link;
    const before = link.streams();
    const reqIdsBefore = new Set(before.map((s) => s.reqId));
    const kinds = (list: typeof before) =>
      Object.entries(
        list.reduce<Record<string, number>>((m, s) => ({ ...m, [s.kind]: (m[s.kind] ?? 0) + 1 }), {}),
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    note(`${before.length} subscription(s) open: ${kinds(before)}`);
    const states: string[] = [];
    // When the link itself turned ready: anything delivered from then on came over the new socket.
    let readyAt = 0;
    const off = link.onStatus((s) => {
      if (states[states.length - 1] !== s.state) states.push(s.state);
      if (s.state === 'ready' && readyAt === 0) readyAt = Date.now();
    });
    try {
      const droppedAt = Date.now();
      if (!d.dropSocket()) throw new Error('there is no socket to drop');
      await d.until(() => link.status().state !== 'ready' || null, 'the link to notice the drop', 10_000);
      const noticedMs = Date.now() - droppedAt;
      const retry = link.status().nextRetryAt;
      await d.until(
        () => {
          const s = link.status();
          // A fatal state (326: TWS still holds the client id, or a version TWS refuses) ends the retries.
          if (s.state === 'disconnected')
            throw new Error(
              `the link stopped reconnecting: ${s.reason ?? 'disconnected'}${s.twsCode ? ` (TWS ${s.twsCode})` : ''}`,
            );
          return readyAt > 0 || null;
        },
        'the connection to be ready again',
        90_000,
      );
      const status = await d.call('connection.status', {});
      if (status.state !== 'ready') throw new Error(`connection.status says ${status.state}`);
      note(
        `socket closed by the suite; the link noticed after ${secs(noticedMs)}${retry ? `, retried after a back-off of ${secs(retry - droppedAt)}` : ''}, ready again after ${secs(readyAt - droppedAt)} (states: ${states.join(' → ')})`,
      );

      // The registry's view: every stream was replayed on a fresh request id and delivered again.
      const back = await d.until(
        () => {
          const now = link.streams();
          return now.length >= before.length &&
            now.every((s) => s.awaitingSince === null && s.lastEventAt !== null && s.lastEventAt >= droppedAt)
            ? now
            : null;
        },
        `every subscription to deliver again (silent so far: ${link
          .streams()
          .filter((s) => s.awaitingSince !== null)
          .map((s) => s.label)
          .join(', ')})`,
        45_000,
      );
      const reused = back.filter((s) => s.reqId !== null && reqIdsBefore.has(s.reqId));
      if (reused.length > 0)
        throw new Error(`request ids reused after the reconnect: ${reused.map((s) => s.label).join(', ')}`);
      const slowest = Math.max(...back.map((s) => (s.lastEventAt ?? readyAt) - readyAt), 0);
      note(
        `${back.length} subscription(s) replayed on fresh request ids (${kinds(back)}); every one delivered again within ${secs(slowest)} of ready`,
      );

      // The window's view: each kind of event arrives again.
      const waits: Promise<string>[] = [];
      for (const i of [state.stock, state.etf, state.future, state.fx])
        if (i && state.quoteConIds.includes(i.conId))
          waits.push(
            d
              .until(
                () => {
                  const q = latestQuote(d, i.conId, readyAt)?.q;
                  return q && LABELLED.includes(q.state) && priceOf(q) !== null ? q : null;
                },
                `quotes for ${instrumentLabel(i)} after the reconnect`,
                45_000,
              )
              .then(
                (q) => `${instrumentLabel(i)} ${q.state}`,
                (err: unknown) => {
                  // The line itself was replayed and answered (checked above); a closed market sends no prices.
                  if (closedNow(i, ctx.now())) return `${instrumentLabel(i)} (market closed: no prices)`;
                  throw err;
                },
              ),
          );
      if (state.scanId) {
        const scanId = state.scanId;
        waits.push(
          d
            .until(
              () =>
                d.seen('scan', readyAt).find((e) => e.payload.scanId === scanId && !e.payload.stopped) ??
                null,
              'scanner rows after the reconnect',
              45_000,
            )
            .then((e) => `scan ${e.payload.rows.length} rows`),
        );
      }
      if (state.barsSubId) {
        const subId = state.barsSubId;
        waits.push(
          d
            .until(
              () => d.seen('bars', readyAt).find((e) => e.payload.subId === subId) ?? null,
              'live bars after the reconnect',
              45_000,
            )
            .then(() => 'live bars'),
        );
      }
      waits.push(
        d
          .until(
            () => d.seen('portfolio', readyAt)[0] ?? null,
            'portfolio values after the reconnect',
            45_000,
          )
          .then(() => 'portfolio'),
      );
      const got = await Promise.all(waits);
      note(`the window received again: ${got.join(', ')}`);
      const silent = d.seen('notice', readyAt).filter((e) => e.payload.title.includes('did not come back'));
      if (silent.length > 0) throw new Error(silent[0]!.payload.message);
    } finally {
      off();
    }
  },
};

const accountAfter: Scenario<PaperCtx> = {
  id: 'account-after',
  title: 'Positions and account summary (after)',
  needs: ['account-before'],
  async run(ctx, note) {
    const { driver: d, state } = ctx;
    await d.trading.portfolio.loaded(30_000);
    const snap = await d.call('portfolio.get', {});
    state.after = snap;
    for (const a of state.accounts) note(accountLine(snap, a));
    const first = snap.accounts.find((a) => a.account === state.accounts[0]);
    if (!first || first.netLiquidation === null)
      throw new Error(`no account summary for ${state.accounts[0]}`);
    const stock = state.stock;
    if (stock && state.before) {
      const b = positionOf(state.before, state.accounts[0]!, stock.conId);
      const a = positionOf(snap, state.accounts[0]!, stock.conId);
      note(`${stock.symbol} position before ${b}, after ${a}`);
      if (state.netShares === 0 && a !== b)
        throw new Error(
          `the ${stock.symbol} position changed from ${b} to ${a} although the suite closed what it bought`,
        );
    }
    const nb = state.before?.accounts.find((a) => a.account === state.accounts[0])?.netLiquidation ?? null;
    if (nb !== null)
      note(
        `net liquidation ${money(nb)} → ${money(first.netLiquidation)} (${money(first.netLiquidation - nb)})`,
      );
  },
};

export const SCENARIOS: readonly Scenario<PaperCtx>[] = [
  connect,
  accountBefore,
  contracts,
  quotes,
  history,
  scanner,
  limitOrder,
  fill,
  reconnect,
  accountAfter,
];

/**
 * After the scenarios, whatever happened: suite orders still working are cancelled, subscriptions released. A
 * position the suite could not close is reported, never traded away automatically.
 */
export async function cleanUp(ctx: PaperCtx): Promise<string[]> {
  const { driver: d, state } = ctx;
  const lines: string[] = [];
  if (!d.trading.link.isReady()) return lines;
  for (const id of state.openOrderIds) {
    const o = latestOrder(d, id);
    if (o && !['PreSubmitted', 'Submitted', 'PendingSubmit', 'ApiPending', 'Intent'].includes(o.status))
      continue;
    try {
      await d.call('orders.cancel', { orderId: id });
      lines.push(`cancelled suite order ${id} that was still working`);
    } catch (err) {
      lines.push(`could not cancel suite order ${id}: ${(err as Error).message} — cancel it in TWS`);
    }
  }
  if (state.netShares !== 0 && state.stock)
    lines.push(
      `the suite bought ${state.netShares > 0 ? '+' : ''}${state.netShares} ${state.stock.symbol} and could not close it: close this position in TWS`,
    );
  if (state.scanId) await d.call('scanner.stop', { scanId: state.scanId }).catch(() => undefined);
  if (state.barsSubId) await d.call('history.unsubscribe', { subId: state.barsSubId }).catch(() => undefined);
  if (state.quoteConIds.length > 0)
    await d.call('quotes.unsubscribe', { conIds: state.quoteConIds }).catch(() => undefined);
  return lines;
}
