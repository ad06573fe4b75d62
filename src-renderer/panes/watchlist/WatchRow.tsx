// One watchlist row: it subscribes to its own instrument's quote, conflated to at most ROW_REPAINT_MS apart (see
// use-conflated-quote.ts), so a tick repaints this row only; prices flash up/down, and the badge and the age follow
// the shared one-second clock.
import { memo } from 'react';
import { quoteChange } from '../../../src-shared/domain/quote';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import type { QuoteView } from '../../stores/quotes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useConflatedQuote } from '../../stores/use-conflated-quote';
import { DataCells, type Column } from '../../ui/DataTable';
import { fmtAge, fmtChange, fmtPct, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { useClock } from '../../ui/use-clock';
import { quoteBadge } from './watchlist-view';

/** A row repaints at most this often (20 a second): a price that ticks faster is shown at its latest. */
const ROW_REPAINT_MS = 50;
/** How long a changed price keeps its up/down tint (ms; the one-second clock clears it, so 1–2 s on screen). */
const FLASH_MS = 1000;

function Flash({ dir, at, children }: { dir: number; at: number | null; children: string }) {
  // A static tint while the change is recent, no CSS animation: at thousands of ticks a second every visible cell
  // is flashing, and animating a hundred backgrounds costs more than half of each frame in software raster.
  const now = useClock();
  const on = at !== null && dir !== 0 && now - at < FLASH_MS;
  return <span className={on ? (dir > 0 ? 'flash-up' : 'flash-down') : undefined}>{children}</span>;
}

function Age({ at }: { at: number | null }) {
  const now = useClock();
  return <>{fmtAge(at, now)}</>;
}

function StateBadge({ q }: { q: QuoteView | undefined }) {
  const now = useClock();
  const b = quoteBadge(q, now);
  return (
    <span className={`qbadge qbadge-${b.kind}`} title={b.title}>
      {b.label}
    </span>
  );
}

/** What one row shows and does. */
type WatchLine = {
  item: WatchItem;
  q: QuoteView | undefined;
  change: number | null;
  changePct: number | null;
  first: boolean;
  last: boolean;
  move(delta: -1 | 1): void;
  remove(): void;
  setAlert(): void;
};

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

/** A price that flashes up or down when it changes. */
function flashing(title: string, price: 'last' | 'bid' | 'ask'): Column<WatchLine> {
  const dir = `${price}Dir` as const;
  const at = `${price}At` as const;
  return {
    title,
    num: true,
    widthEm: 5.5,
    cell: ({ q }) => (
      <Flash dir={q?.[dir] ?? 0} at={q?.[at] ?? null}>
        {fmtPrice(q?.[price])}
      </Flash>
    ),
  };
}

/** The widths (em) make a fixed table layout: a tick re-lays out its cell, not the table's columns. */
export const WATCH_COLUMNS: readonly Column<WatchLine>[] = [
  { title: 'Symbol', widthEm: 6, cell: (l) => <strong>{l.item.symbol}</strong> },
  flashing('Last', 'last'),
  {
    title: 'Change',
    num: true,
    widthEm: 5.5,
    className: (l) => signClass(l.change),
    cell: (l) => fmtChange(l.change),
  },
  {
    title: 'Change %',
    num: true,
    widthEm: 6,
    className: (l) => signClass(l.changePct),
    cell: (l) => fmtPct(l.changePct),
  },
  { title: 'Bid size', num: true, widthEm: 5, className: 'dim', cell: ({ q }) => fmtSize(q?.bidSize) },
  flashing('Bid', 'bid'),
  flashing('Ask', 'ask'),
  { title: 'Ask size', num: true, widthEm: 5, className: 'dim', cell: ({ q }) => fmtSize(q?.askSize) },
  { title: 'Volume', num: true, widthEm: 5.5, cell: ({ q }) => fmtSize(q?.volume) },
  { title: 'High', num: true, widthEm: 5.5, cell: ({ q }) => fmtPrice(q?.high) },
  { title: 'Low', num: true, widthEm: 5.5, cell: ({ q }) => fmtPrice(q?.low) },
  { title: 'Data', widthEm: 5, cell: ({ q }) => <StateBadge q={q} /> },
  {
    title: 'Age',
    num: true,
    widthEm: 3.5,
    className: 'dim',
    cell: ({ q }) => <Age at={q?.updatedAt ?? null} />,
  },
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
  const q = useConflatedQuote(item.conId, ROW_REPAINT_MS);
  const remove = useAppStore((s) => s.removeFromWatchlist);
  const move = useAppStore((s) => s.moveInWatchlist);
  const openAlertForm = useAppStore((s) => s.openAlertForm);
  const { change, changePct } = q ? quoteChange(q) : { change: null, changePct: null };
  const line: WatchLine = {
    item,
    q,
    change,
    changePct,
    first: index === 0,
    last: index === count - 1,
    move: (delta) => move(listId, item.conId, delta),
    remove: () => remove(listId, item.conId),
    setAlert: () => openAlertForm({ symbol: item, editId: null }),
  };
  return (
    <tr
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
