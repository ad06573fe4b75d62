import { describe, expect, it } from 'vitest';
import { optionFixture } from '../../../tests/support/domain-fixtures';
import type { OptionStrikeRow } from '../../../src-shared/domain/option';
import {
  chainFields,
  chainLineCap,
  expiryLabel,
  impliedMoveOf,
  inTheMoney,
  linesInView,
  midOf,
  pausedNotice,
  stdDevMove,
  yearsToExpiry,
  STRIKE_FILTERS,
  strikeFilterOf,
  strikesShown,
  toggleField,
} from './chain-view';

const opt = (strike: number, right: 'C' | 'P') => optionFixture(strike, right);
const rows: OptionStrikeRow[] = [140, 145, 150, 155, 160].map((k) => ({
  strike: k,
  call: opt(k, 'C'),
  put: k === 160 ? null : opt(k, 'P'),
}));

describe('option chain view', () => {
  it('finds the in-the-money side', () => {
    expect(inTheMoney('C', 145, 151)).toBe(true);
    expect(inTheMoney('C', 155, 151)).toBe(false);
    expect(inTheMoney('P', 155, 151)).toBe(true);
    expect(inTheMoney('P', 145, 151)).toBe(false);
    expect(inTheMoney('P', 155, null)).toBe(false);
  });

  it('labels expiries and prices the implied move from the ATM straddle’s mids', () => {
    expect(expiryLabel('20260116')).toBe("Jan 16 '26");
    expect(expiryLabel('20271203')).toBe("Dec 3 '27");
    expect(midOf({ bid: 2, ask: 2.2 })).toBeCloseTo(2.1);
    expect(midOf({ bid: 2.3, ask: 2.2 })).toBeNull();
    expect(midOf({ bid: 0, ask: 2.2 })).toBeNull();
    const m = impliedMoveOf({ bid: 3, ask: 3.2 }, { bid: 2.8, ask: 3 }, 150);
    expect(m?.move).toBeCloseTo(6);
    expect(m?.pct).toBeCloseTo(4);
    expect(impliedMoveOf({ bid: 3, ask: 3.2 }, undefined, 150)).toBeNull();
  });

  it('holds the lines of the rows in view, the pinned row then the middle rows first when capped', () => {
    const ids = (r: ReturnType<typeof linesInView>) => r.held.map((w) => w.conId);
    expect(ids(linesInView(rows, 1, 4, 100))).toEqual([1501, 1502, 1451, 1452, 1551, 1552]);
    expect(ids(linesInView(rows, 0, 5, 3))).toEqual([1501, 1502, 1451]);
    expect(linesInView(rows, 0, 5, 3).wanted).toBe(9);
    expect(ids(linesInView(rows, 4, 9, 100))).toEqual([1601]);
    expect(linesInView(rows, 2, 3, 100).held[0]).toMatchObject({ secType: 'OPT', strike: 150, right: 'C' });
    // The at-the-money row scrolled out of view keeps its lines (it is pinned), ahead of the rows in view.
    const pinned = linesInView(rows, 3, 5, 3, 0);
    expect(ids(pinned)).toEqual([1401, 1402, 1551]);
    expect(pinned.wanted).toBe(5);
  });

  it('shows the columns the pane saved, bid and ask always, every column by default', () => {
    expect(chainFields(undefined)).toHaveLength(10);
    expect(chainFields(['Delta', 'OI', 'nonsense', 3])).toEqual(['Bid', 'Ask', 'OI', 'Delta']);
    expect(toggleField(['Bid', 'Ask', 'OI', 'Delta'], 'IV', true)).toEqual([
      'Bid',
      'Ask',
      'OI',
      'IV',
      'Delta',
    ]);
    expect(toggleField(['Bid', 'Ask', 'OI', 'Delta'], 'OI', false)).toEqual(['Bid', 'Ask', 'Delta']);
    expect(toggleField(['Bid', 'Ask'], 'Bid', false)).toEqual(['Bid', 'Ask']);
  });

  it('keeps the strikes nearest the money by count, or within k standard deviations from IV and days', () => {
    expect(strikeFilterOf('10')).toEqual({ kind: 'count', n: 10 });
    expect(strikeFilterOf('2sd')).toEqual({ kind: 'sd', k: 2 });
    expect(strikeFilterOf('all')).toEqual({ kind: 'all' });
    expect(strikeFilterOf('9sd')).toEqual({ kind: 'count', n: 20 });
    expect(strikeFilterOf(undefined)).toEqual({ kind: 'count', n: 20 });
    // Each choice the pane offers reads back as the filter its label names.
    expect(STRIKE_FILTERS.map((f) => [f.label, strikeFilterOf(f.value)])).toEqual([
      ['10 strikes', { kind: 'count', n: 10 }],
      ['20 strikes', { kind: 'count', n: 20 }],
      ['40 strikes', { kind: 'count', n: 40 }],
      ['±1 σ', { kind: 'sd', k: 1 }],
      ['±2 σ', { kind: 'sd', k: 2 }],
      ['All strikes', { kind: 'all' }],
    ]);
    const k = (r: readonly OptionStrikeRow[]) => r.map((x) => x.strike);
    expect(k(strikesShown(rows, 151, { kind: 'count', n: 3 }, null))).toEqual([145, 150, 155]);
    expect(k(strikesShown(rows, 1000, { kind: 'count', n: 2 }, null))).toEqual([155, 160]);
    expect(k(strikesShown(rows, null, { kind: 'count', n: 2 }, null))).toHaveLength(5);
    // 30 % IV, 36.5 days: σ = 150 × 0.3 × √0.1 ≈ 14.23, so ±1σ around 150 is 135.8…164.2.
    const sigma = stdDevMove(150, 0.3, yearsToExpiry(36.5, Date.now()))!;
    expect(sigma).toBeCloseTo(14.23, 2);
    expect(k(strikesShown(rows, 150, { kind: 'sd', k: 1 }, 6))).toEqual([145, 150, 155]);
    expect(k(strikesShown(rows, 150, { kind: 'sd', k: 1 }, sigma))).toEqual([140, 145, 150, 155, 160]);
    expect(k(strikesShown(rows, 150, { kind: 'sd', k: 1 }, null))).toHaveLength(5);
    expect(stdDevMove(150, null, 10 / 365)).toBeNull();
  });

  it('takes σ over the time left to the 16:00 ET close on the expiry day, not over a whole day', () => {
    const minutes = (m: number) => m / (24 * 60 * 365);
    // Friday 2026-12-11: 10:00 ET (15:00 UTC) leaves 6 hours, 15:50 ET a quarter hour at least.
    expect(yearsToExpiry(0, Date.UTC(2026, 11, 11, 15, 0))).toBeCloseTo(minutes(360), 10);
    expect(yearsToExpiry(0, Date.UTC(2026, 11, 11, 20, 50))).toBeCloseTo(minutes(15), 10);
    // In summer time 10:00 ET is 14:00 UTC.
    expect(yearsToExpiry(0, Date.UTC(2026, 6, 17, 14, 0))).toBeCloseTo(minutes(360), 10);
    // Days ahead: calendar days over 365, whatever the hour.
    expect(yearsToExpiry(7, Date.UTC(2026, 11, 11, 15, 0))).toBe(7 / 365);
    // At 10:00 on the expiry day σ is √(6/24) of a whole day's: half of what a day would give.
    const at10 = stdDevMove(150, 0.3, yearsToExpiry(0, Date.UTC(2026, 11, 11, 15, 0)))!;
    expect(at10 / (150 * 0.3 * Math.sqrt(1 / 365))).toBeCloseTo(0.5, 6);
  });

  it('caps the chain within the budget, leaving the other panes their lines, and says what it paused', () => {
    expect(chainLineCap(100, 10)).toBe(40);
    // A budget for 40 strikes × 2 beside a 500-symbol watchlist: the chain holds all 80.
    expect(chainLineCap(700, 500)).toBe(80);
    expect(chainLineCap(1000, 100)).toBe(80);
    expect(chainLineCap(50, 10)).toBe(20);
    expect(chainLineCap(100, 90)).toBe(10);
    expect(chainLineCap(100, 120)).toBe(0);
    expect(pausedNotice({ wanted: 30, held: 30, noLine: 0, budget: 100, heldByOthers: 5 })).toBeNull();
    expect(pausedNotice({ wanted: 88, held: 80, noLine: 0, budget: 1000, heldByOthers: 5 })).toMatch(
      /^8 option lines of the strikes at the edges are paused: a chain streams at most 80 lines/,
    );
    expect(pausedNotice({ wanted: 48, held: 40, noLine: 0, budget: 100, heldByOthers: 5 })).toMatch(
      /^8 option lines .* paused: the profile's budget is 100 lines .* a chain takes at most 40 % of it/,
    );
    const starved = pausedNotice({ wanted: 40, held: 10, noLine: 2, budget: 100, heldByOthers: 90 });
    expect(starved).toContain('30 option lines of the strikes at the edges are paused');
    expect(starved).toContain('other panes (the watchlist first) hold 90');
    expect(starved).toContain('2 option lines wait for a free line');
  });
});
