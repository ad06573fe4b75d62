// Black-Scholes-Merton with a continuous dividend yield: price and the greeks as tickOptionComputation carries them
// (delta; gamma per $1; vega per 1 volatility point, i.e. per 0.01; theta per calendar day — as in the live TWS
// frame of the notes), and an implied-volatility solver (safeguarded Newton, bisection fallback). The demo's
// options are American; a European price is the model, floored at intrinsic value so that an American option is
// never priced below what exercising it would pay. No allocation: results go into caller-owned objects.
import type { Right } from './occ';

export const YEAR_MS = 365 * 86_400_000;
/** Bounds of the implied-volatility search: 0.01 % to 1,000 %. */
const MIN_VOL = 1e-4;
const MAX_VOL = 10;

export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  /** Per 1 volatility point (0.01). */
  vega: number;
  /** Per calendar day. */
  theta: number;
  /** True when the price is the intrinsic-value floor (an American option worth exercising now). */
  atIntrinsic: boolean;
}

export function emptyGreeks(): Greeks {
  return { price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, atIntrinsic: false };
}

const INV_SQRT_2PI = 0.3989422804014327;

/** Hart's rational approximation's numerator and denominator, highest power first. */
const HART_NUM = [
  3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
  221.213596169931, 220.206867912376,
];
const HART_DEN = [
  8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674,
  637.333633378831, 793.826512519948, 440.413735824752,
];

/** A polynomial by Horner's rule (coefficients highest power first): the same operations, in the same order. */
function horner(coefficients: readonly number[], x: number): number {
  let v = coefficients[0]!;
  for (let i = 1; i < coefficients.length; i++) v = v * x + coefficients[i]!;
  return v;
}

/** Standard normal CDF, Hart's double-precision algorithm as given by West (2005): absolute error < 1e-14. */
export function normCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp(-0.5 * a * a);
    if (a < 7.07106781186547) {
      c = (e * horner(HART_NUM, a)) / horner(HART_DEN, a);
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/** Intrinsic value: what exercising now pays. */
export function intrinsic(right: Right, spot: number, strike: number): number {
  return right === 'C' ? Math.max(0, spot - strike) : Math.max(0, strike - spot);
}

/** Present value of the dividends paid before expiry under a continuous yield: S(1 − e^(−qT)). */
export function pvDividend(spot: number, q: number, years: number): number {
  return years > 0 ? spot * (1 - Math.exp(-q * years)) : 0;
}

/**
 * Price and greeks of an American option by the European BSM formula floored at intrinsic value. `years` ≤ 0
 * (expired) or `vol` ≤ 0 give the deterministic value; greeks at the floor are those of exercising (delta ±1).
 */
export function bsm(
  right: Right,
  spot: number,
  strike: number,
  years: number,
  r: number,
  q: number,
  vol: number,
  out: Greeks,
): Greeks {
  const call = right === 'C';
  const iv = intrinsic(right, spot, strike);
  if (!(years > 0) || !(vol > 0)) {
    const t = years > 0 ? years : 0;
    const fwd = call
      ? spot * Math.exp(-q * t) - strike * Math.exp(-r * t)
      : strike * Math.exp(-r * t) - spot * Math.exp(-q * t);
    const euro = Math.max(0, fwd);
    out.price = Math.max(euro, iv);
    out.atIntrinsic = iv >= euro;
    out.delta = iv > 0 || euro > 0 ? (call ? 1 : -1) : 0;
    out.gamma = 0;
    out.vega = 0;
    out.theta = 0;
    return out;
  }
  const sq = Math.sqrt(years);
  const vs = vol * sq;
  const d1 = (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * years) / vs;
  const d2 = d1 - vs;
  const dq = Math.exp(-q * years);
  const dr = Math.exp(-r * years);
  const pdf = INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1);
  const sdq = spot * dq;
  const kdr = strike * dr;
  let price: number;
  let delta: number;
  let thetaYear: number;
  const decay = -(sdq * pdf * vol) / (2 * sq);
  if (call) {
    const n1 = normCdf(d1);
    const n2 = normCdf(d2);
    price = sdq * n1 - kdr * n2;
    delta = dq * n1;
    thetaYear = decay - r * kdr * n2 + q * sdq * n1;
  } else {
    const n1 = normCdf(-d1);
    const n2 = normCdf(-d2);
    price = kdr * n2 - sdq * n1;
    delta = -dq * n1;
    thetaYear = decay + r * kdr * n2 - q * sdq * n1;
  }
  if (price < iv) {
    out.price = iv;
    out.atIntrinsic = true;
    out.delta = call ? 1 : -1;
    out.gamma = 0;
    out.vega = 0;
    out.theta = 0;
    return out;
  }
  out.price = price;
  out.atIntrinsic = false;
  out.delta = delta;
  out.gamma = (dq * pdf) / (spot * vs);
  out.vega = (sdq * pdf * sq) / 100;
  out.theta = thetaYear / 365;
  return out;
}

/** European price at `vol`; leaves ∂price/∂vol (per 1.0) in `lastVega`. */
let lastVega = 0;
function europeanPrice(
  call: boolean,
  spot: number,
  strike: number,
  years: number,
  sdq: number,
  kdr: number,
  r: number,
  q: number,
  vol: number,
): number {
  const sq = Math.sqrt(years);
  const vs = vol * sq;
  const d1 = (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * years) / vs;
  const d2 = d1 - vs;
  lastVega = sdq * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) * sq;
  return call ? sdq * normCdf(d1) - kdr * normCdf(d2) : kdr * normCdf(-d2) - sdq * normCdf(-d1);
}

/**
 * The volatility at which the European price equals `price`, or null when there is none in [MIN_VOL, MAX_VOL]:
 * at or below the no-arbitrage lower bound (discounted forward intrinsic value), at or above the upper bound
 * (the discounted spot for a call, the discounted strike for a put), or without time left. `guess` speeds up
 * the search (the model's own volatility converges in two or three steps).
 */
export function impliedVol(
  right: Right,
  price: number,
  spot: number,
  strike: number,
  years: number,
  r: number,
  q: number,
  guess = 0.3,
): number | null {
  if (!(price > 0 && spot > 0 && strike > 0 && years > 0)) return null;
  const call = right === 'C';
  const sdq = spot * Math.exp(-q * years);
  const kdr = strike * Math.exp(-r * years);
  const lower = Math.max(0, call ? sdq - kdr : kdr - sdq);
  const upper = call ? sdq : kdr;
  if (price <= lower || price >= upper) return null;
  const tol = 1e-11 * Math.max(1, price);
  let lo = MIN_VOL;
  let hi = MAX_VOL;
  if (europeanPrice(call, spot, strike, years, sdq, kdr, r, q, lo) - price > tol) return null;
  if (europeanPrice(call, spot, strike, years, sdq, kdr, r, q, hi) - price < -tol) return null;
  let vol = guess > lo && guess < hi ? guess : 0.3;
  for (let i = 0; i < 100; i++) {
    const diff = europeanPrice(call, spot, strike, years, sdq, kdr, r, q, vol) - price;
    if (Math.abs(diff) <= tol) return vol;
    if (diff > 0) hi = vol;
    else lo = vol;
    const step = lastVega > 1e-14 ? vol - diff / lastVega : NaN;
    vol = step > lo && step < hi ? step : 0.5 * (lo + hi);
    if (hi - lo < 1e-12) return vol;
  }
  return vol;
}

/** Years from `t` to `expiresAt` (UTC ms), calendar time; 0 once expired. */
export function yearsTo(expiresAt: number, t: number): number {
  return expiresAt > t ? (expiresAt - t) / YEAR_MS : 0;
}
