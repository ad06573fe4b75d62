// Scanner pane: pick a scan (grouped, searchable), instrument, location, filters and rows; live ranked rows with
// last, change % and volume; entered rows highlighted, an activity list of entries and exits; export to CSV and
// to the CLI's result.txt table. A click on a row sets the symbol of the pane's link group.
import { useEffect, useMemo, useState } from 'react';
import { downloadText } from '../../ui/download';
import { CodeOptions } from '../../ui/Options';
import { PaneToolbar } from '../../ui/PaneTools';
import { withoutKey } from '../../stores/records';
import { scanConfigOf, scanInputOf, type ScanConfig } from '../../stores/scanner-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { fmtClock } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import { ScanResults } from './ScanResults';
import {
  filtersFor,
  locationsFor,
  parseFilterValue,
  scanCsv,
  scanResultTxt,
  entriesAlertInput,
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
  const connected = useAppStore((s) => s.connection?.state === 'ready' || s.connection?.state === 'degraded');

  const [form, setForm] = useState<ScanConfig>(() => scanConfigOf(savedConfig));
  const [query, setQuery] = useState('');
  const [filterCode, setFilterCode] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const createAlert = useAppStore((s) => s.createAlert);
  const [alertNote, setAlertNote] = useState<string | null>(null);

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

  /** "Tell me when something enters": a scanner alert in main on this scan's top rows, any symbol. */
  async function alertOnEntries(): Promise<void> {
    const input = entriesAlertInput(form.scanCode, form.rows, scanName);
    const r = await createAlert(input);
    setAlertNote(r.ok ? `Alert set: a symbol entering the top ${input.top}` : r.error.message);
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
              <CodeOptions items={g.types} />
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
          <CodeOptions items={params?.instruments ?? [{ code: form.instrument, name: form.instrument }]} />
        </select>
        <select
          aria-label="Location"
          value={form.location}
          onChange={(e) => setForm({ ...form, location: e.target.value })}
        >
          {!locations.some((l) => l.code === form.location) && (
            <option value={form.location}>{form.location}</option>
          )}
          <CodeOptions items={locations} />
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
        <button
          type="button"
          title="Alert when a symbol enters this scan's top rows (evaluated in main while the scan runs)"
          onClick={() => void alertOnEntries()}
        >
          Alert on entries
        </button>
        {alertNote && (
          <span className="dim" role="status">
            {alertNote}
          </span>
        )}
      </PaneToolbar>
      <details className="scan-filters">
        <summary>
          Filters{Object.keys(form.filters).length > 0 ? ` (${Object.keys(form.filters).length})` : ''}
        </summary>
        <div className="filter-editor">
          <select aria-label="Filter" value={filterCode} onChange={(e) => setFilterCode(e.target.value)}>
            <option value="">Choose a filter…</option>
            <CodeOptions items={filters} />
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
                  onClick={() => setForm((f) => ({ ...f, filters: withoutKey(f.filters, code) }))}
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
      <ScanResults paneId={paneId} view={view} />
    </div>
  );
}
