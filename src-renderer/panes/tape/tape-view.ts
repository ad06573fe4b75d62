// Logic of the time-and-sales pane: the rows to paint, newest first, at or above a minimum size, at most `limit` of
// them (the DOM stays small whatever the tape holds); gap rows always pass the filter. And each row's React key: the
// store keeps a row's object as the tape grows, so the key follows the object, never its position.
import type { TapeRow } from '../../stores/tape-slice';

export function visiblePrints(rows: readonly TapeRow[], minSize: number, limit: number): TapeRow[] {
  const out: TapeRow[] = [];
  for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
    const r = rows[i]!;
    if ('gap' in r || r.size >= minSize) out.push(r);
  }
  return out;
}

const keys = new WeakMap<TapeRow, number>();
let nextKey = 0;

/** A key of its own for each row object, the same on every render (a dropped row's entry goes with it). */
export function rowKey(row: TapeRow): number {
  let k = keys.get(row);
  if (k === undefined) keys.set(row, (k = nextKey++));
  return k;
}
