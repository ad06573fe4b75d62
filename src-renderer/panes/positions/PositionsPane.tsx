// Positions pane: every position with its average cost, market value and unrealized/realized/daily PnL, of every
// account or of the one picked in the status bar. Option positions hold their quote lines for TWS's model greeks:
// their delta and their position delta (delta × contracts × multiplier), summed with the stocks' shares into the
// portfolio's delta.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_ACCOUNTS, inView } from '../../../src-shared/domain/accounts';
import { instrumentLabel } from '../../../src-shared/domain/instrument';
import type { Position } from '../../../src-shared/domain/portfolio';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtMoney, fmtPrice, signClass } from '../../ui/format';
import { TablePane } from '../../ui/TablePane';
import { portfolioDelta, positionDelta } from './positions-view';

/** A money column coloured by its sign. */
const pnl = (title: string, value: (p: Position) => number | null): Column<Position> => ({
  title,
  num: true,
  className: (p) => signClass(value(p)),
  cell: (p) => fmtMoney(value(p)),
});

const fixed = (v: number | null | undefined, d: number): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d);

function columnsOf(deltaOf: (conId: number) => number | null | undefined): Column<Position>[] {
  return [
    // An option by its OCC symbol (AAPL  260116C00150000): several of one underlying must stay apart.
    { title: 'Symbol', rowHeader: true, cell: (p) => instrumentLabel(p.contract) },
    { title: 'Position', num: true, className: (p) => signClass(p.position), cell: (p) => p.position },
    { title: 'Avg cost', num: true, cell: (p) => fmtPrice(p.avgCost) },
    { title: 'Market price', num: true, cell: (p) => fmtPrice(p.marketPrice) },
    { title: 'Market value', num: true, cell: (p) => fmtMoney(p.marketValue) },
    pnl('Unrealized PnL', (p) => p.unrealizedPnl),
    pnl('Realized PnL', (p) => p.realizedPnl),
    pnl('Daily PnL', (p) => p.dailyPnl),
    {
      title: 'Delta',
      num: true,
      cell: (p) => (p.contract.secType === 'OPT' ? fixed(deltaOf(p.contract.conId), 2) : ''),
    },
    {
      title: 'Position delta',
      num: true,
      cell: (p) => {
        const d = positionDelta(p, p.contract.secType === 'OPT' ? deltaOf(p.contract.conId) : null);
        return d === null ? '—' : d.toFixed(0);
      },
    },
    { title: 'Account', className: 'dim', cell: (p) => p.account },
  ];
}

/** The quote lines of the option positions (their greeks). */
function optionLines(rows: readonly Position[]): WatchItem[] {
  const out = new Map<number, WatchItem>();
  for (const p of rows)
    if (p.contract.secType === 'OPT' && p.contract.conId > 0) out.set(p.contract.conId, { ...p.contract });
  return [...out.values()];
}

export function PositionsPane() {
  const positions = useAppStore((s) => s.portfolio?.positions);
  const view = useAppStore(selectAccountView);
  const rows = useMemo(
    () => inView(positions ?? [], view).filter((p) => p.position !== 0),
    [positions, view],
  );
  const lines = useMemo(() => optionLines(rows), [rows]);
  useHeldQuotes(lines);
  // One value per option line (a re-render when a delta moves, not on every quote of the watchlist).
  const deltas = useAppStore(useShallow((s) => lines.map((l) => s.quotes[l.conId]?.greeks?.delta ?? null)));
  const byConId = new Map(lines.map((l, i) => [l.conId, deltas[i]]));
  const deltaOf = (conId: number) => byConId.get(conId);
  const total = portfolioDelta(rows, deltaOf);
  const deltaNote =
    rows.length === 0
      ? ''
      : ` · portfolio delta ${total.delta.toFixed(0)} shares${total.missing > 0 ? ` (${total.missing} options without greeks yet)` : ''}`;
  return (
    <TablePane
      tools="Position tools"
      status={`${rows.length} positions${view === ALL_ACCOUNTS ? '' : ` · ${view}`}${deltaNote}`}
      empty={rows.length === 0 && (positions ? 'No open positions.' : 'Waiting for the account…')}
    >
      <DataTable
        label="Positions"
        columns={columnsOf(deltaOf)}
        rows={rows}
        rowKey={(p) => `${p.account}:${p.contract.conId}`}
      />
    </TablePane>
  );
}
