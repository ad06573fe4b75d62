// Executions pane: every fill with its price, venue, commission and realized PnL, newest first (of every account or
// of the one picked in the status bar). In a replay fills are timed in New York, as the transport bar's clock is.
import { useMemo } from 'react';
import { inView } from '../../../src-shared/domain/accounts';
import { instrumentLabel } from '../../../src-shared/domain/instrument';
import type { Execution } from '../../../src-shared/domain/order';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtClock, fmtEtClock, fmtMoney, fmtPrice, signClass } from '../../ui/format';
import { TablePane } from '../../ui/TablePane';

const columns = (clock: (ms: number) => string): readonly Column<Execution>[] => [
  { title: 'Time', className: 'dim', cell: (e) => clock(e.time) },
  // An option by its OCC symbol or description, not by its underlying alone.
  { title: 'Symbol', cell: (e) => <strong>{instrumentLabel(e.contract)}</strong> },
  { title: 'Side', className: (e) => (e.side === 'BUY' ? 'up' : 'down'), cell: (e) => e.side },
  { title: 'Shares', num: true, cell: (e) => e.shares },
  { title: 'Price', num: true, cell: (e) => fmtPrice(e.price) },
  { title: 'Exchange', cell: (e) => e.exchange },
  {
    title: 'Commission',
    num: true,
    cell: (e) => (e.commission === null ? '…' : fmtMoney(e.commission, e.commissionCurrency ?? undefined)),
  },
  {
    title: 'Realized PnL',
    num: true,
    className: (e) => signClass(e.realizedPnl),
    cell: (e) => fmtMoney(e.realizedPnl),
  },
  { title: 'Order', num: true, cell: (e) => e.orderId },
  { title: 'Account', className: 'dim', cell: (e) => e.account },
];

const LOCAL_COLUMNS = columns(fmtClock);
const REPLAY_COLUMNS = columns(fmtEtClock);

export function ExecutionsPane() {
  const replaying = useAppStore((s) => s.replay !== null);
  const executions = useAppStore((s) => s.executions);
  const view = useAppStore(selectAccountView);
  const rows = useMemo(
    () => inView(Object.values(executions), view).sort((a, b) => b.time - a.time),
    [executions, view],
  );
  return (
    <TablePane
      tools="Execution tools"
      status={`${rows.length} executions`}
      empty={rows.length === 0 && 'No executions yet today.'}
    >
      <DataTable
        label="Executions"
        columns={replaying ? REPLAY_COLUMNS : LOCAL_COLUMNS}
        rows={rows}
        rowKey={(e) => e.execId}
      />
    </TablePane>
  );
}
