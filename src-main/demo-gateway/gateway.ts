// createDemoGateway: a TWS API server on TCP that real TWS API clients cannot tell from TWS. The composition root
// of the demo gateway: it builds the model and the books, wires the connections to the request router and the
// handlers, starts the beat that drives every stream, and hands out the fault switches and inspection views.
import type { Socket } from 'node:net';
import type { Clock } from '../../src-shared/clock';
import { systemClock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import type { Logger } from '../../src-shared/logger';
import type { GatewayContext } from './context';
import { resolveOptions } from './gateway-options';
import type { DemoGatewayOptions, ResolvedOptions } from './gateway-options';
import { Session } from './connections/session';
import type { SessionHost } from './connections/session';
import { SessionRegistry } from './connections/session-registry';
import { ReceivedLog } from './connections/received-log';
import { createTcpListener } from './connections/tcp-listener';
import { buildUniverse } from './model/universe';
import type { Universe } from './model/universe';
import { Market, emptyQuote } from './model/market';
import { HistoryEngine } from './model/history';
import { Ledger } from './accounts/ledger';
import { createUsdRates } from './accounts/usd-rates';
import { OrderEngine } from './orders/matching';
import { MarketDataService } from './handlers/market-data';
import { HistoryService } from './handlers/history';
import { ScannerService } from './handlers/scanner';
import { AccountService } from './handlers/accounts';
import { OrderRouter } from './handlers/orders';
import { DepthService } from './handlers/depth';
import { TickByTickService } from './handlers/tick-by-tick';
import { HistoricalTicksService } from './handlers/historical-ticks';
import { TickModel } from './depth/ticks';
import { NewsService } from './handlers/news';
import { handleContractDetails, handleMarketRule, handleMatchingSymbols } from './handlers/contracts';
import { handleCalculation, handleOptionDetails, handleSecDefOptParams } from './handlers/options';
import { createOptionMarket } from './options/option-market';
import { OptionInstruments } from './options/option-instruments';
import { createRequestRouter } from './request-router';
import { BeatLoop, beatIntervalMs } from './beat';
import type { BeatPart } from './beat';
import { Faults, faultControls } from './faults';
import type { FaultControls } from './faults';
import { openStateFile } from './state/state-store';
import { decodeRequest } from './wire/decoder';
import { MIN_SUPPORTED_SERVER_VERSION } from './wire/server-versions';
import { connTime } from './wire/tws-time';
import {
  accountValueView,
  connectionInfo,
  executionView,
  ofAccount,
  orderView,
  positionViews,
} from './inspection';
import type { GatewayInspection } from './inspection';
import { startControlApi } from './control-api';
import type { ControlApi } from './control-api';
import { openReplay, startReplay } from './replay/replay-mode';
import type { ReplayControls } from './replay/replay-types';
import { ReplayMarket } from './replay/replay-market';

export interface DemoGateway extends GatewayInspection {
  readonly host: string;
  readonly port: number;
  readonly options: Readonly<ResolvedOptions>;
  readonly universe: Universe;
  readonly faults: FaultControls;
  close(): Promise<void>;
  /** Starts the HTTP control API on loopback (port 0: any free port). */
  startControlApi(port?: number): Promise<ControlApi>;
  /** Writes the state file now (when statePath is set). */
  saveState(): Promise<void>;
  /** The transport of a replaying gateway (option `replay`); undefined for the live model. */
  readonly replay: ReplayControls | undefined;
}

export async function createDemoGateway(input: DemoGatewayOptions = {}): Promise<DemoGateway> {
  const opts = resolveOptions(input);
  const baseClock: Clock = input.clock ?? systemClock;
  // A replay runs the whole gateway on the recording's clock; a file it cannot replay fails here, before anything.
  const opened = opts.replay ? await openReplay(opts.replay, baseClock) : undefined;
  const clock: Clock = opened?.clock ?? baseClock;
  const log: Logger = (input.log ?? silentLogger).child('demo-gateway');
  const universe = buildUniverse(clock.now());
  const replayMarket = opened ? new ReplayMarket(universe, opts.seed, opts.realHours) : undefined;
  const market = replayMarket ?? new Market(universe, opts.seed, opts.realHours);
  const optionInstruments = new OptionInstruments(createOptionMarket({ market, seed: opts.seed }), market);
  market.attachDerivatives(optionInstruments);
  const history = new HistoryEngine(market);
  const ledger = new Ledger(opts.accounts, opts.startingCash);
  const usdRate = createUsdRates(universe, market);
  const sessions = new SessionRegistry<Session>();
  /** A universe instrument or a listed option (state file, inspection). */
  const instrumentOf = (conId: number) =>
    universe.byConId(conId) ?? optionInstruments.byConId(conId, clock.now());
  const receivedLog = new ReceivedLog();
  let closed = false;

  const engine = new OrderEngine({
    market,
    ledger,
    accounts: opts.accounts,
    seed: opts.seed,
    usdRate,
    listener: {
      orderChanged: (o) => {
        router.orderChanged(o);
        depth.ordersChanged();
      },
      executed: (o, e) => router.executed(o, e),
      orderError: (c, id, code, text) => router.orderError(c, id, code, text),
      accountChanged: (a, i) => router.accountChanged(a, i),
      whatIf: (c, o, f) => router.whatIf(c, o, f),
    },
  });

  const listener = createTcpListener({ host: opts.host, port: opts.port, log, onConnection });
  const faults = new Faults({
    clock,
    log,
    sessions: () => [...sessions.ready],
    connections: () => [...sessions.all],
    stopListening: () => listener.stopListening(),
    startListening: () => listener.listen(),
    dataLost: () => {
      marketData.dropAll();
      historySvc.dropAll();
      scanner.dropAll();
      depth.dropAll();
      tickByTick.dropAll();
      news.dropAll();
    },
    jumpPrice: (symbol, factor) => {
      const inst = universe.bySymbol(symbol)[0];
      if (!inst) return false;
      market.jump(inst, factor, clock.now());
      beat.wake();
      return true;
    },
    clearJumps: () => market.clearJumps(),
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
    optionInstruments,
    sessions: () => sessions.ready,
    wake: () => beat.wake(),
    usdRate,
    dataPaused: () => faults.dataPaused,
    takePacingFault: () => faults.takePacingViolation(),
    stateChanged: () => saver?.changed(),
  };
  const marketData = new MarketDataService(ctx);
  const historySvc = new HistoryService(ctx);
  const scanner = new ScannerService(ctx);
  const accountsSvc = new AccountService(ctx);
  const news = new NewsService(ctx);
  const router = new OrderRouter(ctx, (a, i) => accountsSvc.changed(a, i));
  const depth = new DepthService(ctx);
  const ticks = new TickModel(market);
  const tickByTick = new TickByTickService(ctx, ticks);
  const historicalTicks = new HistoricalTicksService(ctx, ticks, (...a) => historySvc.pace(...a));

  const saver = opts.statePath
    ? await openStateFile(opts.statePath, { ledger, engine, byConId: (id) => instrumentOf(id) }, clock, log)
    : undefined;
  ledger.rollDay(market.etDayOf(clock.now()), (b) => b.cash);

  const route = createRequestRouter({
    clock,
    log,
    accountIds: opts.accounts,
    isKnownOrder: (clientId, orderId) => engine.get(clientId, orderId) !== undefined,
    takeSwallowedOrder: () => faults.takeSwallowedOrder(),
    ignore: (o) => receivedLog.ignore(o),
    contracts: {
      details: (s, reqId, c) => {
        if (!handleOptionDetails(ctx, s, reqId, c)) handleContractDetails(ctx, s, reqId, c);
      },
      matchingSymbols: (s, reqId, pattern) => handleMatchingSymbols(ctx, s, reqId, pattern),
      marketRule: (s, id) => handleMarketRule(s, id),
    },
    options: {
      secDefOptParams: (s, req) => handleSecDefOptParams(ctx, s, req),
      calculate: (s, req) => handleCalculation(ctx, s, req),
    },
    marketData,
    history: historySvc,
    scanner,
    accounts: accountsSvc,
    news,
    orders: router,
    depth,
    tickByTick,
    historicalTicks,
  });

  const replay =
    opened && replayMarket
      ? await startReplay(opened, { ctx, market: replayMarket, history: historySvc, timers: baseClock })
      : undefined;

  const host: SessionHost = {
    log,
    now: () => clock.now(),
    maxServerVersion: () => opts.maxServerVersion,
    connTime: () => connTime(clock.now()),
    accounts: () => opts.accounts,
    nextOrderId: () => engine.nextValidId(),
    silent: () => faults.silent,
    register(s) {
      if (sessions.register(s) === 'duplicate') return 'duplicate';
      log.info(
        `client ${s.clientId} connected from ${s.remote} (server version ${s.version}${s.options.length ? `, ${s.options.join(' ')}` : ''})`,
      );
      return 'ok';
    },
    dispatch: replay ? (s, req) => replay.handle(s, req) || route(s, req) : route,
    closed(s) {
      if (sessions.closed(s)) log.info(`client ${s.clientId} disconnected`);
    },
    received: (s, msgId, at) => receivedLog.record(s.clientId, msgId, at),
    ignored(s, fields, at) {
      try {
        const req = decodeRequest(fields, s.version);
        if (req.kind === 'placeOrder')
          receivedLog.ignore({ time: at, clientId: s.clientId, orderId: req.orderId, session: s.seq });
      } catch {
        // an unreadable request is dropped like any other while silent
      }
    },
    maxRequestsPerSecond: () => opts.maxRequestsPerSecond,
  };

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
    sessions.accepted(s);
    faults.applyTo(s);
  }

  // The beat's parts, in the order each beat runs them: the ET day rolls before anything is valued.
  let lastExpiry = 0;
  const dayRoll: BeatPart = {
    hasWork: () => false,
    beat: (now) =>
      ledger.rollDay(
        market.etDayOf(now),
        (b) => accountsSvc.numbers(b.account, now)?.netLiquidation ?? b.cash,
      ),
  };
  const matching: BeatPart = {
    hasWork: () => engine.hasWork(),
    beat(now) {
      if (!engine.hasWork()) return;
      engine.step(now);
      if (now - lastExpiry >= 1000) {
        lastExpiry = now;
        engine.expireDayOrders(now);
      }
    },
  };
  const beat = new BeatLoop(clock, beatIntervalMs(opts.tickRate), log, [
    dayRoll,
    marketData,
    historySvc,
    scanner,
    news,
    matching,
    depth,
    tickByTick,
    accountsSvc,
  ]);

  await listener.listen();
  // Orders restored from a state file keep working: their matching beat starts now, not at the next request.
  if (engine.hasWork()) beat.wake();
  log.info(
    `listening on ${opts.host}:${listener.port} (server versions ${MIN_SUPPORTED_SERVER_VERSION}…${opts.maxServerVersion}, seed ${opts.seed})`,
  );

  const controlApis = new Set<ControlApi>();
  const gateway: DemoGateway = {
    host: opts.host,
    get port() {
      return listener.port;
    },
    options: opts,
    universe,
    faults: faultControls(faults),
    async close() {
      if (closed) return;
      closed = true;
      beat.stop();
      faults.dispose();
      for (const c of controlApis) await c.close();
      await replay?.close();
      for (const s of [...sessions.all]) s.destroy();
      await listener.close();
      if (saver) await saver.saveNow();
      log.info('stopped');
    },
    connections: () => [...sessions.all].map(connectionInfo),
    received: (clientId) => receivedLog.list(clientId),
    maxMessagesInWindow: (clientId, windowMs = 1000) => receivedLog.maxInWindow(clientId, windowMs),
    ordersReceived: () => [...engine.received],
    ordersIgnored: () => receivedLog.ignored(),
    orders: (account) => ofAccount(engine.all(), account).map(orderView),
    executions: (account) => ofAccount(engine.executions, account).map(executionView),
    positions: (account) => positionViews(ledger.positions(account)),
    accountValues: (account) => accountValueView(accountsSvc.numbers(account)),
    subscriptions: () => ({
      marketData: marketData.count,
      ...historySvc.counts,
      scanners: scanner.count,
      depth: depth.count,
      tickByTick: tickByTick.count,
    }),
    quote(conId) {
      const inst = instrumentOf(conId);
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
    replay: replay?.controls,
  };
  return gateway;
}
