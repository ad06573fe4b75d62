// The seed script's scan table (Rank, Symbol, Exchange, Currency, Last, Change %, Volume): what `ibdesk scan`
// prints and writes to result.txt, and what the paper suite writes for its scans. Quotes are one-off snapshots.
import { quoteChange, type Quote } from '../../src-shared/domain/quote';
import type { ScanRow } from '../../src-shared/domain/scanner';
import type { Trading } from '../trading';
import { fmt, fmtInt, fmtPct, table } from '../../src-shared/text-table';

export type ScanResultRow = {
  rank: number;
  symbol: string;
  exchange: string;
  currency: string;
  last: number | null;
  changePct: number | null;
  volume: number | null;
};

async function snapshotOrNull(t: Pick<Trading, 'marketData'>, row: ScanRow): Promise<Quote | null> {
  try {
    return await t.marketData.snapshot(row.contract);
  } catch {
    return null;
  }
}

/** A scan's rows with a snapshot quote each and the listing exchange from the contract details. */
export async function scanResultRows(
  t: Pick<Trading, 'marketData' | 'contracts'>,
  rows: readonly ScanRow[],
): Promise<ScanResultRow[]> {
  const quotes = await Promise.all(rows.map((r) => snapshotOrNull(t, r)));
  // Scanner rows name the routing exchange (SMART); the listing exchange comes from the contract details.
  const listings = await Promise.all(
    rows.map((r) =>
      r.contract.primaryExchange
        ? Promise.resolve(r.contract.primaryExchange)
        : t.contracts
            .details({ conId: r.contract.conId })
            .then((l) => l[0]?.primaryExchange || null)
            .catch(() => null),
    ),
  );
  return rows.map((r, i) => {
    const q = quotes[i] ?? null;
    return {
      rank: r.rank + 1,
      symbol: r.contract.symbol,
      exchange: listings[i] ?? r.contract.exchange,
      currency: r.contract.currency,
      last: q?.last ?? null,
      changePct: q ? quoteChange(q).changePct : null,
      volume: q?.volume ?? null,
    };
  });
}

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
