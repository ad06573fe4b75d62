// One tradable instrument of the demo universe: what contract details report, plus the parameters that drive its
// simulated price and volume. Options are instruments too (secType OPT, built on demand by options/option-
// instruments.ts, outside the universe's arrays): orders, positions and the encoders treat them alike.

type SecType = 'STK' | 'FUT' | 'CASH' | 'OPT';

export interface Instrument {
  /** Position in the universe's arrays (market state is kept in typed arrays indexed by it); -1 for an option. */
  readonly index: number;
  readonly conId: number;
  readonly symbol: string;
  readonly secType: SecType;
  readonly currency: string;
  /** Routing exchange reported in contract details: SMART for stocks, the exchange for futures, IDEALPRO. */
  readonly exchange: string;
  readonly primaryExchange: string;
  readonly localSymbol: string;
  readonly tradingClass: string;
  readonly marketName: string;
  /** Contract multiplier (1 for stocks and FX). */
  readonly multiplier: number;
  readonly minTick: number;
  readonly longName: string;
  readonly industry: string;
  readonly category: string;
  readonly subcategory: string;
  /** COMMON, ETF … (contractDetails.stockType); empty for futures and FX. */
  readonly stockType: string;
  /** Futures: yyyyMMdd; empty otherwise. */
  readonly lastTradeDate: string;
  /** Futures: yyyyMM; empty otherwise. */
  readonly contractMonth: string;
  readonly underConId: number;
  readonly underSymbol: string;
  readonly underSecType: string;
  readonly validExchanges: string;
  readonly orderTypes: string;
  readonly marketRuleId: number;
  readonly timeZoneId: string;
  /** Sector code of the universe table (IT, FN, …, ETF, FUT, FX). */
  readonly sector: string;
  /** Price level the model's mean-reverting walk stays around. */
  readonly refPrice: number;
  /** Standard deviation of daily log returns. */
  readonly dailyVol: number;
  /** Average daily volume in shares / contracts / base-currency units. */
  readonly avgVolume: number;
  /** Market cap (or AUM for ETFs) in USD; 0 for futures and FX. */
  readonly marketCap: number;
  readonly avgTradeSize: number;
  /** Granularity of quoted sizes (100 shares, 1 contract, 100k units). */
  readonly lotSize: number;
  /** Options only: the strike and right every contract block carries (stocks, futures and FX send 0 and ""). */
  readonly strike?: number;
  readonly right?: 'C' | 'P';
}
