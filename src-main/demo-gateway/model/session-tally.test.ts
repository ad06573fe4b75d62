// The session tally Market.quote and the L1 view share: whole minutes counted once however the instants step,
// and the minute in progress read from its seconds.
import { describe, expect, it } from 'vitest';
import { Market, emptyQuote } from './market';
import { addWholeMinutes, figuresAt, minuteStartOf } from './session-tally';
import type { SessionTally, TallyFigures } from './session-tally';
import { buildUniverse } from './universe';

const T = Date.UTC(2026, 10, 24, 16, 7, 13, 250); // Tuesday 11:07:13 ET
const universe = buildUniverse(T);

function fresh(sessionStart: number): SessionTally {
  return { sessionStart, upTo: sessionStart, hi: -Infinity, lo: Infinity, vol: 0, trades: 0 };
}

describe('session tally', () => {
  it('finds the minute of the session that holds an instant', () => {
    expect(minuteStartOf(1_000, 1_000)).toBe(1_000);
    expect(minuteStartOf(1_000, 61_000 + 59_999)).toBe(61_000);
    expect(minuteStartOf(1_000, 999)).toBe(-59_000);
  });

  it('counts the same whole minutes in one step as in many', () => {
    const market = new Market(universe, 3, false);
    const inst = universe.instruments[0]!;
    const session = market.effectiveTime(inst, T).session!;
    const once = fresh(session.start);
    addWholeMinutes(market, inst, once, minuteStartOf(session.start, T));
    const stepped = fresh(session.start);
    for (let t = session.start; t <= T; t += 7 * 60_000 + 13_000) {
      addWholeMinutes(market, inst, stepped, minuteStartOf(session.start, t));
    }
    addWholeMinutes(market, inst, stepped, minuteStartOf(session.start, T));
    expect(stepped).toEqual(once);
    expect(once.vol).toBeGreaterThan(0);
    expect(once.hi).toBeGreaterThanOrEqual(once.lo);
  });

  it('adds the minute in progress without changing the tally, as Market.quote reports it', () => {
    const market = new Market(universe, 3, false);
    const reference = new Market(universe, 3, false);
    const q = emptyQuote();
    for (const inst of universe.instruments.filter((_, i) => i % 31 === 0)) {
      const session = market.effectiveTime(inst, T).session!;
      const tally = fresh(session.start);
      addWholeMinutes(market, inst, tally, minuteStartOf(session.start, T));
      const before = { ...tally };
      const out: TallyFigures = { high: 0, low: 0, volume: 0, trades: 0 };
      const raw = market.rawPrice(inst, T);
      figuresAt(market, inst, tally, T, raw, out);
      expect(tally).toEqual(before);
      expect(out.high).toBeGreaterThanOrEqual(Math.max(tally.hi, raw));
      expect(out.low).toBeLessThanOrEqual(Math.min(tally.lo, raw));
      reference.quote(inst, T, q);
      expect([
        market.roundPrice(inst, out.high),
        market.roundPrice(inst, out.low),
        out.volume,
        out.trades,
      ]).toEqual([q.high, q.low, q.volume, q.trades]);
    }
  });
});
