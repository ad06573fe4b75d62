// Conformance of the option requests at server versions 157, 176 and 193, driven by @stoqey/ib over TCP: option
// chains (reqSecDefOptParams, with the union of strikes holding pairs that are not listed), option contract
// details, matching symbols, option market data (quotes, greeks 10-13, generic ticks; delayed 80-83 and snapshots
// on a gateway without live permissions), the underlying's option statistics, the calculations (tick 53) and
// the option market rules. A raw client checks the bytes where @stoqey/ib reads them differently from IB's client
// (multiplier and minTick as numbers) and sends the calculations in IB's version-3 layout.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract, ContractDetails } from '@stoqey/ib';
import { conformanceSuite, matchingSymbols, optionsNearTheMoney } from './helpers';
import type { Client } from './helpers';
import { RawClient } from './raw-client';

/** A strike as IB's Java client writes a double: "190.0", "192.5" (the ATM strike moves with the day's spot). */
const clientStrike = (k: number): string => (Number.isInteger(k) ? k.toFixed(1) : String(k));

const AAPL = 265598;
const NO_DEFINITION = 'No security definition has been found for the request';

interface ChainRow {
  exchange: string;
  underlyingConId: number;
  tradingClass: string;
  multiplier: unknown;
  expirations: string[];
  strikes: number[];
}

/** reqSecDefOptParams: every row until the end. */
async function chainOf(c: Client, symbol: string, conId: number, exchange = ''): Promise<ChainRow[]> {
  const id = c.nextReqId();
  c.ib.reqSecDefOptParams(id, symbol, exchange, 'STK', conId);
  await c.waitEvent(EventName.securityDefinitionOptionParameterEnd, (a) => a[0] === id);
  return c.of(EventName.securityDefinitionOptionParameter, id).map((a) => {
    const [, ex, under, cls, mult, expirations, strikes] = a as [
      number,
      string,
      number,
      string,
      unknown,
      string[],
      number[],
    ];
    return {
      exchange: ex,
      underlyingConId: under,
      tradingClass: cls,
      multiplier: mult,
      expirations,
      strikes,
    };
  });
}

/** reqContractDetails: the details listed, or the error code that ended the request. */
async function detailsOf(c: Client, contract: Contract): Promise<ContractDetails[] | number> {
  const id = c.nextReqId();
  c.ib.reqContractDetails(id, contract);
  await c.waitFor(
    () => c.of(EventName.contractDetailsEnd, id).length > 0 || c.errors(id).length > 0,
    `contract details ${id}`,
  );
  const err = c.errors(id)[0];
  return err ? err.code : c.of(EventName.contractDetails, id).map((a) => a[1] as ContractDetails);
}

const opt = (over: Partial<Contract>): Contract =>
  ({ symbol: 'AAPL', secType: 'OPT', exchange: 'SMART', currency: 'USD', ...over }) as Contract;

describe.each([157, 176, 193])('options at server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 7 });

  it('reqSecDefOptParams: a row per exchange with every expiry and the union of strikes; unknown: the end alone', async () => {
    const c = await suite.connect(1);
    const rows = await chainOf(c, 'AAPL', AAPL);
    expect(rows.length).toBe(20);
    expect(rows.map((r) => r.exchange).slice(0, 3)).toEqual(['SMART', 'AMEX', 'CBOE']);
    const [row] = rows as [ChainRow];
    // @stoqey/ib reads the multiplier as a number (IB's client: the string "100").
    expect(row).toMatchObject({ underlyingConId: AAPL, tradingClass: 'AAPL', multiplier: 100 });
    expect(row.expirations.length).toBeGreaterThanOrEqual(12);
    expect([...row.expirations].sort()).toEqual(row.expirations);
    expect(row.strikes.length).toBeGreaterThan(30);
    expect(rows.every((r) => r.strikes.join() === row.strikes.join())).toBe(true);
    expect((await chainOf(c, 'AAPL', AAPL, 'CBOE')).map((r) => r.exchange)).toEqual(['CBOE']);
    expect(await chainOf(c, 'NOPE', 1)).toEqual([]);
  });

  it('reqContractDetails with parts open lists the options; by conId and OCC symbol; an unlisted pair is 200', async () => {
    const c = await suite.connect(2);
    const [row] = (await chainOf(c, 'AAPL', AAPL)) as [ChainRow];
    const expiry = row.expirations[1] as string;
    const both = (await detailsOf(c, opt({ lastTradeDateOrContractMonth: expiry }))) as ContractDetails[];
    expect(both.length).toBeGreaterThan(20);
    expect(new Set(both.map((d) => d.contract.right))).toEqual(new Set(['C', 'P']));
    const d = both[0] as ContractDetails;
    expect(d.contract).toMatchObject({
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: expiry,
      exchange: 'SMART',
      currency: 'USD',
      tradingClass: 'AAPL',
      multiplier: 100,
    });
    expect(d.contract.localSymbol).toMatch(new RegExp(`^AAPL  ${expiry.slice(2)}[CP]\\d{8}$`));
    expect(d).toMatchObject({
      marketName: 'AAPL',
      underConId: AAPL,
      underSymbol: 'AAPL',
      underSecType: 'STK',
    });
    expect(d.minTick).toBe(0.01);
    if (version >= 164) expect(d).toMatchObject({ minSize: 1, sizeIncrement: 1, suggestedSizeIncrement: 1 });
    expect(await detailsOf(c, { conId: d.contract.conId, exchange: 'SMART' })).toEqual([
      expect.objectContaining({ contract: expect.objectContaining({ conId: d.contract.conId }) }),
    ]);
    const byOcc = (await detailsOf(c, {
      secType: 'OPT',
      localSymbol: d.contract.localSymbol,
    } as Contract)) as ContractDetails[];
    expect(byOcc.map((x) => x.contract.conId)).toEqual([d.contract.conId]);

    // The union of strikes holds pairs an expiry does not list: asking for one is error 200, as in TWS.
    let gap: { expiry: string; strike: number } | undefined;
    for (const e of row.expirations) {
      const calls = (await detailsOf(
        c,
        opt({ lastTradeDateOrContractMonth: e, right: 'C' as never }),
      )) as ContractDetails[];
      const listed = new Set(calls.map((x) => x.contract.strike));
      const k = row.strikes.find((x) => !listed.has(x));
      if (k !== undefined) {
        gap = { expiry: e, strike: k };
        break;
      }
    }
    expect(gap).toBeDefined();
    const g = gap as { expiry: string; strike: number };
    const pair = opt({ lastTradeDateOrContractMonth: g.expiry, strike: g.strike, right: 'C' as never });
    expect(await detailsOf(c, pair)).toBe(200);
    expect(c.errors().find((e) => e.code === 200)?.message).toBe(NO_DEFINITION);
    // Market data on it is refused the same way.
    const id = c.nextReqId();
    c.ib.reqMktData(id, pair, '', false, false);
    await c.waitCode(200, id);
  });

  it('streams a long answer: every AAPL option, with a request sent after it answered before its end', async () => {
    // ~2,700 contracts: encoded in slices (as TWS streams them), the gateway reading its sockets between.
    const c = await suite.connect(16);
    const order: string[] = [];
    c.ib.on(EventName.currentTime, () => order.push('currentTime'));
    c.ib.on(EventName.contractDetailsEnd, () => order.push('contractDetailsEnd'));
    const id = c.nextReqId();
    c.ib.reqContractDetails(id, opt({}));
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.contractDetailsEnd, (a) => a[0] === id, 20_000);
    expect(order).toEqual(['currentTime', 'contractDetailsEnd']);
    const all = c.of(EventName.contractDetails, id) as [number, ContractDetails][];
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.map(([, d]) => d.contract.conId)).size).toBe(all.length);
  });

  it('reqMatchingSymbols lists OPT among the derivative types of an optionable stock', async () => {
    const c = await suite.connect(3);
    const list = await matchingSymbols(c, 'AAPL');
    const aapl = list.find((x) => x.contract?.conId === AAPL);
    expect(aapl?.derivativeSecTypes).toContain('OPT');
  });

  it('streams an option line: quote ticks, greeks 10-13 with tickAttrib, generic 100/101/106; stops on cancel', async () => {
    const c = await suite.connect(4);
    const [atm] = await optionsNearTheMoney(c, suite.gw);
    const contract = atm?.contract as Contract;
    const id = c.nextReqId();
    c.ib.reqMktData(id, { conId: contract.conId, exchange: 'SMART' }, '100,101,106', false, false);
    const greeks = (tick: number): unknown[][] =>
      c.of(EventName.tickOptionComputation, id).filter((a) => a[1] === tick);
    await c.waitFor(() => [10, 11, 12, 13].every((t) => greeks(t).length > 0), 'the four computations');
    const prices = new Map(c.of(EventName.tickPrice, id).map((a) => [a[1], a[2]]));
    const q = suite.gw.quote(contract.conId as number);
    expect(prices.get(1)).toBeGreaterThan(0);
    expect(prices.get(2) as number).toBeGreaterThan(prices.get(1) as number);
    expect(Math.abs((prices.get(1) as number) - (q?.bid as number))).toBeLessThan(1);
    expect([...prices.keys()]).toEqual(expect.arrayContaining([1, 2, 4, 9]));
    expect(c.of(EventName.tickSize, id).map((a) => a[1])).toEqual(
      expect.arrayContaining([0, 3, 5, 8, 27, 29]),
    );
    expect(c.of(EventName.tickGeneric, id).map((a) => a[1])).toEqual([24]);
    const [model] = greeks(13) as [unknown[]];
    const [, , attrib, iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice] = model as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    expect(attrib).toBe(0);
    expect(iv).toBeGreaterThan(0.05);
    expect(delta).toBeGreaterThan(0.2);
    expect(delta).toBeLessThan(0.8);
    expect(optPrice).toBeGreaterThan(0);
    expect(pvDividend).toBeGreaterThanOrEqual(0);
    expect(gamma).toBeGreaterThan(0);
    expect(vega).toBeGreaterThan(0);
    expect(theta).toBeLessThan(0);
    expect(Math.abs(undPrice - (suite.gw.quote(AAPL)?.last as number))).toBeLessThan(5);
    // Greeks from the bid are price-based (tickAttrib 1).
    expect((greeks(10)[0] as number[])[2]).toBe(1);
    // Streaming at the gateway's tick rate: more computations follow, and none after the cancel.
    await c.waitFor(() => greeks(13).length >= 3, 'streaming greeks', 10_000);
    c.ib.cancelMktData(id);
    await new Promise((r) => setTimeout(r, 300));
    const after = c.of(EventName.tickOptionComputation, id).length;
    await new Promise((r) => setTimeout(r, 800));
    expect(c.of(EventName.tickOptionComputation, id).length).toBe(after);
  });

  it('reports an underlying’s option statistics: generic 100, 101, 104, 106 → 29/30, 27/28, 23, 24', async () => {
    const c = await suite.connect(5);
    const id = c.nextReqId();
    c.ib.reqMktData(id, { conId: AAPL, exchange: 'SMART' }, '100,101,104,106', false, false);
    await c.waitFor(() => c.of(EventName.tickGeneric, id).length >= 2, 'volatilities');
    await c.waitFor(() => c.of(EventName.tickSize, id).some((a) => a[1] === 28), 'open interest');
    const sizes = new Map(c.of(EventName.tickSize, id).map((a) => [a[1], a[2]]));
    expect(sizes.get(27)).toBeGreaterThan(1000);
    expect(sizes.get(28)).toBeGreaterThan(1000);
    expect(sizes.has(29) && sizes.has(30)).toBe(true);
    const vols = new Map(c.of(EventName.tickGeneric, id).map((a) => [a[1], a[2]]));
    expect(vols.get(23)).toBeGreaterThan(0.05);
    expect(vols.get(24)).toBeGreaterThan(0.05);
    c.ib.cancelMktData(id);
  });

  it('answers the calculations with tick 53 and serves the option market rules', async () => {
    const c = await suite.connect(6);
    const [atm] = await optionsNearTheMoney(c, suite.gw);
    const contract = { ...(atm?.contract as Contract), exchange: 'SMART' };
    const priceId = c.nextReqId();
    c.ib.calculateOptionPrice(priceId, contract, 0.3, 230);
    const priced = (await c.waitEvent(EventName.tickOptionComputation, (a) => a[0] === priceId)) as number[];
    expect(priced.slice(1, 4)).toEqual([53, 0, 0.3]);
    expect(priced[10]).toBe(230);
    // @stoqey/ib maps only −1 to undefined: pvDividend is "not computed" here.
    expect(priced[6]).toBeUndefined();
    const ivId = c.nextReqId();
    c.ib.calculateImpliedVolatility(ivId, contract, priced[5] as number, 230);
    const implied = (await c.waitEvent(EventName.tickOptionComputation, (a) => a[0] === ivId)) as number[];
    expect(implied[1]).toBe(53);
    expect(implied[3]).toBeCloseTo(0.3, 4);
    c.ib.cancelCalculateOptionPrice(priceId);
    c.ib.cancelCalculateImpliedVolatility(ivId);
    for (const [rule, increments] of [
      [
        32,
        [
          { lowEdge: 0, increment: 0.01 },
          { lowEdge: 3, increment: 0.05 },
        ],
      ],
      [
        110,
        [
          { lowEdge: 0, increment: 0.05 },
          { lowEdge: 3, increment: 0.1 },
        ],
      ],
    ] as const) {
      c.ib.reqMarketRule(rule);
      const [, got] = await c.waitEvent(EventName.marketRule, (a) => a[0] === rule);
      expect(got).toEqual(increments);
    }
  });

  it('sends the bytes IB’s client reads (raw client): 75, option CONTRACT_DATA, 21, TICK_REQ_PARAMS', async () => {
    const c = await suite.connect(7);
    const [atm] = await optionsNearTheMoney(c, suite.gw);
    const o = atm?.contract as Contract;
    const raw = await RawClient.started(suite.gw.port, 70, `v100..${version}`);
    try {
      raw.send(78, 3, 'AAPL', '', 'STK', AAPL);
      await raw.until(() => raw.of(76).length === 1, 'secDefOptParams end');
      const row = raw.of(75)[0] as string[];
      expect(row.slice(0, 6)).toEqual(['75', '3', 'SMART', String(AAPL), 'AAPL', '100']);
      const strikes = row.slice(7 + Number(row[5 + 1]) + 1);
      expect(strikes.every((k) => /^\d+\.\d+$/.test(k))).toBe(true);

      // IB's client ≤ 10.3x: conId 0, strike "0.0" for "open"… here a whole contract by its parts.
      const fields = [
        9,
        8,
        4,
        0,
        'AAPL',
        'OPT',
        o.lastTradeDateOrContractMonth as string,
        clientStrike(o.strike as number),
      ];
      fields.push('C', '100', 'SMART', '', 'USD', '', '', 0, '', '');
      if (version >= 176) fields.push('');
      raw.send(...fields);
      await raw.until(() => raw.of(52).length === 1, 'contract data end');
      const cd = raw.of(10)[0] as string[];
      expect(cd.length).toBe(version === 157 ? 39 : version === 176 ? 40 : 42);
      const at = version === 157 ? 2 : 1;
      expect(cd.slice(at, at + 4)).toEqual(['4', 'AAPL', 'OPT', o.lastTradeDateOrContractMonth]);
      const strikeAt = at + (version >= 182 ? 5 : 4);
      expect(cd.slice(strikeAt, strikeAt + 2)).toEqual([String(o.strike), 'C']);
      expect(cd).toContain('100');

      raw.send(1, 11, 5, o.conId as number, '', '', '', '', '', '', 'SMART', '', '', '', '', 0, '', 0, 0, '');
      await raw.until(() => raw.of(21).length >= 4, 'computations');
      expect(raw.of(81)[0]).toEqual(['81', '5', '0.01', '', '3']); // stoqey reads this minTick with parseInt: 0
      for (const f of raw.of(21)) {
        expect(f.length).toBe(12);
        expect(f.slice(3).every((x) => x !== '' && Number.isFinite(Number(x)))).toBe(true);
      }
      raw.send(2, 2, 5);

      // calculateOptionPrice / calculateImpliedVolatility in IB's version-3 layout, and their cancels.
      const block = [
        o.conId as number,
        'AAPL',
        'OPT',
        o.lastTradeDateOrContractMonth as string,
        clientStrike(o.strike as number),
      ];
      block.push('C', '100', 'SMART', '', 'USD', o.localSymbol as string, 'AAPL');
      raw.send(55, 3, 12, ...block, 0.3, 230, 0, '');
      raw.send(54, 3, 13, ...block, 5, 230, 0, '');
      await raw.until(() => raw.of(21).some((f) => f[1] === '13'), 'tick 53 answers');
      expect(
        raw
          .of(21)
          .filter((f) => f[2] === '53')
          .map((f) => f[1]),
      ).toEqual(['12', '13']);
      raw.send(57, 1, 12);
      raw.send(56, 1, 13);
      await new Promise((r) => setTimeout(r, 200));
      expect(raw.closed).toBe(false);
      expect(raw.of(4).filter((f) => f[3] === '320')).toEqual([]);
    } finally {
      raw.close();
    }
  });

  describe('without live permissions (delayed data)', () => {
    const delayed = conformanceSuite({ maxServerVersion: version, seed: 7, liveData: false });

    it('sends delayed quote ticks and greeks 80-83 to a delayed line, and a snapshot ends with 57', async () => {
      const c = await delayed.connect(8);
      c.ib.reqMarketDataType(3);
      const [atm] = await optionsNearTheMoney(c, delayed.gw);
      const conId = atm?.contract.conId as number;
      const id = c.nextReqId();
      c.ib.reqMktData(id, { conId, exchange: 'SMART' }, '', false, false);
      await c.waitFor(
        () => new Set(c.of(EventName.tickOptionComputation, id).map((a) => a[1])).size === 4,
        'delayed computations',
      );
      expect(new Set(c.of(EventName.tickOptionComputation, id).map((a) => a[1]))).toEqual(
        new Set([80, 81, 82, 83]),
      );
      expect(c.of(EventName.tickPrice, id).map((a) => a[1])).toEqual(
        expect.arrayContaining([66, 67, 68, 75]),
      );
      await c.waitCode(10167, id);
      c.ib.cancelMktData(id);

      const snap = c.nextReqId();
      c.ib.reqMktData(snap, { conId, exchange: 'SMART' }, '', true, false);
      await c.waitEvent(EventName.tickSnapshotEnd, (a) => a[0] === snap);
      expect(c.of(EventName.tickOptionComputation, snap).length).toBe(4);
      // Live data without the permission: 354, as for stocks.
      c.ib.reqMarketDataType(1);
      const live = c.nextReqId();
      c.ib.reqMktData(live, { conId, exchange: 'SMART' }, '', false, false);
      await c.waitCode(354, live);
    });
  });
});
