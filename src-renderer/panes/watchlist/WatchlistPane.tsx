// Watchlist pane: several named lists; add by symbol search, remove, reorder; last, change, change %, bid, ask,
// sizes, volume, high and low with an up/down flash; a live/delayed/stale badge and the tick age. Rows are
// virtualized and each row subscribes to its own instrument's quote, so a tick repaints one row (at most 20 times a
// second: conflated, see use-conflated-quote.ts).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, useState } from 'react';
import { quoteChange } from '../../../src-shared/domain/quote';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { PaneTools } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { useClock } from '../../ui/use-clock';
import type { QuoteView } from '../../stores/quotes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useConflatedQuote } from '../../stores/use-conflated-quote';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { fmtAge, fmtChange, fmtPct, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import { symbolOf } from '../../stores/panes-slice';
import { quoteBadge } from './watchlist-view';

const ROW_HEIGHT = 24;
/** A row repaints at most this often (20 a second): a price that ticks faster is shown at its latest. */
const ROW_REPAINT_MS = 50;
/** Column widths (em) of the fixed table layout: a tick re-lays out its cell, not the table's columns. */
const COLUMN_EM = [6, 5.5, 5.5, 6, 5, 5.5, 5.5, 5, 5.5, 5.5, 5.5, 5, 3.5, 5.5];
const NO_ITEMS: readonly WatchItem[] = [];

export function WatchlistPane() {
  const paneId = usePaneId();
  const lists = useAppStore((s) => s.watchlists);
  const savedListId = useAppStore((s) => s.paneStates[paneId]?.config.listId);
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const createWatchlist = useAppStore((s) => s.createWatchlist);
  const renameWatchlist = useAppStore((s) => s.renameWatchlist);
  const deleteWatchlist = useAppStore((s) => s.deleteWatchlist);
  const addToWatchlist = useAppStore((s) => s.addToWatchlist);
  const setSymbol = useAppStore((s) => s.setSymbol);
  const linked = useAppStore((s) => symbolOf(s, paneId));
  const selectedConId = linked?.conId ?? null;

  const list = lists?.find((l) => l.id === savedListId) ?? lists?.[0];
  const items = list?.items ?? NO_ITEMS;

  // Hold the quote lines of the list's instruments while it is shown.
  useHeldQuotes(items);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows off screen update like visible ones: keep the margin small.
    overscan: 3,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1]?.end ?? 0);

  const [naming, setNaming] = useState<null | 'new' | 'rename'>(null);
  const [name, setName] = useState('');

  function submitName(): void {
    const n = name.trim();
    if (!n) return;
    if (naming === 'new') setPaneConfig(paneId, { listId: createWatchlist(n) });
    else if (naming === 'rename' && list) renameWatchlist(list.id, n);
    setNaming(null);
    setName('');
  }

  return (
    <div className="pane-body watchlist">
      <div className="pane-toolbar" role="toolbar" aria-label="Watchlist tools">
        <select
          aria-label="Watchlist"
          value={list?.id ?? ''}
          onChange={(e) => setPaneConfig(paneId, { listId: e.target.value })}
        >
          {(lists ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.items.length})
            </option>
          ))}
        </select>
        {naming ? (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              submitName();
            }}
          >
            <input
              aria-label={naming === 'new' ? 'New list name' : 'List name'}
              value={name}
              maxLength={40}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
            />
            <button type="submit">{naming === 'new' ? 'Create' : 'Rename'}</button>
            <button type="button" onClick={() => setNaming(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            <button type="button" onClick={() => setNaming('new')}>
              New list
            </button>
            <button
              type="button"
              disabled={!list}
              onClick={() => {
                setName(list?.name ?? '');
                setNaming('rename');
              }}
            >
              Rename list
            </button>
            <button
              type="button"
              disabled={!list}
              onClick={() => {
                if (list && window.confirm(`Delete the list "${list.name}"?`)) deleteWatchlist(list.id);
              }}
            >
              Delete list
            </button>
          </>
        )}
        <SymbolPicker
          label="Add symbol"
          placeholder="Add symbol…"
          onPick={(item) => list && addToWatchlist(list.id, item)}
        />
        {linked && list && !items.some((i) => i.conId === linked.conId) && (
          <button type="button" onClick={() => addToWatchlist(list.id, linked)}>
            Add {linked.symbol}
          </button>
        )}
        <span className="spacer" />
        <PaneTools />
      </div>
      <div className="table-wrap" ref={scrollRef}>
        <table
          className="grid watch-table"
          aria-label={`Watchlist ${list?.name ?? ''}`.trim()}
          aria-rowcount={items.length + 1}
        >
          <colgroup>
            {COLUMN_EM.map((em, i) => (
              <col key={i} style={{ width: `${em}em` }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Symbol</th>
              <th scope="col" className="num">
                Last
              </th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col" className="num">
                Change %
              </th>
              <th scope="col" className="num">
                Bid size
              </th>
              <th scope="col" className="num">
                Bid
              </th>
              <th scope="col" className="num">
                Ask
              </th>
              <th scope="col" className="num">
                Ask size
              </th>
              <th scope="col" className="num">
                Volume
              </th>
              <th scope="col" className="num">
                High
              </th>
              <th scope="col" className="num">
                Low
              </th>
              <th scope="col">Data</th>
              <th scope="col" className="num">
                Age
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={14} style={{ height: padTop }} />
              </tr>
            )}
            {virtualRows.map((v) => {
              const item = items[v.index]!;
              return (
                <WatchRow
                  key={item.conId}
                  item={item}
                  index={v.index}
                  count={items.length}
                  listId={list!.id}
                  selected={item.conId === selectedConId}
                  onPick={setSymbol}
                  paneId={paneId}
                />
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={14} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {lists && items.length === 0 && (
          <p className="empty">
            This list is empty: search a symbol above, or click a scanner row and add it from here.
          </p>
        )}
      </div>
    </div>
  );
}

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

const WatchRow = memo(function WatchRow({
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
  const { change, changePct } = q ? quoteChange(q) : { change: null, changePct: null };
  const sym = item.symbol;
  return (
    <tr
      className={`clickable${selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-conid={item.conId}
      data-tick-id={q?.tickId}
      data-tick-at={q?.tickAt}
      onClick={() => onPick(paneId, item)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(paneId, item);
        } else if (e.altKey && e.key === 'ArrowUp') move(listId, item.conId, -1);
        else if (e.altKey && e.key === 'ArrowDown') move(listId, item.conId, 1);
        else if (e.key === 'Delete') remove(listId, item.conId);
      }}
    >
      <td>
        <strong>{sym}</strong>
      </td>
      <td className="num">
        <Flash dir={q?.lastDir ?? 0} at={q?.lastAt ?? null}>
          {fmtPrice(q?.last)}
        </Flash>
      </td>
      <td className={`num ${signClass(change)}`}>{fmtChange(change)}</td>
      <td className={`num ${signClass(changePct)}`}>{fmtPct(changePct)}</td>
      <td className="num dim">{fmtSize(q?.bidSize)}</td>
      <td className="num">
        <Flash dir={q?.bidDir ?? 0} at={q?.bidAt ?? null}>
          {fmtPrice(q?.bid)}
        </Flash>
      </td>
      <td className="num">
        <Flash dir={q?.askDir ?? 0} at={q?.askAt ?? null}>
          {fmtPrice(q?.ask)}
        </Flash>
      </td>
      <td className="num dim">{fmtSize(q?.askSize)}</td>
      <td className="num">{fmtSize(q?.volume)}</td>
      <td className="num">{fmtPrice(q?.high)}</td>
      <td className="num">{fmtPrice(q?.low)}</td>
      <td>
        <StateBadge q={q} />
      </td>
      <td className="num dim">
        <Age at={q?.updatedAt ?? null} />
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="icon"
          aria-label={`Move ${sym} up`}
          disabled={index === 0}
          onClick={(e) => {
            e.stopPropagation();
            move(listId, item.conId, -1);
          }}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`Move ${sym} down`}
          disabled={index === count - 1}
          onClick={(e) => {
            e.stopPropagation();
            move(listId, item.conId, 1);
          }}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`Remove ${sym}`}
          onClick={(e) => {
            e.stopPropagation();
            remove(listId, item.conId);
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
});
