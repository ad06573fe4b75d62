// The book kept by position: inserts shift down, deletes shift up, updates replace; a change outside the book is
// refused and loses nothing.
import { describe, expect, it } from 'vitest';
import type { DepthChange, DepthRow } from '../../../src-shared/domain/depth';
import { applyDepthChange, DepthBookError } from './book';

const ch = (operation: DepthChange['operation'], position: number, price = 0, size = 0): DepthChange => ({
  side: 'bid',
  position,
  operation,
  price,
  size,
  maker: 'ARCA',
});
const prices = (rows: DepthRow[]) => rows.map((r) => r.price);
/** A book built from empty by `changes` in order, at most `maxRows` deep. */
function bookOf(changes: DepthChange[], maxRows = 20): DepthRow[] {
  const rows: DepthRow[] = [];
  for (const c of changes) applyDepthChange(rows, c, maxRows);
  return rows;
}

describe('applyDepthChange', () => {
  it('fills with inserts, shifts rows down on an inner insert and up on a delete', () => {
    const rows = bookOf([
      ch('insert', 0, 10, 1),
      ch('insert', 1, 9.99, 2),
      ch('insert', 2, 9.98, 3),
      ch('insert', 1, 9.995, 5),
    ]);
    expect(prices(rows)).toEqual([10, 9.995, 9.99, 9.98]);
    applyDepthChange(rows, ch('delete', 0), 20);
    expect(prices(rows)).toEqual([9.995, 9.99, 9.98]);
    applyDepthChange(rows, ch('update', 2, 9.97, 7), 20);
    expect(rows[2]).toEqual({ price: 9.97, size: 7, maker: 'ARCA' });
  });

  it('appends an update one past the last row, and keeps at most maxRows', () => {
    const rows = bookOf(
      [ch('update', 0, 10, 1), ch('update', 1, 9, 1), ch('update', 2, 8, 1), ch('insert', 0, 11, 1)],
      2,
    );
    expect(prices(rows)).toEqual([11, 10]);
  });

  it('refuses a row the book does not have and leaves the book as it was', () => {
    const rows: DepthRow[] = [{ price: 10, size: 1, maker: '' }];
    expect(() => applyDepthChange(rows, ch('update', 3, 9, 1), 20)).toThrow(DepthBookError);
    expect(() => applyDepthChange(rows, ch('delete', 1), 20)).toThrow(DepthBookError);
    expect(() => applyDepthChange(rows, ch('insert', 2, 9, 1), 20)).toThrow(DepthBookError);
    expect(() => applyDepthChange(rows, ch('insert', -1, 9, 1), 20)).toThrow(/not a row number/);
    expect(() => applyDepthChange(rows, ch('update', 0, Number.NaN, 1), 20)).toThrow(DepthBookError);
    expect(rows).toEqual([{ price: 10, size: 1, maker: '' }]);
  });
});
