// Pure view logic of the scanner pane: the scan picker's groups and search, locations and filters for an
// instrument, re-rank arrows, and the exports (CSV, and the CLI's result.txt table).
import { quoteChange, type Quote } from '../../../src-shared/domain/quote';
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
      rank: r.rank,
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

/** The CLI's `scan` table: fixed-width columns, one line per row, as written to result.txt. */
export function scanResultTxt(rows: readonly ScanRow[], quotes: Readonly<Record<number, Quote>>): string {
  const header = ['RANK', 'SYMBOL', 'EXCHANGE', 'CURRENCY', 'LAST', 'CHANGE%', 'VOLUME'];
  const cells = lines(rows, quotes).map((l) => [
    String(l.rank),
    l.symbol,
    l.exchange,
    l.currency,
    l.last === null ? '-' : l.last.toFixed(2),
    l.changePct === null ? '-' : `${l.changePct >= 0 ? '+' : ''}${l.changePct.toFixed(2)}%`,
    l.volume === null ? '-' : String(Math.round(l.volume)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const right = new Set([0, 4, 5, 6]);
  const fmt = (c: string[]) =>
    c
      .map((v, i) => (right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...cells.map(fmt)].join('\n') + '\n';
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
