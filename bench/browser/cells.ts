// Which instrument a DOM change shows, for the probe's tick → paint pairing: a watchlist row names its instrument
// (tr[data-conid]), an option chain's strike row holds a call and a put, so there each cell names its option
// (td[data-conid]). Changes in the cells the one-second clock rewrites with no tick (a watchlist's Age and Data)
// show no tick; with a scope, only changes inside an element matching it count (the chain's figure leaves out
// the watchlist streaming beside it).

/** Columns whose cells the one-second clock changes with no tick: a change there is not a stamp's paint. */
const CLOCK_COLUMNS = new Set(['Age', 'Data']);

function isClockCell(cell: Element): boolean {
  const index = cell.parentElement ? [...cell.parentElement.children].indexOf(cell) : -1;
  const head = cell.closest('table')?.querySelector('thead tr')?.children[index];
  return head !== undefined && CLOCK_COLUMNS.has(head.textContent ?? '');
}

/** The conId of the instrument whose cell changed at `node`, or null (no instrument, a clock cell, out of scope). */
export function changedInstrument(node: Node, scope?: string): number | null {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el || (scope !== undefined && !el.closest(scope))) return null;
  const named = el.closest<HTMLElement>('td[data-conid], tr[data-conid]');
  if (!named) return null;
  const cell = el.closest('td, th');
  if (cell && isClockCell(cell)) return null;
  const conId = Number(named.dataset.conid);
  return Number.isInteger(conId) ? conId : null;
}
