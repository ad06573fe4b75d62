// The seed script's scan table (Rank, Symbol, Exchange, Currency, Last, Change %, Volume) as text: what `ibdesk
// scan` prints and writes to result.txt, what the paper suite writes, and what the scanner pane saves as result.txt.
import { fmt, fmtInt, fmtPct, table } from './text-table';

/** One row of the scan table: rank from 1, the listing exchange, the quote's last, change and volume if known. */
export type ScanResultRow = {
  rank: number;
  symbol: string;
  exchange: string;
  currency: string;
  last: number | null;
  changePct: number | null;
  volume: number | null;
};

export function formatScanTable(rows: readonly ScanResultRow[]): string {
  return table(rows, [
    { title: 'Rank', value: (r) => String(r.rank), align: 'right' },
    { title: 'Symbol', value: (r) => r.symbol },
    { title: 'Exchange', value: (r) => r.exchange },
    { title: 'Currency', value: (r) => r.currency },
    { title: 'Last', value: (r) => fmt(r.last), align: 'right' },
    { title: 'Change %', value: (r) => fmtPct(r.changePct), align: 'right' },
    { title: 'Volume', value: (r) => fmtInt(r.volume), align: 'right' },
  ]);
}
