// The ticket's two dialogs: the order confirmation (on by default) and, on a live profile, the typed account id
// that allows orders for the session before the first one goes.
import { fmtMoney } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { fieldError, invalidProps } from './TicketFields';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { ticketSummary, type TicketInput } from './ticket-form';
import type { OrderSender } from './use-order-sender';

/** The questions an order sender may ask before sending: the live account's, then the confirmation. */
export function OrderDialogs({
  sender,
  symbol,
  notional,
}: {
  sender: OrderSender;
  /** The instrument every ticket of this sender trades: the summary's symbol and the value's currency. */
  symbol: WatchItem;
  notional: (ticket: TicketInput) => number | null;
}) {
  const { flow, dispatch } = sender;
  const { pending } = flow;
  return (
    <>
      <ConfirmOrderDialog
        ticket={pending}
        summary={pending ? ticketSummary(pending, symbol.symbol) : ''}
        notional={pending ? notional(pending) : null}
        currency={symbol.currency}
        onSend={sender.sendConfirmed}
        onClose={() => dispatch({ type: 'close-confirm' })}
      />
      <LiveTradingDialog
        open={flow.liveAsk !== null}
        account={sender.account}
        typed={flow.typed}
        errors={flow.errors}
        onType={(t) => dispatch({ type: 'type-live', typed: t })}
        onAllow={sender.allowLive}
        onClose={() => dispatch({ type: 'close-live' })}
      />
    </>
  );
}

export function ConfirmOrderDialog({
  ticket,
  summary,
  notional,
  currency,
  onSend,
  onClose,
}: {
  /** The ticket to confirm; the dialog is closed without one. */
  ticket: TicketInput | null;
  summary: string;
  notional: number | null;
  currency: string;
  onSend(): void;
  onClose(): void;
}) {
  const side = ticket?.action === 'BUY' ? 'buy' : 'sell';
  return (
    <ModalDialog open={ticket !== null} title="Confirm order" onClose={onClose}>
      {ticket && (
        <>
          <p className={`confirm-summary ${side}`}>{summary}</p>
          <p>Estimated value: {fmtMoney(notional, currency)}</p>
          <div className="actions">
            <button type="button" className={side} autoFocus onClick={onSend}>
              Send order
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

export function LiveTradingDialog({
  open,
  account,
  typed,
  errors,
  onType,
  onAllow,
  onClose,
}: {
  open: boolean;
  /** The live account named in the question ('?' before TWS named it). */
  account: string;
  typed: string;
  errors: Readonly<Record<string, string>>;
  onType(typed: string): void;
  onAllow(): void;
  onClose(): void;
}) {
  return (
    <ModalDialog open={open} title="Confirm live trading" onClose={onClose} className="dialog-live">
      <p>
        This profile trades <strong>real money</strong> on account {account}. Type the account id to allow
        orders for this session.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onAllow();
        }}
      >
        <label className="field">
          <span>Account id</span>
          <input
            value={typed}
            onChange={(e) => onType(e.target.value)}
            autoFocus
            autoComplete="off"
            {...invalidProps(errors, 'typed')}
          />
        </label>
        {fieldError(errors, 'typed')}
        <div className="actions">
          <button type="submit" className="danger">
            Allow live orders
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
