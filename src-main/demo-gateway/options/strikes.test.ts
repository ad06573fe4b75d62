import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { MAX_STRIKE_UNITS, increments, strikeUnit, strikeUnits } from './strikes';
import type { StrikeSpec } from './strikes';

const spec = (over: Partial<StrikeSpec>): StrikeSpec => ({
  spot: 230,
  low: 230,
  high: 230,
  volatility: 0.3,
  years: 62 / 365,
  weekly: true,
  symbol: 'AAPL',
  unit: 0.5,
  ...over,
});

/** Dollar strikes of a spec. */
const dollars = (s: StrikeSpec): number[] => [...strikeUnits(s)].map((k) => k * s.unit);

/** The set of gaps between neighbouring strikes within `pct` of `around`. */
function gaps(strikes: number[], around: number, pct: number): number[] {
  const out = new Set<number>();
  for (let i = 1; i < strikes.length; i++) {
    if (Math.abs(strikes[i]! - around) <= around * pct && Math.abs(strikes[i - 1]! - around) <= around * pct)
      out.add(strikes[i]! - strikes[i - 1]!);
  }
  return [...out].sort((a, b) => a - b);
}

describe('strike grids', () => {
  it('uses the increments of the price level: weeklies finer than monthlies near the money', () => {
    expect(gaps(dollars(spec({})), 230, 0.04)).toEqual([2.5]);
    expect(gaps(dollars(spec({ weekly: false })), 230, 0.04)).toEqual([5]);
    expect(gaps(dollars(spec({ spot: 150, low: 150, high: 150 })), 150, 0.04)).toEqual([1]);
    expect(gaps(dollars(spec({ spot: 150, low: 150, high: 150, weekly: false })), 150, 0.04)).toEqual([2.5]);
    expect(gaps(dollars(spec({ spot: 22, low: 22, high: 22 })), 22, 0.04)).toEqual([0.5]);
    expect(
      gaps(dollars(spec({ spot: 590, low: 590, high: 590, symbol: 'SPY', weekly: false })), 590, 0.04),
    ).toEqual([1]);
    // Far from the money the grid is coarser.
    const far = dollars(spec({ weekly: false, years: 1 }));
    expect(
      gaps(
        far.filter((k) => k < 150),
        120,
        0.3,
      ),
    ).toEqual([10]);
  });

  it('keeps strikes on the underlying unit, positive and below the conId limit', () => {
    const nvr = spec({ spot: 9000, low: 9000, high: 9000, unit: 5, symbol: 'NVR', years: 1, weekly: false });
    const ks = strikeUnits(nvr);
    expect(ks.length).toBeGreaterThan(20);
    expect(gaps(dollars(nvr), 9000, 0.04)).toEqual([100]);
    for (const k of ks) {
      expect(k).toBeGreaterThan(0);
      expect(k).toBeLessThan(MAX_STRIKE_UNITS);
    }
    // Increments are in units: a $2.50-unit name that drifted below $200 keeps $2.50 strikes (one unit), as the
    // $1 grid is off its unit; a $0.50-unit name there gets $1 (two units).
    expect(increments(150, { weekly: true, symbol: 'FICO', unit: 2.5, years: 0.1 }).near).toBe(1);
    expect(increments(150, { weekly: true, symbol: 'AAPL', unit: 0.5, years: 0.1 }).near).toBe(2);
    const low = spec({ spot: 8, low: 8, high: 8, years: 1 });
    expect(Math.min(...dollars(low))).toBeGreaterThan(0);
  });

  it('widens with time to expiry and volatility', () => {
    const range = (s: StrikeSpec): number => {
      const d = dollars(s);
      return d[d.length - 1]! - d[0]!;
    };
    expect(range(spec({ years: 1, weekly: false }))).toBeGreaterThan(
      range(spec({ years: 0.1, weekly: false })),
    );
    expect(range(spec({ volatility: 0.6 }))).toBeGreaterThan(range(spec({ volatility: 0.2 })));
  });

  it('adds strikes where the underlying has gone since listing, at each level’s own increment', () => {
    const base = dollars(spec({ weekly: false, years: 0.2 }));
    const moved = dollars(spec({ weekly: false, years: 0.2, low: 150, high: 420 }));
    for (const k of base) expect(moved).toContain(k);
    // Between the extremes: $2.50 below $200, $5 from $200 to $500.
    expect(moved).toEqual(expect.arrayContaining([152.5, 155, 197.5, 200, 205, 410, 415, 420]));
    expect(Math.max(...moved)).toBeGreaterThan(420 * 1.05);
    expect(Math.min(...moved)).toBeLessThan(150 * 0.95);
  });

  it('picks a strike unit by reference price', () => {
    const u = buildUniverse(Date.UTC(2026, 10, 24, 16));
    const unitOf = (s: string): number => strikeUnit(u.bySymbol(s)[0]!);
    expect(unitOf('AAPL')).toBe(0.5);
    expect(unitOf('SPY')).toBe(0.5);
    expect(unitOf('FICO')).toBe(2.5);
    expect(unitOf('NVR')).toBe(5);
  });
});
