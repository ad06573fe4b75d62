// What a pane that sends orders reads of its instrument: the quote (held while the pane shows it), the min tick
// (loaded), the profile's precautionary checks of a ticket, and the account a ticket goes to. The order ticket and
// the ladder both use it, so both check and address orders alike.
import { useEffect, useState } from 'react';
import { hasSeveralAccounts } from '../../../src-shared/domain/accounts';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { managedAccounts, selectTicketAccount } from '../../stores/account-view';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { ticketWarnings, type TicketInput } from './ticket-form';

export function useOrderInstrument(symbol: WatchItem) {
  const store = useAppStoreApi();
  const quote = useAppStore((s) => s.quotes[symbol.conId]);
  const instrument = useAppStore((s) => s.instruments[symbol.conId]);
  const limits = useAppStore(
    (s) => s.settings?.profiles.find((p) => p.id === s.settings?.activeProfileId)?.limits,
  );
  const accounts = useAppStore((s) => managedAccounts(s));
  const account = useAppStore(selectTicketAccount);
  const several = hasSeveralAccounts(accounts);
  const minTick = instrument?.minTick ?? 0.01;

  // The callers are keyed by conId: the held list never changes while they live.
  const [held] = useState(() => [symbol]);
  useHeldQuotes(held);
  useEffect(() => {
    void store.getState().loadInstrument(symbol.conId);
  }, [store, symbol.conId]);

  return {
    quote,
    minTick,
    accounts,
    account,
    several,
    /** The profile's precautionary checks and the ticket's own warnings, with the estimated value. */
    check: (ticket: TicketInput) =>
      ticketWarnings(ticket, {
        minTick,
        multiplier: instrument?.multiplier,
        currency: symbol.currency,
        limits,
        quote,
        secType: symbol.secType,
      }),
    /** A single-account login sends no account (TWS uses its only one), as before several were supported. */
    addressed: (ticket: TicketInput): TicketInput => (several && account ? { ...ticket, account } : ticket),
    instrument,
  };
}
