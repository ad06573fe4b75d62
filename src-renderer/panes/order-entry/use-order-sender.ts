// The one way a pane sends an order: the ticket flow's reducer with the settings it obeys (the confirmation, the
// live account's typed confirmation, the connection that disables sending, with the reason). The order ticket
// and the ladder both send through it; `OrderDialogs` shows the two questions it may ask.
import { useReducer } from 'react';
import { useAppStore } from '../../stores/use-app-store';
import { nextStep, placeOutcome, startFlow, ticketFlow, type TicketEvent } from './ticket-flow';
import { ticketBlockedReason, type TicketForm, type TicketInput } from './ticket-form';

export type OrderSender = ReturnType<typeof useOrderSender>;

export function useOrderSender(symbol: string, initial: () => TicketForm) {
  const transportUp = useAppStore((s) => s.transport.connected);
  const connection = useAppStore((s) => s.connection);
  const confirmOrders = useAppStore((s) => s.settings?.preferences.confirmOrders ?? true);
  const liveConfirmed = useAppStore((s) => s.liveConfirmed);
  const placeOrder = useAppStore((s) => s.placeOrder);
  const confirmLive = useAppStore((s) => s.confirmLive);
  const [flow, dispatch] = useReducer(ticketFlow, null, () => startFlow(initial()));
  const blocked = ticketBlockedReason(transportUp, connection);

  /** Sends a ticket whose flow is already `sending`, and shows what main answered. */
  async function send(ticket: TicketInput): Promise<void> {
    dispatch(placeOutcome(await placeOrder(ticket), ticket, symbol));
  }

  function go(event: TicketEvent & { type: 'submitted' | 'live-allowed' }): void {
    dispatch(event);
    if (event.step === 'send') void send(event.ticket);
  }

  return {
    flow,
    dispatch,
    /** Why nothing can be sent now, or null. */
    blocked,
    confirmOrders,
    live: connection?.live ?? false,
    liveConfirmed,
    account: connection?.accounts[0] ?? '?',
    /** A built ticket: asks what the settings say must be asked, then sends. */
    submit(ticket: TicketInput): void {
      if (blocked || flow.sending) return;
      const live = connection?.live ?? false;
      go({ type: 'submitted', ticket, step: nextStep({ live, liveConfirmed, confirmOrders }) });
    },
    allowLive(): void {
      const ticket = flow.liveAsk;
      void confirmLive(flow.typed).then((r) => {
        if (!r.ok) return dispatch({ type: 'live-refused', message: r.error.message });
        if (!ticket) return dispatch({ type: 'close-live' });
        go({ type: 'live-allowed', ticket, step: confirmOrders ? 'confirm' : 'send' });
      });
    },
    /** Send pressed in the confirmation. */
    sendConfirmed(): void {
      const ticket = flow.pending;
      if (!ticket) return;
      dispatch({ type: 'confirmed' });
      void send(ticket);
    },
  };
}
