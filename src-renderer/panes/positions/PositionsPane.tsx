// Positions pane: every position with its average cost, market value and unrealized/realized/daily PnL, of every
// account or of the one picked in the status bar.
import { ALL_ACCOUNTS, inView } from '../../../src-shared/domain/accounts';
import { PaneTools } from '../../ui/PaneTools';
import { selectAccountView } from '../../stores/account-view';
import { useAppStore } from '../../stores/use-app-store';
import { fmtMoney, fmtPrice, signClass } from '../../ui/format';

export function PositionsPane() {
  const positions = useAppStore((s) => s.portfolio?.positions);
  const view = useAppStore(selectAccountView);
  const rows = inView(positions ?? [], view).filter((p) => p.position !== 0);
  return (
    <div className="pane-body">
      <div className="pane-toolbar" role="toolbar" aria-label="Position tools">
        <span className="dim">
          {rows.length} positions{view === ALL_ACCOUNTS ? '' : ` · ${view}`}
        </span>
        <span className="spacer" />
        <PaneTools linkable={false} />
      </div>
      <div className="table-wrap">
        <table className="grid" aria-label="Positions">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col" className="num">
                Position
              </th>
              <th scope="col" className="num">
                Avg cost
              </th>
              <th scope="col" className="num">
                Market price
              </th>
              <th scope="col" className="num">
                Market value
              </th>
              <th scope="col" className="num">
                Unrealized PnL
              </th>
              <th scope="col" className="num">
                Realized PnL
              </th>
              <th scope="col" className="num">
                Daily PnL
              </th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.account}:${p.contract.conId}`}>
                <th scope="row">{p.contract.symbol}</th>
                <td className={`num ${signClass(p.position)}`}>{p.position}</td>
                <td className="num">{fmtPrice(p.avgCost)}</td>
                <td className="num">{fmtPrice(p.marketPrice)}</td>
                <td className="num">{fmtMoney(p.marketValue)}</td>
                <td className={`num ${signClass(p.unrealizedPnl)}`}>{fmtMoney(p.unrealizedPnl)}</td>
                <td className={`num ${signClass(p.realizedPnl)}`}>{fmtMoney(p.realizedPnl)}</td>
                <td className={`num ${signClass(p.dailyPnl)}`}>{fmtMoney(p.dailyPnl)}</td>
                <td className="dim">{p.account}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="empty">{positions ? 'No open positions.' : 'Waiting for the account…'}</p>
        )}
      </div>
    </div>
  );
}
