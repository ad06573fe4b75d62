// A scriptable stand-in for the domain-level Tws adapter, so services are unit-tested without sockets: tests
// drive the connection state, push ticks/rows/bars into the sinks the services opened, and see what was sent.
import type { Bar } from '../../src-shared/domain/bar';
import type { Instrument, SymbolMatch } from '../../src-shared/domain/instrument';
import type { JournalOrder } from '../../src-shared/domain/order';
import { AppError } from '../../src-shared/result';
import { createHistoryQueue } from '../../src-main/ib/connection/history-pacing';
import type { Link, LinkStatus, StreamHandle, StreamInfo, TwsNotice } from '../../src-main/ib/connection';
import type {
  CommissionInfo,
  CompletedOrderInfo,
  ExecInfo,
  HistorySpec,
  MarketDataSink,
  OpenOrderInfo,
  OrderEvents,
  RawScanRow,
  ResolvedContract,
  ScanSpec,
  SnapshotFields,
  DepthSink,
  TapeSink,
  Trade,
  Tws,
} from '../../src-main/ib/adapter';
import { ibOrderOf } from '../../src-main/ib/adapter/order-mapping';
import type { Clock } from '../../src-shared/clock';

type FakeStream = {
  kind: string;
  label: string;
  closed: boolean;
  restarts: number;
  /** `close`'s callback while its cancel is held (`holdCancels`): the test lets the cancel leave. */
  freed?: (() => void) | undefined;
  contract?: ResolvedContract;
  delayed?: () => boolean;
  md?: MarketDataSink;
  scan?: {
    spec: ScanSpec;
    sink: { rows(rows: RawScanRow[]): void; error(code: number, message: string): 'keep' | 'end' };
  };
  depth?: { rows: number; smart: boolean; sink: DepthSink };
  tape?: TapeSink;
  bars?: { initial(bars: Bar[]): void; update(bar: Bar): void; error(code: number, message: string): void };
};

export type FakeControl = {
  tws: Tws;
  link: Link;
  streams: FakeStream[];
  /** Orders sent: the journal's record, and TWS's order the adapter builds from it. */
  placed: { orderId: number; order: JournalOrder; ib: ReturnType<typeof ibOrderOf> }[];
  cancels: number[];
  globalCancels: number;
  historyCalls: HistorySpec[];
  /** What recentTrades answers, and what it was asked. */
  recentTrades: Trade[];
  tradeCalls: { conId: number; count: number }[];
  instruments: Map<string, Instrument>;
  /** What the next history call returns. */
  historyBars: (spec: HistorySpec) => Bar[];
  snapshots: Map<number, SnapshotFields>;
  openOrders: OpenOrderInfo[];
  completed: CompletedOrderInfo[];
  executions: ExecInfo[];
  commissions: CommissionInfo[];
  /** Makes the next placeOrder calls fail as if the connection had dropped before they left. */
  dropOrders: boolean;
  /** Keeps closed streams' cancels queued (as a busy pacer does) until the test calls their `freed`. */
  holdCancels: boolean;
  /** How often each of TWS's lists was asked for (reconciliation). */
  listings: { openOrders: number; completedOrders: number; executions: number };
  setState(state: LinkStatus['state'], patch?: Partial<LinkStatus>): void;
  ready(reconnect?: boolean): void;
  message(m: TwsNotice): void;
  orderEvents(fn: (sink: OrderEvents) => void): void;
  nextValidId(id: number): void;
};

export function instrument(symbol: string, conId: number, extra: Partial<Instrument> = {}): Instrument {
  return {
    conId,
    symbol,
    secType: 'STK',
    exchange: 'SMART',
    primaryExchange: 'NASDAQ',
    currency: 'USD',
    localSymbol: symbol,
    tradingClass: symbol,
    longName: `${symbol} Inc`,
    minTick: 0.01,
    stockType: 'COMMON',
    industry: '',
    category: '',
    timeZoneId: 'US/Eastern',
    tradingHours: '',
    liquidHours: '',
    validExchanges: 'SMART',
    orderTypes: 'LMT,MKT,STP',
    ...extra,
  };
}

export function createFakeTws(clock: Clock): FakeControl {
  let status: LinkStatus = {
    state: 'disconnected',
    host: '127.0.0.1',
    port: 7497,
    clientId: 1,
    serverVersion: null,
    accounts: [],
    reason: null,
    twsCode: null,
    nextRetryAt: null,
    attempt: 0,
    since: clock.now(),
    suggestedClientId: null,
  };
  const statusL = new Set<(s: LinkStatus) => void>();
  const readyL = new Set<(i: { reconnect: boolean }) => void>();
  const msgL = new Set<(m: TwsNotice) => void>();
  const idL = new Set<(id: number) => void>();
  const orderSinks = new Set<OrderEvents>();
  const historyQueue = createHistoryQueue({ clock });
  let mdType: 1 | 2 | 3 | 4 = 1;
  let streamSeq = 0;

  const link = {
    status: () => status,
    onStatus: (l: (s: LinkStatus) => void) => (statusL.add(l), () => statusL.delete(l)),
    onReady: (l: (i: { reconnect: boolean }) => void) => (readyL.add(l), () => readyL.delete(l)),
    onMessage: (l: (m: TwsNotice) => void) => (msgL.add(l), () => msgL.delete(l)),
    onGlobal: () => () => undefined,
    onSilentStreams: () => () => undefined,
    onNextValidId: (l: (id: number) => void) => (idL.add(l), () => idL.delete(l)),
    canSend: () => status.state === 'ready' || status.state === 'degraded',
    isReady: () => status.state === 'ready',
    setMarketDataType: (t: 1 | 2 | 3 | 4) => {
      mdType = t;
    },
    marketDataType: () => mdType,
    history: () => historyQueue,
    rate: () => 0,
    queued: () => 0,
    streams: (): StreamInfo[] => [],
  } as unknown as Link;

  function stream(s: Omit<FakeStream, 'closed' | 'restarts'>): StreamHandle {
    const entry: FakeStream = { ...s, closed: false, restarts: 0 };
    ctl.streams.push(entry);
    const id = ++streamSeq;
    return {
      id,
      close: (freed) => {
        entry.closed = true;
        if (ctl.holdCancels) entry.freed = freed;
        else freed?.();
      },
      restart: () => {
        entry.restarts++;
      },
      info: () => ({
        id,
        kind: s.kind,
        label: s.label,
        reqId: 1,
        startedAt: clock.now(),
        lastEventAt: null,
        awaitingSince: null,
      }),
    };
  }

  const notConnected = () => new AppError('NOT_CONNECTED', 'not connected');

  const tws: Tws = {
    link,
    async matchingSymbols(): Promise<SymbolMatch[]> {
      return [];
    },
    async optionParams() {
      if (!link.canSend()) throw notConnected();
      return [];
    },
    async contractDetails(ref) {
      if (!link.canSend()) throw notConnected();
      const hit = ref.conId
        ? [...ctl.instruments.values()].find((i) => i.conId === ref.conId)
        : ctl.instruments.get(ref.symbol ?? '');
      if (!hit) throw new AppError('NOT_FOUND', `no ${ref.symbol}`, { twsCode: 200 });
      return [hit];
    },
    async scannerParameters() {
      return '<ScanParameterResponse/>';
    },
    async history(spec) {
      ctl.historyCalls.push(spec);
      return ctl.historyBars(spec);
    },
    async snapshot(contract) {
      if (!link.canSend()) throw notConnected();
      return ctl.snapshots.get(contract.conId) ?? { delayed: false };
    },
    marketData(contract, opts, sink) {
      return stream({
        kind: 'quotes',
        label: `quotes ${contract.symbol}`,
        contract,
        delayed: opts.delayed,
        md: sink,
      });
    },
    marketDepth(contract, opts, sink) {
      return stream({ kind: 'depth', label: `depth ${contract.symbol}`, contract, depth: { ...opts, sink } });
    },
    tape(contract, sink) {
      return stream({ kind: 'tape', label: `tape ${contract.symbol}`, contract, tape: sink });
    },
    async recentTrades(contract, count) {
      ctl.tradeCalls.push({ conId: contract.conId, count });
      return ctl.recentTrades;
    },
    scanner(spec, sink) {
      return stream({ kind: 'scanner', label: `scanner ${spec.scanCode}`, scan: { spec, sink } });
    },
    historyLive(spec, sink) {
      return stream({
        kind: 'bars',
        label: `bars ${spec.contract.symbol}`,
        contract: spec.contract,
        bars: sink,
      });
    },
    positions: () => stream({ kind: 'positions', label: 'positions' }),
    accountSummary: () => stream({ kind: 'account', label: 'summary' }),
    accountUpdates: () => stream({ kind: 'account', label: 'updates' }),
    pnl: () => stream({ kind: 'pnl', label: 'pnl' }),
    pnlSingle: () => stream({ kind: 'position-pnl', label: 'pnl single' }),
    async openOrders() {
      if (!link.canSend()) throw notConnected();
      ctl.listings.openOrders++;
      return ctl.openOrders;
    },
    async completedOrders() {
      if (!link.canSend()) throw notConnected();
      ctl.listings.completedOrders++;
      return ctl.completed;
    },
    async executions() {
      if (!link.canSend()) throw notConnected();
      ctl.listings.executions++;
      return { executions: ctl.executions, commissions: ctl.commissions };
    },
    onOrderEvents(sink) {
      orderSinks.add(sink);
      return () => orderSinks.delete(sink);
    },
    async placeOrder(order) {
      if (!link.isReady() || ctl.dropOrders)
        throw new AppError('NOT_CONNECTED', `order ${order.orderId} was not sent`);
      ctl.placed.push({ orderId: order.orderId, order, ib: ibOrderOf(order) });
    },
    async cancelOrder(orderId) {
      if (!link.isReady()) throw notConnected();
      ctl.cancels.push(orderId);
    },
    async globalCancel() {
      if (!link.isReady()) throw notConnected();
      ctl.globalCancels++;
    },
  };

  const ctl: FakeControl = {
    tws,
    link,
    streams: [],
    placed: [],
    cancels: [],
    globalCancels: 0,
    historyCalls: [],
    recentTrades: [],
    tradeCalls: [],
    instruments: new Map(),
    historyBars: () => [],
    snapshots: new Map(),
    openOrders: [],
    completed: [],
    executions: [],
    commissions: [],
    dropOrders: false,
    holdCancels: false,
    listings: { openOrders: 0, completedOrders: 0, executions: 0 },
    setState(state, patch = {}) {
      status = { ...status, ...patch, state };
      historyQueue.setEnabled(state === 'ready' || state === 'degraded');
      for (const l of statusL) l(status);
    },
    ready(reconnect = false) {
      ctl.setState('ready', {
        accounts: status.accounts.length ? status.accounts : ['DU111'],
        serverVersion: 176,
      });
      for (const l of idL) l(1);
      for (const l of readyL) l({ reconnect });
    },
    message(m) {
      for (const l of msgL) l(m);
    },
    orderEvents(fn) {
      for (const s of orderSinks) fn(s);
    },
    nextValidId(id) {
      for (const l of idL) l(id);
    },
  };
  return ctl;
}
