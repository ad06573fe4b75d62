// The rows the time-and-sales pane paints: newest first, filtered by size (gaps always), limited.
import { describe, expect, it } from 'vitest';
import type { Print } from '../../../src-shared/domain/tape';
import { rowKey, visiblePrints } from './tape-view';

const print = (time: number, size = 100): Print => ({ time, price: 10, size, exchange: 'ARCA', at: null });

describe('tape view', () => {
  it('shows newest first, at or above the minimum size, gaps always, at most the limit', () => {
    const rows = [print(1, 50), { gap: true as const, time: 2 }, print(3, 500), print(4, 100)];
    expect(visiblePrints(rows, 100, 10).map((r) => r.time)).toEqual([4, 3, 2]);
    expect(visiblePrints(rows, 0, 2).map((r) => r.time)).toEqual([4, 3]);
  });
});

describe('tape row keys', () => {
  it('follow the row object, not its place', () => {
    const a = print(1);
    const b = print(1);
    expect(rowKey(a)).toBe(rowKey(a));
    expect(rowKey(a)).not.toBe(rowKey(b));
    const gap = { gap: true as const, time: 1 };
    expect(new Set([rowKey(a), rowKey(b), rowKey(gap)]).size).toBe(3);
  });
});
