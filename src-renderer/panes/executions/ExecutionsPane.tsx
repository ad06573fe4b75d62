// Executions pane: every fill with its price, venue, commission and realized PnL, newest first (of every account or
// of the one picked in the status bar).
import { useMemo } from 'react';
import { inView } from '../../../src-shared/domain/accounts';
import { PaneTools } from '../../ui/PaneTools';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { fmtClock, fmtMoney, fmtPrice, signClass } from '../../ui/format';

export function ExecutionsPane() {
  const executions = useAppStore((s) => s.executions);
  const view = useAppStore(selectAccountView);
  const rows = useMemo(
    () => inView(Object.values(executions), view).sort((a, b) => b.time - a.time),
    [executions, view],
  );
  return (
    <div className="pane-body">
      <div className="pane-toolbar" role="toolbar" aria-label="Execution tools">
        <span className="dim">{rows.length} executions</span>
        <span className="spacer" />
        <PaneTools linkable={false} />
      </div>
      <div className="table-wrap">
        <table className="grid" aria-label="Executions">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Symbol</th>
              <th scope="col">Side</th>
              <th scope="col" className="num">
                Shares
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">Exchange</th>
              <th scope="col" className="num">
                Commission
              </th>
              <th scope="col" className="num">
                Realized PnL
              </th>
              <th scope="col" className="num">
                Order
              </th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.execId}>
                <td className="dim">{fmtClock(e.time)}</td>
                <td>
                  <strong>{e.contract.symbol}</strong>
                </td>
                <td className={e.side === 'BUY' ? 'up' : 'down'}>{e.side}</td>
                <td className="num">{e.shares}</td>
                <td className="num">{fmtPrice(e.price)}</td>
                <td>{e.exchange}</td>
                <td className="num">
                  {e.commission === null ? '…' : fmtMoney(e.commission, e.commissionCurrency ?? undefined)}
                </td>
                <td className={`num ${signClass(e.realizedPnl)}`}>{fmtMoney(e.realizedPnl)}</td>
                <td className="num">{e.orderId}</td>
                <td className="dim">{e.account}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">No executions yet today.</p>}
      </div>
    </div>
  );
}
