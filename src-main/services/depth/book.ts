// One side of a depth book kept the way TWS sends it: rows by position, 0 = best. An insert shifts the rows at and
// below its position down, a delete shifts them up, an update replaces in place. A message that names a row the
// book does not have is refused with a typed error and the book is left as it was (ib_async #33 crashed there).
import type { DepthChange, DepthRow } from '../../../src-shared/domain/depth';

export class DepthBookError extends Error {
  constructor(
    message: string,
    readonly change: DepthChange,
  ) {
    super(message);
    this.name = 'DepthBookError';
  }
}

/**
 * Applies one change to one side (in place: the hot path). An update one past the last row appends it (a feed
 * that sends the first fill as updates); anything else outside the book throws DepthBookError. Rows past
 * `maxRows` are dropped: TWS never sends more than asked, a longer book would be a stale leftover.
 */
export function applyDepthChange(rows: DepthRow[], change: DepthChange, maxRows: number): void {
  const { position, operation } = change;
  if (!Number.isInteger(position) || position < 0)
    throw new DepthBookError(`depth position ${position} is not a row number`, change);
  if (
    operation !== 'delete' &&
    (!Number.isFinite(change.price) || !Number.isFinite(change.size) || change.size < 0)
  )
    throw new DepthBookError(
      `depth ${operation} at ${position} has price ${change.price}, size ${change.size}`,
      change,
    );
  const row: DepthRow = { price: change.price, size: change.size, maker: change.maker };
  if (operation === 'insert') {
    if (position > rows.length)
      throw new DepthBookError(`insert at ${position} into a side of ${rows.length} rows`, change);
    rows.splice(position, 0, row);
    if (rows.length > maxRows) rows.length = maxRows;
  } else if (operation === 'update') {
    if (position > rows.length)
      throw new DepthBookError(`update of row ${position} in a side of ${rows.length} rows`, change);
    if (position === rows.length && rows.length >= maxRows) return;
    rows[position] = row;
  } else {
    if (position >= rows.length)
      throw new DepthBookError(`delete of row ${position} in a side of ${rows.length} rows`, change);
    rows.splice(position, 1);
  }
}
