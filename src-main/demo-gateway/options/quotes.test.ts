import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import type { Instrument } from '../model/instrument';
import { etDay, etTime } from '../wire/tws-time';
import { roundPremium } from './contract';
import type { OptionContract } from './contract';
import { OptionMarket } from './option-market';
import { bsm, emptyGreeks, intrinsic } from './pricing';
import { PRICE_BASED, RETURN_BASED, emptyOptionQuote, quoteOption } from './quotes';
import type { OptionQuote } from './quotes';
import { atmVol, volAt } from './vol-surface';

const T = Date.UTC(2026, 10, 24, 16, 7, 13); // Tuesday 24 Nov 2026, 11:07:13 ET
const universe = buildUniverse(T);
const sym = (s: string): Instrument => universe.bySymbol(s).find((i) => i.secType === 'STK')!;
const make = (seed = 1): OptionMarket =>
  new OptionMarket({ market: new Market(universe, seed, false), seed });
const om = make();
const options = (s: string, t = T): OptionContract[] => om.chains.find(s, {}, t);

const onGrid = (c: OptionContract, p: number): boolean =>
  p === 0 || roundPremium(c.tickClass, p, 'nearest') === p;

describe('option quotes', () => {
  it('quotes a sane book for every option of thin, liquid, cheap and dear underlyings', () => {
    for (const s of ['AAPL', 'SPY', 'F', 'NVR', 'ZBRA', 'TLT']) {
      let worthless = 0;
      for (const c of options(s)) {
        const q = om.quote(c, T);
        const where = `${c.localSymbol} model ${q.modelPrice}`;
        expect(q.bid, where).toBeGreaterThanOrEqual(0);
        expect(q.ask, where).toBeGreaterThan(q.bid);
        expect(q.ask).toBeGreaterThanOrEqual(c.minTick);
        expect(onGrid(c, q.bid) && onGrid(c, q.ask), where).toBe(true);
        expect(q.bid).toBeLessThanOrEqual(q.modelPrice + 1e-9);
        expect(q.ask).toBeGreaterThanOrEqual(q.modelPrice - 1e-9);
        expect(q.modelPrice).toBeGreaterThanOrEqual(intrinsic(c.right, q.modelGreeks.undPrice, c.strike));
        expect(q.bidSize === 0).toBe(q.bid === 0);
        expect(q.askSize).toBeGreaterThanOrEqual(1);
        if (q.bid === 0) worthless++;
      }
      // Far out of the money some options are bid at nothing.
      expect(worthless, s).toBeGreaterThan(0);
    }
  });

  it('widens the spread for thin names, far from the money and for long expiries', () => {
    const ticks = (c: OptionContract): number => {
      let sum = 0;
      const q = emptyOptionQuote();
      for (let k = 0; k < 20; k++) {
        om.quote(c, T + k * 1000, q);
        sum += (q.ask - q.bid) / c.minTick;
      }
      return sum / 20;
    };
    const atm = (s: string, which: 'first' | 'last', right: 'C' | 'P' = 'C'): OptionContract => {
      const spot = om.underlying(sym(s), T).spot;
      const chain = om.chains.chain(sym(s), T);
      const live = chain.live(T);
      const e = which === 'first' ? live[1]! : live.at(-1)!;
      let best = e.strikes[0]!;
      for (const k of e.strikes)
        if (Math.abs(chain.dollars(k) - spot) < Math.abs(chain.dollars(best) - spot)) best = k;
      return chain.contract(e, right, best);
    };
    expect(ticks(atm('SPY', 'first'))).toBeLessThan(ticks(atm('ZBRA', 'first')));
    expect(ticks(atm('AAPL', 'first'))).toBeLessThan(ticks(atm('AAPL', 'last')));
    // Relative to the premium, far out-of-the-money options are wider than at-the-money ones.
    const rel = (c: OptionContract): number => {
      const q = om.quote(c, T);
      return (q.ask - q.bid) / q.ask;
    };
    const weekly = om.chains.chain(sym('AAPL'), T).live(T)[1]!;
    const wings = options('AAPL').filter(
      (c) =>
        c.expiration === weekly.expiration &&
        om.quote(c, T).bid > 0 &&
        Math.abs(om.quote(c, T).modelGreeks.delta) < 0.1,
    );
    expect(wings.length).toBeGreaterThan(0);
    for (const c of wings) expect(rel(c)).toBeGreaterThan(rel(atm('AAPL', 'first', c.right)));
  });

  it('reports the four option computations with the protocol’s sentinels', () => {
    const aapl = sym('AAPL');
    const und = om.underlying(aapl, T);
    let both = 0;
    for (const c of options('AAPL')) {
      const q = om.quote(c, T);
      const m = q.modelGreeks;
      const years = (c.expiration.expiresAt - T) / (365 * 86_400_000);
      const fwd = und.prevClose * Math.exp((und.r - und.q) * years);
      expect(m.tickAttrib).toBe(RETURN_BASED);
      expect(m.impliedVol).toBeCloseTo(volAt(und.slice, c.strike, fwd, years), 12);
      expect(m.optPrice).toBe(q.modelPrice);
      expect(m.undPrice).toBe(und.spot);
      expect(m.pvDividend).toBeCloseTo(und.spot * (1 - Math.exp(-0.0045 * years)), 9);
      expect(c.right === 'C' ? m.delta >= 0 && m.delta <= 1 : m.delta <= 0 && m.delta >= -1).toBe(true);
      expect(m.gamma).toBeGreaterThanOrEqual(0);
      expect(m.vega).toBeGreaterThanOrEqual(0);
      for (const [g, price] of [
        [q.bidGreeks, q.bid],
        [q.askGreeks, q.ask],
        [q.lastGreeks, q.last],
      ] as const) {
        expect(g.tickAttrib).toBe(PRICE_BASED);
        expect(g.undPrice).toBe(und.spot);
        expect(g.pvDividend).toBe(-1);
        if (price === 0) expect(g.optPrice).toBe(-1);
        else expect(g.optPrice).toBe(price);
        if (g.impliedVol === -1) {
          expect([g.delta, g.gamma, g.vega, g.theta]).toEqual([-2, -2, -2, -2]);
        } else {
          const back = bsm(c.right, und.spot, c.strike, years, und.r, und.q, g.impliedVol, emptyGreeks());
          expect(back.price).toBeCloseTo(price, 6);
          expect(g.delta).toBe(back.delta);
        }
      }
      if (q.bidGreeks.impliedVol > 0 && q.askGreeks.impliedVol > 0) {
        expect(q.bidGreeks.impliedVol).toBeLessThanOrEqual(m.impliedVol + 1e-9);
        expect(q.askGreeks.impliedVol).toBeGreaterThanOrEqual(m.impliedVol - 1e-9);
        both++;
      }
    }
    expect(both).toBeGreaterThan(100);
    const zero = options('AAPL').find((c) => om.quote(c, T).bid === 0)!;
    expect(om.quote(zero, T).bidGreeks).toMatchObject({ impliedVol: -1, delta: -2, optPrice: -1, theta: -2 });
  });

  it('moves with the underlying: calls up and puts down when it rises, by about their delta', () => {
    const aapl = sym('AAPL');
    const base = om.underlying(aapl, T);
    // Same surface (sticky strike): the change is delta (plus a little gamma) times the move.
    const bumped = { ...base, spot: base.spot * 1.01, priceAt: base.priceAt };
    let checked = 0;
    for (const c of options('AAPL').filter((x) => x.expiration.ymd === '20261218')) {
      const a = quoteOption(c, base, emptyOptionQuote());
      const b = quoteOption(c, bumped, emptyOptionQuote());
      if (a.modelGreeks.delta === 0 || Math.abs(a.modelGreeks.delta) === 1) continue;
      const dS = bumped.spot - base.spot;
      if (c.right === 'C') expect(b.modelPrice).toBeGreaterThan(a.modelPrice);
      else expect(b.modelPrice).toBeLessThan(a.modelPrice);
      expect(Math.abs(b.modelPrice - a.modelPrice - a.modelGreeks.delta * dS)).toBeLessThan(0.05 * dS + 0.01);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // And through time: the option follows the live underlying.
    const c = options('AAPL').find(
      (x) => x.expiration.ymd === '20261218' && x.right === 'C' && x.strike >= base.spot,
    )!;
    let agree = 0;
    for (let k = 0; k < 30; k++) {
      const t0 = T + k * 600_000;
      const t1 = t0 + 600_000;
      const dS = om.underlying(aapl, t1).spot - om.underlying(aapl, t0).spot;
      const dC = om.quote(c, t1).modelPrice - om.quote(c, t0).modelPrice;
      if (Math.sign(dS) === Math.sign(dC)) agree++;
    }
    expect(agree).toBeGreaterThanOrEqual(27);
  });

  it('trades volume through regular hours only, deterministically; open interest is fixed for the day', () => {
    const c = options('SPY').find((x) => x.right === 'P' && om.quote(x, T).volume > 100)!;
    const day = etDay(T);
    const at = (minute: number): OptionQuote => om.quote(c, etTime(day, minute));
    expect(at(9 * 60).volume).toBe(0);
    expect(at(9 * 60).lastTime).toBe(0);
    expect(at(9 * 60).last).toBe(at(9 * 60).close);
    let prev = 0;
    let prevTime = 0;
    for (let m = 9 * 60 + 30; m <= 17 * 60; m += 15) {
      const q = at(m);
      expect(q.volume).toBeGreaterThanOrEqual(prev);
      expect(q.openInterest).toBe(at(9 * 60).openInterest);
      expect(q.lastTime).toBeGreaterThanOrEqual(prevTime);
      if (q.lastTime > 0) {
        expect(q.lastTime * 1000).toBeLessThanOrEqual(etTime(day, m));
        expect(q.lastTime * 1000).toBeGreaterThanOrEqual(etTime(day, 9 * 60 + 30));
        expect(q.lastTime * 1000).toBeLessThan(etTime(day, 16 * 60));
        expect(onGrid(c, q.last)).toBe(true);
        expect(q.lastSize).toBeGreaterThan(0);
      }
      prev = q.volume;
      prevTime = q.lastTime;
    }
    expect(at(16 * 60).volume).toBe(at(17 * 60).volume);
    expect(at(17 * 60).lastTime).toBeGreaterThan(0);
    const again = make().quote(c, etTime(day, 12 * 60));
    expect(again).toEqual(at(12 * 60));
    expect(make(2).quote(c, etTime(day, 12 * 60)).volume).not.toBe(again.volume);
  });

  it('concentrates volume and open interest near the money and near expiries, more on liquid names', () => {
    const dayEnd = etTime(etDay(T), 17 * 60);
    const aapl = sym('AAPL');
    const spot = om.underlying(aapl, dayEnd).spot;
    let near = 0;
    let far = 0;
    let soon = 0;
    let later = 0;
    let oiNear = 0;
    let oiFar = 0;
    const live = om.chains.chain(aapl, dayEnd).live(dayEnd);
    const first = live[0]!.expiration;
    const last = live.at(-1)!.expiration;
    for (const c of options('AAPL', dayEnd)) {
      const q = om.quote(c, dayEnd);
      const m = Math.abs(Math.log(c.strike / spot));
      if (m < 0.03) {
        near += q.volume;
        oiNear += q.openInterest;
      }
      if (m > 0.3) {
        far += q.volume;
        oiFar += q.openInterest;
      }
      if (c.expiration === first) soon += q.volume;
      if (c.expiration === last) later += q.volume;
    }
    expect(near).toBeGreaterThan(far);
    expect(oiNear).toBeGreaterThan(oiFar);
    expect(soon).toBeGreaterThan(later);
    const total = (s: string): number => {
      const st = om.underlyingStats(sym(s), dayEnd);
      return st.callVolume + st.putVolume;
    };
    expect(total('SPY')).toBeGreaterThan(total('AAPL'));
    expect(total('AAPL')).toBeGreaterThan(total('ZBRA'));
  });

  it('prices delayed quotes off the delayed underlying (lane 1 at t − 15 min)', () => {
    const c = options('AAPL')[40]!;
    const delayed = om.quote(c, T - 15 * 60_000, emptyOptionQuote(), 1);
    const fresh = make().quote(c, T - 15 * 60_000);
    expect(delayed.modelPrice).toBe(fresh.modelPrice);
    expect(delayed.bid).toBe(fresh.bid);
    expect(om.quote(c, T).modelGreeks.undPrice).not.toBe(delayed.modelGreeks.undPrice);
  });

  it('values an expired option at intrinsic with no implied volatility', () => {
    const friday = etDay(Date.UTC(2026, 10, 27, 17));
    const before = etTime(friday, 15 * 60);
    const c = om.chains.find('AAPL', { expiry: '20261127' }, before)[10]!;
    const q = om.quote(c, etTime(friday, 16 * 60 + 5));
    expect(q.modelPrice).toBe(intrinsic(c.right, q.modelGreeks.undPrice, c.strike));
    expect(q.bidGreeks.impliedVol).toBe(-1);
    expect(q.askGreeks.impliedVol).toBe(-1);
    expect(atmVol(om.underlying(sym('AAPL'), before).slice, 0)).toBeGreaterThan(0);
  });
});
