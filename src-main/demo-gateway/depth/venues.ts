// The venues of the demo's books and tapes, in one table: which exchanges hold depth for an instrument, the
// market-maker code each one carries in SMART depth (MARKET_DEPTH_L2 13), the exchange code of its prints
// (TICK_BY_TICK 99 / HISTORICAL_TICKS_LAST 98), what reqMktDepthExchanges lists, and how a reqMktDepth's
// exchange/isSmartDepth pair resolves. The codes follow the wire notes (protocol-depth-ticks.md §1, §3.2): SMART
// depth carries plain IB exchange codes (ARCA, BATS, DRCTEDGE, IEX…); NSDQ for Nasdaq's book and NASDAQ/FINRA on
// prints are choices no source confirms, kept here so a correction is one line.
import type { Instrument } from '../model/instrument';
import { hash32, unit } from '../model/rng';

export interface Venue {
  /** IB exchange code a direct depth request names (ISLAND, ARCA, CME…). */
  readonly exchange: string;
  /** The marketMaker field of SMART depth rows for this venue. */
  readonly marketMaker: string;
  /** The exchange field of trade prints executed here. */
  readonly printExchange: string;
  /** Group reported as listingExch by MKT_DEPTH_EXCHANGES (80). */
  readonly group: string;
}

/** US equity venues with displayed books (Cboe EDGX is DRCTEDGE in IB's codes, Cboe BZX is BATS). */
const STOCK_VENUES: readonly Venue[] = [
  { exchange: 'ISLAND', marketMaker: 'NSDQ', printExchange: 'NASDAQ', group: 'NASDAQ' },
  { exchange: 'NYSE', marketMaker: 'NYSE', printExchange: 'NYSE', group: 'NYSE' },
  { exchange: 'ARCA', marketMaker: 'ARCA', printExchange: 'ARCA', group: 'NYSE' },
  { exchange: 'BATS', marketMaker: 'BATS', printExchange: 'BATS', group: 'BATS' },
  { exchange: 'DRCTEDGE', marketMaker: 'DRCTEDGE', printExchange: 'DRCTEDGE', group: 'BATS' },
  { exchange: 'EDGEA', marketMaker: 'EDGEA', printExchange: 'EDGEA', group: 'BATS' },
  { exchange: 'BYX', marketMaker: 'BYX', printExchange: 'BYX', group: 'BATS' },
  { exchange: 'IEX', marketMaker: 'IEX', printExchange: 'IEX', group: 'IEX' },
  { exchange: 'MEMX', marketMaker: 'MEMX', printExchange: 'MEMX', group: 'MEMX' },
  { exchange: 'PEARL', marketMaker: 'PEARL', printExchange: 'PEARL', group: 'PEARL' },
];

/** Exchange field of off-exchange (TRF) stock prints. */
export const OFF_EXCHANGE = 'FINRA';

/** The listing exchange's venue: where the demo's matching engine reports stock fills (orders/matching.ts). */
function homeExchange(inst: Instrument): string {
  if (inst.secType !== 'STK') return inst.exchange;
  return inst.primaryExchange === 'NASDAQ' ? 'ISLAND' : inst.primaryExchange;
}

export interface InstrumentVenues {
  /** Depth venues in the order SMART depth lists them at one price (home venue first). */
  readonly venues: readonly Venue[];
  /** Relative share of displayed size per venue (same order). */
  readonly weights: readonly number[];
  /** Index in `venues` of the venue holding the demo's own resting orders. */
  readonly home: number;
  /** Print exchanges with their cumulative share of traded volume (last entry 1). */
  readonly prints: readonly { exchange: string; upTo: number }[];
}

const cache = new Map<number, InstrumentVenues>();

/** The venues of one instrument: futures and FX have their one exchange, stocks six to ten equity venues. */
export function venuesOf(inst: Instrument): InstrumentVenues {
  const hit = cache.get(inst.conId);
  if (hit) return hit;
  let v: InstrumentVenues;
  if (inst.secType !== 'STK') {
    const one: Venue = {
      exchange: inst.exchange,
      marketMaker: inst.exchange,
      printExchange: inst.exchange,
      group: inst.exchange,
    };
    v = { venues: [one], weights: [1], home: 0, prints: [{ exchange: inst.exchange, upTo: 1 }] };
  } else {
    const home = homeExchange(inst);
    const picked: Venue[] = [];
    const weights: number[] = [];
    for (let idx = 0; idx < STOCK_VENUES.length; idx++) {
      const venue = STOCK_VENUES[idx] as Venue;
      const isHome = venue.exchange === home;
      // NYSE shows only its own listings; the other venues trade everything, a few of them skip a given name.
      if (venue.exchange === 'NYSE' && !isHome) continue;
      const h = hash32(inst.conId, idx, 41);
      if (!isHome && unit(h) < 0.2) continue;
      const w = (isHome ? 2.5 : 1) * (0.6 + 0.8 * unit(hash32(h, 1)));
      if (isHome) {
        picked.unshift(venue);
        weights.unshift(w);
      } else {
        picked.push(venue);
        weights.push(w);
      }
    }
    const total = weights.reduce((a, b) => a + b, 0);
    // About a third of US equity volume prints off-exchange (FINRA TRF); the rest where the books are.
    const prints: { exchange: string; upTo: number }[] = [];
    let acc = 0;
    for (let i = 0; i < picked.length; i++) {
      acc += ((weights[i] as number) / total) * 0.66;
      prints.push({ exchange: (picked[i] as Venue).printExchange, upTo: acc });
    }
    prints.push({ exchange: OFF_EXCHANGE, upTo: 1 });
    v = { venues: picked, weights, home: 0, prints };
  }
  cache.set(inst.conId, v);
  return v;
}

/** The print exchange for a uniform draw `u` in [0, 1). */
export function printExchange(v: InstrumentVenues, u: number): string {
  for (const p of v.prints) if (u < p.upTo) return p.exchange;
  return (v.prints[v.prints.length - 1] as { exchange: string }).exchange;
}

/** How a reqMktDepth resolves: SMART depth rows (MARKET_DEPTH_L2 13) or one venue's levels (MARKET_DEPTH 12). */
export type DepthMode =
  | { readonly kind: 'smart' }
  | { readonly kind: 'exchange'; readonly venue: Venue }
  | { readonly kind: 'refused'; readonly code: 10092; readonly message: string };

const NOT_SUPPORTED = 'Deep market data is not supported for this combination of security type/exchange';

/**
 * reqMktDepth's exchange + isSmartDepth → what to stream. SMART needs isSmartDepth=1 (TWS answers 10092 otherwise);
 * a named exchange streams that venue's own levels whatever the flag says; NASDAQ is accepted for ISLAND.
 */
export function resolveDepthRequest(inst: Instrument, exchange: string, isSmartDepth: boolean): DepthMode {
  const ex = exchange.trim().toUpperCase();
  const v = venuesOf(inst);
  if (ex === 'SMART' || ex === '') {
    return isSmartDepth ? { kind: 'smart' } : { kind: 'refused', code: 10092, message: NOT_SUPPORTED };
  }
  const wanted = ex === 'NASDAQ' ? 'ISLAND' : ex;
  const venue = v.venues.find((x) => x.exchange === wanted);
  if (!venue) return { kind: 'refused', code: 10092, message: NOT_SUPPORTED };
  return { kind: 'exchange', venue };
}

/** A row of MKT_DEPTH_EXCHANGES (80): exchange, secType, listingExch, serviceDataType, aggGroup. */
export interface DepthExchangeRow {
  readonly exchange: string;
  readonly secType: string;
  readonly listingExch: string;
  readonly serviceDataType: 'Deep' | 'Deep2';
  /** 2147483647 = unset, as TWS sends it for exchanges outside an aggregation group. */
  readonly aggGroup: number;
}

/** Every depth venue of the universe, for reqMktDepthExchanges (each venue's levels come without market makers). */
export function depthExchanges(instruments: readonly Instrument[]): DepthExchangeRow[] {
  const rows: DepthExchangeRow[] = [];
  const seen = new Set<string>();
  for (const v of STOCK_VENUES) {
    rows.push({
      exchange: v.exchange,
      secType: 'STK',
      listingExch: v.group,
      serviceDataType: 'Deep',
      aggGroup: 1,
    });
  }
  for (const inst of instruments) {
    if (inst.secType === 'STK') continue;
    const key = `${inst.exchange}/${inst.secType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      exchange: inst.exchange,
      secType: inst.secType,
      listingExch: '',
      serviceDataType: 'Deep',
      aggGroup: 2147483647,
    });
  }
  return rows;
}
