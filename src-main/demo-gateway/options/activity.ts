// How much each option of an underlying trades on a day: the underlying's option volume (a share of its stock
// volume, more for index ETFs) spread over its options by weight — near the money and near expiries most,
// monthlies more than weeklies — and open interest, a few days of that weight, ramping up after listing.
// Deterministic per (seed, day); the day totals are the sums of the per-option figures (ticks 27-30 agree with
// the options).
import type { Instrument } from '../model/instrument';
import { hash32, normalOf, unit } from '../model/rng';
import type { Expiration } from './calendar';
import type { OptionChain } from './chain';
import type { Right } from './occ';
import { modelVolatility } from './strikes';

/** Contracts traded per day per share of average stock volume, by kind of underlying. */
const INDEX_ETFS: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM', 'DIA', 'IVV', 'VOO']);

export interface ActivityDay {
  readonly day: number;
  /** The underlying's price at the start of the day: moneyness for the day's weights. */
  readonly openSpot: number;
  /** Contracts per unit of weight, today (with the day's noise) and on an average day. */
  readonly perWeight: number;
  readonly typicalPerWeight: number;
  readonly callVolume: number;
  readonly putVolume: number;
  readonly callOpenInterest: number;
  readonly putOpenInterest: number;
  /** Average contracts per trade of this underlying's options. */
  readonly tradeSize: number;
}

/** Share of stock volume (in shares) traded as option contracts per day. */
export function optionVolumeRatio(inst: Instrument): number {
  if (INDEX_ETFS.has(inst.symbol)) return 0.1;
  return 0.01 + 0.03 * unit(hash32(inst.conId, 41));
}

/** Relative weight of one option in its underlying's option volume on `day` (without the daily noise). */
function activityWeight(
  e: Expiration,
  strike: number,
  right: Right,
  inst: Instrument,
  openSpot: number,
  day: number,
): number {
  const days = Math.max(0.5, e.day - day + 0.5);
  const years = days / 365;
  const z = Math.log(strike / openSpot) / (modelVolatility(inst) * Math.sqrt(years));
  const money = Math.exp(-0.5 * (z / 1.1) * (z / 1.1));
  const kind = e.monthly ? 1.6 : 1;
  const expiry = kind / Math.pow(1 + days / 10, 0.7);
  const side = right === 'C' ? 1 : inst.sector === 'ETF' ? 1.2 : 0.85;
  return money * expiry * side + 1e-6;
}

/** Day noise of one option's volume (0.5 … 1.5), stable per (seed, option, day). */
function dayNoise(
  seed: number,
  inst: Instrument,
  e: Expiration,
  units: number,
  right: Right,
  day: number,
): number {
  return 0.5 + unit(hash32(seed, inst.conId, e.day * 16384 + units * 2 + (right === 'C' ? 0 : 1), day));
}

/** Open interest held per unit of typical daily volume (2 … 8 days), stable per option. */
function oiDays(inst: Instrument, e: Expiration, units: number, right: Right): number {
  return 2 + 6 * unit(hash32(inst.conId, e.day, units * 2 + (right === 'C' ? 0 : 1), 43));
}

/** Listing ramp: open interest builds over the first ten days. */
function ramp(e: Expiration, day: number): number {
  return Math.min(1, (day - e.listDay + 1) / 10);
}

/** The activity of a chain on its day; `openSpot` is the underlying's price at the start of the day. */
export function buildActivityDay(seed: number, chain: OptionChain, openSpot: number): ActivityDay {
  const inst = chain.underlying;
  const day = chain.day;
  // Every expiry listed that day, including one that expires during it.
  const t = Number.NEGATIVE_INFINITY;
  let sumW = 0;
  let sumNoisy = 0;
  chain.forEach(t, ({ expiration: e }, k, right) => {
    const w = activityWeight(e, chain.dollars(k), right, inst, openSpot, day);
    sumW += w;
    sumNoisy += w * dayNoise(seed, inst, e, k, right, day);
  });
  const typical = inst.avgVolume * optionVolumeRatio(inst);
  const today = typical * Math.exp(0.3 * normalOf(hash32(seed, inst.conId, day, 42)) - 0.045);
  const perWeight = sumNoisy > 0 ? today / sumNoisy : 0;
  const typicalPerWeight = sumW > 0 ? typical / sumW : 0;
  const act = {
    day,
    openSpot,
    perWeight,
    typicalPerWeight,
    callVolume: 0,
    putVolume: 0,
    callOpenInterest: 0,
    putOpenInterest: 0,
    tradeSize: 3 + Math.round(12 * unit(hash32(inst.conId, 44))),
  };
  chain.forEach(t, ({ expiration: e }, k, right) => {
    const one = optionActivityOf(seed, act, e, chain.dollars(k), k, right, inst);
    if (right === 'C') {
      act.callVolume += one.dayVolume;
      act.callOpenInterest += one.openInterest;
    } else {
      act.putVolume += one.dayVolume;
      act.putOpenInterest += one.openInterest;
    }
  });
  return act;
}

/**
 * One option's day: the contracts traded over the whole day and its open interest (which changes overnight only,
 * as OCC publishes it), from the same activity weight.
 */
export function optionActivityOf(
  seed: number,
  act: ActivityDay,
  e: Expiration,
  strike: number,
  units: number,
  right: Right,
  inst: Instrument,
): { dayVolume: number; openInterest: number } {
  const w = activityWeight(e, strike, right, inst, act.openSpot, act.day);
  return {
    dayVolume: Math.round(act.perWeight * w * dayNoise(seed, inst, e, units, right, act.day)),
    openInterest: Math.round(act.typicalPerWeight * w * oiDays(inst, e, units, right) * ramp(e, act.day)),
  };
}
