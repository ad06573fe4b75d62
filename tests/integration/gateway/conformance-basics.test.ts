// Conformance at every negotiated version: the connect sequence, current time, contract details, matching symbols
// and level-1 market data, all decoded by @stoqey/ib's IBApi without a decoding error.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract, ContractDetails } from '@stoqey/ib';
import {
  ACCOUNT,
  VERSIONS,
  connect,
  conformanceSuite,
  matchingSymbols,
  startGateway,
  stock,
} from './helpers';

describe.each(VERSIONS)('server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 7 });

  it('negotiates the version and sends managedAccounts, nextValidId and the farm notices as TWS does', async () => {
    const c = await suite.connect(1);
    const [serverVersion, connTime] = c.of(EventName.server)[0] as [number, string];
    expect(serverVersion).toBe(version);
    expect(connTime).toMatch(/^\d{8} \d{2}:\d{2}:\d{2} E[SD]T$/);
    expect(c.of(EventName.managedAccounts)[0]).toEqual([ACCOUNT]);
    expect(c.of(EventName.nextValidId)[0]).toEqual([1]);
    // TWS sends these with id -1, which @stoqey/ib raises as `info`, not `error`.
    await c.waitFor(() => c.infos().length >= 4, 'farm notices');
    expect(c.infos().map((i) => i.code)).toEqual([2104, 2104, 2106, 2158]);
    expect(c.infos()[0]?.message).toBe('Market data farm connection is OK:usfarm');
    expect(c.errors()).toEqual([]);
  });

  it('answers reqCurrentTime with the gateway clock in epoch seconds', async () => {
    const c = await suite.connect(2);
    c.ib.reqCurrentTime();
    const [t] = (await c.waitEvent(EventName.currentTime)) as [number];
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5);
  });

  it('returns contract details for a stock, an ETF, a future, an FX pair and a conId', async () => {
    const c = await suite.connect(3);
    const ask = async (contract: Contract): Promise<ContractDetails[]> => {
      const id = c.nextReqId();
      c.ib.reqContractDetails(id, contract);
      await c.waitEvent(EventName.contractDetailsEnd, (a) => a[0] === id);
      return c.of(EventName.contractDetails, id).map((a) => a[1] as ContractDetails);
    };
    const [aapl] = await ask(stock('AAPL'));
    expect(aapl?.contract).toMatchObject({
      symbol: 'AAPL',
      secType: 'STK',
      conId: 265598,
      exchange: 'SMART',
      primaryExch: 'NASDAQ',
      currency: 'USD',
    });
    expect(aapl?.longName).toBe('Apple Inc');
    expect(aapl?.minTick).toBe(0.01);
    expect(aapl?.industry).toBe('Technology');
    expect(aapl?.timeZoneId).toBe('US/Eastern');
    expect(aapl?.tradingHours).toMatch(/^\d{8}:0000-\d{8}:0000;/);
    if (version >= 152) expect(aapl?.stockType).toBe('COMMON');
    if (version >= 164) expect(aapl?.minSize).toBe(0.0001);

    const [spy] = await ask(stock('SPY'));
    expect(spy?.contract.primaryExch).toBe('ARCA');
    expect(spy?.stockType).toBe('ETF');

    const es = await ask({
      symbol: 'ES',
      secType: 'FUT' as Contract['secType'],
      exchange: 'CME',
      currency: 'USD',
    });
    expect(es.length).toBe(2);
    expect(es[0]?.contract.multiplier).toBe(50);
    expect(es[0]?.contract.lastTradeDateOrContractMonth).toMatch(/^\d{8}$/);
    expect(es[0]?.contract.localSymbol).toMatch(/^ESH|ESM|ESU|ESZ/);

    const [eur] = await ask({
      symbol: 'EUR',
      secType: 'CASH' as Contract['secType'],
      exchange: 'IDEALPRO',
      currency: 'USD',
    });
    expect(eur?.contract).toMatchObject({ localSymbol: 'EUR.USD', conId: 12087792, exchange: 'IDEALPRO' });
    expect(eur?.minTick).toBe(0.00005);

    const [byId] = await ask({ conId: 756733 });
    expect(byId?.contract.symbol).toBe('SPY');
  });

  it('answers an unknown contract with error 200', async () => {
    const c = await suite.connect(4);
    const id = c.nextReqId();
    c.ib.reqContractDetails(id, stock('NOPE'));
    const text = await c.waitCode(200, id);
    expect(text).toBe('No security definition has been found for the request');
  });

  it('answers reqMatchingSymbols with descriptions (issuer fields from 176)', async () => {
    const c = await suite.connect(5);
    const list = await matchingSymbols(c, 'MSF');
    expect(list[0]?.contract).toMatchObject({
      symbol: 'MSFT',
      secType: 'STK',
      primaryExch: 'NASDAQ',
      currency: 'USD',
    });
    expect(list[0]?.derivativeSecTypes).toContain('OPT');
    if (version >= 176) expect(list[0]?.contract?.description).toBe('Microsoft Corp');
  });

  it('streams level-1 ticks (bid, ask, last with sizes, volume, high, low, close, open) until cancelled', async () => {
    const c = await suite.connect(6);
    const id = c.nextReqId();
    c.ib.reqMktData(id, stock('MSFT'), '233', false, false);
    await c.waitFor(() => c.of(EventName.tickPrice, id).length >= 7, 'initial ticks');
    const types = new Set(c.of(EventName.tickPrice, id).map((a) => a[1]));
    for (const t of [1, 2, 4, 6, 7, 9, 14]) expect(types).toContain(t);
    const sizes = new Set(c.of(EventName.tickSize, id).map((a) => a[1]));
    for (const t of [0, 3, 5, 8]) expect(sizes).toContain(t);
    const bid = c.of(EventName.tickPrice, id).find((a) => a[1] === 1)?.[2] as number;
    const ask = c.of(EventName.tickPrice, id).find((a) => a[1] === 2)?.[2] as number;
    expect(ask).toBeGreaterThan(bid);
    expect(c.of(EventName.tickString, id).some((a) => a[1] === 48)).toBe(true); // RT_VOLUME for generic tick 233
    // Volumes are in shares from MARKET_DATA_IN_SHARES (159), in round lots before.
    const volume = c.of(EventName.tickSize, id).find((a) => a[1] === 8)?.[2] as number;
    const model = suite.gw.quote(272093)?.volume as number;
    if (version >= 159) expect(volume).toBeGreaterThan(model / 2);
    else expect(volume).toBeLessThan(model / 50);
    // Updates keep coming (a few per second), then stop after cancelMktData.
    const before = c.events.length;
    await c.waitFor(
      () =>
        c.events.slice(before).some((e) => e.name === EventName.tickSize || e.name === EventName.tickPrice),
      'update',
    );
    c.ib.cancelMktData(id);
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    const after = c.events.length;
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.currentTime);
    await new Promise((r) => setTimeout(r, 600));
    expect(
      c.events
        .slice(after)
        .filter((e) => (e.name === EventName.tickPrice || e.name === EventName.tickSize) && e.args[0] === id),
    ).toEqual([]);
  });

  it('answers a snapshot with one set of ticks and tickSnapshotEnd', async () => {
    const c = await suite.connect(7);
    const id = c.nextReqId();
    c.ib.reqMktData(id, stock('IBM'), '', true, false);
    await c.waitEvent(EventName.tickSnapshotEnd, (a) => a[0] === id);
    expect(c.of(EventName.tickPrice, id).length).toBeGreaterThanOrEqual(7);
    const id2 = c.nextReqId();
    c.ib.reqMktData(id2, stock('IBM'), '', false, true);
    await c.waitEvent(EventName.tickSnapshotEnd, (a) => a[0] === id2);
  });

  it('sends FX quotes without last or volume, as IDEALPRO does', async () => {
    const c = await suite.connect(8);
    const id = c.nextReqId();
    c.ib.reqMktData(
      id,
      { symbol: 'EUR', secType: 'CASH' as Contract['secType'], exchange: 'IDEALPRO', currency: 'USD' },
      '',
      true,
      false,
    );
    await c.waitEvent(EventName.tickSnapshotEnd, (a) => a[0] === id);
    const types = c.of(EventName.tickPrice, id).map((a) => a[1]);
    expect(types).toContain(1);
    expect(types).not.toContain(4);
  });

  it('reports the market data type when the client set one, and errors for bad requests', async () => {
    const c = await suite.connect(9);
    c.ib.reqMarketDataType(2);
    const id = c.nextReqId();
    c.ib.reqMktData(id, stock('AAPL'), '', true, false);
    const [, type] = await c.waitFor(
      () => c.of(EventName.marketDataType, id)[0] as [number, number] | undefined,
      'marketDataType',
    );
    expect(type).toBe(1); // frozen requested, market open: live data
    const bad = c.nextReqId();
    c.ib.reqMktData(bad, stock('NOPE'), '', false, false);
    expect(await c.waitCode(200, bad)).toBe('No security definition has been found for the request');
    const ghost = c.nextReqId();
    c.ib.cancelMktData(ghost);
    await c.waitCode(300, ghost);
  });
});

describe('delayed data without live permissions', () => {
  it('answers live requests with 354 and delayed ones with 10167 and ticks 66-76', async () => {
    const gw = await startGateway({ liveData: false, maxServerVersion: 176 });
    const c = await connect(gw, 1);
    try {
      const live = c.nextReqId();
      c.ib.reqMktData(live, stock('AAPL'), '', false, false);
      expect(await c.waitCode(354, live)).toContain('not subscribed');
      c.ib.reqMarketDataType(3);
      const id = c.nextReqId();
      c.ib.reqMktData(id, stock('AAPL'), '', false, false);
      await c.waitCode(10167, id);
      const [, type] = await c.waitFor(
        () => c.of(EventName.marketDataType, id)[0] as [number, number] | undefined,
        'marketDataType',
      );
      expect(type).toBe(3);
      await c.waitFor(() => c.of(EventName.tickPrice, id).length >= 7, 'delayed ticks');
      const types = new Set(c.of(EventName.tickPrice, id).map((a) => a[1]));
      for (const t of [66, 67, 68, 72, 73, 75, 76]) expect(types).toContain(t);
      expect(new Set(c.of(EventName.tickSize, id).map((a) => a[1]))).toContain(74);
      // Delayed means 15 minutes old.
      expect(c.of(EventName.tickString, id).some((a) => a[1] === 88)).toBe(true);
      expect(c.decodeErrors()).toEqual([]);
    } finally {
      c.close();
      await gw.close();
    }
  });
});
