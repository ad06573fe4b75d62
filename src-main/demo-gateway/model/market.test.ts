import { describe, expect, it } from 'vitest';
import { buildUniverse } from './universe';
import { Market, emptyQuote } from './market';
import type { Instrument } from './instrument';

const T = Date.UTC(2026, 10, 24, 16, 7, 13, 250); // Tuesday 11:07:13 ET
const universe = buildUniverse(T);
const aapl = universe.bySymbol('AAPL')[0] as Instrument;

describe('market', () => {
  it('is a pure function of seed and time', () => {
    const a = new Market(universe, 5, false).quote(aapl, T, emptyQuote());
    const b = new Market(universe, 5, false).quote(aapl, T, emptyQuote());
    const c = new Market(universe, 6, false).quote(aapl, T, emptyQuote());
    expect(a).toEqual(b);
    expect(a.last).not.toBe(c.last);
  });

  it('quotes a consistent book: bid < ask, bid ≤ last ≤ ask, low ≤ last ≤ high, prices on the tick grid', () => {
    const m = new Market(universe, 1, false);
    const q = emptyQuote();
    for (const inst of universe.instruments) {
      m.quote(inst, T, q);
      expect(q.ask, inst.symbol).toBeGreaterThan(q.bid);
      expect(q.last).toBeGreaterThanOrEqual(q.bid);
      expect(q.last).toBeLessThanOrEqual(q.ask);
      expect(q.low).toBeLessThanOrEqual(q.last);
      expect(q.high).toBeGreaterThanOrEqual(q.last);
      const ticks = q.last / inst.minTick;
      expect(Math.abs(ticks - Math.round(ticks))).toBeLessThan(1e-6);
      expect(q.live).toBe(true);
    }
  });

  it('accumulates session volume and never lets it go backwards', () => {
    const m = new Market(universe, 1, false);
    let prev = 0;
    for (let k = 0; k < 40; k++) {
      const q = m.quote(aapl, T + k * 250, emptyQuote());
      expect(q.volume).toBeGreaterThanOrEqual(prev);
      prev = q.volume;
    }
    expect(prev).toBeGreaterThan(aapl.avgVolume * 0.05);
  });

  it('with real hours, freezes stocks outside the session and trades FX around the clock on weekdays', () => {
    const m = new Market(universe, 1, true);
    const night = Date.UTC(2026, 10, 25, 3); // 22:00 ET
    const a = m.quote(aapl, night, emptyQuote());
    const b = m.quote(aapl, night + 60_000, emptyQuote());
    expect(a.live).toBe(false);
    expect(b.last).toBe(a.last);
    const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;
    expect(m.quote(eur, night, emptyQuote()).live).toBe(true);
    const saturday = Date.UTC(2026, 10, 28, 16);
    expect(m.quote(eur, saturday, emptyQuote()).live).toBe(false);
  });

  it('moves an instrument by an injected jump from its instant on, and back when the jumps end', () => {
    const m = new Market(universe, 1, false);
    const plain = new Market(universe, 1, false);
    const at = T + 1000;
    m.jump(aapl, 1.05, at);
    expect(m.quote(aapl, T, emptyQuote()).last).toBe(plain.quote(aapl, T, emptyQuote()).last);
    const moved = m.quote(aapl, at + 500, emptyQuote());
    const path = plain.quote(aapl, at + 500, emptyQuote());
    expect(moved.last).toBeCloseTo(plain.roundPrice(aapl, plain.rawPrice(aapl, at + 500) * 1.05), 8);
    expect(moved.last / path.last).toBeCloseTo(1.05, 3);
    expect(moved.bid).toBeLessThanOrEqual(moved.last);
    expect(moved.high).toBeGreaterThanOrEqual(moved.last);
    const msft = universe.bySymbol('MSFT')[0] as Instrument;
    expect(m.quote(msft, at + 500, emptyQuote()).last).toBe(plain.quote(msft, at + 500, emptyQuote()).last);
    m.clearJumps();
    expect(m.quote(aapl, at + 500, emptyQuote()).last).toBe(path.last);
    expect(() => m.jump(aapl, 0, at)).toThrow(RangeError);
    expect(() => m.jump(aapl, Number.NaN, at)).toThrow(RangeError);
  });
});
