import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import type { Instrument } from '../model/instrument';
import { etDay, etTime } from '../wire/tws-time';
import { OptionModelError } from './errors';
import { createOptionMarket } from './option-market';
import { bsm, emptyGreeks } from './pricing';
import { emptyOptionQuote } from './quotes';
import { atmVol } from './vol-surface';

const T = Date.UTC(2026, 10, 24, 16, 7, 13); // Tuesday 24 Nov 2026, 11:07:13 ET
const universe = buildUniverse(T);
const sym = (s: string): Instrument => universe.bySymbol(s).find((i) => i.secType === 'STK')!;
const om = createOptionMarket({ market: new Market(universe, 1, false), seed: 1 });
const aapl = sym('AAPL');

describe('option market', () => {
  it('reports the underlying’s option statistics as the sums of its options (generic ticks 100, 101)', () => {
    const evening = etTime(etDay(T), 18 * 60);
    const st = om.underlyingStats(aapl, evening);
    let callVolume = 0;
    let putVolume = 0;
    let callOi = 0;
    let putOi = 0;
    const q = emptyOptionQuote();
    for (const c of om.chains.find('AAPL', {}, T)) {
      om.quote(c, evening, q);
      if (c.right === 'C') {
        callVolume += q.volume;
        callOi += q.openInterest;
      } else {
        putVolume += q.volume;
        putOi += q.openInterest;
      }
    }
    // Today's expiry (if any) is part of today's volume; AAPL's first expiry here is Friday's.
    expect(st.callVolume).toBe(callVolume);
    expect(st.putVolume).toBe(putVolume);
    expect(st.callOpenInterest).toBe(callOi);
    expect(st.putOpenInterest).toBe(putOi);
    expect(callVolume).toBeGreaterThan(1000);
    const midday = om.underlyingStats(aapl, T);
    expect(midday.callVolume).toBeLessThan(st.callVolume);
    expect(midday.callVolume).toBeGreaterThan(0);
    expect(om.underlyingStats(aapl, etTime(etDay(T), 9 * 60)).callVolume).toBe(0);
  });

  it('reports 30-day implied and historical volatility (generic ticks 106, 104)', () => {
    const st = om.underlyingStats(aapl, T);
    expect(st.impliedVol).toBeCloseTo(atmVol(om.underlying(aapl, T).slice, 30 / 365), 12);
    const model = aapl.dailyVol * Math.sqrt(365);
    expect(st.historicalVol).toBeGreaterThan(model * 0.5);
    expect(st.historicalVol).toBeLessThan(model * 1.6);
    expect(st.impliedVol).toBeGreaterThan(model * 0.6);
    expect(st.impliedVol).toBeLessThan(model * 2);
  });

  it('answers calculateOptionPrice and calculateImpliedVolatility (tick 53) and they invert each other', () => {
    const c = om.chains.find('AAPL', { expiry: '20261218', right: 'P' }, T)[20]!;
    const years = (c.expiration.expiresAt - T) / (365 * 86_400_000);
    const priced = om.calculateOptionPrice(c, 0.3, 230, T);
    const ref = bsm('P', 230, c.strike, years, om.rate, om.dividendYield(aapl), 0.3, emptyGreeks());
    expect(priced).toMatchObject({
      tickAttrib: 0,
      impliedVol: 0.3,
      optPrice: ref.price,
      delta: ref.delta,
      gamma: ref.gamma,
      vega: ref.vega,
      theta: ref.theta,
      pvDividend: -1,
      undPrice: 230,
    });
    const implied = om.calculateImpliedVolatility(c, priced.optPrice, 230, T);
    expect(implied.impliedVol).toBeCloseTo(0.3, 8);
    expect(implied.optPrice).toBe(priced.optPrice);
    expect(implied.undPrice).toBe(230);
    expect(implied.delta).toBeCloseTo(ref.delta, 6);
    // A price no volatility can produce: sentinels, not an error.
    const none = om.calculateImpliedVolatility(c, 0, 230, T);
    expect(none).toMatchObject({ impliedVol: -1, delta: -2, gamma: -2, vega: -2, theta: -2, undPrice: 230 });
    expect(om.calculateImpliedVolatility(c, 10_000, 230, T).impliedVol).toBe(-1);
  });

  it('rejects bad calculation inputs with a typed error', () => {
    const c = om.chains.find('AAPL', { expiry: '20261218' }, T)[0]!;
    expect(() => om.calculateOptionPrice(c, 0, 230, T)).toThrow(OptionModelError);
    expect(() => om.calculateOptionPrice(c, 0.3, -1, T)).toThrow(/underlying price/);
    expect(() => om.calculateImpliedVolatility(c, -2, 230, T)).toThrow(/option price/);
    expect(() => om.calculateImpliedVolatility(c, 2, Number.NaN, T)).toThrow(OptionModelError);
    const es = universe.instruments.find((i) => i.secType === 'FUT')!;
    expect(() => om.underlyingStats(es, T)).toThrow(OptionModelError);
  });

  it('rolls over at midnight: new open interest and listings, volume back to zero, identities kept', () => {
    const day = etDay(T);
    const c = om.chains.find('AAPL', { expiry: '20261218', right: 'C' }, T)[15]!;
    const late = om.quote(c, etTime(day, 23 * 60 + 59));
    const next = om.quote(c, etTime(day + 1, 1));
    expect(late.volume).toBeGreaterThan(0);
    expect(next.volume).toBe(0);
    expect(next.openInterest).not.toBe(late.openInterest);
    expect(om.chains.byConId(c.conId, etTime(day + 1, 1))?.localSymbol).toBe(c.localSymbol);
    expect(om.underlying(aapl, etTime(day + 1, 1)).day).toBe(day + 1);
  });
});
