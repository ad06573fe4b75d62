// Account pane: net liquidation, buying power, available funds, cash and PnL of each account (or of the one picked
// in the status bar).
import { inView } from '../../../src-shared/domain/accounts';
import type { AccountSnapshot } from '../../../src-shared/domain/portfolio';
import { PaneTools } from '../../ui/PaneTools';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { fmtClock, fmtMoney, signClass } from '../../ui/format';

const ROWS: { key: keyof AccountSnapshot; label: string; signed?: boolean }[] = [
  { key: 'netLiquidation', label: 'Net liquidation' },
  { key: 'buyingPower', label: 'Buying power' },
  { key: 'availableFunds', label: 'Available funds' },
  { key: 'totalCash', label: 'Cash' },
  { key: 'grossPositionValue', label: 'Gross position value' },
  { key: 'dailyPnl', label: 'Daily PnL', signed: true },
  { key: 'unrealizedPnl', label: 'Unrealized PnL', signed: true },
  { key: 'realizedPnl', label: 'Realized PnL', signed: true },
];

export function AccountPane() {
  const all = useAppStore((s) => s.portfolio?.accounts);
  const view = useAppStore(selectAccountView);
  const accounts = all && inView(all, view);
  return (
    <div className="pane-body">
      <div className="pane-toolbar" role="toolbar" aria-label="Account tools">
        <span className="dim">
          {accounts?.[0] ? `updated ${fmtClock(accounts[0].updatedAt)}` : 'Waiting for the account…'}
        </span>
        <span className="spacer" />
        <PaneTools linkable={false} />
      </div>
      <div className="table-wrap">
        {(accounts ?? []).map((a) => (
          <table key={a.account} className="grid account-table" aria-label={`Account ${a.account}`}>
            <thead>
              <tr>
                <th scope="col">{a.account}</th>
                <th scope="col" className="num">
                  {a.currency}
                </th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((r) => {
                const v = a[r.key] as number | null;
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className={`num ${r.signed ? signClass(v) : ''}`}>{fmtMoney(v)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}
