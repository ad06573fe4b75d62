// An equity option as the demo lists it: every field CONTRACT_DATA (10) needs at server versions 157…193 (see
// /work/notes/protocol-options.md §2.2, §2.5 and the live AAPL frame there), plus the price-increment rule of its
// class (the Penny Interval Program) and its place in the chain.
import type { Instrument } from '../model/instrument';
import type { Expiration } from './calendar';
import { optionConId } from './con-id';
import { formatOcc } from './occ';
import type { Right } from './occ';

/** validExchanges of a US equity option, in the order of the live AAPL frame. */
export const OPTION_EXCHANGES: readonly string[] = [
  'SMART',
  'AMEX',
  'CBOE',
  'PHLX',
  'PSE',
  'ISE',
  'BOX',
  'BATS',
  'NASDAQOM',
  'CBOE2',
  'NASDAQBX',
  'MIAX',
  'GEMINI',
  'EDGX',
  'MERCURY',
  'PEARL',
  'EMERALD',
  'MEMX',
  'IBUSOPT',
  'SAPPHIRE',
];

const OPTION_ORDER_TYPES =
  'ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,DIS,GAT,GTC,GTD,' +
  'GTT,HID,ICE,IOC,LIT,LMT,MIT,MKT,MTL,NGCOMB,NONALGO,OCA,OPENCLOSE,PEGMIDVOL,PEGMKTVOL,PEGPRMVOL,PEGSRFVOL,' +
  'POSTONLY,PRICECHK,REL,REL2MID,RELPCTOFS,RELSTK,SCALE,SCALERST,SIZECHK,SMARTSTG,SNAPMID,SNAPMKT,SNAPREL,STP,' +
  'STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,VOLAT,WHATIF';

/**
 * Price-increment class (Penny Interval Program): 'penny-all' quotes in $0.01 at every price (SPY, QQQ, IWM),
 * 'penny' in $0.01 below $3 and $0.05 from $3, 'nickel' (every other class) in $0.05 below $3 and $0.10 from $3.
 */
export type TickClass = 'penny-all' | 'penny' | 'nickel';

const PENNY_ALL: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM']);
const PENNY: ReadonlySet<string> = new Set(
  (
    'AAPL MSFT NVDA AMZN GOOGL GOOG META TSLA AMD INTC NFLX AVGO ORCL CSCO MU QCOM CRM ADBE PYPL UBER PLTR SMCI ' +
    'COIN BAC JPM C WFC GS MS SCHW V MA XOM CVX OXY SLB HAL COP DVN FCX NEM PFE MRK JNJ ABBV LLY UNH BMY CVS ' +
    'GILD MRNA KO PEP WMT TGT COST HD LOW MCD SBUX NKE DIS T VZ CMCSA WBD PARA BA CAT GE GM F AAL DAL UAL LUV ' +
    'CCL NCLH RCL MGM WYNN LVS ABNB EBAY DIA EEM EFA GLD SLV GDX TLT HYG LQD XLE XLF XLK XLV XLU XLI XLP XLY ' +
    'XLB SMH KRE XBI USO ARKK TQQQ SQQQ'
  ).split(' '),
);

export function tickClass(symbol: string): TickClass {
  return PENNY_ALL.has(symbol) ? 'penny-all' : PENNY.has(symbol) ? 'penny' : 'nickel';
}

/** Market rule of each class as reqMarketRule reports it: [lowEdge, increment] pairs. */
const OPTION_MARKET_RULES: Readonly<
  Record<TickClass, { readonly id: number; readonly increments: readonly (readonly [number, number])[] }>
> = {
  // 26 is the gateway's flat $0.01 rule (model/market-rules.ts).
  'penny-all': { id: 26, increments: [[0, 0.01]] },
  // 32 is the rule id TWS reports for AAPL options on SMART (live frame in the notes).
  penny: {
    id: 32,
    increments: [
      [0, 0.01],
      [3, 0.05],
    ],
  },
  // The demo's own id: the real one is not in the notes.
  nickel: {
    id: 110,
    increments: [
      [0, 0.05],
      [3, 0.1],
    ],
  },
};

/** reqMarketRule of an option rule id ([lowEdge, increment] pairs), or undefined for any other id. */
export function optionRuleIncrements(id: number): [number, number][] | undefined {
  const rule = Object.values(OPTION_MARKET_RULES).find((r) => r.id === id);
  return rule?.increments.map(([low, inc]): [number, number] => [low, inc]);
}

/** The price increment at `price` for a class (premiums of $3 and above use the wider increment). */
export function optionTick(cls: TickClass, price: number): number {
  if (cls === 'penny-all') return 0.01;
  if (cls === 'penny') return price < 3 ? 0.01 : 0.05;
  return price < 3 ? 0.05 : 0.1;
}

/**
 * Rounds a premium down / up / to the nearest valid price of its class (0 for a non-positive price). $3 lies on
 * both grids, so rounding with the increment of the price itself never leaves the grid.
 */
export function roundPremium(cls: TickClass, price: number, mode: 'down' | 'up' | 'nearest'): number {
  if (!(price > 0)) return 0;
  const tick = optionTick(cls, price);
  const k = price / tick;
  const n = mode === 'down' ? Math.floor(k + 1e-9) : mode === 'up' ? Math.ceil(k - 1e-9) : Math.round(k);
  return Math.round(n * tick * 100) / 100;
}

export interface OptionContract {
  readonly conId: number;
  /** The underlying's symbol ("AAPL", "BRK B"): contract.symbol of an option. */
  readonly symbol: string;
  readonly secType: 'OPT';
  /** "YYYYMMDD": options carry no time here (capture). */
  readonly lastTradeDateOrContractMonth: string;
  /** The separate lastTradeDate field (MIN_SERVER_VER_LAST_TRADE_DATE 182). */
  readonly lastTradeDate: string;
  /** Last trading time of the expiry day, ET (16:00:00). */
  readonly lastTradeTime: string;
  readonly realExpirationDate: string;
  /** "YYYYMM". */
  readonly contractMonth: string;
  readonly strike: number;
  readonly right: Right;
  /** "100" on the wire; `multiplierValue` for arithmetic. */
  readonly multiplier: string;
  readonly multiplierValue: number;
  readonly exchange: string;
  readonly currency: string;
  /** OCC symbol, 21 characters. */
  readonly localSymbol: string;
  readonly tradingClass: string;
  /** Same as tradingClass for options (capture). */
  readonly marketName: string;
  /** The smallest increment of its class (contractDetails.minTick): 0.01 or 0.05. */
  readonly minTick: number;
  readonly tickClass: TickClass;
  readonly marketRuleId: number;
  /** One market rule id per validExchanges entry, comma separated. */
  readonly marketRuleIds: string;
  readonly orderTypes: string;
  readonly validExchanges: string;
  readonly priceMagnifier: number;
  readonly underConId: number;
  readonly underSymbol: string;
  readonly underSecType: string;
  readonly longName: string;
  /** Empty for options (capture). */
  readonly primaryExchange: string;
  readonly timeZoneId: string;
  /** aggGroup of the live option frame. */
  readonly aggGroup: number;
  readonly minSize: number;
  readonly sizeIncrement: number;
  readonly suggestedSizeIncrement: number;
  readonly exerciseStyle: 'American';
  readonly expiration: Expiration;
  readonly underlying: Instrument;
  /** Strike in the underlying's strike units (strikes.ts). */
  readonly strikeUnits: number;
}

/** The option class root: the symbol without spaces or dots ("BRK B" → "BRKB"), tradingClass and OCC root. */
export function optionRoot(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

export function buildOptionContract(
  under: Instrument,
  expiration: Expiration,
  right: Right,
  strikeUnits: number,
  unit: number,
): OptionContract {
  const strike = Math.round(strikeUnits * unit * 1000) / 1000;
  const root = optionRoot(under.symbol);
  const cls = tickClass(under.symbol);
  const rule = OPTION_MARKET_RULES[cls];
  return {
    conId: optionConId(under.index, expiration.day, right, strikeUnits),
    symbol: under.symbol,
    secType: 'OPT',
    lastTradeDateOrContractMonth: expiration.ymd,
    lastTradeDate: expiration.ymd,
    lastTradeTime: '16:00:00',
    realExpirationDate: expiration.ymd,
    contractMonth: expiration.ymd.slice(0, 6),
    strike,
    right,
    multiplier: '100',
    multiplierValue: 100,
    exchange: 'SMART',
    currency: 'USD',
    localSymbol: formatOcc(root, expiration.ymd, right, strike),
    tradingClass: root,
    marketName: root,
    minTick: cls === 'nickel' ? 0.05 : 0.01,
    tickClass: cls,
    marketRuleId: rule.id,
    marketRuleIds: OPTION_EXCHANGES.map(() => rule.id).join(','),
    orderTypes: OPTION_ORDER_TYPES,
    validExchanges: OPTION_EXCHANGES.join(','),
    priceMagnifier: 1,
    underConId: under.conId,
    underSymbol: under.symbol,
    underSecType: under.secType,
    longName: under.longName,
    primaryExchange: '',
    timeZoneId: 'US/Eastern',
    aggGroup: 2,
    minSize: 1,
    sizeIncrement: 1,
    suggestedSizeIncrement: 1,
    exerciseStyle: 'American',
    expiration,
    underlying: under,
    strikeUnits,
  };
}
