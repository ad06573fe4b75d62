import { describe, expect, it } from 'vitest';
import { optionFixture } from '../../../tests/support/domain-fixtures';
import type { OptionStrikeRow } from '../../../src-shared/domain/option';
import { atmIndex, expiryLabel, impliedMoveOf, inTheMoney, linesInView, midOf } from './chain-view';

const opt = (strike: number, right: 'C' | 'P') => optionFixture(strike, right);
const rows: OptionStrikeRow[] = [140, 145, 150, 155, 160].map((k) => ({
  strike: k,
  call: opt(k, 'C'),
  put: k === 160 ? null : opt(k, 'P'),
}));

describe('option chain view', () => {
  it('finds the at-the-money row and the in-the-money side', () => {
    expect(atmIndex(rows, 151.2)).toBe(2);
    expect(atmIndex(rows, 1000)).toBe(4);
    expect(atmIndex(rows, null)).toBe(-1);
    expect(atmIndex([], 150)).toBe(-1);
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

  it('holds the lines of the rows in view, the middle rows first when capped, skipping missing sides', () => {
    expect(linesInView(rows, 1, 4, 100).map((w) => w.conId)).toEqual([1501, 1502, 1451, 1452, 1551, 1552]);
    expect(linesInView(rows, 0, 5, 3).map((w) => w.conId)).toEqual([1501, 1502, 1451]);
    expect(linesInView(rows, 4, 9, 100).map((w) => w.conId)).toEqual([1601]);
    expect(linesInView(rows, 2, 3, 100)[0]).toMatchObject({ secType: 'OPT', strike: 150, right: 'C' });
  });
});
