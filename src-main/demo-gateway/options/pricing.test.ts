import { describe, expect, it } from 'vitest';
import { bsm, emptyGreeks, impliedVol, intrinsic, normCdf, pvDividend, yearsTo, YEAR_MS } from './pricing';
import type { Right } from './occ';

/** Reference normal CDF by Simpson integration of the density (independent of the code under test). */
function refCdf(x: number): number {
  const n = 4000;
  const a = Math.min(0, x);
  const b = Math.max(0, x);
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const t = a + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * Math.exp(-0.5 * t * t);
  }
  const area = (s * h) / 3 / Math.sqrt(2 * Math.PI);
  return x >= 0 ? 0.5 + area : 0.5 - area;
}

/** Reference European BSM price with a continuous dividend yield. */
function refPrice(right: Right, S: number, K: number, T: number, r: number, q: number, v: number): number {
  const d1 = (Math.log(S / K) + (r - q + (v * v) / 2) * T) / (v * Math.sqrt(T));
  const d2 = d1 - v * Math.sqrt(T);
  return right === 'C'
    ? S * Math.exp(-q * T) * refCdf(d1) - K * Math.exp(-r * T) * refCdf(d2)
    : K * Math.exp(-r * T) * refCdf(-d2) - S * Math.exp(-q * T) * refCdf(-d1);
}

const price = (right: Right, S: number, K: number, T: number, r: number, q: number, v: number): number =>
  bsm(right, S, K, T, r, q, v, emptyGreeks()).price;

describe('normal CDF', () => {
  it('matches numerical integration to 1e-12 and is symmetric', () => {
    for (const x of [-8, -5, -3.1, -1.7, -0.5, 0, 0.3, 1, 1.96, 2.5, 4, 6.5]) {
      expect(Math.abs(normCdf(x) - refCdf(x))).toBeLessThan(1e-12);
      expect(normCdf(x) + normCdf(-x)).toBeCloseTo(1, 14);
    }
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
  });
});

describe('Black-Scholes-Merton', () => {
  it('gives Hull’s textbook values (S=42, K=40, r=10 %, σ=20 %, T=0.5: call 4.76, put 0.81)', () => {
    expect(price('C', 42, 40, 0.5, 0.1, 0, 0.2)).toBeCloseTo(4.7594, 4);
    expect(price('P', 42, 40, 0.5, 0.1, 0, 0.2)).toBeCloseTo(0.8086, 4);
  });

  it('gives Hull’s index option with a dividend yield (S=930, K=900, r=8 %, q=3 %, σ=20 %, T=2/12: 51.83)', () => {
    expect(price('C', 930, 900, 2 / 12, 0.08, 0.03, 0.2)).toBeCloseTo(51.83, 2);
  });

  it('matches an independent implementation across strikes, expiries, rates, yields and volatilities', () => {
    let n = 0;
    for (const K of [50, 80, 95, 100, 105, 120, 160])
      for (const T of [2 / 365, 0.1, 0.5, 2])
        for (const [r, q] of [
          [0.043, 0],
          [0.05, 0.03],
          [0, 0.01],
        ] as const)
          for (const v of [0.08, 0.3, 0.9])
            for (const right of ['C', 'P'] as const) {
              const g = bsm(right, 100, K, T, r, q, v, emptyGreeks());
              const ref = refPrice(right, 100, K, T, r, q, v);
              if (g.atIntrinsic) expect(g.price).toBeGreaterThanOrEqual(ref);
              else {
                expect(Math.abs(g.price - ref)).toBeLessThan(1e-9 * Math.max(1, ref));
                n++;
              }
            }
    expect(n).toBeGreaterThan(400);
  });

  it('satisfies put-call parity: C − P = S·e^(−qT) − K·e^(−rT)', () => {
    for (const [S, K, T, r, q, v] of [
      [100, 100, 0.25, 0.043, 0.012, 0.25],
      [230, 250, 1, 0.043, 0.0045, 0.3],
      [42, 40, 0.5, 0.1, 0, 0.2],
      [590, 500, 0.05, 0.04, 0.013, 0.15],
    ] as const) {
      const c = bsm('C', S, K, T, r, q, v, emptyGreeks());
      const p = bsm('P', S, K, T, r, q, v, emptyGreeks());
      expect(c.atIntrinsic || p.atIntrinsic).toBe(false);
      expect(c.price - p.price).toBeCloseTo(S * Math.exp(-q * T) - K * Math.exp(-r * T), 10);
      expect(c.delta - p.delta).toBeCloseTo(Math.exp(-q * T), 12);
      expect(c.gamma).toBeCloseTo(p.gamma, 12);
      expect(c.vega).toBeCloseTo(p.vega, 12);
    }
  });

  it('reports greeks as TWS does: delta, gamma, vega per vol point, theta per calendar day (finite differences)', () => {
    const h = 1e-4;
    for (const right of ['C', 'P'] as const) {
      for (const [S, K, T, r, q, v] of [
        [100, 95, 0.3, 0.043, 0.01, 0.35],
        [230, 240, 20 / 365, 0.043, 0.0045, 0.28],
        [50, 50, 1.2, 0.05, 0.03, 0.5],
      ] as const) {
        const g = bsm(right, S, K, T, r, q, v, emptyGreeks());
        const p = (s: number, t: number, vol: number): number => price(right, s, K, t, r, q, vol);
        const fdDelta = (p(S + h, T, v) - p(S - h, T, v)) / (2 * h);
        const fdGamma = (p(S + 0.01, T, v) - 2 * p(S, T, v) + p(S - 0.01, T, v)) / 1e-4;
        const fdVega = (p(S, T, v + h) - p(S, T, v - h)) / (2 * h) / 100;
        const day = 1 / 365;
        const fdTheta = (p(S, T - day / 100, v) - p(S, T + day / 100, v)) / (2 / 100);
        expect(g.delta).toBeCloseTo(fdDelta, 6);
        expect(g.gamma).toBeCloseTo(fdGamma, 4);
        expect(g.vega).toBeCloseTo(fdVega, 6);
        expect(g.theta).toBeCloseTo(fdTheta, 5);
        expect(g.vega).toBeGreaterThan(0);
      }
    }
  });

  it('never prices an American option below intrinsic value; at the floor it behaves as exercised', () => {
    // A deep in-the-money put with rates above zero is worth less than intrinsic as a European.
    const g = bsm('P', 50, 100, 1, 0.05, 0, 0.2, emptyGreeks());
    expect(refPrice('P', 50, 100, 1, 0.05, 0, 0.2)).toBeLessThan(50);
    expect(g).toMatchObject({ price: 50, atIntrinsic: true, delta: -1, gamma: 0, vega: 0, theta: 0 });
    for (const S of [20, 60, 90, 100, 110, 200])
      for (const right of ['C', 'P'] as const)
        for (const T of [0, 1 / 365, 0.5, 3])
          for (const q of [0, 0.08])
            expect(price(right, S, 100, T, 0.06, q, 0.25)).toBeGreaterThanOrEqual(intrinsic(right, S, 100));
  });

  it('is worth intrinsic value at and after expiry', () => {
    expect(bsm('C', 105, 100, 0, 0.04, 0, 0.3, emptyGreeks())).toMatchObject({ price: 5, delta: 1, vega: 0 });
    expect(bsm('P', 105, 100, 0, 0.04, 0, 0.3, emptyGreeks())).toMatchObject({ price: 0, delta: 0 });
    expect(yearsTo(1000, 2000)).toBe(0);
    expect(yearsTo(YEAR_MS, 0)).toBe(1);
    expect(pvDividend(100, 0.02, 0.5)).toBeCloseTo(100 * (1 - Math.exp(-0.01)), 12);
    expect(pvDividend(100, 0.02, 0)).toBe(0);
  });
});

describe('implied volatility', () => {
  it('recovers the volatility across moneyness, expiries and levels', () => {
    let solved = 0;
    for (const K of [60, 80, 90, 100, 110, 125, 150])
      for (const T of [1 / 365, 7 / 365, 0.25, 1, 2])
        for (const v of [0.05, 0.2, 0.45, 1, 2])
          for (const right of ['C', 'P'] as const) {
            const g = bsm(right, 100, K, T, 0.043, 0.015, v, emptyGreeks());
            // Only prices that carry information about volatility: above a millionth of a dollar and not floored.
            if (g.atIntrinsic || g.price - intrinsic(right, 100, K) < 1e-6 || g.vega < 1e-6) continue;
            const iv = impliedVol(right, g.price, 100, K, T, 0.043, 0.015);
            expect(iv, `${right} K=${K} T=${T} v=${v}`).not.toBeNull();
            expect(Math.abs(iv! - v)).toBeLessThan(1e-5);
            solved++;
          }
    expect(solved).toBeGreaterThan(200);
  });

  it('converges from a poor guess and from the model’s own volatility', () => {
    const p = price('C', 230, 260, 30 / 365, 0.043, 0.0045, 0.31);
    for (const guess of [0.0001, 0.01, 0.31, 5, 9.99, NaN])
      expect(impliedVol('C', p, 230, 260, 30 / 365, 0.043, 0.0045, guess)).toBeCloseTo(0.31, 8);
  });

  it('returns null outside the no-arbitrage bounds and without time left', () => {
    const S = 100;
    const K = 90;
    const T = 0.5;
    const r = 0.05;
    const q = 0.01;
    const lowerCall = S * Math.exp(-q * T) - K * Math.exp(-r * T);
    expect(impliedVol('C', lowerCall, S, K, T, r, q)).toBeNull();
    expect(impliedVol('C', lowerCall - 0.01, S, K, T, r, q)).toBeNull();
    expect(impliedVol('C', S * Math.exp(-q * T), S, K, T, r, q)).toBeNull();
    expect(impliedVol('C', S + 1, S, K, T, r, q)).toBeNull();
    expect(impliedVol('P', K * Math.exp(-r * T), S, K, T, r, q)).toBeNull();
    expect(impliedVol('P', 0, S, K, T, r, q)).toBeNull();
    expect(impliedVol('P', -1, S, K, T, r, q)).toBeNull();
    expect(impliedVol('C', 12, S, K, 0, r, q)).toBeNull();
    expect(impliedVol('C', NaN, S, K, T, r, q)).toBeNull();
    expect(impliedVol('C', 12, 0, K, T, r, q)).toBeNull();
    // Just inside the bounds there is an answer.
    expect(impliedVol('C', lowerCall + 0.5, S, K, T, r, q)).not.toBeNull();
    expect(impliedVol('C', S * Math.exp(-q * T) - 1, S, K, T, r, q)).not.toBeNull();
  });
});
