// The trading core (link + services) against a demo gateway over TCP, with every event it emits recorded with
// the time it arrived, so fault tests can ask "did this stream deliver again after the reconnect?".
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EventMap, EventName } from '../../src-shared/contract';
import type { OrderTicket } from '../../src-shared/domain/order';
import type { Quote } from '../../src-shared/domain/quote';
import { defaultSettings, DEFAULT_LIMITS, type Preferences } from '../../src-shared/domain/settings';
import { systemClock } from '../../src-shared/clock';
import { createLogBook, type LogBook } from '../../src-main/logging/log-book';
import { createDemoGateway, type DemoGateway } from '../../src-main/demo-gateway/gateway';
import type { DemoGatewayOptions } from '../../src-main/demo-gateway/gateway-options';
import type { LinkDeps } from '../../src-main/ib/connection/index';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { createSocketDropper, type SocketDropper } from '../../src-main/paper/socket-drop';
import { createTrading, type Trading } from '../../src-main/trading';
import { waitFor } from './wait';

type Recorded = { at: number; event: EventName; payload: unknown; clientId?: string };

export type TradingHarness = {
  trading: Trading;
  logBook: LogBook;
  events: Recorded[];
  quotes: { at: number; quote: Quote }[];
  clientId: number;
  /** Events of a kind since a time. */
  since<E extends EventName>(event: E, t: number): { at: number; payload: EventMap[E] }[];
  connect(gw: { host: string; port: number }): Promise<void>;
  stop(): Promise<void>;
};

let nextClientId = 100;

export async function startTrading(
  opts: {
    dataDir?: string;
    journalName?: string;
    prefs?: Partial<Preferences>;
    link?: Partial<Omit<LinkDeps, 'clock' | 'log'>>;
    clientId?: number;
  } = {},
): Promise<TradingHarness> {
  const logBook = createLogBook({});
  const events: Recorded[] = [];
  const quotes: { at: number; quote: Quote }[] = [];
  const trading = createTrading({
    clock: systemClock,
    log: logBook.logger('test'),
    outlet: {
      broadcast: (event, payload) => events.push({ at: Date.now(), event, payload }),
      emitTo: (clientId, event, payload) => events.push({ at: Date.now(), event, payload, clientId }),
      quotes: (qs) => {
        for (const quote of qs) quotes.push({ at: Date.now(), quote });
      },
    },
    prefs: { ...defaultSettings().preferences, ...opts.prefs },
    gaugesEveryMs: 0,
    ...(opts.link ? { link: opts.link } : {}),
  });
  const clientId = opts.clientId ?? nextClientId++;
  if (opts.dataDir)
    await trading.orders.open(
      createOrderJournal({ dir: path.join(opts.dataDir, 'journal'), name: opts.journalName ?? 'test' }),
      {
        id: 'test',
        readOnly: false,
        limits: { ...DEFAULT_LIMITS, maxNotional: 1_000_000 },
        demo: true,
      },
    );
  return {
    trading,
    logBook,
    events,
    quotes,
    clientId,
    since(event, t) {
      return events
        .filter((e) => e.event === event && e.at >= t)
        .map((e) => ({ at: e.at, payload: e.payload as never }));
    },
    async connect(gw) {
      trading.link.connect({ host: gw.host, port: gw.port, clientId });
      await waitFor(() => trading.link.status().state === 'ready', 'ready', 15_000);
    },
    async stop() {
      await trading.stop();
    },
  };
}

export async function startGateway(opts: DemoGatewayOptions = {}): Promise<DemoGateway> {
  return createDemoGateway({ host: '127.0.0.1', port: 0, ...opts });
}

export const AAPL = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK' as const,
  exchange: 'SMART',
  currency: 'USD',
};

/** One AAPL share bought at market, a day order: the order the fault and crash tests place. */
/** An underlying's option chain and the rows of its second expiry (the one after the nearest), as a chain pane asks. */
export async function secondExpiry(
  options: Trading['options'],
  underlying: { conId: number; symbol: string },
) {
  const chain = await options.chain(underlying);
  return options.expiry({ ...underlying, expiry: chain.expirations[1]!, tradingClass: chain.tradingClass });
}

export const BUY_ONE_AAPL: OrderTicket = {
  contract: AAPL,
  action: 'BUY',
  quantity: 1,
  orderType: 'MKT',
  tif: 'DAY',
  outsideRth: false,
};

/**
 * What one test starts against the demo gateway — the gateway, trading cores, temp folders — all stopped and
 * removed by `clear()`, which a test file calls after each test (`afterEach(() => scene.clear())`).
 */
export interface TradingScene {
  /** The gateway the test started (throws before `startGateway`). */
  readonly gw: DemoGateway;
  startGateway(opts?: DemoGatewayOptions): Promise<DemoGateway>;
  startTrading(opts?: Parameters<typeof startTrading>[0]): Promise<TradingHarness>;
  /** A gateway and a trading core connected to it. */
  startConnected(
    gatewayOpts?: DemoGatewayOptions,
    tradingOpts?: Parameters<typeof startTrading>[0],
  ): Promise<{ gw: DemoGateway; h: TradingHarness }>;
  /**
   * A gateway and a trading core connected to it whose socket the test can close from inside the process (the
   * paper suite's dropper), for the reconnect tests.
   */
  startDroppable(
    opts?: Parameters<typeof startTrading>[0],
  ): Promise<{ gw: DemoGateway; dropper: SocketDropper; h: TradingHarness }>;
  tempDir(prefix: string): Promise<string>;
  clear(): Promise<void>;
}

export function tradingScene(): TradingScene {
  let gateway: DemoGateway | null = null;
  const harnesses: TradingHarness[] = [];
  const dirs: string[] = [];
  return {
    get gw() {
      if (!gateway) throw new Error('the test has not started a gateway');
      return gateway;
    },
    async startGateway(opts) {
      gateway = await startGateway(opts);
      return gateway;
    },
    async startTrading(opts) {
      const h = await startTrading(opts);
      harnesses.push(h);
      return h;
    },
    async startConnected(gatewayOpts, tradingOpts) {
      const gw = await this.startGateway(gatewayOpts);
      const h = await this.startTrading(tradingOpts);
      await h.connect(gw);
      return { gw, h };
    },
    async startDroppable(opts = {}) {
      const dropper = createSocketDropper();
      const { gw, h } = await this.startConnected(
        {},
        { ...opts, link: { ...opts.link, createApi: dropper.createApi } },
      );
      return { gw, dropper, h };
    },
    async tempDir(prefix) {
      const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async clear() {
      for (const h of harnesses.splice(0)) await h.stop();
      await gateway?.close();
      gateway = null;
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}
