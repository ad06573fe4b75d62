// The market's newsworthy events: each rule checked against the path it was read from, the same day giving the
// same events, weekends and non-stocks quiet, and counts a trader would find plausible.
import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { PathModel } from '../model/price-path';
import { etDay, etTime } from '../wire/tws-time';
import {
  BIG_MOVE_PCT,
  GAP_PCT,
  SCAN_ROWS,
  VOLUME_SPIKE_RATIO,
  instrumentDayEvents,
  isNewsDay,
  scannerEntries,
} from './market-events';

const universe = buildUniverse(Date.UTC(2026, 6, 8));
const WED = etDay(Date.UTC(2026, 6, 8, 16));
const SAT = WED + 3;

describe('market events', () => {
  it('reads each rule off the day path, against the previous close', () => {
    const paths = new PathModel(1);
    const all = universe.stocks.flatMap((i) => instrumentDayEvents(paths, i, WED));
    const kinds = new Set(all.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['gap', 'big-move', 'volume-spike']));
    for (const e of all) {
      const inst = universe.byConId(e.conId)!;
      const ref = paths.dayClose(inst, WED - 1);
      const path = paths.dayPath(inst, WED, true);
      const change = (path.p[(e.time - path.t0) / 60_000]! / ref - 1) * 100;
      if (e.kind === 'gap') {
        expect(e.time).toBe(etTime(WED, 9 * 60 + 30));
        expect(Math.abs(e.magnitude)).toBeGreaterThanOrEqual(GAP_PCT);
        expect(e.magnitude).toBeCloseTo(change, 2);
      } else if (e.kind === 'big-move') {
        expect(e.magnitude).toBeCloseTo(change, 2);
        expect(Math.abs(e.magnitude)).toBeGreaterThanOrEqual(BIG_MOVE_PCT[0]);
      } else {
        expect(e.magnitude).toBeGreaterThanOrEqual(VOLUME_SPIKE_RATIO);
        expect(e.magnitude).toBeCloseTo(path.cumVol[path.n]! / inst.avgVolume, 2);
      }
    }
  });

  it('reports each big-move level once per direction and day, in time order', () => {
    const paths = new PathModel(2);
    for (const inst of universe.stocks) {
      const moves = instrumentDayEvents(paths, inst, WED).filter((e) => e.kind === 'big-move');
      const levels = moves.map(
        (e) => Math.sign(e.magnitude) * BIG_MOVE_PCT.filter((l) => Math.abs(e.magnitude) >= l).length,
      );
      // Levels crossed in order: +1, +2 … (a later event never repeats a level already passed that way).
      for (const sign of [1, -1]) {
        const mine = levels.filter((l) => Math.sign(l) === sign).map(Math.abs);
        expect(new Set(mine).size).toBe(mine.length);
      }
      expect([...moves].sort((a, b) => a.time - b.time)).toEqual(moves);
    }
  });

  it('is a pure function of seed and day', () => {
    const a = universe.stocks.flatMap((i) => instrumentDayEvents(new PathModel(5), i, WED));
    const b = universe.stocks.flatMap((i) => instrumentDayEvents(new PathModel(5), i, WED));
    const other = universe.stocks.flatMap((i) => instrumentDayEvents(new PathModel(6), i, WED));
    expect(b).toEqual(a);
    expect(other).not.toEqual(a);
    expect(scannerEntries(new PathModel(5), universe.stocks, WED)).toEqual(
      scannerEntries(new PathModel(5), universe.stocks, WED),
    );
  });

  it('has nothing on weekends or for futures and FX', () => {
    const paths = new PathModel(1);
    expect(isNewsDay(SAT)).toBe(false);
    expect(universe.stocks.flatMap((i) => instrumentDayEvents(paths, i, SAT))).toEqual([]);
    expect(scannerEntries(paths, universe.stocks, SAT)).toEqual([]);
    const others = universe.instruments.filter((i) => i.secType !== 'STK');
    expect(others.length).toBeGreaterThan(0);
    expect(others.flatMap((i) => instrumentDayEvents(paths, i, WED))).toEqual([]);
  });

  it('lists entries into the top gainers and losers at the looks, never more than the scan holds', () => {
    const paths = new PathModel(1);
    const entries = scannerEntries(paths, universe.stocks, WED);
    expect(entries.length).toBeGreaterThan(20);
    const byLook = new Map<number, number>();
    for (const e of entries) {
      expect(e.kind).toBe('scanner-entry');
      expect(e.magnitude).not.toBe(0);
      byLook.set(e.time, (byLook.get(e.time) ?? 0) + 1);
      expect((e.time - etTime(WED, 9 * 60 + 30)) % (15 * 60_000)).toBe(0);
    }
    for (const n of byLook.values()) expect(n).toBeLessThanOrEqual(2 * SCAN_ROWS);
  });

  it('makes a plausible day of news: tens of stock events, not hundreds', () => {
    const paths = new PathModel(1);
    const n = universe.stocks.flatMap((i) => instrumentDayEvents(paths, i, WED)).length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(200);
  });
});
