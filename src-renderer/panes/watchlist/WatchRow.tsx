// One watchlist row: it subscribes to its own instrument's quote, conflated to at most ROW_REPAINT_MS apart (see
// use-conflated-quote.ts), so a tick repaints this row only; prices flash up/down, and the badge and the age follow
// the shared one-second clock. Ticks and the clock write the cells in the DOM (useLiveQuote): React renders a row
// only when the row itself changes (its place, its selection). Measured on 2026-12-07 (npm run bench -- option-chain,
// a CPU profile): reconciling every cell of every ticking row was most of the script of a beat.
import { memo, useLayoutEffect, useRef } from 'react';
import { quoteChange } from '../../../src-shared/domain/quote';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import type { QuoteView } from '../../stores/quotes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useLiveQuote } from '../../stores/use-conflated-quote';
import { cellClass, DataCells, type Column } from '../../ui/DataTable';
import { setAttr, setText } from '../../ui/dom-write';
import { fmtAge, fmtChange, fmtPct, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { clockNow, subscribeClock } from '../../ui/use-clock';
import { quoteBadge } from './watchlist-view';

/** A row repaints at most this often (20 a second): a price that ticks faster is shown at its latest. */
const ROW_REPAINT_MS = 50;
/** How long a changed price keeps its up/down tint (ms; the one-second clock clears it, so 1–2 s on screen). */
const FLASH_MS = 1000;

/** What one row shows and does; `now` is the shared one-second clock's time (tints, badge, age). */
type WatchLine = {
  item: WatchItem;
  q: QuoteView | undefined;
  change: number | null;
  changePct: number | null;
  now: number;
  first: boolean;
  last: boolean;
  move(delta: -1 | 1): void;
  remove(): void;
  setAlert(): void;
};

/**
 * A column that a tick or the clock changes: `write` brings its cell (rendered by `cell`) up to date in the DOM,
 * without React; a function `className` is written to the cell too.
 */
type WatchColumn = Column<WatchLine> & { write?(td: HTMLTableCellElement, line: WatchLine): void };

/**
 * A static tint while the change is recent, no CSS animation: animating a hundred backgrounds costs more than half
 * of each frame in software raster.
 */
function flashClass(dir: number, at: number | null, now: number): string {
  return at !== null && dir !== 0 && now - at < FLASH_MS ? (dir > 0 ? 'flash-up' : 'flash-down') : '';
}

/** A price that flashes up or down when it changes. */
function flashing(title: string, price: 'last' | 'bid' | 'ask'): WatchColumn {
  const dir = `${price}Dir` as const;
  const at = `${price}At` as const;
  const tint = ({ q, now }: WatchLine) => flashClass(q?.[dir] ?? 0, q?.[at] ?? null, now);
  return {
    title,
    num: true,
    widthEm: 5.5,
    cell: (l) => <span className={tint(l)}>{fmtPrice(l.q?.[price])}</span>,
    write(td, l) {
      const span = td.firstElementChild!;
      setText(span, fmtPrice(l.q?.[price]));
      setAttr(span, 'class', tint(l));
    },
  };
}

/** A cell that is text only. */
function text(
  title: string,
  widthEm: number,
  show: (l: WatchLine) => string,
  more: Partial<WatchColumn> = {},
): WatchColumn {
  return { title, num: true, widthEm, cell: show, write: (td, l) => setText(td, show(l)), ...more };
}

/** The widths (em) make a fixed table layout: a tick re-lays out its cell, not the table's columns. */
export const WATCH_COLUMNS: readonly WatchColumn[] = [
  { title: 'Symbol', widthEm: 6, cell: (l) => <strong>{l.item.symbol}</strong> },
  flashing('Last', 'last'),
  text('Change', 5.5, (l) => fmtChange(l.change), { className: (l) => signClass(l.change) }),
  text('Change %', 6, (l) => fmtPct(l.changePct), { className: (l) => signClass(l.changePct) }),
  text('Bid size', 5, ({ q }) => fmtSize(q?.bidSize), { className: 'dim' }),
  flashing('Bid', 'bid'),
  flashing('Ask', 'ask'),
  text('Ask size', 5, ({ q }) => fmtSize(q?.askSize), { className: 'dim' }),
  text('Volume', 5.5, ({ q }) => fmtSize(q?.volume)),
  text('High', 5.5, ({ q }) => fmtPrice(q?.high)),
  text('Low', 5.5, ({ q }) => fmtPrice(q?.low)),
  {
    title: 'Data',
    widthEm: 5,
    cell: ({ q, now }) => {
      const b = quoteBadge(q, now);
      return (
        <span className={`qbadge qbadge-${b.kind}`} title={b.title}>
          {b.label}
        </span>
      );
    },
    write(td, { q, now }) {
      const b = quoteBadge(q, now);
      const span = td.firstElementChild!;
      setAttr(span, 'class', `qbadge qbadge-${b.kind}`);
      setAttr(span, 'title', b.title);
      setText(span, b.label);
    },
  },
  text('Age', 3.5, ({ q, now }) => fmtAge(q?.updatedAt ?? null, now), { className: 'dim' }),
  {
    title: 'Actions',
    titleHidden: true,
    widthEm: 7,
    className: 'row-actions',
    cell: (l) => (
      <>
        <RowButton label={`Set alert on ${l.item.symbol}…`} act={l.setAlert} glyph="🔔" />
        <RowButton label={`Move ${l.item.symbol} up`} disabled={l.first} act={() => l.move(-1)} glyph="↑" />
        <RowButton label={`Move ${l.item.symbol} down`} disabled={l.last} act={() => l.move(1)} glyph="↓" />
        <RowButton label={`Remove ${l.item.symbol}`} act={l.remove} glyph="×" />
      </>
    ),
  },
];

/** Brings a rendered row's cells up to date with `line` (a tick, or the clock), in the DOM. */
function writeRow(tr: HTMLTableRowElement, line: WatchLine): void {
  WATCH_COLUMNS.forEach((col, i) => {
    const td = tr.cells[i];
    if (!td) return;
    if (typeof col.className === 'function') setAttr(td, 'class', cellClass(col, line) ?? '');
    col.write?.(td, line);
  });
}

/** A button in the row that acts on the row's instrument without picking it. */
function RowButton({
  label,
  disabled,
  act,
  glyph,
}: {
  label: string;
  disabled?: boolean;
  act: () => void;
  glyph: string;
}) {
  return (
    <button
      type="button"
      className="icon"
      aria-label={label}
      disabled={disabled}
      onClick={(e) => {
        e.stopPropagation();
        act();
      }}
    >
      {glyph}
    </button>
  );
}

export const WatchRow = memo(function WatchRow({
  item,
  index,
  count,
  listId,
  selected,
  onPick,
  paneId,
}: {
  item: WatchItem;
  index: number;
  count: number;
  listId: string;
  selected: boolean;
  onPick: (paneId: string, item: WatchItem) => void;
  paneId: string;
}) {
  const remove = useAppStore((s) => s.removeFromWatchlist);
  const move = useAppStore((s) => s.moveInWatchlist);
  const openAlertForm = useAppStore((s) => s.openAlertForm);
  const lineOf = (q: QuoteView | undefined, now: number): WatchLine => ({
    item,
    q,
    ...(q ? quoteChange(q) : { change: null, changePct: null }),
    now,
    first: index === 0,
    last: index === count - 1,
    move: (delta) => move(listId, item.conId, delta),
    remove: () => remove(listId, item.conId),
    setAlert: () => openAlertForm({ symbol: item, editId: null }),
  });
  const tr = useRef<HTMLTableRowElement>(null);
  const live = useLiveQuote(item.conId, ROW_REPAINT_MS, (next) => {
    if (tr.current) writeRow(tr.current, lineOf(next, clockNow()));
  });
  const q = live.quote;
  // The clock's second: tints fade, the badge and the age follow.
  useLayoutEffect(() => subscribeClock(live.rewrite), [live.rewrite]);
  const line = lineOf(q, clockNow());
  return (
    <tr
      ref={tr}
      className={`clickable${selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-conid={item.conId}
      onClick={() => onPick(paneId, item)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(paneId, item);
        } else if (e.altKey && e.key === 'ArrowUp') line.move(-1);
        else if (e.altKey && e.key === 'ArrowDown') line.move(1);
        else if (e.key === 'Delete') line.remove();
      }}
    >
      <DataCells columns={WATCH_COLUMNS} row={line} />
    </tr>
  );
});
