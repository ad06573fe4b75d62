// Watchlist pane: several named lists; add by symbol search, remove, reorder; last, change, change %, bid, ask,
// sizes, volume, high and low with an up/down flash; a live/delayed/stale badge and the tick age. Rows are
// virtualized (only those in view are rendered) and each row subscribes to its own instrument's quote (WatchRow.tsx);
// the rows in view are the pane's quote focus (main sends their quotes first when a frame cannot carry all).
import { useRef, useState } from 'react';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore } from '../../stores/use-app-store';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { useQuoteFocus } from '../../stores/use-quote-focus';
import { DataTable } from '../../ui/DataTable';
import { usePaneId } from '../../ui/pane-context';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { useRowsInView } from '../../ui/use-rows-in-view';
import { WATCH_COLUMNS, WatchRow } from './WatchRow';
import './watchlist.css';

const ROW_HEIGHT = 24;
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
  // Rows off screen update like visible ones: keep the margin small.
  const inView = useRowsInView(scrollRef, items.length, { rowHeight: ROW_HEIGHT, overscan: 3 });
  useQuoteFocus(
    paneId,
    items.slice(inView.from, inView.to).map((i) => i.conId),
  );

  const [naming, setNaming] = useState<null | 'new' | 'rename'>(null);
  const [name, setName] = useState('');

  function startRename(current: string): void {
    setName(current);
    setNaming('rename');
  }

  function confirmDelete(l: { id: string; name: string }): void {
    if (window.confirm(`Delete the list "${l.name}"?`)) deleteWatchlist(l.id);
  }

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
      <PaneToolbar label="Watchlist tools">
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
            <button type="button" disabled={!list} onClick={() => list && startRename(list.name)}>
              Rename list
            </button>
            <button type="button" disabled={!list} onClick={() => list && confirmDelete(list)}>
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
      </PaneToolbar>
      <div className="table-wrap" ref={scrollRef}>
        <DataTable
          label={`Watchlist ${list?.name ?? ''}`.trim()}
          className="watch-table"
          columns={WATCH_COLUMNS}
          rows={items}
          rowKey={(item) => item.conId}
          inView={inView}
          renderRow={(item, index) => (
            <WatchRow
              item={item}
              index={index}
              count={items.length}
              listId={list!.id}
              selected={item.conId === selectedConId}
              onPick={setSymbol}
              paneId={paneId}
            />
          )}
        />
        {lists && items.length === 0 && (
          <p className="empty">
            This list is empty: search a symbol above, or click a scanner row and add it from here.
          </p>
        )}
      </div>
    </div>
  );
}
