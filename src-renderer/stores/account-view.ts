// The account filter and the ticket's account, as every pane reads them: the active profile's remembered choice
// checked against the accounts TWS manages now (a single-account login always shows everything).
import {
  ticketAccount,
  viewAccount,
  withChoice,
  type AccountChoice,
  type AccountChoices,
} from '../../src-shared/domain/accounts';
import type { AppState } from './app-store';

function profileOf(s: Pick<AppState, 'connection' | 'settings'>): string | undefined {
  return s.connection?.profileId ?? s.settings?.activeProfileId;
}

function choiceOf(s: Pick<AppState, 'connection' | 'settings'>): AccountChoice | undefined {
  const id = profileOf(s);
  return id === undefined ? undefined : s.settings?.preferences.accounts?.[id];
}

/** The accounts TWS manages on this connection. */
export function managedAccounts(s: Pick<AppState, 'connection'>): readonly string[] {
  return s.connection?.accounts ?? [];
}

/** "all" or the one account the panes show. */
export function selectAccountView(s: Pick<AppState, 'connection' | 'settings'>): string {
  return viewAccount(choiceOf(s), managedAccounts(s));
}

/** The account a new ticket trades (undefined before TWS named any). */
export function selectTicketAccount(s: Pick<AppState, 'connection' | 'settings'>): string | undefined {
  return ticketAccount(choiceOf(s), managedAccounts(s));
}

/** The preferences patch that remembers a change of the active profile's choice, or null without a profile. */
export function choicePatch(
  s: Pick<AppState, 'connection' | 'settings'>,
  patch: Partial<AccountChoice>,
): { accounts: AccountChoices } | null {
  const id = profileOf(s);
  if (id === undefined || !s.settings) return null;
  return { accounts: withChoice(s.settings.preferences.accounts, id, patch) };
}
