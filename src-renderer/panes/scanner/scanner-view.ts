// Pure view logic of the scanner pane: the scan picker's groups and search, locations and filters for an
// instrument, re-rank arrows, and the exports (CSV, and the CLI's result.txt table).
import { quoteChange, type Quote } from '../../../src-shared/domain/quote';
import { formatScanTable } from '../../../src-shared/scan-table';
import type {
  ScanFilter,
  ScanLocation,
  ScannerParams,
  ScanRow,
  ScanType,
} from '../../../src-shared/domain/scanner';

export function scanTypesFor(
  params: ScannerParams,
  instrument: string,
  query: string,
): { group: string; types: ScanType[] }[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, ScanType[]>();
  for (const t of params.scanTypes) {
    if (t.instruments.length > 0 && !t.instruments.includes(instrument)) continue;
    if (q && !t.name.toLowerCase().includes(q) && !t.code.toLowerCase().includes(q)) continue;
    const g = t.group || 'Other';
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(t);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, types]) => ({ group, types: types.sort((a, b) => a.name.localeCompare(b.name)) }));
}

export function locationsFor(params: ScannerParams, instrument: string): ScanLocation[] {
  return params.locations.filter((l) => l.instruments.length === 0 || l.instruments.includes(instrument));
}

export function filtersFor(params: ScannerParams, instrument: string): ScanFilter[] {
  return params.filters
    .filter((f) => f.instruments.length === 0 || f.instruments.includes(instrument))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** TWS ranks scan rows from 0; people (and the CLI's result.txt) count from 1. */
export function displayRank(rank: number): number {
  return rank + 1;
}

/** ▲ moved up, ▼ moved down, '' same place or new. */
export function rankMove(prev: number | undefined, rank: number): 'up' | 'down' | '' {
  if (prev === undefined || prev === rank) return '';
  return rank < prev ? 'up' : 'down';
}

type Line = {
  rank: number;
  symbol: string;
  secType: string;
  exchange: string;
  currency: string;
  last: number | null;
  changePct: number | null;
  volume: number | null;
};

function lines(rows: readonly ScanRow[], quotes: Readonly<Record<number, Quote>>): Line[] {
  return rows.map((r) => {
    const q = quotes[r.contract.conId];
    return {
      rank: displayRank(r.rank),
      symbol: r.contract.symbol,
      secType: r.contract.secType,
      exchange: r.contract.primaryExchange || r.contract.exchange,
      currency: r.contract.currency,
      last: q?.last ?? null,
      changePct: q ? quoteChange(q).changePct : null,
      volume: q?.volume ?? null,
    };
  });
}

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function scanCsv(rows: readonly ScanRow[], quotes: Readonly<Record<number, Quote>>): string {
  const header = ['Rank', 'Symbol', 'SecType', 'Exchange', 'Currency', 'Last', 'Change %', 'Volume'];
  const body = lines(rows, quotes).map((l) =>
    [
      String(l.rank),
      l.symbol,
      l.secType,
      l.exchange,
      l.currency,
      l.last === null ? '' : String(l.last),
      l.changePct === null ? '' : l.changePct.toFixed(2),
      l.volume === null ? '' : String(l.volume),
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...body].join('\n') + '\n';
}

/** The CLI's `scan` table as written to result.txt (`npm run cli -- scan`): same columns, rule and number formats. */
export function scanResultTxt(rows: readonly ScanRow[], quotes: Readonly<Record<number, Quote>>): string {
  return formatScanTable(lines(rows, quotes));
}

/** Parses a filter value as typed: numbers for numeric filters, true/false for boolean ones. */
export function parseFilterValue(kind: ScanFilter['kind'], text: string): number | string | boolean | null {
  const t = text.trim();
  if (t === '') return null;
  if (kind === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  if (kind === 'boolean') return t === 'true' || t === '1' || t === 'yes';
  return t.slice(0, 64);
}

/** The scanner alert "tell me when something enters" of a scan: any symbol entering its top rows (≤ 50). */
export function entriesAlertInput(scanCode: string, rows: number, scanName: string) {
  return {
    kind: 'scanner',
    scanCode,
    top: Math.max(1, Math.min(50, rows)),
    event: 'enter',
    note: scanName,
  } as const;
}
