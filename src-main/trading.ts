// The trading core shared by every host (Electron, web host, CLI): the TWS link and the services on top of it,
// wired with injected outputs. app.ts adds settings, profiles and the hub; the CLI uses it as it is.
import type { EventMap, EventName } from '../src-shared/contract';
import type { QuoteProbe } from '../src-shared/bench-probe';
import type { Gauges } from '../src-shared/domain/connection';
import type { Execution } from '../src-shared/domain/order';
import type { Quote } from '../src-shared/domain/quote';
import type { ScanSnapshot } from '../src-shared/domain/scanner';
import type { Preferences } from '../src-shared/domain/settings';
import { describeTwsCode, plainTwsMessage } from '../src-shared/errors';
import type { Clock } from '../src-shared/clock';
import type { Logger } from '../src-shared/logger';
import { createLink, type Link, type LinkDeps } from './ib/connection';
import { createNewsSource, createTws, type Tws } from './ib/adapter';
import { createContracts, type Contracts } from './services/contracts';
import { createDepth, type Depth } from './services/depth';
import { startGaugePush } from './services/gauge-push';
import { createHistory, type BarsEvent, type History } from './services/history';
import { createMarketData, type MarketData } from './services/market-data';
import { createOptions, type Options } from './services/options';
import { createNews, type News } from './services/news/news';
import { createOrders, type Orders } from './services/orders';
import { createPortfolio, type Portfolio } from './services/portfolio';
import { createScanner, type Scanner } from './services/scanner';
import { createTape, type Tape } from './services/tape';

/** Where events go: the hub in the app, a printer in the CLI. */
export interface Outlet {
  broadcast<E extends EventName>(event: E, payload: EventMap[E]): void;
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventMap[E]): void;
  quotes(quotes: readonly Quote[], clientIds: Iterable<string>): void;
  /** The instruments a window shows now: their quotes go first when a frame cannot carry all. */
  focus?(clientId: string, conIds: readonly number[]): void;
  /** Bench stamps beside the quotes just given (only with `benchProbe`). */
  probe?(stamps: readonly QuoteProbe[], clientIds: Iterable<string>): void;
  /** State read when a frame goes out (the hub's; depth books): without it, the depth service times its own. */
  frameSource?(collect: () => void): { ready(): void; remove(): void };
}

export interface Trading {
  readonly link: Link;
  readonly tws: Tws;
  readonly contracts: Contracts;
  readonly marketData: MarketData;
  readonly history: History;
  readonly scanner: Scanner;
  readonly orders: Orders;
  readonly portfolio: Portfolio;
  readonly options: Options;
  readonly news: News;
  readonly depth: Depth;
  readonly tape: Tape;
  gauges(): Gauges;
  /** Every quote as it is published to windows (alerts evaluate them in main, with or without a window). */
  onQuotes(listener: (quotes: readonly Quote[]) => void): () => void;
  /** Every execution (and commission update) as the orders service reports it. */
  onExecutions(listener: (executions: readonly Execution[]) => void): () => void;
  /** Live bars as the history service hands them to a holder (main's own holders are no window). */
  onBars(listener: (clientId: string, e: BarsEvent) => void): () => void;
  /** Every scanner snapshot any window receives, with its scan code (main's scanner alerts). */
  onScans(listener: (scanCode: string, snapshot: ScanSnapshot) => void): () => void;
  /** The instruments a window shows now (outlet.focus; nothing where the outlet has no windows). */
  focusQuotes(clientId: string, conIds: readonly number[]): void;
  /** A window or WebSocket went away: release what it held. */
  releaseClient(clientId: string): void;
  configure(prefs: Preferences): void;
  stop(): Promise<void>;
}

export function createTrading(deps: {
  clock: Clock;
  log: Logger;
  outlet: Outlet;
  prefs: Preferences;
  link?: Partial<Omit<LinkDeps, 'clock' | 'log'>>;
  /** Gauges are pushed this often while they change, and at once when the slots change (0 = never; tests). */
  gaugesEveryMs?: number;
  /** Reads the demo gateway's bench stamps and passes them to `outlet.probe` (npm run bench only). */
  benchProbe?: boolean;
}): Trading {
  const { clock, log, outlet } = deps;
  const link = createLink({ clock, log: log.child('connection'), ...deps.link });
  const benchProbe = (deps.benchProbe ?? false) && outlet.probe !== undefined;
  const tws = createTws(link, { benchProbe });
  const quoteTaps = new Set<(quotes: readonly Quote[]) => void>();
  const executionTaps = new Set<(executions: readonly Execution[]) => void>();
  const barTaps = new Set<(clientId: string, e: BarsEvent) => void>();
  const scanTaps = new Set<(scanCode: string, snapshot: ScanSnapshot) => void>();
  const contracts = createContracts({ tws, log: log.child('contracts') });
  const marketData = createMarketData({
    tws,
    clock,
    log: log.child('market-data'),
    publish: (quotes, clientIds) => {
      outlet.quotes(quotes, clientIds);
      for (const tap of quoteTaps) tap(quotes);
    },
    probe: benchProbe ? (stamps, clientIds) => outlet.probe?.(stamps, clientIds) : undefined,
    prefs: deps.prefs,
  });
  const history = createHistory({
    tws,
    clock,
    log: log.child('history'),
    emitTo: (clientId, e) => {
      outlet.emitTo(clientId, 'bars', e);
      for (const tap of barTaps) tap(clientId, e);
    },
    notify: (clientId, title, message) =>
      outlet.emitTo(clientId, 'notice', { level: 'warn', title, message }),
  });
  const scanner = createScanner({
    tws,
    marketData,
    clock,
    log: log.child('scanner'),
    emitTo: (clientId, snapshot, scanCode) => {
      outlet.emitTo(clientId, 'scan', snapshot);
      for (const tap of scanTaps) tap(scanCode, snapshot);
    },
  });
  const orders = createOrders({
    tws,
    contracts,
    marketData,
    clock,
    log: log.child('orders'),
    emitOrders: (list) => outlet.broadcast('orders', { orders: list }),
    emitExecutions: (list) => {
      outlet.broadcast('executions', { executions: list });
      for (const tap of executionTaps) tap(list);
    },
    notice: (n) => outlet.broadcast('notice', n),
  });
  const options = createOptions({ tws, clock, log: log.child('options') });
  const depth = createDepth({
    tws,
    clock,
    log: log.child('depth'),
    emitTo: (clientId, book) => outlet.emitTo(clientId, 'depth', book),
    ...(outlet.frameSource ? { frames: (collect: () => void) => outlet.frameSource!(collect) } : {}),
    probe: benchProbe,
    quoteUpdatedAt: (conId) => marketData.quote(conId)?.updatedAt ?? null,
  });
  const tape = createTape({
    tws,
    clock,
    log: log.child('tape'),
    emitTo: (clientId, batch) => outlet.emitTo(clientId, 'tape', batch),
    quote: (conId) => marketData.quote(conId),
  });
  const portfolio = createPortfolio({
    tws,
    clock,
    log: log.child('portfolio'),
    emit: (s) => outlet.broadcast('portfolio', s),
  });
  const news = createNews({
    source: createNewsSource(link),
    canSend: () => link.canSend(),
    clock,
    log: log.child('news'),
    emitTo: (clientId, e) => outlet.emitTo(clientId, 'news', e),
  });

  // TWS messages no request claimed: farm status, notices, errors for orders (the orders service logs those).
  const twsMessages = log.child('tws');
  link.onMessage((m) => {
    if (m.reqId >= 0 && orders.list().some((o) => o.orderId === m.reqId)) return;
    const info = describeTwsCode(m.code);
    const level = info.severity === 'error' ? 'error' : info.severity === 'warn' ? 'warn' : 'info';
    twsMessages[level](plainTwsMessage(m.code, m.message), { twsCode: m.code, action: info.action });
  });
  link.onSilentStreams((streams) => {
    outlet.broadcast('notice', {
      level: 'warn',
      title: 'Some data did not come back',
      message: `After the reconnect, ${streams.length} subscription(s) have not delivered anything yet: ${streams
        .map((s) => s.label)
        .slice(0, 10)
        .join(
          ', ',
        )}${streams.length > 10 ? '…' : ''}. They stay subscribed; TWS may have no data for them right now.`,
    });
  });

  function gauges(): Gauges {
    const h = link.history().stats();
    return {
      lines: marketData.lines(),
      scannerSlots: scanner.slots(),
      history: h,
      messagesPerSec: link.rate(),
    };
  }

  const every = deps.gaugesEveryMs ?? 1000;
  const gaugePush =
    every > 0
      ? startGaugePush({ clock, everyMs: every, read: gauges, send: (g) => outlet.broadcast('gauges', g) })
      : null;

  return {
    link,
    tws,
    contracts,
    marketData,
    history,
    scanner,
    orders,
    portfolio,
    options,
    news,
    depth,
    tape,
    gauges,
    onQuotes(listener) {
      quoteTaps.add(listener);
      return () => quoteTaps.delete(listener);
    },
    onExecutions(listener) {
      executionTaps.add(listener);
      return () => executionTaps.delete(listener);
    },
    onBars(listener) {
      barTaps.add(listener);
      return () => barTaps.delete(listener);
    },
    onScans(listener) {
      scanTaps.add(listener);
      return () => scanTaps.delete(listener);
    },
    focusQuotes(clientId, conIds) {
      outlet.focus?.(clientId, conIds);
    },
    releaseClient(clientId) {
      marketData.releaseClient(clientId);
      history.releaseClient(clientId);
      scanner.releaseClient(clientId);
      news.releaseClient(clientId);
      depth.releaseClient(clientId);
      tape.releaseClient(clientId);
    },
    configure(prefs) {
      marketData.configure(prefs);
    },
    async stop() {
      gaugePush?.stop();
      scanner.stopAll();
      news.stop();
      history.stop();
      portfolio.stop();
      depth.stop();
      tape.stop();
      marketData.stop();
      // Stopping the link first ends any reconciliation still waiting on TWS.
      link.stop();
      await orders.settled().catch(() => undefined);
      await orders.close();
    },
  };
}
