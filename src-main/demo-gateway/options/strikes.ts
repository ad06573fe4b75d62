// Strike prices of one expiration, fixed when it is listed: a band of fine strikes around the spot at listing and
// a wider band of coarse ones, both at the exchanges' usual increments for the price level (weeklies finer than
// monthlies near the money), wider for longer-dated series. Different expirations therefore list different
// strikes, and the union that reqSecDefOptParams reports holds expiry/strike pairs that do not exist.
import type { Instrument } from '../model/instrument';

/** Upper bound of a price level → [weekly near-the-money, standard near-the-money, far] increments. */
const BANDS: readonly (readonly [number, number, number, number])[] = [
  [10, 0.5, 0.5, 1],
  [50, 0.5, 1, 2.5],
  [100, 1, 1, 2.5],
  [200, 1, 2.5, 5],
  [500, 2.5, 5, 10],
  [1000, 5, 10, 20],
  [2500, 10, 20, 50],
  [5000, 25, 50, 100],
  [Infinity, 100, 100, 500],
];

/** Index ETFs list $1 strikes near the money in every series up to three months out (SPY, QQQ, IWM, DIA). */
const DOLLAR_STRIKE_ETFS: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM', 'DIA']);

/** Strikes are whole multiples of an underlying's unit (the conId scheme stores strike / unit). */
export const MAX_STRIKE_UNITS = 8000;

/**
 * The strike unit of an underlying, from its reference price (its price model reverts to it): $0.5 below $1,000,
 * $2.5 below $2,500, else $5. Increments are rounded up to a multiple of it, so a high-priced name that drifts
 * low keeps a coarser grid; strikes above MAX_STRIKE_UNITS units (4× to 16× the reference price) are not listed.
 */
export function strikeUnit(inst: Instrument): number {
  return inst.refPrice < 1000 ? 0.5 : inst.refPrice < 2500 ? 2.5 : 5;
}

/** Annualised volatility of the price model (its daily log-return deviation; the demo trades every day). */
export function modelVolatility(inst: Instrument): number {
  return inst.dailyVol * Math.sqrt(365);
}

export interface StrikeSpec {
  /** The underlying's close on the day before listing: the centre of the original strikes. */
  readonly spot: number;
  /** Lowest and highest close since then: strikes are added where the underlying has gone, never removed. */
  readonly low: number;
  readonly high: number;
  /** Annualised volatility used to size the bands. */
  readonly volatility: number;
  /** Years from listing to expiry. */
  readonly years: number;
  /** True for a weekly series (finer near-the-money increments). */
  readonly weekly: boolean;
  readonly symbol: string;
  readonly unit: number;
}

/** Near-the-money and far increments at a price level, as multiples of `unit`. */
export function increments(
  spot: number,
  spec: Pick<StrikeSpec, 'weekly' | 'symbol' | 'unit' | 'years'>,
): { near: number; far: number } {
  const band = BANDS.find((b) => spot < b[0]) ?? (BANDS[BANDS.length - 1] as (typeof BANDS)[number]);
  let near = spec.weekly ? band[1] : band[2];
  let far = band[3];
  if (DOLLAR_STRIKE_ETFS.has(spec.symbol) && spot < 1000 && spec.years <= 0.25) {
    near = 1;
    far = 5;
  }
  const up = (x: number): number => Math.max(1, Math.ceil(x / spec.unit - 1e-9));
  return { near: up(near), far: up(far) };
}

/**
 * The strikes of one expiration, ascending, in units (multiply by `unit` for dollars). Around the listing spot:
 * near-the-money increments within about one standard deviation over the series' life (5–25 % of spot, at
 * least five increments), far increments out to about 2.5 (20–80 %, at least four increments). As the
 * underlying moves the exchanges add strikes: the same bands around the lowest and highest close since listing,
 * and near-the-money strikes in between, each at the increment of its own price level (band edges are multiples
 * of the wider increment, so the grid stays aligned).
 */
export function strikeUnits(spec: StrikeSpec): Int32Array {
  const move = spec.volatility * Math.sqrt(Math.max(spec.years, 1 / 365));
  const nearFrac = clamp(move, 0.05, 0.25);
  const farFrac = clamp(2.5 * move, 0.2, 0.8);
  const u = spec.unit;
  const out = new Set<number>();
  const band = (centre: number, width: number, step: number): void => {
    const lo = Math.max(step, Math.ceil((centre - width) / u / step) * step);
    const hi = Math.min(MAX_STRIKE_UNITS - 1, Math.floor((centre + width) / u / step) * step);
    for (let k = lo; k <= hi; k += step) out.add(k);
  };
  const around = (centre: number): void => {
    const { near, far } = increments(centre, spec);
    // Low-priced names still list a handful of strikes each side (a $10 stock trades $5 to $20 strikes).
    band(centre, Math.max(centre * farFrac, 4 * far * u), far);
    band(centre, Math.max(centre * nearFrac, 5 * near * u), near);
  };
  around(spec.spot);
  if (spec.low < spec.spot) around(spec.low);
  if (spec.high > spec.spot) around(spec.high);
  // Fill between the extremes at each level's own near increment.
  let k = Math.max(1, Math.ceil(spec.low / u));
  const top = Math.min(MAX_STRIKE_UNITS - 1, Math.floor(spec.high / u));
  while (k <= top) {
    const step = increments(k * u, spec).near;
    k = Math.ceil(k / step) * step;
    if (k <= top) out.add(k);
    k += step;
  }
  return Int32Array.from([...out].sort((a, b) => a - b));
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
