// Option chains of the universe's stocks and ETFs: which expirations and strikes are listed at a given instant,
// the contracts themselves (built on demand: the universe holds about 1.4 million), and the lookups the gateway's
// handlers need — reqContractDetails with any part of the contract left open, by conId, by OCC localSymbol, and
// reqSecDefOptParams (the union of strikes across expiries, so some expiry/strike pairs do not exist).
import type { Instrument } from '../model/instrument';
import type { PathModel } from '../model/price-path';
import type { Universe } from '../model/universe';
import { hashString } from '../model/rng';
import { etDay } from '../wire/tws-time';
import type { Expiration, ExpiryCycle } from './calendar';
import { isLive, listedExpirations } from './calendar';
import { MAX_UNDERLYING_SLOTS, decodeOptionConId, expiryCode } from './con-id';
import type { OptionContract } from './contract';
import { OPTION_EXCHANGES, buildOptionContract, optionRoot } from './contract';
import { OptionModelError } from './errors';
import type { Right } from './occ';
import { parseOcc } from './occ';
import { modelVolatility, strikeUnit, strikeUnits } from './strikes';

export interface ChainExpiry {
  readonly expiration: Expiration;
  /** Listed strikes in the underlying's strike units, ascending. */
  readonly strikes: Int32Array;
  /** The underlying's close on the day before listing: the centre of the strikes. */
  readonly listingSpot: number;
}

/**
 * reqContractDetails fields of an OPT request; each one empty/absent widens the match. `expiry` is "YYYYMMDD"
 * or "YYYYMM" (every expiry of that month); `strike` ≤ 0, NaN or ≥ 1e308 means open (FieldReader's "unset").
 */
export interface OptionQuery {
  readonly conId?: number;
  readonly expiry?: string;
  readonly right?: string;
  readonly strike?: number;
  readonly multiplier?: string;
  readonly exchange?: string;
  readonly currency?: string;
  readonly localSymbol?: string;
  readonly tradingClass?: string;
}

/** One SECURITY_DEFINITION_OPTION_PARAMETER (75) row. */
export interface SecDefOptParams {
  readonly exchange: string;
  readonly underlyingConId: number;
  readonly tradingClass: string;
  readonly multiplier: string;
  /** "YYYYMMDD", ascending. */
  readonly expirations: readonly string[];
  /** Dollars, ascending: the union over every expiration. */
  readonly strikes: readonly number[];
}

interface Filter {
  conId: number;
  ymd: string;
  month: string;
  right: Right | undefined;
  strike: number | undefined;
  occ: string;
  ok: boolean;
}

function parseRight(text: string | undefined): Right | undefined {
  const r = (text ?? '').trim().toUpperCase();
  if (r === '' || r === '?' || r === '0') return undefined;
  if (r === 'C' || r === 'CALL') return 'C';
  if (r === 'P' || r === 'PUT') return 'P';
  throw new OptionModelError('BAD_RIGHT', `"${text}" is not an option right (C, P, CALL, PUT)`);
}

function parseFilter(q: OptionQuery, root: string): Filter {
  const expiry = (q.expiry ?? '').trim();
  if (expiry !== '' && !/^\d{6}(\d{2})?$/.test(expiry))
    throw new OptionModelError('BAD_EXPIRY', `"${q.expiry}" is not YYYYMMDD or YYYYMM`);
  const strike = q.strike !== undefined && q.strike > 0 && q.strike < 1e308 ? q.strike : undefined;
  const occ = (q.localSymbol ?? '').trim();
  let ok = true;
  if (q.multiplier && q.multiplier.trim() !== '' && Number(q.multiplier) !== 100) ok = false;
  if (q.exchange && q.exchange.trim() !== '' && !OPTION_EXCHANGES.includes(q.exchange.trim().toUpperCase()))
    ok = false;
  if (q.currency && q.currency.trim() !== '' && q.currency.trim().toUpperCase() !== 'USD') ok = false;
  if (q.tradingClass && q.tradingClass.trim() !== '' && q.tradingClass.trim().toUpperCase() !== root)
    ok = false;
  return {
    conId: q.conId && q.conId > 0 ? q.conId : 0,
    ymd: expiry.length === 8 ? expiry : '',
    month: expiry.length === 6 ? expiry : '',
    right: parseRight(q.right),
    strike,
    occ: occ === '' ? '' : normaliseOcc(occ),
    ok,
  };
}

function normaliseOcc(text: string): string {
  const p = parseOcc(text);
  return `${p.root.padEnd(6, ' ')}${p.ymd.slice(2)}${p.right}${String(Math.round(p.strike * 1000)).padStart(8, '0')}`;
}

/** The chain of one underlying as listed on one ET day. Methods take `t` to drop an expiry that passed at 16:00. */
export class OptionChain {
  readonly root: string;
  private readonly contracts = new Map<number, OptionContract>();

  constructor(
    readonly underlying: Instrument,
    /** ET day the listing is for. */
    readonly day: number,
    /** Strike unit in dollars (strikes.ts). */
    readonly unit: number,
    /** Every expiry listed that day, ascending, including one that expires that day. */
    readonly expiries: readonly ChainExpiry[],
  ) {
    this.root = optionRoot(underlying.symbol);
  }

  /** Expiries still trading at `t`. */
  live(t: number): ChainExpiry[] {
    return this.expiries.filter((e) => isLive(e.expiration, t));
  }

  expiry(ymd: string, t: number): ChainExpiry | undefined {
    return this.expiries.find((e) => e.expiration.ymd === ymd && isLive(e.expiration, t));
  }

  /** reqSecDefOptParams expirations: "YYYYMMDD", ascending. */
  expirations(t: number): string[] {
    return this.live(t).map((e) => e.expiration.ymd);
  }

  /** reqSecDefOptParams strikes: the union over live expiries, in dollars, ascending. */
  strikeUnion(t: number): number[] {
    const set = new Set<number>();
    for (const e of this.live(t)) for (const k of e.strikes) set.add(k);
    return [...set].sort((a, b) => a - b).map((k) => this.dollars(k));
  }

  dollars(strikeUnits: number): number {
    return Math.round(strikeUnits * this.unit * 1000) / 1000;
  }

  /** Strike units of a dollar strike, or undefined when it is not on the underlying's grid. */
  units(strike: number): number | undefined {
    const k = Math.round(strike / this.unit);
    return Math.abs(k * this.unit - strike) < 1e-6 ? k : undefined;
  }

  /** The contract for a listed (expiry, right, strike units); built once per chain. */
  contract(e: ChainExpiry, right: Right, strikeUnits: number): OptionContract {
    const key = e.expiration.day * 2 * 8192 + strikeUnits * 2 + (right === 'C' ? 0 : 1);
    let c = this.contracts.get(key);
    if (!c) {
      c = buildOptionContract(this.underlying, e.expiration, right, strikeUnits, this.unit);
      this.contracts.set(key, c);
    }
    return c;
  }

  /** The listed contract, or undefined (an unlisted pair answers error 200). */
  get(ymd: string, right: Right, strike: number, t: number): OptionContract | undefined {
    const e = this.expiry(ymd, t);
    const k = this.units(strike);
    if (!e || k === undefined || !hasStrike(e.strikes, k)) return undefined;
    return this.contract(e, right, k);
  }

  byConId(conId: number, t: number): OptionContract | undefined {
    const key = decodeOptionConId(conId);
    if (!key || key.slot !== this.underlying.index) return undefined;
    for (const e of this.expiries) {
      const code = expiryCode(e.expiration.day);
      if (code.weekCode !== key.weekCode || code.offCycle !== key.offCycle) continue;
      if (!isLive(e.expiration, t) || !hasStrike(e.strikes, key.strikeUnits)) return undefined;
      return this.contract(e, key.right, key.strikeUnits);
    }
    return undefined;
  }

  /** reqContractDetails: every live contract matching the query, by expiry, strike, then call before put. */
  select(query: OptionQuery, t: number): OptionContract[] {
    const f = parseFilter(query, this.root);
    const out: OptionContract[] = [];
    if (!f.ok) return out;
    for (const e of this.expiries) {
      const ymd = e.expiration.ymd;
      if (!isLive(e.expiration, t)) continue;
      if (f.ymd && ymd !== f.ymd) continue;
      if (f.month && !ymd.startsWith(f.month)) continue;
      let from = 0;
      let to = e.strikes.length;
      if (f.strike !== undefined) {
        const k = this.units(f.strike);
        if (k === undefined) continue;
        from = lowerBound(e.strikes, k);
        if (e.strikes[from] !== k) continue;
        to = from + 1;
      }
      for (let i = from; i < to; i++) {
        const k = e.strikes[i] as number;
        for (const right of ['C', 'P'] as const) {
          if (f.right && right !== f.right) continue;
          const c = this.contract(e, right, k);
          if (f.conId && c.conId !== f.conId) continue;
          if (f.occ && c.localSymbol !== f.occ) continue;
          out.push(c);
        }
      }
    }
    return out;
  }

  /** Calls `fn` for every live (expiry, strike units, right) without building contracts. */
  forEach(t: number, fn: (e: ChainExpiry, strikeUnits: number, right: Right) => void): void {
    for (const e of this.expiries) {
      if (!isLive(e.expiration, t)) continue;
      for (const k of e.strikes) {
        fn(e, k, 'C');
        fn(e, k, 'P');
      }
    }
  }

  /** Number of live contracts. */
  size(t: number): number {
    let n = 0;
    for (const e of this.live(t)) n += 2 * e.strikes.length;
    return n;
  }

  secDefOptParams(t: number): SecDefOptParams[] {
    const expirations = this.expirations(t);
    const strikes = this.strikeUnion(t);
    return OPTION_EXCHANGES.map((exchange) => ({
      exchange,
      underlyingConId: this.underlying.conId,
      tradingClass: this.root,
      multiplier: '100',
      expirations,
      strikes,
    }));
  }
}

function lowerBound(a: Int32Array, k: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasStrike(a: Int32Array, k: number): boolean {
  return a[lowerBound(a, k)] === k;
}

/** The underlying's expiration cycle (stable per symbol). */
function expiryCycle(inst: Instrument): ExpiryCycle {
  return ((hashString(`${inst.symbol}/cycle`) % 3) + 1) as ExpiryCycle;
}

/**
 * Builds one underlying's chain as listed on `day`: each expiry's strikes are centred on the close of the day
 * before its listing, with strikes added where the underlying has closed since (up to the day before `day`).
 */
function buildChain(inst: Instrument, day: number, closes: Pick<PathModel, 'dayClose'>): OptionChain {
  const unit = strikeUnit(inst);
  const vol = modelVolatility(inst);
  const listed = listedExpirations(day, expiryCycle(inst));
  const first = Math.min(day, ...listed.map((e) => e.listDay)) - 1;
  // Lowest and highest close from each day up to yesterday (suffix extremes), one pass over the closes.
  const n = day - first;
  const lows = new Float64Array(n);
  const highs = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = n - 1; i >= 0; i--) {
    const c = closes.dayClose(inst, first + i);
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    lows[i] = lo;
    highs[i] = hi;
  }
  const expiries = listed.map((expiration): ChainExpiry => {
    const i = expiration.listDay - 1 - first;
    const listingSpot = closes.dayClose(inst, expiration.listDay - 1);
    return {
      expiration,
      listingSpot,
      strikes: strikeUnits({
        spot: listingSpot,
        low: lows[i] as number,
        high: highs[i] as number,
        volatility: vol,
        years: (expiration.day - expiration.listDay + 1) / 365,
        weekly: expiration.weekly,
        symbol: inst.symbol,
        unit,
      }),
    };
  });
  return new OptionChain(inst, day, unit, expiries);
}

/** Every chain of the universe, built per (underlying, day) on demand and kept in a small cache. */
export class OptionChains {
  private readonly cache = new Map<number, OptionChain>();
  private readonly byRoot = new Map<string, Instrument>();

  constructor(
    readonly universe: Universe,
    private readonly closes: Pick<PathModel, 'dayClose'>,
    /** One day of every underlying's chain fits. */
    private readonly maxCached = 1024,
  ) {
    for (const inst of universe.instruments)
      if (this.isOptionable(inst)) this.byRoot.set(optionRoot(inst.symbol), inst);
  }

  /** Stocks and ETFs have options; futures and FX do not. */
  isOptionable(inst: Instrument): boolean {
    return inst.secType === 'STK' && inst.index < MAX_UNDERLYING_SLOTS;
  }

  underlyings(): Instrument[] {
    return this.universe.instruments.filter((i) => this.isOptionable(i));
  }

  /** The underlying of a symbol ("BRK B") or option root ("BRKB"), if it has options. */
  underlying(symbolOrRoot: string): Instrument | undefined {
    const s = symbolOrRoot.trim().toUpperCase();
    const direct = this.universe.bySymbol(s).find((i) => this.isOptionable(i));
    return direct ?? this.byRoot.get(optionRoot(s));
  }

  /** The chain of an underlying at `t` (UTC ms). */
  chain(inst: Instrument, t: number): OptionChain {
    return this.chainForDay(inst, etDay(t));
  }

  chainForDay(inst: Instrument, day: number): OptionChain {
    if (!this.isOptionable(inst))
      throw new OptionModelError('NOT_OPTIONABLE', `${inst.symbol} (${inst.secType}) has no options`);
    const key = day * MAX_UNDERLYING_SLOTS + inst.index;
    let c = this.cache.get(key);
    if (c) {
      this.cache.delete(key);
      this.cache.set(key, c);
      return c;
    }
    c = buildChain(inst, day, this.closes);
    this.cache.set(key, c);
    if (this.cache.size > this.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return c;
  }

  byConId(conId: number, t: number): OptionContract | undefined {
    const key = decodeOptionConId(conId);
    const inst = key ? this.universe.instruments[key.slot] : undefined;
    if (!inst || !this.isOptionable(inst)) return undefined;
    return this.chain(inst, t).byConId(conId, t);
  }

  /** The contract of an OCC symbol (throws BAD_OCC when the text is not one). */
  byLocalSymbol(text: string, t: number): OptionContract | undefined {
    const p = parseOcc(text);
    const inst = this.byRoot.get(p.root);
    if (!inst) return undefined;
    return this.chain(inst, t).get(p.ymd, p.right, p.strike, t);
  }

  /** reqContractDetails for secType OPT on an underlying symbol; [] when nothing matches (error 200). */
  find(symbol: string, query: OptionQuery, t: number): OptionContract[] {
    const inst = this.underlying(symbol);
    if (!inst) return [];
    return this.chain(inst, t).select(query, t);
  }

  /** reqSecDefOptParams rows (one per exchange); [] for an unknown or non-optionable underlying. */
  secDefOptParams(underlyingConId: number, t: number): SecDefOptParams[] {
    const inst = this.universe.byConId(underlyingConId);
    if (!inst || !this.isOptionable(inst)) return [];
    return this.chain(inst, t).secDefOptParams(t);
  }
}
