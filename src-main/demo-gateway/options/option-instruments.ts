// Options as the gateway's order, position and quote paths see them: a listed OptionContract becomes an
// Instrument (secType OPT, index -1, multiplier 100, strike and right, the fields CONTRACT_DATA and every contract
// block carry), and this registry quotes it for Market.quote (attached as the market's DerivativeQuotes): the
// option's market at the instant its session shows (with real hours options trade 09:30-16:00 ET and freeze
// outside), computed once per (conId, lane, instant) so every line, the matching engine and the account values
// share one computation.
import type { Instrument } from '../model/instrument';
import type { DerivativeQuotes, Market, Quote } from '../model/market';
import type { OptionContract } from './contract';
import type { OptionMarket } from './option-market';
import type { OptionQuote } from './quotes';
import { emptyOptionQuote } from './quotes';

/** The instrument view of a contract (a fresh object: contract-details answers build thousands, uncached). */
export function optionInstrument(c: OptionContract): Instrument {
  const u = c.underlying;
  return {
    index: -1,
    conId: c.conId,
    symbol: c.symbol,
    secType: 'OPT',
    currency: c.currency,
    exchange: c.exchange,
    primaryExchange: c.primaryExchange,
    localSymbol: c.localSymbol,
    tradingClass: c.tradingClass,
    marketName: c.marketName,
    multiplier: c.multiplierValue,
    minTick: c.minTick,
    longName: c.longName,
    // The live OPT frame leaves industry, category and subcategory empty.
    industry: '',
    category: '',
    subcategory: '',
    stockType: '',
    lastTradeDate: c.lastTradeDateOrContractMonth,
    contractMonth: c.contractMonth,
    underConId: c.underConId,
    underSymbol: c.underSymbol,
    underSecType: c.underSecType,
    validExchanges: c.validExchanges,
    orderTypes: c.orderTypes,
    marketRuleId: c.marketRuleId,
    timeZoneId: c.timeZoneId,
    sector: u.sector,
    // The price-path parameters belong to stocks: an option's price comes from its own model.
    refPrice: 0,
    dailyVol: 0,
    avgVolume: 0,
    marketCap: 0,
    avgTradeSize: 1,
    lotSize: 1,
    strike: c.strike,
    right: c.right,
  };
}

/** The fields an option's quote and a stock's quote have in common. */
const SHARED_FIELDS = [
  'bid',
  'ask',
  'last',
  'bidSize',
  'askSize',
  'lastSize',
  'volume',
  'close',
  'lastTime',
] as const satisfies readonly (keyof Quote & keyof OptionQuote)[];

interface Entry {
  readonly inst: Instrument;
  readonly contract: OptionContract;
  /** Per lane (0 live, 1 delayed): the last quote, the instant it is for and whether the market was open. */
  readonly quotes: [OptionQuote, OptionQuote];
  readonly at: [number, number];
  readonly live: [boolean, boolean];
}

export class OptionInstruments implements DerivativeQuotes {
  private readonly entries = new Map<number, Entry>();

  constructor(
    readonly model: OptionMarket,
    private readonly market: Market,
  ) {}

  /** The one instrument of a contract (orders, positions and lines hold it). */
  instrument(c: OptionContract): Instrument {
    return this.entry(c).inst;
  }

  /** The contract behind an option instrument (undefined for any other instrument). */
  contract(inst: Instrument): OptionContract | undefined {
    return this.entries.get(inst.conId)?.contract;
  }

  /** The instrument of an option conId still listed at `t` (undefined when expired or not an option). */
  byConId(conId: number, t: number): Instrument | undefined {
    const known = this.entries.get(conId);
    if (known) return known.inst;
    const c = this.model.chains.byConId(conId, t);
    return c ? this.instrument(c) : undefined;
  }

  /**
   * The option's market at `t` (lane 1: pass the delayed instant, as for stocks), at the instant its session
   * shows; `live` is false while options do not trade (the quote is then the one of the session's end).
   */
  optionQuote(inst: Instrument, t: number, lane: 0 | 1 = 0): { quote: OptionQuote; live: boolean } {
    const e = this.entries.get(inst.conId);
    if (!e) throw new Error(`${inst.localSymbol} (${inst.conId}) is not an option of this gateway`);
    const eff = this.market.effectiveTime(inst, t);
    if (e.at[lane] !== eff.t) {
      this.model.quote(e.contract, eff.t, e.quotes[lane], lane);
      e.at[lane] = eff.t;
      e.live[lane] = eff.live;
    }
    return { quote: e.quotes[lane], live: e.live[lane] };
  }

  /**
   * Market.quote for an option: bid, ask, last and sizes, volume, the previous close. The option model keeps no
   * session range, so high, low and open are NaN (option lines send no ticks 6, 7, 14).
   */
  quote(inst: Instrument, t: number, out: Quote, lane: 0 | 1): Quote {
    const { quote: q, live } = this.optionQuote(inst, t, lane);
    for (const k of SHARED_FIELDS) out[k] = q[k];
    out.high = Number.NaN;
    out.low = Number.NaN;
    out.open = Number.NaN;
    out.trades = 0;
    out.live = live;
    return out;
  }

  private entry(c: OptionContract): Entry {
    let e = this.entries.get(c.conId);
    if (!e) {
      e = {
        inst: optionInstrument(c),
        contract: c,
        quotes: [emptyOptionQuote(), emptyOptionQuote()],
        at: [Number.NaN, Number.NaN],
        live: [false, false],
      };
      this.entries.set(c.conId, e);
    }
    return e;
  }
}
