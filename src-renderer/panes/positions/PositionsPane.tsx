// Positions pane: every position with its average cost, market value and unrealized/realized/daily PnL, of every
// account or of the one picked in the status bar.
import { ALL_ACCOUNTS, inView } from '../../../src-shared/domain/accounts';
import type { Position } from '../../../src-shared/domain/portfolio';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtMoney, fmtPrice, signClass } from '../../ui/format';
import { TablePane } from '../../ui/TablePane';

/** A money column coloured by its sign. */
const pnl = (title: string, value: (p: Position) => number | null): Column<Position> => ({
  title,
  num: true,
  className: (p) => signClass(value(p)),
  cell: (p) => fmtMoney(value(p)),
});

const COLUMNS: readonly Column<Position>[] = [
  {
    title: 'Symbol',
    rowHeader: true,
    // An option by its OCC symbol (AAPL  260116C00150000): several of one underlying must stay apart.
    cell: (p) =>
      p.contract.secType === 'OPT' ? (p.contract.localSymbol ?? p.contract.symbol) : p.contract.symbol,
  },
  { title: 'Position', num: true, className: (p) => signClass(p.position), cell: (p) => p.position },
  { title: 'Avg cost', num: true, cell: (p) => fmtPrice(p.avgCost) },
  { title: 'Market price', num: true, cell: (p) => fmtPrice(p.marketPrice) },
  { title: 'Market value', num: true, cell: (p) => fmtMoney(p.marketValue) },
  pnl('Unrealized PnL', (p) => p.unrealizedPnl),
  pnl('Realized PnL', (p) => p.realizedPnl),
  pnl('Daily PnL', (p) => p.dailyPnl),
  { title: 'Account', className: 'dim', cell: (p) => p.account },
];

export function PositionsPane() {
  const positions = useAppStore((s) => s.portfolio?.positions);
  const view = useAppStore(selectAccountView);
  const rows = inView(positions ?? [], view).filter((p) => p.position !== 0);
  return (
    <TablePane
      tools="Position tools"
      status={`${rows.length} positions${view === ALL_ACCOUNTS ? '' : ` · ${view}`}`}
      empty={rows.length === 0 && (positions ? 'No open positions.' : 'Waiting for the account…')}
    >
      <DataTable
        label="Positions"
        columns={COLUMNS}
        rows={rows}
        rowKey={(p) => `${p.account}:${p.contract.conId}`}
      />
    </TablePane>
  );
}
