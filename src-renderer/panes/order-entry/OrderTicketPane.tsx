// Order entry: symbol, BUY/SELL, quantity, MKT/LMT/STP/STP LMT/TRAIL, prices stepping by the min tick, TIF,
// outside RTH, bracket, the account when TWS manages several (the first, or the one last picked for this
// profile), estimated value and warnings, a confirmation (on by default), Alt+B / Alt+S hotkeys.
// Disabled, with the reason, unless TWS is ready; a live profile shows a red banner and asks for the typed
// confirmation before its first order of the session.
import { useEffect, useRef } from 'react';
import type { OrderAction } from '../../../src-shared/domain/order';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import type { OptionTicket } from '../../stores/options-slice';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { usePaneId } from '../../ui/pane-context';
import { referencePrice } from '../../../src-shared/domain/quote';
import { fmtMoney, fmtPrice } from '../../ui/format';
import { SymbolPane } from '../../ui/SymbolPane';
import { ResultLine } from '../../ui/ResultLine';
import { OrderDialogs } from './TicketDialogs';
import { TicketFields } from './TicketFields';
import { useOrderInstrument } from './use-order-instrument';
import { useOrderSender } from './use-order-sender';
import { buildTicket, initialForm, optionPremium, type TicketForm } from './ticket-form';
import './order-entry.css';

export function OrderTicketPane() {
  const live = useAppStore((s) => s.connection?.live ?? false);
  const paneId = usePaneId();
  const symbol = useAppStore((s) => symbolOf(s, paneId));
  // An option handed over by a chain's bid/ask shows until the ticket's symbol changes again.
  const option = useAppStore((s) => s.optionTicket);
  const clearOption = useAppStore((s) => s.clearOptionTicket);
  const lastConId = useRef(symbol?.conId);
  useEffect(() => {
    if (symbol?.conId === lastConId.current) return;
    lastConId.current = symbol?.conId;
    clearOption();
  }, [symbol?.conId, clearOption]);
  return (
    <SymbolPane
      label="Ticket symbol"
      className="ticket"
      shown={option?.item}
      onPick={clearOption}
      banner={
        live && (
          <div className="ticket-live" role="alert">
            LIVE ACCOUNT — this ticket trades real money
          </div>
        )
      }
      body={(shown) => (
        <TicketBody key={`${shown.conId}:${option?.seq ?? 0}`} symbol={shown} option={option} />
      )}
    />
  );
}

function TicketBody({ symbol, option }: { symbol: WatchItem; option: OptionTicket | null }) {
  const store = useAppStoreApi();
  const setPreferences = useAppStore((s) => s.setPreferences);
  const setTicketAccount = useAppStore((s) => s.setTicketAccount);
  const {
    quote,
    instrument,
    minTick,
    accounts,
    account,
    several,
    check: checkOf,
    addressed,
  } = useOrderInstrument(symbol);
  const sender = useOrderSender(symbol.symbol, () =>
    option
      ? // From a chain's bid/ask: one contract at the price clicked.
        { ...initialForm(option.price, minTick), quantity: '1' }
      : initialForm(referencePrice(store.getState().quotes[symbol.conId], symbol.secType), minTick),
  );
  const { flow, dispatch, blocked, confirmOrders, liveConfirmed, live } = sender;
  const { form, errors, result, sending } = flow;
  // The first price seen fills the empty price fields once (the quote often arrives after the ticket opens).
  const reference = referencePrice(quote, symbol.secType);
  if (!flow.seeded && reference !== null) dispatch({ type: 'seed', reference, minTick });

  const preview = buildTicket(form, symbol, 'BUY');
  const check = preview.ok ? checkOf(preview.ticket) : null;

  function submit(action: OrderAction): void {
    if (blocked || sending) return;
    const built = buildTicket(form, symbol, action);
    if (!built.ok) return dispatch({ type: 'invalid', errors: built.errors });
    sender.submit(addressed(built.ticket));
  }

  /** Buy or Sell, with its Alt hotkey. */
  const sideButton = (action: OrderAction) => {
    const key = action === 'BUY' ? 'B' : 'S';
    return (
      <button
        type="button"
        className={action === 'BUY' ? 'buy' : 'sell'}
        disabled={!!blocked || sending}
        onClick={() => submit(action)}
        title={`Alt+${key}`}
        aria-keyshortcuts={`Alt+${key}`}
      >
        {action === 'BUY' ? 'Buy' : 'Sell'}
      </button>
    );
  };

  return (
    <>
      <form
        className="ticket-form"
        aria-label="Order ticket"
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (!e.altKey || e.ctrlKey || e.metaKey) return;
          if (e.code === 'KeyB') {
            e.preventDefault();
            submit('BUY');
          } else if (e.code === 'KeyS') {
            e.preventDefault();
            submit('SELL');
          }
        }}
      >
        <div className="ticket-head">
          <strong className="ticket-symbol">
            {symbol.secType === 'OPT' ? symbol.localSymbol || symbol.symbol : symbol.symbol}
          </strong>
          <span className="dim">{instrument?.longName ?? symbol.primaryExchange ?? ''}</span>
          <span className="ticket-quote">
            <span>Bid {fmtPrice(quote?.bid, minTick)}</span> <span>Ask {fmtPrice(quote?.ask, minTick)}</span>{' '}
            <span>Last {fmtPrice(quote?.last, minTick)}</span>
          </span>
        </div>
        <TicketFields
          form={form}
          errors={errors}
          minTick={minTick}
          accounts={several ? accounts : null}
          account={account}
          onAccount={(a) => void setTicketAccount(a)}
          edit={<K extends keyof TicketForm>(field: K, value: TicketForm[K]) =>
            dispatch({ type: 'edit', field, value })
          }
        />
        {symbol.secType === 'OPT' && (
          <OptionLine
            option={option}
            form={form}
            multiplier={instrument?.multiplier ?? symbol.multiplier ?? 100}
            currency={symbol.currency}
          />
        )}
        <p className="ticket-notional">
          Estimated value: <strong>{fmtMoney(check?.notional ?? null, symbol.currency)}</strong>
          <span className="dim"> · tick {minTick}</span>
        </p>
        {check && check.problems.length > 0 && (
          <ul className="ticket-problems" aria-label="Limits">
            {check.problems.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {check && check.warnings.length > 0 && (
          <ul className="ticket-warnings" aria-label="Warnings">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {errors.form && <p className="field-error">{errors.form}</p>}
        <div className="ticket-actions">
          {sideButton('BUY')}
          {sideButton('SELL')}
          <label className="checkbox confirm-pref">
            <input
              type="checkbox"
              checked={confirmOrders}
              onChange={(e) => void setPreferences({ confirmOrders: e.target.checked })}
            />
            Confirm before sending
          </label>
        </div>
        {blocked && (
          <p className="ticket-blocked" role="note" aria-label="Order entry disabled">
            Order entry is disabled: {blocked}
          </p>
        )}
        <ResultLine result={result} label="Order result" />
        {liveConfirmed && live && <p className="dim">Live orders allowed for this session.</p>}
      </form>

      <OrderDialogs sender={sender} symbol={symbol} notional={(t) => checkOf(t).notional} />
    </>
  );
}

/** An option ticket's premium × multiplier, the most a long option can lose, and the side the chain's click chose. */
function OptionLine(props: {
  option: OptionTicket | null;
  form: TicketForm;
  multiplier: number;
  currency: string;
}) {
  const premium = optionPremium(props.form, props.multiplier);
  return (
    <p className="ticket-option" aria-label="Option premium">
      {props.option && (
        <>
          From the chain:{' '}
          <strong>{props.option.action === 'BUY' ? 'Buy at the ask' : 'Sell at the bid'}</strong>{' '}
          {props.option.price} ·{' '}
        </>
      )}
      Premium {props.form.limitPrice || '—'} × {props.multiplier} ={' '}
      <strong>{fmtMoney(premium?.perContract ?? null, props.currency)}</strong> per contract · Max loss if
      long: <strong>{fmtMoney(premium?.total ?? null, props.currency)}</strong>
    </p>
  );
}
