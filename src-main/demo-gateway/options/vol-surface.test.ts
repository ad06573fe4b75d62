import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { VolSurface, atmVol, volAt } from './vol-surface';

const T = Date.UTC(2026, 10, 24, 16, 7);
const universe = buildUniverse(T);
const sym = (s: string): Instrument => universe.bySymbol(s)[0]!;
const WEEK = 7 / 365;

describe('volatility surface', () => {
  it('is a pure function of the seed', () => {
    const a = new VolSurface(1);
    const b = new VolSurface(1);
    const c = new VolSurface(2);
    const aapl = sym('AAPL');
    expect(b.params(aapl)).toEqual(a.params(aapl));
    expect(b.slice(aapl, T, 230, 229)).toEqual(a.slice(aapl, T, 230, 229));
    expect(c.params(aapl)).not.toEqual(a.params(aapl));
  });

  it('starts from the price model’s own volatility plus a premium, by type', () => {
    const s = new VolSurface(1);
    for (const inst of universe.stocks) {
      const p = s.params(inst);
      expect(p.historical).toBeCloseTo(inst.dailyVol * Math.sqrt(365), 12);
      expect(p.base / p.historical).toBeGreaterThanOrEqual(1);
      expect(p.base / p.historical).toBeLessThanOrEqual(1.12);
    }
    // Index ETFs skew harder than single stocks; gold barely skews.
    expect(s.params(sym('SPY')).skew).toBeLessThan(-0.13);
    expect(s.params(sym('GLD')).skew).toBeGreaterThan(-0.03);
  });

  it('has a skew (low strikes higher) with a mild smile, positive and bounded everywhere', () => {
    const s = new VolSurface(1);
    for (const inst of universe.stocks) {
      const slice = s.slice(inst, T, inst.refPrice, inst.refPrice);
      for (const years of [1 / 365, WEEK, 0.1, 0.5, 1.1]) {
        const F = inst.refPrice;
        const atm = volAt(slice, F, F, years);
        expect(atm).toBeCloseTo(atmVol(slice, years), 12);
        const move = atm * Math.sqrt(years);
        const down = volAt(slice, F * Math.exp(-2 * move), F, years);
        const up = volAt(slice, F * Math.exp(2 * move), F, years);
        if (inst.subcategory !== 'Commodity') expect(down, inst.symbol).toBeGreaterThan(up);
        // The smile's floor lies above the money and stays close to the at-the-money level.
        let min = Infinity;
        for (let z = -4; z <= 4; z += 0.25) {
          const v = volAt(slice, F * Math.exp(z * move), F, years);
          expect(v).toBeGreaterThan(0.02);
          expect(v).toBeLessThan(5);
          min = Math.min(min, v);
        }
        expect(min).toBeGreaterThan(0.6 * atm);
        expect(volAt(slice, F * Math.exp(4 * move), F, years)).toBeGreaterThan(min);
      }
    }
  });

  it('has a term structure: the short end differs from the long end, within realistic bounds', () => {
    const s = new VolSurface(1);
    let inverted = 0;
    let contango = 0;
    for (const inst of universe.stocks) {
      const slice = s.slice(inst, T, inst.refPrice, inst.refPrice);
      const short = atmVol(slice, WEEK);
      const long = atmVol(slice, 1);
      expect(short / long).toBeGreaterThan(0.7);
      expect(short / long).toBeLessThan(1.6);
      if (short > long) inverted++;
      else contango++;
    }
    expect(inverted).toBeGreaterThan(20);
    expect(contango).toBeGreaterThan(20);
  });

  it('rises when the underlying falls, the short end most (the curve inverts)', () => {
    const s = new VolSurface(1);
    const aapl = sym('AAPL');
    const flat = s.slice(aapl, T, 230, 230);
    const flatShort = atmVol(flat, WEEK);
    const flatLong = atmVol(flat, 1);
    const down = s.slice(aapl, T, 230 * 0.96, 230);
    expect(atmVol(down, WEEK) / flatShort).toBeGreaterThan(atmVol(down, 1) / flatLong);
    expect(atmVol(down, 1)).toBeGreaterThan(flatLong * 1.05);
    const up = s.slice(aapl, T, 230 * 1.03, 230);
    expect(atmVol(up, 1)).toBeLessThan(flatLong);
  });

  it('moves slowly with time', () => {
    const s = new VolSurface(1);
    const aapl = sym('AAPL');
    const at = (t: number): number => atmVol(s.slice(aapl, t, 230, 230), 0.1);
    const v0 = at(T);
    expect(Math.abs(at(T + 60_000) / v0 - 1)).toBeLessThan(0.001);
    let maxDay = 0;
    let span = 0;
    for (let d = 1; d <= 60; d++) {
      const v = at(T + d * 86_400_000);
      maxDay = Math.max(maxDay, Math.abs(v / at(T + (d - 1) * 86_400_000) - 1));
      span = Math.max(span, Math.abs(v / v0 - 1));
    }
    expect(maxDay).toBeLessThan(0.12);
    expect(span).toBeGreaterThan(0.02);
  });
});
