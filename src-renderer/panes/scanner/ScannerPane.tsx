// Scanner pane: pick a scan (grouped, searchable), instrument, location, filters and rows; live ranked rows with
// last, change % and volume; entered rows highlighted, an activity list of entries and exits; export to CSV and
// to the CLI's result.txt table. A click on a row sets the symbol of the pane's link group.
import { memo, useEffect, useMemo, useState } from 'react';
import { quoteChange } from '../../../src-shared/domain/quote';
import type { ScanRow } from '../../../src-shared/domain/scanner';
import { downloadText } from '../../ui/download';
import { PaneToolbar } from '../../ui/PaneTools';
import { DataCells, DataTable, type Column } from '../../ui/DataTable';
import { symbolOf } from '../../stores/panes-slice';
import type { QuoteView } from '../../stores/quotes-slice';
import { scanConfigOf, scanInputOf, type ScanConfig } from '../../stores/scanner-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { fmtClock, fmtPct, fmtPrice, fmtSize, signClass } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import {
  displayRank,
  filtersFor,
  locationsFor,
  parseFilterValue,
  rankMove,
  scanCsv,
  scanResultTxt,
  scanTypesFor,
} from './scanner-view';
import './scanner.css';

export function ScannerPane() {
  const paneId = usePaneId();
  const store = useAppStoreApi();
  const params = useAppStore((s) => s.scannerParams);
  const paramsError = useAppStore((s) => s.scannerParamsError);
  const savedConfig = useAppStore((s) => s.paneStates[paneId]?.config);
  const view = useAppStore((s) => s.scans[paneId]);
  const loadScannerParams = useAppStore((s) => s.loadScannerParams);
  const startScan = useAppStore((s) => s.startScan);
  const stopScan = useAppStore((s) => s.stopScan);
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const setSymbol = useAppStore((s) => s.setSymbol);
  const selectedConId = useAppStore((s) => symbolOf(s, paneId)?.conId ?? null);
  const connected = useAppStore((s) => s.connection?.state === 'ready' || s.connection?.state === 'degraded');

  const [form, setForm] = useState<ScanConfig>(() => scanConfigOf(savedConfig));
  const [query, setQuery] = useState('');
  const [filterCode, setFilterCode] = useState('');
  const [filterValue, setFilterValue] = useState('');

  useEffect(() => {
    if (connected) void loadScannerParams();
  }, [connected, loadScannerParams]);

  // Start the saved scan when the pane mounts; stop it in main when the pane goes away.
  useEffect(() => {
    const s = store.getState();
    const c = scanConfigOf(s.paneStates[paneId]?.config);
    if (c.running) void s.startScan(paneId, scanInputOf(c));
    return () => store.getState().dropScan(paneId);
  }, [store, paneId]);

  const groups = useMemo(
    () => (params ? scanTypesFor(params, form.instrument, query) : []),
    [params, form.instrument, query],
  );
  const locations = useMemo(
    () => (params ? locationsFor(params, form.instrument) : []),
    [params, form.instrument],
  );
  const filters = useMemo(
    () => (params ? filtersFor(params, form.instrument) : []),
    [params, form.instrument],
  );
  const scanName = params?.scanTypes.find((t) => t.code === form.scanCode)?.name ?? form.scanCode;

  const running = view?.status === 'running' || view?.status === 'starting';

  function start(): void {
    const next = { ...form, running: true };
    setPaneConfig(paneId, next);
    void startScan(paneId, scanInputOf(next));
  }

  function stop(): void {
    setPaneConfig(paneId, { running: false });
    void stopScan(paneId);
  }

  function addFilter(): void {
    const def = filters.find((f) => f.code === filterCode);
    if (!def) return;
    const v = parseFilterValue(def.kind, filterValue);
    if (v === null) return;
    setForm((f) => ({ ...f, filters: { ...f.filters, [def.code]: v } }));
    setFilterValue('');
  }

  function exportAs(kind: 'csv' | 'txt'): void {
    const rows = view?.rows ?? [];
    const quotes = store.getState().quotes;
    const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
    if (kind === 'csv') downloadText(`scan-${form.scanCode}-${stamp}.csv`, scanCsv(rows, quotes), 'text/csv');
    else downloadText('result.txt', scanResultTxt(rows, quotes));
  }

  return (
    <div className="pane-body scanner">
      <PaneToolbar label="Scanner settings">
        <input
          type="search"
          aria-label="Find a scan"
          placeholder="Find scan…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="narrow"
        />
        <select
          aria-label="Scan"
          value={form.scanCode}
          onChange={(e) => setForm({ ...form, scanCode: e.target.value })}
        >
          {!groups.some((g) => g.types.some((t) => t.code === form.scanCode)) && (
            <option value={form.scanCode}>{scanName}</option>
          )}
          {groups.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.types.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          aria-label="Instrument"
          value={form.instrument}
          onChange={(e) => {
            const instrument = e.target.value;
            const first = params ? locationsFor(params, instrument)[0]?.code : undefined;
            setForm({ ...form, instrument, location: first ?? form.location, filters: {} });
          }}
        >
          {(params?.instruments ?? [{ code: form.instrument, name: form.instrument }]).map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Location"
          value={form.location}
          onChange={(e) => setForm({ ...form, location: e.target.value })}
        >
          {!locations.some((l) => l.code === form.location) && (
            <option value={form.location}>{form.location}</option>
          )}
          {locations.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <label className="inline">
          Rows
          <input
            type="number"
            min={1}
            max={50}
            value={form.rows}
            className="tiny"
            onChange={(e) =>
              setForm({ ...form, rows: Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))) })
            }
          />
        </label>
        <button type="button" className="primary" onClick={start} disabled={!connected}>
          {running ? 'Restart' : 'Start'}
        </button>
        <button type="button" onClick={stop} disabled={!running}>
          Stop
        </button>
        <button type="button" onClick={() => exportAs('csv')} disabled={!view?.rows.length}>
          Export CSV
        </button>
        <button type="button" onClick={() => exportAs('txt')} disabled={!view?.rows.length}>
          Export result.txt
        </button>
      </PaneToolbar>
      <details className="scan-filters">
        <summary>
          Filters{Object.keys(form.filters).length > 0 ? ` (${Object.keys(form.filters).length})` : ''}
        </summary>
        <div className="filter-editor">
          <select aria-label="Filter" value={filterCode} onChange={(e) => setFilterCode(e.target.value)}>
            <option value="">Choose a filter…</option>
            {filters.map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
          <input
            aria-label="Filter value"
            value={filterValue}
            className="narrow"
            onChange={(e) => setFilterValue(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addFilter()}
          />
          <button type="button" onClick={addFilter} disabled={!filterCode}>
            Add filter
          </button>
          <ul className="chips" aria-label="Filters in use">
            {Object.entries(form.filters).map(([code, v]) => (
              <li key={code}>
                {filters.find((f) => f.code === code)?.name ?? code} = {String(v)}
                <button
                  type="button"
                  aria-label={`Remove filter ${code}`}
                  onClick={() =>
                    setForm((f) => {
                      const { [code]: _gone, ...rest } = f.filters;
                      return { ...f, filters: rest };
                    })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      </details>
      <div className="pane-status">
        {paramsError && <span className="error">Scanner parameters: {paramsError.message}</span>}
        {view?.status === 'starting' && <span>Starting {scanName}…</span>}
        {view?.status === 'running' && (
          <span>
            {scanName} · {view.rows.length} rows
            {view.updatedAt ? ` · updated ${fmtClock(view.updatedAt)}` : ''}
          </span>
        )}
        {view?.status === 'error' && <span className="error">{view.message}</span>}
        {view?.status === 'stopped' && <span>Stopped{view.message ? `: ${view.message}` : ''}</span>}
        {!view && !connected && <span>Connect to scan.</span>}
      </div>
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
    </div>
  );
}

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
