// The scanner pane's results: the ranked rows (each reads its own instrument's quote, so a tick repaints one row)
// with re-rank arrows and the rows that just entered highlighted, and the activity list of entries and exits. A
// click on a row sets the symbol of the pane's link group.
import { memo } from 'react';
import { quoteChange } from '../../../src-shared/domain/quote';
import type { ScanRow } from '../../../src-shared/domain/scanner';
import { symbolOf } from '../../stores/panes-slice';
import type { QuoteView } from '../../stores/quotes-slice';
import type { ScanView } from '../../stores/scanner-slice';
import { useAppStore } from '../../stores/use-app-store';
import { DataCells, DataTable, type Column } from '../../ui/DataTable';
import { fmtClock, fmtPct, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { displayRank, rankMove } from './scanner-view';

/** What a scan row shows: the row, its instrument's quote, its move in the ranking and whether it just entered. */
type ScanLine = { row: ScanRow; q: QuoteView | undefined; move: 'up' | 'down' | ''; entered: boolean };

const NO_ROWS: readonly ScanRow[] = [];

const SCAN_COLUMNS: readonly Column<ScanLine>[] = [
  {
    title: '#',
    // Right-aligned ranks under a left-aligned header, as the scanner always showed them.
    className: 'num',
    cell: ({ row, move }) => (
      <>
        {displayRank(row.rank)}
        {move && (
          <span className={`move ${move}`} aria-label={move === 'up' ? 'moved up' : 'moved down'}>
            {move === 'up' ? '▲' : '▼'}
          </span>
        )}
      </>
    ),
  },
  {
    title: 'Symbol',
    cell: ({ row, entered }) => (
      <>
        <strong>{row.contract.symbol}</strong>
        {entered && <span className="tag-new">new</span>}
      </>
    ),
  },
  {
    title: 'Exchange',
    className: 'dim',
    cell: ({ row }) => row.contract.primaryExchange || row.contract.exchange,
  },
  { title: 'Last', num: true, cell: ({ q }) => fmtPrice(q?.last) },
  {
    title: 'Change %',
    num: true,
    className: ({ q }) => signClass(changePctOf(q)),
    cell: ({ q }) => fmtPct(changePctOf(q)),
  },
  { title: 'Volume', num: true, cell: ({ q }) => fmtSize(q?.volume) },
];

function changePctOf(q: QuoteView | undefined): number | null {
  return q ? quoteChange(q).changePct : null;
}

/** One scan row: it reads its own instrument's quote, so a tick repaints this row only. */
const ScanRowView = memo(function ScanRowView({
  row,
  prevRank,
  entered,
  selected,
  onPick,
}: {
  row: ScanRow;
  prevRank: number | undefined;
  entered: boolean;
  selected: boolean;
  onPick: () => void;
}) {
  const q = useAppStore((s) => s.quotes[row.contract.conId]);
  const line: ScanLine = { row, q, move: rankMove(prevRank, row.rank), entered };
  return (
    <tr
      className={`clickable${entered ? ' entered' : ''}${selected ? ' selected' : ''}`}
      aria-selected={selected}
      tabIndex={0}
      data-conid={row.contract.conId}
      onClick={onPick}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick();
        }
      }}
    >
      <DataCells columns={SCAN_COLUMNS} row={line} />
    </tr>
  );
});

export function ScanResults({ paneId, view }: { paneId: string; view: ScanView | undefined }) {
  const setSymbol = useAppStore((s) => s.setSymbol);
  const selectedConId = useAppStore((s) => symbolOf(s, paneId)?.conId ?? null);
  return (
    <div className="scanner-split">
      <div className="table-wrap">
        <DataTable
          label="Scan results"
          columns={SCAN_COLUMNS}
          rows={view?.rows ?? NO_ROWS}
          rowKey={(r) => r.contract.conId}
          renderRow={(r) => (
            <ScanRowView
              row={r}
              prevRank={view?.prevRanks[r.contract.conId]}
              entered={view?.enteredAt[r.contract.conId] !== undefined}
              selected={r.contract.conId === selectedConId}
              onPick={() => setSymbol(paneId, r.contract)}
            />
          )}
        />
      </div>
      <div className="activity" role="log" aria-label="Scanner activity">
        <h3>Activity</h3>
        <ol>
          {(view?.activity ?? []).map((a) => (
            <li key={a.id} className={a.kind}>
              <span className="dim">{fmtClock(a.at)}</span> {a.symbol}{' '}
              {a.kind === 'entered'
                ? `entered at #${displayRank(a.rank)}`
                : `left (was #${displayRank(a.rank)})`}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
