// Account pane: net liquidation, buying power, available funds, cash and PnL of each account (or of the one picked
// in the status bar).
import { inView } from '../../../src-shared/domain/accounts';
import type { AccountSnapshot } from '../../../src-shared/domain/portfolio';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtClock, fmtMoney, signClass } from '../../ui/format';
import { TablePane } from '../../ui/TablePane';
import './account.css';

type Line = { key: keyof AccountSnapshot; label: string; signed?: boolean };

const LINES: readonly Line[] = [
  { key: 'netLiquidation', label: 'Net liquidation' },
  { key: 'buyingPower', label: 'Buying power' },
  { key: 'availableFunds', label: 'Available funds' },
  { key: 'totalCash', label: 'Cash' },
  { key: 'grossPositionValue', label: 'Gross position value' },
  { key: 'dailyPnl', label: 'Daily PnL', signed: true },
  { key: 'unrealizedPnl', label: 'Unrealized PnL', signed: true },
  { key: 'realizedPnl', label: 'Realized PnL', signed: true },
];

/** One account's table: a line per value, headed by the account id and its currency. */
function columnsOf(a: AccountSnapshot): Column<Line>[] {
  const value = (l: Line) => a[l.key] as number | null;
  return [
    { title: a.account, rowHeader: true, cell: (l) => l.label },
    {
      title: a.currency,
      num: true,
      className: (l) => (l.signed ? signClass(value(l)) : ''),
      cell: (l) => fmtMoney(value(l)),
    },
  ];
}

export function AccountPane() {
  const all = useAppStore((s) => s.portfolio?.accounts);
  const view = useAppStore(selectAccountView);
  const accounts = all && inView(all, view);
  return (
    <TablePane
      tools="Account tools"
      status={accounts?.[0] ? `updated ${fmtClock(accounts[0].updatedAt)}` : 'Waiting for the account…'}
    >
      {(accounts ?? []).map((a) => (
        <DataTable
          key={a.account}
          label={`Account ${a.account}`}
          className="account-table"
          columns={columnsOf(a)}
          rows={LINES}
          rowKey={(l) => l.key}
        />
      ))}
    </TablePane>
  );
}
