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

/** Where the instrument of a change at `node` is named (its cell or row), or null (none, a clock cell, out of scope). */
function namingElement(node: Node, scope?: string): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el || (scope !== undefined && !el.closest(scope))) return null;
  const named = el.closest<HTMLElement>('td[data-conid], tr[data-conid]');
  if (!named) return null;
  const cell = el.closest('td, th');
  return cell && isClockCell(cell) ? null : named;
}

function conIdOf(named: HTMLElement | null): number | null {
  const conId = Number(named?.dataset.conid);
  return named && Number.isInteger(conId) ? conId : null;
}

/** The conId of the instrument whose cell changed at `node`, or null (no instrument, a clock cell, out of scope). */
export function changedInstrument(node: Node, scope?: string): number | null {
  return conIdOf(namingElement(node, scope));
}

/**
 * `changedInstrument` for one watch, finding each node's naming element once: cells are written in place, so the
 * same text nodes change on every beat, and finding it again (closest() three times, the column's header) per
 * change was most of the probe's own time on the page's main thread, which the figures counted as the app's. The
 * conId is read from the element at each change (a row re-keyed in place names its new instrument).
 */
export function createInstrumentLookup(scope?: string): (node: Node) => number | null {
  const named = new WeakMap<Node, HTMLElement | null>();
  return (node) => {
    let el = named.get(node);
    if (el === undefined) named.set(node, (el = namingElement(node, scope)));
    return conIdOf(el);
  };
}
