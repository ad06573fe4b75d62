// Implied volatility per (underlying, expiry, strike). Each underlying has a base level (its price model's own
// volatility plus a variance premium), an equity-style skew with a mild smile in standardised moneyness, and a
// term structure whose short end differs from the long end; all drawn per seed. Over time the level drifts slowly
// (smooth daily and weekly noise) and reacts to the underlying: when it falls the level rises and the short end
// rises more (the curve inverts), as in equity markets.
import type { Instrument } from '../model/instrument';
import { hash32, normalOf, unit } from '../model/rng';
import { modelVolatility } from './strikes';

const DAY_MS = 86_400_000;
/** Years over which the short end of the term structure decays to the long end (about 44 days). */
const TERM_DECAY_YEARS = 0.12;

export interface SurfaceParams {
  /** The price model's annualised volatility (what 104 historical volatility reports). */
  readonly historical: number;
  /** Long-dated at-the-money volatility at rest. */
  readonly base: number;
  /** Slope of the smile in standardised moneyness (negative: low strikes trade higher). */
  readonly skew: number;
  readonly curvature: number;
  /** Relative excess of the shortest expiries over the long end at rest. */
  readonly termSlope: number;
}

/** The surface of one underlying at one instant (reused: `slice` fills it). */
export interface VolSlice {
  level: number;
  termSlope: number;
  skew: number;
  curvature: number;
}

export function emptySlice(): VolSlice {
  return { level: 0, termSlope: 0, skew: 0, curvature: 0 };
}

const BROAD_INDEX = new Set(['Large Cap Blend', 'Large Cap Growth', 'Large Cap Value', 'Total Market']);

export class VolSurface {
  private readonly cache: (SurfaceParams | undefined)[] = [];

  constructor(readonly seed: number) {}

  params(inst: Instrument): SurfaceParams {
    const hit = this.cache[inst.index];
    if (hit) return hit;
    const u = (k: number): number => unit(hash32(this.seed, inst.conId, 20 + k));
    const historical = modelVolatility(inst);
    const etf = inst.sector === 'ETF';
    const cat = inst.subcategory;
    let skew: number;
    if (!etf) skew = -0.06 - 0.08 * u(1);
    else if (BROAD_INDEX.has(cat) || cat === 'Small Cap Blend') skew = -0.14 - 0.06 * u(1);
    else if (cat === 'Commodity') skew = -0.02 + 0.05 * u(1);
    else if (cat === 'Fixed Income') skew = -0.03 - 0.04 * u(1);
    else skew = -0.08 - 0.06 * u(1);
    const p: SurfaceParams = {
      historical,
      base: historical * (1 + 0.12 * u(0)),
      skew,
      // At least |skew| / 6, so the smile turns up again within three standard deviations above the money.
      curvature: Math.max(etf ? 0.015 + 0.015 * u(2) : 0.025 + 0.03 * u(2), -skew / 6),
      termSlope: etf ? -0.1 + 0.08 * u(3) : -0.08 + 0.22 * u(3),
    };
    this.cache[inst.index] = p;
    return p;
  }

  /**
   * The surface at `t` given the underlying's price and its previous close: level noise (weekly ±8 %, daily
   * ±3 %, smooth in time), a rise of about 2 % per 1 % fall on the day and 0.5 % per 1 % below the reference
   * price, and a short end that steepens by 3 points per 1 % fall.
   */
  slice(
    inst: Instrument,
    t: number,
    spot: number,
    prevClose: number,
    out: VolSlice = emptySlice(),
  ): VolSlice {
    const p = this.params(inst);
    const noise = 0.08 * this.smooth(inst, t / (7 * DAY_MS), 31) + 0.03 * this.smooth(inst, t / DAY_MS, 32);
    const day = prevClose > 0 && spot > 0 ? Math.log(spot / prevClose) : 0;
    const drift = spot > 0 ? Math.log(spot / inst.refPrice) : 0;
    const react = clamp(-2 * day - 0.5 * drift, -0.4, 0.7);
    out.level = p.base * Math.exp(noise + react);
    out.termSlope = clamp(p.termSlope - 3 * day, -0.3, 0.6);
    out.skew = p.skew;
    out.curvature = p.curvature;
    return out;
  }

  /** Smoothly interpolated standard normal noise over a time axis in periods. */
  private smooth(inst: Instrument, x: number, salt: number): number {
    const i = Math.floor(x);
    const f = x - i;
    const s = f * f * (3 - 2 * f);
    const a = normalOf(hash32(this.seed, inst.conId, i, salt));
    const b = normalOf(hash32(this.seed, inst.conId, i + 1, salt));
    return a + (b - a) * s;
  }
}

/** At-the-money volatility for an expiry `years` away. */
export function atmVol(slice: VolSlice, years: number): number {
  return slice.level * (1 + slice.termSlope * Math.exp(-years / TERM_DECAY_YEARS));
}

/**
 * Implied volatility at a strike: the at-the-money level times 1 + skew·z + curvature·z², z = ln(K/F)/(σ√T)
 * clamped to ±4 (flat wings), the factor kept within [0.6, 2.5].
 */
export function volAt(slice: VolSlice, strike: number, forward: number, years: number): number {
  const atm = atmVol(slice, years);
  const z = clamp(Math.log(strike / forward) / (atm * Math.sqrt(Math.max(years, 1 / 365))), -4, 4);
  return atm * clamp(1 + slice.skew * z + slice.curvature * z * z, 0.6, 2.5);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
