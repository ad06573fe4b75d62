import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import type { Instrument } from '../model/instrument';
import { etDay, etTime } from '../wire/tws-time';
import { createOptionMarket } from './option-market';
import { OptionInstruments, optionInstrument } from './option-instruments';
import { emptyOptionQuote } from './quotes';

const T = Date.UTC(2026, 10, 24, 16, 7, 13); // Tuesday 24 Nov 2026, 11:07:13 ET
const universe = buildUniverse(T);
const aapl = universe.bySymbol('AAPL').find((i) => i.secType === 'STK') as Instrument;

function setup(realHours = false): { market: Market; options: OptionInstruments } {
  const market = new Market(universe, 1, realHours);
  const options = new OptionInstruments(createOptionMarket({ market, seed: 1 }), market);
  market.attachDerivatives(options);
  return { market, options };
}

describe('option instruments', () => {
  it('make an instrument of a contract with every field the contract blocks carry', () => {
    const { options } = setup();
    const c = options.model.chains.find('AAPL', { expiry: '20261218', right: 'P' }, T)[10]!;
    const inst = optionInstrument(c);
    expect(inst).toMatchObject({
      index: -1,
      conId: c.conId,
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDate: '20261218',
      contractMonth: '202612',
      strike: c.strike,
      right: 'P',
      multiplier: 100,
      exchange: 'SMART',
      primaryExchange: '',
      localSymbol: c.localSymbol,
      tradingClass: 'AAPL',
      marketName: 'AAPL',
      minTick: 0.01,
      underConId: aapl.conId,
      underSymbol: 'AAPL',
      underSecType: 'STK',
      marketRuleId: 32,
      industry: '',
      stockType: '',
    });
    expect(options.instrument(c)).toBe(options.instrument(c));
    expect(options.contract(options.instrument(c))).toBe(c);
    expect(options.contract(aapl)).toBeUndefined();
    expect(options.byConId(c.conId, T)).toBe(options.instrument(c));
    expect(options.byConId(aapl.conId, T)).toBeUndefined();
  });

  it('quote through Market.quote: the option model’s market, computed once per option, lane and instant', () => {
    const { market, options } = setup();
    const c = options.model.chains.find('AAPL', { expiry: '20261218', right: 'C' }, T)[25]!;
    const inst = options.instrument(c);
    const q = market.quote(inst, T, emptyQuote());
    const ref = options.model.quote(c, T, emptyOptionQuote());
    expect(q).toMatchObject({
      bid: ref.bid,
      ask: ref.ask,
      last: ref.last,
      bidSize: ref.bidSize,
      askSize: ref.askSize,
      volume: ref.volume,
      close: ref.close,
      lastTime: ref.lastTime,
      live: true,
    });
    expect(q.high).toBeNaN();
    const first = options.optionQuote(inst, T).quote;
    expect(options.optionQuote(inst, T).quote).toBe(first);
    expect(options.optionQuote(inst, T - 900_000, 1).quote).not.toBe(first);
    expect(options.optionQuote(inst, T - 900_000, 1).quote.modelGreeks.undPrice).not.toBe(
      first.modelGreeks.undPrice,
    );
  });

  it('with real hours, trade 09:30-16:00 ET only and freeze at the close', () => {
    const { market, options } = setup(true);
    const c = options.model.chains.find('AAPL', { expiry: '20261218', right: 'C' }, T)[25]!;
    const inst = options.instrument(c);
    const day = etDay(T);
    expect(market.quote(inst, T, emptyQuote()).live).toBe(true);
    const evening = market.quote(inst, etTime(day, 18 * 60), emptyQuote());
    expect(evening.live).toBe(false);
    const close = options.model.quote(c, etTime(day, 16 * 60) - 1, emptyOptionQuote());
    expect(evening.bid).toBe(close.bid);
    expect(market.calendar.liquidHours(inst, day, 1)).toBe(market.calendar.tradingHours(inst, day, 1));
    expect(market.calendar.tradingHours(inst, day, 1)).toMatch(/:0930-\d{8}:1600$/);
  });

  it('refuse an instrument that is not one of theirs', () => {
    const { options } = setup();
    const stranger = { ...aapl, index: -1, conId: 123 };
    expect(() => options.optionQuote(stranger, T)).toThrow(/not an option/);
    const bare = new Market(universe, 1, false);
    expect(() => bare.quote(stranger, T, emptyQuote())).toThrow(/no option model/);
  });
});
