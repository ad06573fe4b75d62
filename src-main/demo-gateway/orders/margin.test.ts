import { describe, expect, it } from 'vitest';
import { Ledger } from '../accounts/ledger';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import type { Instrument } from '../model/instrument';
import { defaultTicket } from './order-types';
import type { OrderRecord, OrderTicket } from './order-types';
import { marginCheck, whatIfFigures } from './margin';

const T = Date.UTC(2026, 10, 24, 16, 0, 0);
const universe = buildUniverse(T);
const aapl = universe.bySymbol('AAPL')[0] as Instrument;
const es = universe.instruments.find((i) => i.secType === 'FUT' && i.symbol === 'ES') as Instrument;
const market = new Market(universe, 1, false);
const last = (i: Instrument): number => market.quote(i, T, emptyQuote()).last;

const ticket = (t: Partial<OrderTicket>): OrderTicket => ({
  ...defaultTicket(),
  action: 'BUY',
  orderType: 'LMT',
  tif: 'DAY',
  ...t,
});

describe('margin', () => {
  const deps = (cash: number) => ({ market, ledger: new Ledger(['DU1'], cash), usdRate: () => 1 });

  it('accepts what half the available funds carry for stocks, and refuses the rest with 201 and the figures', () => {
    const d = deps(100_000);
    // 50% initial margin: $100,000 of funds carry $200,000 of stock (Reg T); available funds start at the cash.
    const fits = Math.floor(200_000 / 100 / 1.01);
    expect(marginCheck(d, 'DU1', aapl, ticket({ totalQuantity: fits, lmtPrice: 100 }), T)).toBeUndefined();
    const r = marginCheck(d, 'DU1', aapl, ticket({ totalQuantity: 2100, lmtPrice: 100 }), T);
    expect(r?.code).toBe(201);
    expect(r?.text).toContain(
      'EQUITY WITH LOAN VALUE [100000.00 USD] MUST EXCEED THE INITIAL MARGIN [105000.00 USD]',
    );
  });

  it('prices a market order at the last price, and a futures order at 8% of its notional', () => {
    const d = deps(10_000);
    const notional = last(es) * es.multiplier;
    const contracts = Math.floor(10_000 / (notional * 0.08));
    expect(
      marginCheck(d, 'DU1', es, ticket({ orderType: 'MKT', totalQuantity: contracts }), T),
    ).toBeUndefined();
    expect(
      marginCheck(d, 'DU1', es, ticket({ orderType: 'MKT', totalQuantity: contracts + 1 }), T)?.code,
    ).toBe(201);
  });

  it('needs no margin for an order that only reduces a position, nor for an unknown account', () => {
    const d = deps(1_000);
    d.ledger.applyFill('DU1', aapl, 'BUY', 100, 10, 0, 1);
    expect(
      marginCheck(d, 'DU1', aapl, ticket({ action: 'SELL', totalQuantity: 100, lmtPrice: 10 }), T),
    ).toBeUndefined();
    expect(marginCheck(d, 'DU9', aapl, ticket({ totalQuantity: 1e9, lmtPrice: 10 }), T)).toBeUndefined();
  });

  it('answers what-if with margin before, the change (initial and maintenance) and after, and the commission', () => {
    const d = deps(100_000);
    const o = {
      account: 'DU1',
      inst: aapl,
      ticket: ticket({ totalQuantity: 200, lmtPrice: 50 }),
    } as OrderRecord;
    expect(whatIfFigures(d, o, T)).toEqual({
      initMarginBefore: 0,
      maintMarginBefore: 0,
      equityWithLoanBefore: 100_000,
      initMarginChange: 5_000,
      maintMarginChange: 2_500,
      initMarginAfter: 5_000,
      maintMarginAfter: 2_500,
      commission: 1,
    });
  });
});
