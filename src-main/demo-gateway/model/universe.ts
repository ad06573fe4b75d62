// The demo universe: ~500 US stocks and ETFs with real symbols, front-month futures and major FX pairs. Built once
// per gateway (futures expiries depend on the date); conIds are stable across runs and seeds.
import type { Instrument } from './instrument';
import { EQUITY_TABLE, FUTURES_TABLE, KNOWN_CONIDS } from './universe-data';
import { hashString, unit } from './rng';
import { dayOfWeek, etDay, ymdOfDay } from '../wire/tws-time';
import { ruleIdForTick } from './market-rules';

const STOCK_ORDER_TYPES =
  'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AON,AVGCOST,BASKET,BENCHPX,CASHQTY,COND,CONDORDER,DARKONLY,DARKPOLL,DAY,' +
  'DEACT,DEACTDIS,DEACTEOD,DIS,DUR,GAT,GTC,GTD,GTT,HID,IBKRATS,ICE,IMB,IOC,LIT,LMT,LOC,MIDPX,MIT,MKT,MOC,MTL,' +
  'NGCOMB,NODARK,NONALGO,OCA,OPG,OPGREROUT,PEGBENCH,PEGMID,POSTATS,POSTONLY,PREOPGRTH,PRICECHK,REL,REL2MID,' +
  'RELPCTOFS,RPI,RTH,SCALE,SCALEODD,SCALERST,SIZECHK,SMARTSTG,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,SWEEP,TRAIL,' +
  'TRAILLIT,TRAILLMT,TRAILMIT,WHATIF';
const STOCK_EXCHANGES =
  'SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,ISLAND,DRCTEDGE,BEX,BATS,EDGEA,BYX,IEX,EDGX,FOXRIVER,PEARL,NYSENAT,' +
  'LTSE,MEMX,IBEOS,OVERNIGHT,TPLUS0,PSX';
const FUT_ORDER_TYPES =
  'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,BENCHPX,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,' +
  'GTC,GTD,GTT,HID,ICE,IOC,LIT,LMT,LTH,MIT,MKT,MTL,NGCOMB,NONALGO,OCA,PEGBENCH,SCALE,SCALERST,SNAPMID,SNAPMKT,' +
  'SNAPREL,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF';
const FX_ORDER_TYPES =
  'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,CASHQTY,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,' +
  'GTC,GTD,GTT,IOC,LIT,LMT,MIT,MKT,NONALGO,OCA,REL,RELPCTOFS,SCALE,SCALERST,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,' +
  'TRAILMIT,WHATIF';

const INDUSTRY: Record<string, string> = {
  IT: 'Technology',
  CS: 'Communications',
  CD: 'Consumer, Cyclical',
  CP: 'Consumer, Non-cyclical',
  HC: 'Consumer, Non-cyclical',
  FN: 'Financial',
  IN: 'Industrial',
  EN: 'Energy',
  MT: 'Basic Materials',
  UT: 'Utilities',
  RE: 'Financial',
  ETF: 'Funds',
};
const SECTOR_VOL: Record<string, number> = {
  IT: 0.022,
  CS: 0.019,
  CD: 0.02,
  CP: 0.011,
  HC: 0.016,
  FN: 0.016,
  IN: 0.016,
  EN: 0.019,
  MT: 0.017,
  UT: 0.012,
  RE: 0.015,
  ETF: 0.01,
};
const LISTING: Record<string, string> = { Q: 'NASDAQ', N: 'NYSE', A: 'ARCA', B: 'BATS' };

interface FutureRoot {
  root: string;
  name: string;
  exchange: string;
  multiplier: number;
  tick: number;
  price: number;
  vol: number;
  adv: number;
  /** Listed contract months (1-12). */
  months: number[];
  /** Last trading day of a contract month, as [monthOffset, dayOfMonth]; 'third-friday' for index futures. */
  expiry: 'third-friday' | [number, number];
  under: [string, string, number];
}

const FUTURES: readonly FutureRoot[] = FUTURES_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [root, name, exchange, multiplier, tick, price, vol, adv, months, expiry, underConId] = line.split(
      '|',
    ) as [string, string, string, string, string, string, string, string, string, string, string];
    return {
      root,
      name,
      exchange,
      multiplier: Number(multiplier),
      tick: Number(tick),
      price: Number(price),
      vol: Number(vol),
      adv: Number(adv),
      months: months.split(',').map(Number),
      expiry: expiry === 'third-friday' ? expiry : (expiry.split('/').map(Number) as [number, number]),
      under: [root, 'IND', Number(underConId)],
    };
  });
const MONTH_CODES = 'FGHJKMNQUVXZ';

const FX: [string, string, number, number, string][] = [
  ['EUR', 'USD', 1.08, 0.00005, 'European Monetary Union Euro'],
  ['GBP', 'USD', 1.27, 0.00005, 'British Pound'],
  ['USD', 'JPY', 150, 0.005, 'US Dollar'],
  ['USD', 'CHF', 0.88, 0.00005, 'US Dollar'],
  ['AUD', 'USD', 0.66, 0.00005, 'Australian Dollar'],
  ['USD', 'CAD', 1.38, 0.00005, 'US Dollar'],
  ['NZD', 'USD', 0.6, 0.00005, 'New Zealand Dollar'],
  ['EUR', 'GBP', 0.85, 0.00005, 'European Monetary Union Euro'],
  ['EUR', 'JPY', 162, 0.005, 'European Monetary Union Euro'],
  ['GBP', 'JPY', 190, 0.005, 'British Pound'],
];

export class Universe {
  readonly instruments: readonly Instrument[];
  private readonly conIdIndex = new Map<number, Instrument>();
  private readonly symbolIndex = new Map<string, Instrument[]>();

  constructor(instruments: Instrument[]) {
    this.instruments = instruments;
    for (const inst of instruments) {
      this.conIdIndex.set(inst.conId, inst);
      const key = inst.symbol.toUpperCase();
      const list = this.symbolIndex.get(key) ?? [];
      list.push(inst);
      this.symbolIndex.set(key, list);
    }
  }

  byConId(conId: number): Instrument | undefined {
    return this.conIdIndex.get(conId);
  }

  bySymbol(symbol: string): readonly Instrument[] {
    return this.symbolIndex.get(symbol.trim().toUpperCase()) ?? [];
  }

  /** The equities and ETFs (what stock scanners look at). */
  get stocks(): readonly Instrument[] {
    return this.instruments.filter((i) => i.secType === 'STK');
  }
}

/** Builds the universe as of `now`: futures listed are the next two expiries still trading on that date. */
export function buildUniverse(now: number): Universe {
  const out: Instrument[] = [];
  const used = new Set<number>();
  const conIdFor = (key: string): number => {
    const known = KNOWN_CONIDS[key];
    if (known !== undefined) {
      used.add(known);
      return known;
    }
    let id = 10_000_000 + (hashString(key) % 690_000_000);
    while (used.has(id) || Object.values(KNOWN_CONIDS).includes(id)) id++;
    used.add(id);
    return id;
  };

  for (const line of EQUITY_TABLE.split('\n')) {
    const cols = line.split('|');
    if (cols.length !== 7) continue;
    const [symbol, name, sector, category, priceText, capText, listingCode] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const price = Number(priceText);
    const cap = Number(capText) * 1e9;
    const isEtf = sector === 'ETF';
    const listing = LISTING[listingCode] ?? 'NYSE';
    const h = unit(hashString(`${symbol}/model`));
    const h2 = unit(hashString(`${symbol}/volume`));
    const shares = cap / price;
    const leveraged = category === 'Leveraged Equity';
    const baseVol =
      (SECTOR_VOL[sector] ?? 0.018) * (leveraged ? 3 : 1) * (category === 'Fixed Income' ? 0.5 : 1);
    const capFactor = cap > 500e9 ? 0.85 : cap < 15e9 ? 1.15 : 1;
    const turnover = isEtf ? (leveraged ? 0.5 : 0.02 + 0.06 * h2) : 0.004 + 0.008 * h2;
    const marketName = listing === 'NASDAQ' && !isEtf ? 'NMS' : symbol;
    out.push({
      index: out.length,
      conId: conIdFor(symbol),
      symbol,
      secType: 'STK',
      currency: 'USD',
      exchange: 'SMART',
      primaryExchange: listing,
      localSymbol: symbol,
      tradingClass: marketName,
      marketName,
      multiplier: 1,
      minTick: 0.01,
      longName: name,
      industry: INDUSTRY[sector] ?? '',
      category: isEtf
        ? category === 'Fixed Income'
          ? 'Bond Fund'
          : category === 'Commodity'
            ? 'Commodity Fund'
            : 'Equity Fund'
        : category,
      subcategory: category,
      stockType: isEtf ? 'ETF' : sector === 'RE' ? 'REIT' : 'COMMON',
      lastTradeDate: '',
      contractMonth: '',
      underConId: 0,
      underSymbol: '',
      underSecType: '',
      validExchanges: STOCK_EXCHANGES,
      orderTypes: STOCK_ORDER_TYPES,
      marketRuleId: 26,
      timeZoneId: 'US/Eastern',
      sector,
      refPrice: price,
      dailyVol: baseVol * capFactor * (0.8 + 0.5 * h),
      avgVolume: Math.max(300_000, Math.round(shares * turnover)),
      marketCap: cap,
      avgTradeSize: 100 + Math.round(150 * h2),
      lotSize: 100,
    });
  }

  const today = etDay(now);
  for (const f of FUTURES) {
    for (const exp of nextExpiries(f, today, 2)) {
      const code = `${f.root}${MONTH_CODES[exp.month - 1]}${exp.year % 10}`;
      out.push({
        index: out.length,
        conId: conIdFor(`FUT/${f.root}/${exp.year}${exp.month}`),
        symbol: f.root,
        secType: 'FUT',
        currency: 'USD',
        exchange: f.exchange,
        primaryExchange: f.exchange,
        localSymbol: code,
        tradingClass: f.root,
        marketName: f.root,
        multiplier: f.multiplier,
        minTick: f.tick,
        longName: f.name,
        industry: '',
        category: '',
        subcategory: '',
        stockType: '',
        lastTradeDate: ymdOfDay(exp.lastDay),
        contractMonth: `${exp.year}${exp.month < 10 ? '0' : ''}${exp.month}`,
        underConId: f.under[2],
        underSymbol: f.under[0],
        underSecType: f.under[1],
        validExchanges: f.exchange,
        orderTypes: FUT_ORDER_TYPES,
        marketRuleId: ruleIdForTick(f.tick),
        timeZoneId: 'US/Eastern',
        sector: 'FUT',
        // A later expiry trades at a small carry premium to the front month.
        refPrice: f.price * (1 + 0.004 * exp.rank),
        dailyVol: f.vol,
        avgVolume: Math.round(f.adv / (exp.rank + 1) ** 3),
        marketCap: 0,
        avgTradeSize: 2,
        lotSize: 1,
      });
    }
  }

  for (const [base, quote, price, tick, name] of FX) {
    const pair = `${base}.${quote}`;
    out.push({
      index: out.length,
      conId: conIdFor(pair),
      symbol: base,
      secType: 'CASH',
      currency: quote,
      exchange: 'IDEALPRO',
      primaryExchange: 'IDEALPRO',
      localSymbol: pair,
      tradingClass: pair,
      marketName: pair,
      multiplier: 1,
      minTick: tick,
      longName: name,
      industry: '',
      category: '',
      subcategory: '',
      stockType: '',
      lastTradeDate: '',
      contractMonth: '',
      underConId: 0,
      underSymbol: '',
      underSecType: '',
      validExchanges: 'IDEALPRO',
      orderTypes: FX_ORDER_TYPES,
      marketRuleId: ruleIdForTick(tick, true),
      timeZoneId: 'US/Eastern',
      sector: 'FX',
      refPrice: price,
      dailyVol: 0.005,
      avgVolume: 4_000_000_000,
      marketCap: 0,
      avgTradeSize: 1_000_000,
      lotSize: 100_000,
    });
  }
  return new Universe(out);
}

interface Expiry {
  year: number;
  month: number;
  lastDay: number;
  rank: number;
}

function nextExpiries(f: FutureRoot, today: number, count: number): Expiry[] {
  const out: Expiry[] = [];
  const start = new Date(ymdToUtc(ymdOfDay(today)));
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (let guard = 0; out.length < count && guard < 40; guard++) {
    if (f.months.includes(month)) {
      const lastDay = lastTradingDay(f, year, month);
      if (lastDay >= today) out.push({ year, month, lastDay, rank: out.length });
    }
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

function ymdToUtc(ymd: string): number {
  return Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)), 12);
}

/** ET day number of the last trading day of a contract month (third Friday, or a fixed day moved off weekends). */
function lastTradingDay(f: FutureRoot, year: number, month: number): number {
  if (f.expiry === 'third-friday') {
    const first = Math.floor(Date.UTC(year, month - 1, 1, 12) / 86_400_000);
    const offset = (5 - dayOfWeek(first) + 7) % 7;
    return first + offset + 14;
  }
  const [monthOffset, dom] = f.expiry;
  let day = Math.floor(Date.UTC(year, month - 1 + monthOffset, dom, 12) / 86_400_000);
  while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day--;
  return day;
}
