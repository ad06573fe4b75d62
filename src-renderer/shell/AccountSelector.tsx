// The status bar's account selector, shown only when TWS manages several accounts: every account, or one, for the
// Positions, Account, Orders and Executions panes (remembered per profile).
import { ALL_ACCOUNTS } from '../../src-shared/domain/accounts';
import { managedAccounts, selectAccountView } from '../stores/account-view';
import { useAppStore } from '../stores/use-app-store';
import { Options } from '../ui/Options';

export function AccountSelector() {
  const accounts = useAppStore((s) => managedAccounts(s));
  const view = useAppStore(selectAccountView);
  const setAccountView = useAppStore((s) => s.setAccountView);
  return (
    <label
      className="account-select"
      title="Which account the positions, account, orders and executions show"
    >
      <span>Account</span>
      <select aria-label="Account" value={view} onChange={(e) => void setAccountView(e.target.value)}>
        <option value={ALL_ACCOUNTS}>All accounts ({accounts.length})</option>
        <Options values={accounts} />
      </select>
    </label>
  );
}
