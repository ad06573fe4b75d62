// Pure logic of the time-and-sales pane: the rows to paint, newest first, at or above a minimum size, at most
// `limit` of them (the DOM stays small whatever the tape holds); gap rows always pass the filter.
import type { TapeRow } from '../../stores/tape-slice';

export function visiblePrints(rows: readonly TapeRow[], minSize: number, limit: number): TapeRow[] {
  const out: TapeRow[] = [];
  for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
    const r = rows[i]!;
    if ('gap' in r || r.size >= minSize) out.push(r);
  }
  return out;
}
