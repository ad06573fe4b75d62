import { describe, expect, it } from 'vitest';
import { OrderEngine } from './matching';
import type { EngineListener, Execution } from './matching';
import { defaultTicket } from './order-types';
import type { OrderRecord, OrderTicket } from './order-types';
import { validateTicket } from './validation';
import { Ledger } from '../accounts/ledger';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import type { Instrument } from '../model/instrument';
import { createOptionMarket } from '../options/option-market';
import { OptionInstruments } from '../options/option-instruments';

const T = Date.UTC(2026, 10, 24, 16, 0, 0);
const universe = buildUniverse(T);
const aapl = universe.bySymbol('AAPL')[0] as Instrument;

function setup(): { engine: OrderEngine; ledger: Ledger; log: string[]; fills: Execution[]; market: Market } {
  const market = new Market(universe, 1, false);
  const ledger = new Ledger(['DU1'], 1_000_000);
  const log: string[] = [];
  const fills: Execution[] = [];
  const listener: EngineListener = {
    orderChanged: (o: OrderRecord) => log.push(`${o.orderId}:${o.status}`),
    executed: (_o, e) => fills.push(e),
    orderError: (_c, id, code) => log.push(`${id}:error ${code}`),
    accountChanged: () => undefined,
    whatIf: (_c, o) => log.push(`${o.orderId}:whatIf`),
  };
  const engine = new OrderEngine({ market, ledger, accounts: ['DU1'], seed: 1, listener, usdRate: () => 1 });
  return { engine, ledger, log, fills, market };
}

function ticket(t: Partial<OrderTicket>): OrderTicket {
  return { ...defaultTicket(), action: 'BUY', totalQuantity: 100, orderType: 'MKT', tif: 'DAY', ...t };
}

const price = (m: Market, t = T): number => m.quote(aapl, t, emptyQuote()).last;
const round = (x: number): number => Math.round(x * 100) / 100;

describe('matching engine', () => {
  it('fills a market order at the ask, with commission, and books the position', () => {
    const { engine, ledger, fills, market } = setup();
    const q = market.quote(aapl, T, emptyQuote());
    engine.place(1, 1, aapl, ticket({ totalQuantity: 100 }), T);
    expect(fills.map((f) => f.price)).toEqual(fills.map(() => q.ask));
    expect(fills.reduce((a, f) => a + f.shares, 0)).toBeLessThanOrEqual(100);
    for (let k = 1; k < 10; k++) engine.step(T + k * 250);
    expect(engine.get(1, 1)?.status).toBe('Filled');
    expect(ledger.position('DU1', aapl.conId)?.qty).toBe(100);
    expect(fills.reduce((a, f) => a + f.commission, 0)).toBe(1);
  });

  it('rests a limit order below the market and fills at the limit once the ask comes down to it', () => {
    const { engine, market } = setup();
    const q = market.quote(aapl, T, emptyQuote());
    const lmt = round(q.ask - 0.5);
    engine.place(1, 2, aapl, ticket({ orderType: 'LMT', lmtPrice: lmt, totalQuantity: 10 }), T);
    expect(engine.get(1, 2)?.status).toBe('Submitted');
    let t = T;
    while (engine.get(1, 2)?.status === 'Submitted' && t < T + 6 * 3_600_000) {
      t += 1000;
      engine.step(t);
    }
    const o = engine.get(1, 2);
    if (o?.status === 'Filled') expect(o.avgFillPrice).toBe(lmt);
    else expect(market.quote(aapl, t, emptyQuote()).low).toBeGreaterThan(lmt - 0.02);
  });

  it('elects stops on the last price and treats STP LMT as a limit', () => {
    const { engine, market } = setup();
    const p = price(market);
    engine.place(1, 3, aapl, ticket({ orderType: 'STP', auxPrice: round(p * 2) }), T);
    expect(engine.get(1, 3)?.status).toBe('PreSubmitted');
    engine.place(
      1,
      4,
      aapl,
      ticket({ action: 'SELL', orderType: 'STP', auxPrice: round(p * 1.5), totalQuantity: 1 }),
      T,
    );
    expect(engine.get(1, 4)?.status).toBe('Filled');
    engine.place(
      1,
      5,
      aapl,
      ticket({
        action: 'SELL',
        orderType: 'STP LMT',
        auxPrice: round(p * 1.5),
        lmtPrice: round(p * 1.6),
        totalQuantity: 1,
      }),
      T,
    );
    expect(engine.get(1, 5)).toMatchObject({ triggered: true, status: 'Submitted' });
  });

  it('ratchets a trailing stop with the price', () => {
    const { engine, market } = setup();
    engine.place(
      1,
      6,
      aapl,
      ticket({ action: 'SELL', orderType: 'TRAIL', auxPrice: 5, totalQuantity: 1 }),
      T,
    );
    const first = engine.get(1, 6)?.trailStop as number;
    expect(first).toBeCloseTo(price(market) - 5, 6);
    let best = first;
    for (let k = 1; k < 200 && engine.get(1, 6)?.status !== 'Filled'; k++) {
      engine.step(T + k * 5000);
      const now = engine.get(1, 6)?.trailStop as number;
      expect(now).toBeGreaterThanOrEqual(best);
      best = now;
    }
  });

  it('holds an untransmitted bracket until its last child transmits, then activates children on the fill', () => {
    const { engine, market, log } = setup();
    const p = price(market);
    engine.place(1, 10, aapl, ticket({ orderType: 'LMT', lmtPrice: round(p * 1.1), transmit: false }), T);
    expect(engine.get(1, 10)?.status).toBe('PendingSubmit');
    engine.place(
      1,
      11,
      aapl,
      ticket({ action: 'SELL', orderType: 'LMT', lmtPrice: round(p * 2), parentId: 10, transmit: false }),
      T,
    );
    expect(engine.get(1, 10)?.status).toBe('PendingSubmit');
    engine.place(
      1,
      12,
      aapl,
      ticket({ action: 'SELL', orderType: 'STP', auxPrice: round(p * 0.5), parentId: 10, transmit: true }),
      T,
    );
    for (let k = 1; k < 10; k++) engine.step(T + k * 250);
    expect(engine.get(1, 10)?.status).toBe('Filled');
    expect(engine.get(1, 11)?.status).toBe('Submitted');
    expect(engine.get(1, 12)?.status).toBe('PreSubmitted');
    engine.cancel(1, 11, T + 5000);
    expect(engine.get(1, 11)?.status).toBe('Cancelled');
    expect(log).toContain('11:error 202');
  });

  it('cancels an OCA group when one order fills; cancelling a parent cancels its children', () => {
    const { engine, market } = setup();
    const p = price(market);
    engine.place(
      1,
      20,
      aapl,
      ticket({ orderType: 'LMT', lmtPrice: round(p * 0.5), ocaGroup: 'X', ocaType: 1, totalQuantity: 5 }),
      T,
    );
    engine.place(
      1,
      21,
      aapl,
      ticket({ orderType: 'LMT', lmtPrice: round(p * 1.2), ocaGroup: 'X', ocaType: 1, totalQuantity: 5 }),
      T,
    );
    expect(engine.get(1, 21)?.status).toBe('Filled');
    expect(engine.get(1, 20)?.status).toBe('Cancelled');
    engine.place(1, 30, aapl, ticket({ orderType: 'LMT', lmtPrice: round(p * 0.5), transmit: true }), T);
    engine.place(
      1,
      31,
      aapl,
      ticket({ action: 'SELL', orderType: 'LMT', lmtPrice: round(p * 2), parentId: 30 }),
      T,
    );
    engine.cancel(1, 30, T);
    expect(engine.get(1, 31)?.status).toBe('Cancelled');
  });

  it('answers ids and cancels as TWS: 103, 104, 105, 10147, 10148', () => {
    const { engine, log } = setup();
    engine.place(1, 40, aapl, ticket({ totalQuantity: 1 }), T);
    engine.place(1, 40, aapl, ticket({ totalQuantity: 2 }), T);
    engine.place(1, 39, aapl, ticket({ totalQuantity: 2 }), T);
    engine.place(1, 41, aapl, ticket({ orderType: 'LMT', lmtPrice: 1, totalQuantity: 1 }), T);
    engine.place(1, 41, aapl, ticket({ action: 'SELL', orderType: 'LMT', lmtPrice: 1, totalQuantity: 1 }), T);
    engine.cancel(1, 99, T);
    engine.cancel(1, 40, T);
    expect(log.filter((l) => l.includes('error'))).toEqual([
      '40:error 104',
      '39:error 103',
      '41:error 105',
      '99:error 10147',
      '40:error 10148',
    ]);
    expect(engine.received.map((r) => [r.orderId, r.modify, r.rejectedWith])).toEqual([
      [40, false, undefined],
      [40, true, 104],
      [39, false, 103],
      [41, false, undefined],
      [41, true, 105],
    ]);
  });

  it('fills IOC what it can and cancels the rest; rejects orders the account cannot carry', () => {
    const { engine, log } = setup();
    engine.place(1, 50, aapl, ticket({ totalQuantity: 3000, tif: 'IOC' }), T);
    const o = engine.get(1, 50);
    expect(o?.status).toBe('Cancelled');
    expect(o?.filled).toBeGreaterThan(0);
    expect(o?.filled).toBeLessThan(3000);
    engine.place(1, 51, aapl, ticket({ totalQuantity: 1_000_000 }), T);
    expect(log).toContain('51:error 201');
  });

  it('validates tickets with TWS codes', () => {
    const v = (t: Partial<OrderTicket>): number | undefined => validateTicket(ticket(t), aapl, ['DU1'])?.code;
    expect(v({})).toBeUndefined();
    expect(v({ orderType: 'LMT', lmtPrice: 100.005 })).toBe(110);
    expect(v({ orderType: 'MOC' })).toBe(387);
    expect(v({ totalQuantity: 0 })).toBe(434);
    expect(v({ tif: 'GTD' })).toBe(201);
    expect(v({ orderType: 'LMT' })).toBe(201);
    expect(v({ orderType: 'TRAIL' })).toBe(201);
    expect(v({ account: 'DU9' })).toBe(321);
    expect(v({ action: 'HOLD' })).toBe(321);
    expect(v({ unsupportedFeature: 'algo orders' })).toBe(321);
    // Several linked accounts: TWS wants the account on every order (321, as observed from TWS).
    expect(validateTicket(ticket({}), aapl, ['DU1', 'DU2'])).toEqual({
      code: 321,
      text: "Error validating request.-'rd' : cause - You must specify an account.",
    });
    expect(validateTicket(ticket({ account: 'DU2' }), aapl, ['DU1', 'DU2'])).toBeUndefined();
  });
});

describe('matching engine with options', () => {
  function withOptions(): ReturnType<typeof setup> & { options: OptionInstruments; atm: Instrument } {
    const s = setup();
    const options = new OptionInstruments(createOptionMarket({ market: s.market, seed: 1 }), s.market);
    s.market.attachDerivatives(options);
    const spot = price(s.market);
    const calls = options.model.chains.find('AAPL', { expiry: '20261218', right: 'C' }, T);
    const atm = calls.reduce((a, b) => (Math.abs(b.strike - spot) < Math.abs(a.strike - spot) ? b : a));
    return { ...s, options, atm: options.instrument(atm) };
  }

  it('fills a market order at the option’s own ask; cash moves by price × quantity × 100', () => {
    const { engine, ledger, fills, market, atm } = withOptions();
    const q = market.quote(atm, T, emptyQuote());
    engine.place(1, 1, atm, ticket({ totalQuantity: 2 }), T);
    expect(engine.get(1, 1)?.status).toBe('Filled');
    expect(fills.map((f) => [f.price, f.shares, f.exchange, f.commission])).toEqual([
      [q.ask, 2, 'CBOE', 1.3],
    ]);
    expect(ledger.book('DU1')?.cash).toBeCloseTo(1_000_000 - q.ask * 200 - 1.3, 6);
    expect(ledger.position('DU1', atm.conId)).toMatchObject({ qty: 2, avgCost: q.ask * 100 + 0.65 });
  });

  it('rests a limit at the option’s bid until its ask comes down to it, then fills at the limit', () => {
    const { engine, market, atm } = withOptions();
    const lmt = market.quote(atm, T, emptyQuote()).bid;
    engine.place(1, 2, atm, ticket({ orderType: 'LMT', lmtPrice: lmt, totalQuantity: 1 }), T);
    expect(engine.get(1, 2)?.status).toBe('Submitted');
    const q = emptyQuote();
    for (let t = T + 1000; t < T + 2 * 3_600_000 && engine.get(1, 2)?.status !== 'Filled'; t += 1000) {
      engine.step(t);
      market.quote(atm, t, q);
      expect(engine.get(1, 2)?.status, `ask ${q.ask} vs limit ${lmt}`).toBe(
        q.ask <= lmt ? 'Filled' : 'Submitted',
      );
    }
    // Seed 1 brings the ask down to the limit within the two hours.
    expect(engine.get(1, 2)).toMatchObject({ status: 'Filled', avgFillPrice: lmt });
  });

  it('does not sell into a zero bid, and validates prices on the option’s grid (110)', () => {
    const { engine, market, options, atm } = withOptions();
    const far = options.model.chains
      .find('AAPL', { expiry: '20261127', right: 'C' }, T)
      .map((c) => options.instrument(c))
      .find((i) => market.quote(i, T, emptyQuote()).bid === 0)!;
    engine.place(1, 3, far, ticket({ action: 'SELL', totalQuantity: 1 }), T);
    engine.step(T + 1000);
    expect(engine.get(1, 3)?.status).toBe('Submitted');
    // AAPL is a penny class: $0.01 below $3, $0.05 from $3.
    const v = (lmtPrice: number): number | undefined =>
      validateTicket(ticket({ orderType: 'LMT', lmtPrice, totalQuantity: 1 }), atm, ['DU1'])?.code;
    expect([v(2.99), v(3.01), v(3.05), v(12.35)]).toEqual([undefined, 110, undefined, undefined]);
    expect(validateTicket(ticket({ totalQuantity: 1.5 }), atm, ['DU1'])?.code).toBe(201);
  });
});
