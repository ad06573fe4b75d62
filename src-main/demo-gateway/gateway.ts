// createDemoGateway: a TWS API server on TCP that real TWS API clients cannot tell from TWS. Composition root of
// the demo gateway: model, books, request handlers, one timer that drives every stream, fault injection and the
// inspection methods tests and soak runs read.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { Clock, Timer } from '../../src-shared/clock';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import type { Logger } from '../../src-shared/logger';
import type { GatewayContext } from './context';
import type { DemoGatewayOptions, ResolvedOptions } from './gateway-options';
import { Session } from './connections/session';
import type { SessionHost } from './connections/session';
import { buildUniverse } from './model/universe';
import type { Universe } from './model/universe';
import { Market, emptyQuote } from './model/market';
import type { Quote } from './model/market';
import { HistoryEngine } from './model/history';
import { Ledger } from './accounts/ledger';
import { OrderEngine } from './orders/matching';
import type { ReceivedOrder } from './orders/matching';
import { remaining } from './orders/order-types';
import { MarketDataService } from './handlers/market-data';
import { HistoryService } from './handlers/history';
import { ScannerService } from './handlers/scanner';
import { AccountService } from './handlers/accounts';
import { OrderRouter } from './handlers/orders';
import { handleContractDetails, handleMarketRule, handleMatchingSymbols } from './handlers/contracts';
import { Faults } from './faults';
import type { FaultStatus, MalformedKind, Restore } from './faults';
import { StateSaver, loadState } from './state-store';
import type { GatewayState } from './state-store';
import type { Request } from './wire/requests';
import { decodeRequest } from './wire/decoder';
import {
  currentTime,
  displayGroupList,
  familyCodes,
  managedAccounts,
  mktDepthExchanges,
  newsProviders,
  secDefOptParamsEnd,
  smartComponents,
  softDollarTiers,
  userInfo,
} from './wire/encoder';
import { MAX_SUPPORTED_SERVER_VERSION, MIN_SUPPORTED_SERVER_VERSION } from './wire/server-versions';
import { connTime } from './wire/tws-time';
import { startControlApi } from './control-api';
import type { ControlApi } from './control-api';

export interface ConnectionInfo {
  clientId: number;
  serverVersion: number;
  state: string;
  remote: string;
  connectedAt: number;
  options: string[];
}

export interface ReceivedMessage {
  /** UTC ms. */
  time: number;
  msgId: number;
}

export interface IgnoredOrder {
  time: number;
  clientId: number;
  orderId: number;
  session: number;
}

export interface OrderView {
  orderId: number;
  clientId: number;
  permId: number;
  account: string;
  conId: number;
  symbol: string;
  secType: string;
  action: string;
  orderType: string;
  totalQuantity: number;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  status: string;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  parentId: number;
  ocaGroup: string;
}

export interface ExecutionView {
  execId: string;
  orderId: number;
  clientId: number;
  account: string;
  conId: number;
  symbol: string;
  side: string;
  shares: number;
  price: number;
  time: number;
  commission: number;
  realizedPnl: number | undefined;
}

export interface PositionView {
  account: string;
  conId: number;
  symbol: string;
  secType: string;
  position: number;
  avgCost: number;
}

export interface FaultControls {
  dropAll(): number;
  silence(ms?: number): void;
  restart(downMs?: number): Promise<void>;
  connectivityLoss(restore: Restore, afterMs: number): void;
  pacingViolation(kind: 'historical' | 'rate', count?: number): void;
  slowReader(ms: number): void;
  malformedFrame(kind: MalformedKind): void;
  acceptThenClose(count?: number): void;
  /** The next `count` new orders are swallowed unanswered; the connection stays alive (see ordersIgnored). */
  swallowOrders(count?: number): void;
  rejectConnections(ms: number): Promise<void>;
  clear(): void;
  status(): FaultStatus;
}

export interface DemoGateway {
  readonly host: string;
  readonly port: number;
  readonly options: Readonly<ResolvedOptions>;
  readonly universe: Universe;
  readonly faults: FaultControls;
  close(): Promise<void>;
  connections(): ConnectionInfo[];
  /** Every message a client id sent since the gateway started (across reconnects), oldest first. */
  received(clientId: number): ReceivedMessage[];
  /** The most messages a client id sent within any `windowMs` window (TWS allows 50 per second). */
  maxMessagesInWindow(clientId: number, windowMs?: number): number;
  /** Every placeOrder received, in order (exactly-once checks). */
  ordersReceived(): ReceivedOrder[];
  /** Every placeOrder read and dropped unanswered: while the gateway was silent (half-open), or swallowed. */
  ordersIgnored(): IgnoredOrder[];
  orders(account?: string): OrderView[];
  executions(account?: string): ExecutionView[];
  positions(account?: string): PositionView[];
  accountValues(account: string): Record<string, string>;
  subscriptions(): { marketData: number; realTimeBars: number; keepUpToDate: number; scanners: number };
  /** The model's quote now (tests compare it with what clients saw). */
  quote(conId: number): Quote | undefined;
  /** Starts the HTTP control API on loopback (port 0: any free port). */
  startControlApi(port?: number): Promise<ControlApi>;
  /** Writes the state file now (when statePath is set). */
  saveState(): Promise<void>;
}

const RECEIVED_CAP = 500_000;

export function resolveOptions(o: DemoGatewayOptions): ResolvedOptions {
  const maxServerVersion = o.maxServerVersion ?? MAX_SUPPORTED_SERVER_VERSION;
  if (
    !Number.isInteger(maxServerVersion) ||
    maxServerVersion < MIN_SUPPORTED_SERVER_VERSION ||
    maxServerVersion > MAX_SUPPORTED_SERVER_VERSION
  ) {
    throw new Error(
      `maxServerVersion must be ${MIN_SUPPORTED_SERVER_VERSION}…${MAX_SUPPORTED_SERVER_VERSION}, got ${maxServerVersion}`,
    );
  }
  const accounts = o.accounts && o.accounts.length > 0 ? o.accounts : ['DU1234567'];
  for (const a of accounts) if (!/^[A-Za-z0-9]+$/.test(a)) throw new Error(`invalid account id "${a}"`);
  const tickRate = o.tickRate ?? 4;
  if (!(tickRate > 0 && tickRate <= 100)) throw new Error(`tickRate must be in (0, 100], got ${tickRate}`);
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    seed: o.seed ?? 1,
    maxServerVersion,
    accounts,
    startingCash: o.startingCash ?? 1_000_000,
    statePath: o.statePath,
    tickRate,
    realHours: o.realHours ?? false,
    liveData: o.liveData ?? true,
    historicalPacing: o.historicalPacing ?? 'small-bars',
    maxRequestsPerSecond: o.maxRequestsPerSecond ?? 50,
    scannerRefreshMs: o.scannerRefreshMs ?? 10_000,
    benchStamps: o.benchStamps ?? false,
  };
}

export async function createDemoGateway(input: DemoGatewayOptions = {}): Promise<DemoGateway> {
  const opts = resolveOptions(input);
  const clock: Clock = input.clock ?? systemClock;
  const log: Logger = (input.log ?? silentLogger).child('demo-gateway');
  const universe = buildUniverse(clock.now());
  const market = new Market(universe, opts.seed, opts.realHours);
  const history = new HistoryEngine(market);
  const ledger = new Ledger(opts.accounts, opts.startingCash);

  const all = new Set<Session>();
  const ready = new Set<Session>();
  const byClientId = new Map<number, Session>();
  const receivedLog = new Map<number, { t: number[]; id: number[] }>();
  const ignoredOrders: IgnoredOrder[] = [];
  let timer: Timer | undefined;
  let closed = false;
  let saver: StateSaver | undefined;
  const rateCache = new Map<string, { at: number; rate: number }>();

  const usdRate = (currency: string, t: number): number => {
    if (currency === 'USD') return 1;
    const hit = rateCache.get(currency);
    if (hit && Math.abs(hit.at - t) < 1000) return hit.rate;
    const q = emptyQuote();
    let rate = 1;
    const direct = universe.instruments.find(
      (i) => i.secType === 'CASH' && i.symbol === currency && i.currency === 'USD',
    );
    const inverse = universe.instruments.find(
      (i) => i.secType === 'CASH' && i.symbol === 'USD' && i.currency === currency,
    );
    if (direct) rate = market.quote(direct, t, q).last;
    else if (inverse) rate = 1 / market.quote(inverse, t, q).last;
    rateCache.set(currency, { at: t, rate });
    return rate;
  };

  const engine = new OrderEngine({
    market,
    ledger,
    accounts: opts.accounts,
    seed: opts.seed,
    usdRate,
    listener: {
      orderChanged: (o) => router.orderChanged(o),
      executed: (o, e) => router.executed(o, e),
      orderError: (c, id, code, text) => router.orderError(c, id, code, text),
      accountChanged: (a, i) => router.accountChanged(a, i),
      whatIf: (c, o, f) => router.whatIf(c, o, f),
    },
  });

  const faults = new Faults({
    clock,
    log,
    sessions: () => [...ready],
    connections: () => [...all],
    stopListening: () => stopListening(),
    startListening: () => listen(),
    dataLost: () => {
      marketData.dropAll();
      historySvc.dropAll();
      scanner.dropAll();
    },
  });

  const ctx: GatewayContext = {
    clock,
    log,
    universe,
    market,
    history,
    engine,
    ledger,
    options: opts,
    sessions: () => ready,
    wake: () => wake(),
    usdRate,
    dataPaused: () => faults.dataPaused,
    takePacingFault: () => faults.takePacingViolation(),
    stateChanged: () => saver?.changed(),
  };
  const marketData = new MarketDataService(ctx);
  const historySvc = new HistoryService(ctx);
  const scanner = new ScannerService(ctx);
  const accountsSvc = new AccountService(ctx);
  const router = new OrderRouter(ctx, (a, i) => accountsSvc.changed(a, i));

  if (opts.statePath) {
    const state = await loadState(opts.statePath, log);
    if (state) {
      ledger.restore(state.ledger, (id) => universe.byConId(id));
      engine.restore(state.engine, (id) => universe.byConId(id));
      log.info(`restored state from ${opts.statePath}`);
    }
    const snapshot = (): GatewayState => ({
      format: 1,
      savedAt: clock.now(),
      ledger: ledger.snapshot(),
      engine: engine.snapshot(),
    });
    saver = new StateSaver(opts.statePath, snapshot, clock, log);
  }
  ledger.rollDay(market.etDayOf(clock.now()), (b) => b.cash);

  const host: SessionHost = {
    log,
    now: () => clock.now(),
    maxServerVersion: () => opts.maxServerVersion,
    connTime: () => connTime(clock.now()),
    accounts: () => opts.accounts,
    nextOrderId: () => engine.nextValidId(),
    silent: () => faults.silent,
    register(s) {
      const other = byClientId.get(s.clientId);
      if (other && other !== s && !other.isClosed()) return 'duplicate';
      byClientId.set(s.clientId, s);
      ready.add(s);
      log.info(
        `client ${s.clientId} connected from ${s.remote} (server version ${s.version}${s.options.length ? `, ${s.options.join(' ')}` : ''})`,
      );
      return 'ok';
    },
    dispatch: (s, req) => dispatch(s, req),
    closed(s) {
      all.delete(s);
      if (ready.delete(s)) log.info(`client ${s.clientId} disconnected`);
      if (byClientId.get(s.clientId) === s) byClientId.delete(s.clientId);
    },
    received(s, msgId, at) {
      let r = receivedLog.get(s.clientId);
      if (!r) {
        r = { t: [], id: [] };
        receivedLog.set(s.clientId, r);
      }
      r.t.push(at);
      r.id.push(msgId);
      if (r.t.length > RECEIVED_CAP) {
        r.t.splice(0, RECEIVED_CAP / 10);
        r.id.splice(0, RECEIVED_CAP / 10);
      }
    },
    ignored(s, fields, at) {
      try {
        const req = decodeRequest(fields, s.version);
        if (req.kind === 'placeOrder' && ignoredOrders.length < RECEIVED_CAP)
          ignoredOrders.push({ time: at, clientId: s.clientId, orderId: req.orderId, session: s.seq });
      } catch {
        // an unreadable request is dropped like any other while silent
      }
    },
    maxRequestsPerSecond: () => opts.maxRequestsPerSecond,
  };

  function dispatch(s: Session, req: Request): void {
    const now = clock.now();
    switch (req.kind) {
      case 'startApi':
        return;
      case 'reqCurrentTime':
        return s.send(currentTime(Math.floor(now / 1000)));
      case 'reqManagedAccts':
        return s.send(managedAccounts(opts.accounts));
      case 'reqIds':
        return router.ids(s);
      case 'reqContractDetails':
        return handleContractDetails(ctx, s, req.reqId, req.contract);
      case 'reqMatchingSymbols':
        return handleMatchingSymbols(ctx, s, req.reqId, req.pattern);
      case 'reqMarketRule':
        return handleMarketRule(s, req.marketRuleId);
      case 'reqMarketDataType':
        return marketData.setType(s, req.marketDataType);
      case 'reqMktData':
        return marketData.subscribe(
          s,
          req.reqId,
          req.contract,
          req.genericTickList,
          req.snapshot,
          req.regulatorySnapshot,
        );
      case 'cancelMktData':
        return marketData.cancel(s, req.reqId);
      case 'reqHistoricalData':
        return historySvc.request(s, req);
      case 'cancelHistoricalData':
        return historySvc.cancel(s, req.reqId);
      case 'reqHeadTimestamp':
        return historySvc.headTimestamp(
          s,
          req.reqId,
          req.contract,
          req.whatToShow,
          req.useRth,
          req.formatDate,
        );
      case 'cancelHeadTimestamp':
        return;
      case 'reqRealTimeBars':
        return historySvc.realTimeBars(s, req.reqId, req.contract, req.whatToShow, req.useRth);
      case 'cancelRealTimeBars':
        return historySvc.cancelRealTimeBars(s, req.reqId);
      case 'reqScannerParameters':
        return scanner.parameters(s);
      case 'reqScannerSubscription':
        return scanner.subscribe(s, req.reqId, req.subscription, req.filterOptions);
      case 'cancelScannerSubscription':
        return scanner.cancel(s, req.reqId);
      case 'placeOrder':
        // Only a new order is lost: a change to one TWS holds goes through (TWS lost an order, not a session).
        if (engine.get(s.clientId, req.orderId) === undefined && faults.takeSwallowedOrder()) {
          if (ignoredOrders.length < RECEIVED_CAP)
            ignoredOrders.push({ time: now, clientId: s.clientId, orderId: req.orderId, session: s.seq });
          return;
        }
        return router.place(s, req.orderId, req.contract, req.ticket, req.warnings);
      case 'cancelOrder':
        return router.cancel(s, req.orderId);
      case 'reqGlobalCancel':
        return router.globalCancel();
      case 'reqOpenOrders':
        return router.openOrders(s, false);
      case 'reqAllOpenOrders':
        return router.openOrders(s, true);
      case 'reqAutoOpenOrders':
        return router.autoOpenOrders(s, req.autoBind);
      case 'reqExecutions':
        return router.executions(s, req.reqId, req.filter);
      case 'reqCompletedOrders':
        return router.completedOrders(s);
      case 'reqPositions':
        return accountsSvc.positions(s);
      case 'cancelPositions':
        return accountsSvc.cancelPositions(s);
      case 'reqAccountSummary':
        return accountsSvc.summary(s, req.reqId, req.group, req.tags);
      case 'cancelAccountSummary':
        return accountsSvc.cancelSummary(s, req.reqId);
      case 'reqPositionsMulti':
        return accountsSvc.positionsMultiStart(s, req.reqId, req.account, req.modelCode);
      case 'cancelPositionsMulti':
        return accountsSvc.cancelPositionsMulti(s, req.reqId);
      case 'reqAccountUpdatesMulti':
        return accountsSvc.accountUpdatesMultiStart(
          s,
          req.reqId,
          req.account,
          req.modelCode,
          req.ledgerAndNLV,
        );
      case 'cancelAccountUpdatesMulti':
        return accountsSvc.cancelAccountUpdatesMulti(s, req.reqId);
      case 'reqAccountUpdates':
        return accountsSvc.accountUpdates(s, req.subscribe, req.account);
      case 'reqPnL':
        return accountsSvc.pnl(s, req.reqId, req.account);
      case 'reqPnLSingle':
        return accountsSvc.pnl(s, req.reqId, req.account, req.conId);
      case 'cancelPnL':
      case 'cancelPnLSingle':
        return accountsSvc.cancelPnl(s, req.reqId);
      case 'setServerLogLevel':
        return;
      case 'reqFamilyCodes':
        return s.send(familyCodes([]));
      case 'reqSoftDollarTiers':
        return s.send(softDollarTiers(req.reqId));
      case 'reqMktDepthExchanges':
        return s.send(mktDepthExchanges());
      case 'reqSmartComponents':
        return s.send(smartComponents(req.reqId));
      case 'reqNewsProviders':
        return s.send(newsProviders());
      case 'reqUserInfo':
        return s.send(userInfo(req.reqId, ''));
      case 'reqSecDefOptParams':
        return s.send(secDefOptParamsEnd(req.reqId));
      case 'queryDisplayGroups':
        return s.send(displayGroupList(req.reqId, '1|2|3|4|5|6|7'));
      case 'ignored':
        return;
      case 'unsupported':
        log.debug(`unsupported request: ${req.what}`, { clientId: s.clientId, twsCode: req.code });
        return s.error(req.id, req.code, req.text);
    }
  }

  // One timer drives every stream; it runs only while something needs it.
  let lastExpiry = 0;
  function hasWork(): boolean {
    return (
      marketData.hasWork() ||
      historySvc.hasWork() ||
      scanner.hasWork() ||
      accountsSvc.hasWork() ||
      engine.hasWork()
    );
  }
  function beat(): void {
    const now = clock.now();
    try {
      ledger.rollDay(
        market.etDayOf(now),
        (b) => accountsSvc.numbers(b.account, now)?.netLiquidation ?? b.cash,
      );
      marketData.beat(now);
      historySvc.beat(now);
      scanner.beat(now);
      if (engine.hasWork()) {
        engine.step(now);
        if (now - lastExpiry >= 1000) {
          lastExpiry = now;
          engine.expireDayOrders(now);
        }
      }
      accountsSvc.beat(now);
    } catch (err) {
      log.error(`beat failed: ${(err as Error).message}`, { stack: (err as Error).stack });
    }
    if (!hasWork() && timer) {
      clock.clearInterval(timer);
      timer = undefined;
    }
  }
  function wake(): void {
    if (timer || closed) return;
    timer = clock.setInterval(beat, Math.max(10, Math.round(1000 / opts.tickRate)));
  }

  const server: Server = createServer((socket: Socket) => onConnection(socket));
  server.on('error', (err) => log.error(`server error: ${err.message}`));
  let boundPort = opts.port;
  let listening = false;

  function onConnection(socket: Socket): void {
    if (closed) {
      socket.destroy();
      return;
    }
    if (faults.takeAcceptThenClose()) {
      log.info('fault: closing an accepted connection');
      socket.destroy();
      return;
    }
    const s = new Session(socket, host);
    all.add(s);
    faults.applyTo(s);
  }

  function listen(): Promise<void> {
    if (listening || closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = (): void => {
        server.off('error', onError);
        const addr = server.address();
        if (addr && typeof addr === 'object') boundPort = addr.port;
        listening = true;
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen({ host: opts.host, port: boundPort, exclusive: true });
    });
  }

  /** Stops accepting (connection refused from now on); open connections are left to the caller. */
  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    server.close();
    return Promise.resolve();
  }

  await listen();
  // Orders restored from a state file keep working: their matching beat starts now, not at the next request.
  if (engine.hasWork()) wake();
  log.info(
    `listening on ${opts.host}:${boundPort} (server versions ${MIN_SUPPORTED_SERVER_VERSION}…${opts.maxServerVersion}, seed ${opts.seed})`,
  );

  const controls: FaultControls = {
    dropAll: () => faults.dropAll(),
    silence: (ms) => faults.silence(ms),
    restart: (ms) => faults.restart(ms),
    connectivityLoss: (restore, ms) => faults.connectivityLoss(restore, ms),
    pacingViolation: (kind, count) => faults.pacingViolation(kind, count),
    slowReader: (ms) => faults.slowReader(ms),
    malformedFrame: (kind) => faults.malformedFrame(kind),
    acceptThenClose: (count) => faults.acceptThenClose(count),
    swallowOrders: (count) => faults.swallowOrders(count),
    rejectConnections: (ms) => faults.rejectConnections(ms),
    clear: () => faults.clear(),
    status: () => faults.status(),
  };

  const controlApis = new Set<ControlApi>();

  const gateway: DemoGateway = {
    host: opts.host,
    get port() {
      return boundPort;
    },
    options: opts,
    universe,
    faults: controls,
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clock.clearInterval(timer);
      timer = undefined;
      faults.dispose();
      for (const c of controlApis) await c.close();
      for (const s of [...all]) s.destroy();
      await stopListening();
      if (saver) await saver.saveNow();
      log.info('stopped');
    },
    connections: () =>
      [...all].map((s) => ({
        clientId: s.clientId,
        serverVersion: s.version,
        state: s.state,
        remote: s.remote,
        connectedAt: s.connectedAt,
        options: s.options,
      })),
    received(clientId) {
      const r = receivedLog.get(clientId);
      if (!r) return [];
      return r.t.map((t, i) => ({ time: t, msgId: r.id[i] as number }));
    },
    maxMessagesInWindow(clientId, windowMs = 1000) {
      const r = receivedLog.get(clientId);
      if (!r) return 0;
      let best = 0;
      let lo = 0;
      for (let hi = 0; hi < r.t.length; hi++) {
        while ((r.t[hi] as number) - (r.t[lo] as number) >= windowMs) lo++;
        best = Math.max(best, hi - lo + 1);
      }
      return best;
    },
    ordersReceived: () => [...engine.received],
    ordersIgnored: () => [...ignoredOrders],
    orders: (account) =>
      engine
        .all()
        .filter((o) => !account || o.account === account)
        .map((o) => ({
          orderId: o.orderId,
          clientId: o.clientId,
          permId: o.permId,
          account: o.account,
          conId: o.inst.conId,
          symbol: o.inst.symbol,
          secType: o.inst.secType,
          action: o.ticket.action,
          orderType: o.ticket.orderType,
          totalQuantity: o.ticket.totalQuantity,
          lmtPrice: o.ticket.lmtPrice,
          auxPrice: o.ticket.auxPrice,
          tif: o.ticket.tif,
          status: o.status,
          filled: o.filled,
          remaining: remaining(o),
          avgFillPrice: o.avgFillPrice,
          parentId: o.ticket.parentId,
          ocaGroup: o.ticket.ocaGroup,
        })),
    executions: (account) =>
      engine.executions
        .filter((e) => !account || e.account === account)
        .map((e) => ({
          execId: e.execId,
          orderId: e.orderId,
          clientId: e.clientId,
          account: e.account,
          conId: e.inst.conId,
          symbol: e.inst.symbol,
          side: e.side,
          shares: e.shares,
          price: e.price,
          time: e.time,
          commission: e.commission,
          realizedPnl: e.realized,
        })),
    positions: (account) =>
      ledger
        .positions(account)
        .filter((p) => p.qty !== 0)
        .map((p) => ({
          account: p.account,
          conId: p.inst.conId,
          symbol: p.inst.symbol,
          secType: p.inst.secType,
          position: p.qty,
          avgCost: p.avgCost,
        })),
    accountValues(account) {
      const n = accountsSvc.numbers(account);
      if (!n) return {};
      const out: Record<string, string> = {};
      for (const [k, v, c] of [
        ['NetLiquidation', n.netLiquidation.toFixed(2), 'USD'],
        ['TotalCashValue', n.cash.toFixed(2), 'USD'],
        ['GrossPositionValue', n.grossPositionValue.toFixed(2), 'USD'],
        ['BuyingPower', n.buyingPower.toFixed(2), 'USD'],
        ['AvailableFunds', n.availableFunds.toFixed(2), 'USD'],
        ['UnrealizedPnL', n.unrealized.toFixed(2), 'USD'],
        ['RealizedPnL', n.realized.toFixed(2), 'USD'],
      ] as const) {
        void c;
        out[k] = v;
      }
      return out;
    },
    subscriptions: () => ({ marketData: marketData.count, ...historySvc.counts, scanners: scanner.count }),
    quote(conId) {
      const inst = universe.byConId(conId);
      return inst ? market.quote(inst, clock.now(), emptyQuote()) : undefined;
    },
    async startControlApi(port = 0) {
      const api = await startControlApi(gateway, { port, log });
      controlApis.add(api);
      return api;
    },
    saveState: async () => {
      if (saver) await saver.saveNow();
    },
  };
  return gateway;
}
