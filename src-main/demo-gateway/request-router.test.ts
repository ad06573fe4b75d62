import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import { createManualClock } from '../../tests/support/manual-clock';
import { Session } from './connections/session';
import type { SessionHost } from './connections/session';
import type { IgnoredOrder } from './connections/received-log';
import { FrameReader, payloadFields } from './wire/framing';
import { defaultTicket, emptyContractRequest } from './orders/order-types';
import type { Request } from './wire/requests';
import { createRequestRouter } from './request-router';
import { decodeRequest } from './wire/decoder';
import type { RouteTargets } from './request-router';

const host: SessionHost = {
  log: silentLogger,
  now: () => 0,
  maxServerVersion: () => 176,
  connTime: () => '',
  accounts: () => [],
  nextOrderId: () => 1,
  silent: () => false,
  register: () => 'ok',
  dispatch: () => undefined,
  closed: () => undefined,
  received: () => undefined,
  maxRequestsPerSecond: () => 0,
};

/** A Session on a real loopback socket, and the frames its client side receives. */
async function session(): Promise<{ s: Session; frames: string[][]; server: Server; client: Socket }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const client = connect({ host: '127.0.0.1', port });
  const s = new Session(await accepted, host);
  s.clientId = 3;
  const frames: string[][] = [];
  const reader = new FrameReader({ expectApiPrefix: false });
  client.on('data', (chunk: Buffer) => {
    for (const ev of reader.push(chunk)) if (ev.kind === 'frame') frames.push(payloadFields(ev.payload));
  });
  return { s, frames, server, client };
}

function targets(calls: unknown[][], over: Partial<RouteTargets> = {}): RouteTargets {
  const rec =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push([name, ...args.filter((a) => !(a instanceof Session))]);
    };
  return {
    clock: createManualClock(1_700_000_123_456),
    log: silentLogger,
    accountIds: ['DU1', 'DU2'],
    isKnownOrder: () => false,
    takeSwallowedOrder: () => false,
    ignore: rec('ignore'),
    contracts: {
      details: rec('details'),
      matchingSymbols: rec('matchingSymbols'),
      marketRule: rec('marketRule'),
    },
    options: { secDefOptParams: rec('secDefOptParams'), calculate: rec('calculate') },
    marketData: { setType: rec('setType'), subscribe: rec('subscribe'), cancel: rec('cancelMktData') },
    history: {
      request: rec('history'),
      cancel: rec('cancelHistory'),
      headTimestamp: rec('headTimestamp'),
      realTimeBars: rec('realTimeBars'),
      cancelRealTimeBars: rec('cancelRealTimeBars'),
    },
    scanner: { parameters: rec('scanParams'), subscribe: rec('scan'), cancel: rec('cancelScan') },
    accounts: {
      positions: rec('positions'),
      cancelPositions: rec('cancelPositions'),
      summary: rec('summary'),
      cancelSummary: rec('cancelSummary'),
      positionsMultiStart: rec('positionsMulti'),
      cancelPositionsMulti: rec('cancelPositionsMulti'),
      accountUpdatesMultiStart: rec('updatesMulti'),
      cancelAccountUpdatesMulti: rec('cancelUpdatesMulti'),
      accountUpdates: rec('accountUpdates'),
      pnl: rec('pnl'),
      cancelPnl: rec('cancelPnl'),
    },
    news: {
      providers: rec('newsProviders'),
      historical: rec('historicalNews'),
      article: rec('newsArticle'),
      // A broadtape NEWS contract is news alone; a stock's line also goes to market data.
      marketData: (...args: unknown[]) => {
        rec('newsLine')(...args);
        return (args[1] as { contract: { secType: string } }).contract.secType === 'NEWS';
      },
      cancelMarketData: (...args: unknown[]) => {
        rec('cancelNewsLine')(...args);
        return args[1] === 99;
      },
      bulletins: rec('bulletins'),
      cancelBulletins: rec('cancelBulletins'),
    },
    orders: {
      ids: rec('ids'),
      place: rec('place'),
      cancel: rec('cancelOrder'),
      globalCancel: rec('globalCancel'),
      openOrders: rec('openOrders'),
      autoOpenOrders: rec('autoOpenOrders'),
      executions: rec('executions'),
      completedOrders: rec('completedOrders'),
    },
    depth: { exchanges: rec('depthExchanges'), subscribe: rec('depth'), cancel: rec('cancelDepth') },
    tickByTick: { subscribe: rec('tickByTick'), cancel: rec('cancelTickByTick') },
    historicalTicks: { request: rec('historicalTicks') },
    ...over,
  };
}

const placeOrder = (orderId: number): Request => ({
  kind: 'placeOrder',
  orderId,
  contract: emptyContractRequest(),
  ticket: defaultTicket(),
  warnings: [],
});

describe('createRequestRouter', () => {
  const open: { server: Server; client: Socket; s: Session }[] = [];
  afterEach(() => {
    for (const o of open.splice(0)) {
      o.s.destroy();
      o.client.destroy();
      o.server.close();
    }
  });

  /** A router over recording targets (`over` replaces some of them) on a fresh session closed after the test. */
  async function routed(over: (calls: unknown[][]) => Partial<RouteTargets> = () => ({})) {
    const o = await session();
    open.push(o);
    const calls: unknown[][] = [];
    const router = createRequestRouter(targets(calls, over(calls)));
    return { o, calls, route: (r: Request) => router(o.s, r) };
  }

  it('answers the fixed requests itself: current time, managed accounts, display groups', async () => {
    const { o, route } = await routed();
    route({ kind: 'reqCurrentTime' });
    route({ kind: 'reqManagedAccts' });
    route({ kind: 'queryDisplayGroups', reqId: 9 });
    await expect.poll(() => o.frames.length).toBe(3);
    expect(o.frames).toEqual([
      ['49', '1', '1700000123'],
      ['15', '1', 'DU1,DU2'],
      ['67', '1', '9', '1|2|3|4|5|6|7'],
    ]);
  });

  it('answers an unsupported request with its error code and text', async () => {
    const { o, route } = await routed();
    route({
      kind: 'unsupported',
      msgId: 52,
      id: 42,
      what: 'fundamental data',
      code: 430,
      text: 'We are sorry, but fundamentals data for the security specified is not available.',
    });
    await expect.poll(() => o.frames.length).toBe(1);
    // ERR_MSG at server version 0 (no advanced-reject field): version 2, id, code, text.
    expect(o.frames[0]).toEqual([
      '4',
      '2',
      '42',
      '430',
      'We are sorry, but fundamentals data for the security specified is not available.',
    ]);
  });

  it('hands each request to its handler with the request fields', async () => {
    const { calls, route } = await routed();
    const c = emptyContractRequest();
    route({
      kind: 'reqMktData',
      reqId: 5,
      contract: c,
      genericTickList: '233',
      snapshot: false,
      regulatorySnapshot: false,
    });
    route({ kind: 'reqPnLSingle', reqId: 6, account: 'DU1', modelCode: '', conId: 265598 });
    route({ kind: 'cancelPnLSingle', reqId: 6 });
    route({ kind: 'reqAllOpenOrders' });
    route({ kind: 'reqContractDetails', reqId: 7, contract: c });
    route({ kind: 'ignored', msgId: 11 });
    expect(calls.filter((x) => x[0] !== 'newsLine')).toEqual([
      ['subscribe', 5, c, '233', false, false],
      ['pnl', 6, 'DU1', 265598],
      ['cancelPnl', 6],
      ['openOrders', true],
      ['details', 7, c],
    ]);
  });

  it('hands the option requests to the option handlers and accepts their cancels silently', async () => {
    const { o, calls, route } = await routed();
    const params = decodeRequest(['78', '3', 'AAPL', '', 'STK', '265598'], 176);
    const calc: Request = {
      kind: 'calculateOptionPrice',
      reqId: 4,
      contract: emptyContractRequest(),
      value: 0.3,
      underPrice: 150,
    };
    route(params);
    route(calc);
    route({ kind: 'cancelCalculateOptionPrice', reqId: 4 });
    route({ kind: 'cancelCalculateImpliedVolatility', reqId: 5 });
    expect(calls).toEqual([
      ['secDefOptParams', params],
      ['calculate', calc],
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(o.frames).toEqual([]);
  });

  it('hands the depth and tick requests to their handlers', async () => {
    const { calls, route } = await routed();
    const c = emptyContractRequest();
    const depth: Request = {
      kind: 'reqMktDepth',
      reqId: 1,
      contract: c,
      numRows: 10,
      isSmartDepth: true,
      options: [],
    };
    const tbt: Request = {
      kind: 'reqTickByTickData',
      reqId: 2,
      contract: c,
      tickType: 'AllLast',
      numberOfTicks: 0,
      ignoreSize: false,
    };
    const hist: Request = {
      kind: 'reqHistoricalTicks',
      reqId: 3,
      contract: c,
      startDateTime: '',
      endDateTime: '20261124 10:00:00 US/Eastern',
      numberOfTicks: 100,
      whatToShow: 'TRADES',
      useRth: false,
      ignoreSize: false,
    };
    route({ kind: 'reqMktDepthExchanges' });
    route(depth);
    route({ kind: 'cancelMktDepth', reqId: 1, isSmartDepth: true });
    route(tbt);
    route({ kind: 'cancelTickByTickData', reqId: 2 });
    route(hist);
    expect(calls).toEqual([
      ['depthExchanges'],
      ['depth', depth],
      ['cancelDepth', 1],
      ['tickByTick', tbt],
      ['cancelTickByTick', 2],
      ['historicalTicks', hist],
    ]);
  });

  it('hands news requests to news, and a line to market data unless news answered it alone', async () => {
    const { calls, route } = await routed();
    const stockLine: Request = {
      kind: 'reqMktData',
      reqId: 5,
      contract: { ...emptyContractRequest(), symbol: 'AAPL', secType: 'STK' },
      genericTickList: 'mdoff,292:BRFG',
      snapshot: false,
      regulatorySnapshot: false,
    };
    const broadtape: Request = {
      ...stockLine,
      reqId: 99,
      contract: { ...emptyContractRequest(), symbol: 'BRFG:BRFG_ALL', secType: 'NEWS', exchange: 'BRFG' },
      genericTickList: '',
    };
    route(stockLine);
    route(broadtape);
    route({ kind: 'cancelMktData', reqId: 5 });
    route({ kind: 'cancelMktData', reqId: 99 });
    route({ kind: 'reqNewsProviders' });
    route({ kind: 'reqNewsArticle', reqId: 7, providerCode: 'BRFG', articleId: 'BRFG$0000abcd' });
    route({ kind: 'reqNewsBulletins', allMessages: true });
    route({ kind: 'cancelNewsBulletins' });
    expect(calls.map((x) => x.slice(0, 2))).toEqual([
      ['newsLine', stockLine],
      ['subscribe', 5],
      ['newsLine', broadtape],
      ['cancelNewsLine', 5],
      ['cancelMktData', 5],
      ['cancelNewsLine', 99],
      ['newsProviders'],
      ['newsArticle', 7],
      ['bulletins', true],
      ['cancelBulletins'],
    ]);
  });

  it('swallows a new order while the fault is armed, never a change to a known one', async () => {
    let armed = 1;
    const { o, calls, route } = await routed((log) => ({
      isKnownOrder: (_clientId, orderId) => orderId === 1,
      takeSwallowedOrder: () => armed-- > 0,
      ignore: (ig: IgnoredOrder) => log.push(['ignore', ig]),
    }));
    route(placeOrder(1));
    route(placeOrder(2));
    route(placeOrder(3));
    expect(calls.map((c) => [c[0], c[0] === 'ignore' ? (c[1] as IgnoredOrder).orderId : c[1]])).toEqual([
      ['place', 1],
      ['ignore', 2],
      ['place', 3],
    ]);
    expect(calls[1]?.[1]).toEqual({ time: 1_700_000_123_456, clientId: 3, orderId: 2, session: o.s.seq });
  });
});
