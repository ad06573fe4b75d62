// Deterministic randomness for the market model: integer hashing (any value is a pure function of seed, instrument
// and time, so history and the live stream agree), a small PRNG for sequential paths, and a normal table.

/** 32-bit avalanche mix (murmur3 finalizer). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of up to four integers (non-negative or negative, within ±2^53) to a 32-bit unsigned int. */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  let h = mix32((a | 0) ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul((a / 4294967296) | 0, 0x27d4eb2d));
  h = mix32(h ^ (b | 0) ^ Math.imul((b / 4294967296) | 0, 0x165667b1));
  h = mix32(h ^ (c | 0) ^ Math.imul((c / 4294967296) | 0, 0x61c88647));
  h = mix32(h ^ (d | 0) ^ Math.imul((d / 4294967296) | 0, 0x7feb352d));
  return h;
}

/** Uniform [0, 1) from a hash. */
export function unit(h: number): number {
  return h / 4294967296;
}

/** Hash of a string (FNV-1a), e.g. to derive stable conIds from symbols. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** mulberry32: a tiny fast PRNG, good enough for price paths. */
export class Prng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  nextU32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Standard normal from the table (one PRNG step, no transcendental call). */
  normal(): number {
    return NORMAL_TABLE[this.nextU32() & NORMAL_MASK] as number;
  }
}

// Acklam's coefficients, once: the table below calls invNorm 8,192 times while the host starts.
const [A0, A1, A2, A3, A4, A5] = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
] as const;
const [B0, B1, B2, B3, B4] = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
] as const;
const [C0, C1, C2, C3, C4, C5] = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const [D0, D1, D2, D3] = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416,
] as const;

/** Acklam's inverse normal CDF (relative error < 1.2e-9). */
function invNorm(p: number): number {
  const pl = 0.02425;
  if (p < pl || p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(p < pl ? p : 1 - p));
    const tail =
      (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
    return p < pl ? tail : -tail;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1)
  );
}

const NORMAL_BITS = 13;
const NORMAL_MASK = (1 << NORMAL_BITS) - 1;
/** 8192 quantiles of N(0,1) at bin midpoints: mean 0, variance ≈ 1. */
const NORMAL_TABLE: Float64Array = (() => {
  const n = 1 << NORMAL_BITS;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = invNorm((i + 0.5) / n);
  return t;
})();

/** Standard normal from a hash (for values addressed by key rather than drawn in sequence). */
export function normalOf(h: number): number {
  return NORMAL_TABLE[h & NORMAL_MASK] as number;
}
