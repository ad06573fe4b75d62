// Order entry: symbol, BUY/SELL, quantity, MKT/LMT/STP/STP LMT/TRAIL, prices stepping by the min tick, TIF,
// outside RTH, bracket, the account when TWS manages several (the first, or the one last picked for this
// profile), estimated value and warnings, a confirmation (on by default), Alt+B / Alt+S hotkeys.
// Disabled, with the reason, unless TWS is ready; a live profile shows a red banner and asks for the typed
// confirmation before its first order of the session.
import { useEffect, useState } from 'react';
import { hasSeveralAccounts } from '../../../src-shared/domain/accounts';
import type { OrderAction, OrderType, TimeInForce } from '../../../src-shared/domain/order';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { ModalDialog } from '../../ui/ModalDialog';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { managedAccounts, selectTicketAccount } from '../../stores/account-view';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { useHeldQuotes } from '../../stores/use-held-quotes';
import { fmtMoney, fmtPrice } from '../../ui/format';
import { usePaneId } from '../../ui/pane-context';
import {
  buildTicket,
  initialForm,
  referencePrice,
  seedPrices,
  ticketBlockedReason,
  ticketSummary,
  ticketWarnings,
  type TicketForm,
  type TicketInput,
} from './ticket-form';

const ORDER_TYPES: readonly OrderType[] = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL'];
const TIFS: readonly TimeInForce[] = ['DAY', 'GTC', 'IOC'];

export function OrderTicketPane() {
  const paneId = usePaneId();
  const symbol = useAppStore((s) => symbolOf(s, paneId));
  const setSymbol = useAppStore((s) => s.setSymbol);
  const live = useAppStore((s) => s.connection?.live ?? false);
  return (
    <div className="pane-body ticket">
      <PaneToolbar label="Ticket symbol">
        <SymbolPicker
          label="Ticket symbol"
          placeholder="Symbol…"
          onPick={(item) => setSymbol(paneId, item)}
        />
      </PaneToolbar>
      {live && (
        <div className="ticket-live" role="alert">
          LIVE ACCOUNT — this ticket trades real money
        </div>
      )}
      {symbol ? (
        <TicketBody key={symbol.conId} symbol={symbol} />
      ) : (
        <p className="empty">
          Pick a symbol: search above, click a scanner or watchlist row, or press Ctrl+K.
        </p>
      )}
    </div>
  );
}

function TicketBody({ symbol }: { symbol: WatchItem }) {
  const store = useAppStoreApi();
  const quote = useAppStore((s) => s.quotes[symbol.conId]);
  const instrument = useAppStore((s) => s.instruments[symbol.conId]);
  const transportUp = useAppStore((s) => s.transport.connected);
  const connection = useAppStore((s) => s.connection);
  const confirmOrders = useAppStore((s) => s.settings?.preferences.confirmOrders ?? true);
  const limits = useAppStore(
    (s) => s.settings?.profiles.find((p) => p.id === s.settings?.activeProfileId)?.limits,
  );
  const liveConfirmed = useAppStore((s) => s.liveConfirmed);
  const setPreferences = useAppStore((s) => s.setPreferences);
  const placeOrder = useAppStore((s) => s.placeOrder);
  const confirmLive = useAppStore((s) => s.confirmLive);
  const accounts = useAppStore((s) => managedAccounts(s));
  const account = useAppStore(selectTicketAccount);
  const setTicketAccount = useAppStore((s) => s.setTicketAccount);
  const several = hasSeveralAccounts(accounts);

  const minTick = instrument?.minTick ?? 0.01;
  const [form, setForm] = useState<TicketForm>(() =>
    initialForm(referencePrice(store.getState().quotes[symbol.conId]), minTick),
  );
  // The first price seen fills the empty price fields once (the quote often arrives after the ticket opens).
  const reference = referencePrice(quote);
  const [seeded, setSeeded] = useState(() => form.limitPrice !== '');
  if (!seeded && reference !== null) {
    setSeeded(true);
    setForm((f) => seedPrices(f, reference, minTick));
  }
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<TicketInput | null>(null);
  const [liveAsk, setLiveAsk] = useState<TicketInput | null>(null);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);

  // Hold the quote for the ticket's reference price and load the min tick (the body is keyed by conId).
  const [held] = useState(() => [symbol]);
  useHeldQuotes(held);
  useEffect(() => {
    void store.getState().loadInstrument(symbol.conId);
  }, [store, symbol.conId]);

  const blocked = ticketBlockedReason(transportUp, connection);
  const t = form.orderType;
  const needsLimit = t === 'LMT' || t === 'STP LMT';
  const needsStop = t === 'STP' || t === 'STP LMT';
  const preview = buildTicket(form, symbol, 'BUY');
  const check = preview.ok
    ? ticketWarnings(preview.ticket, {
        minTick,
        multiplier: instrument?.multiplier,
        currency: symbol.currency,
        limits,
        quote,
      })
    : null;

  const set = <K extends keyof TicketForm>(k: K, v: TicketForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      if (!e[k]) return e;
      const { [k]: _gone, ...rest } = e;
      return rest;
    });
  };

  async function send(ticket: TicketInput): Promise<void> {
    setSending(true);
    const r = await placeOrder(ticket);
    setSending(false);
    if (r.ok) {
      const ids = r.value.orderIds.join(', ');
      setResult({
        ok: true,
        text: `Order ${ids} sent: ${ticketSummary(ticket, symbol.symbol)}${r.value.warnings.length ? ` (${r.value.warnings.join('; ')})` : ''}`,
      });
    } else {
      const fieldErrors: Record<string, string> = {};
      for (const i of r.error.issues ?? []) fieldErrors[i.path.split('.').pop() ?? 'form'] = i.message;
      setErrors(fieldErrors);
      setResult({
        ok: false,
        text: `Not sent: ${r.error.message}${r.error.twsCode !== undefined ? ` (TWS ${r.error.twsCode})` : ''}`,
      });
    }
  }

  function submit(action: OrderAction): void {
    if (blocked || sending) return;
    const built = buildTicket(form, symbol, action);
    if (!built.ok) {
      setErrors(built.errors);
      setResult(null);
      return;
    }
    setErrors({});
    // A single-account login sends no account (TWS uses its only one), as before several were supported.
    const ticket = several && account ? { ...built.ticket, account } : built.ticket;
    if (connection?.live && !liveConfirmed) {
      setTyped('');
      setLiveAsk(ticket);
      return;
    }
    if (confirmOrders) setPending(ticket);
    else void send(ticket);
  }

  const stepAttr = { step: minTick, min: 0 };
  const err = (k: string) =>
    errors[k] && (
      <span className="field-error" id={`err-${k}`}>
        {errors[k]}
      </span>
    );
  const invalid = (k: string) =>
    errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `err-${k}` } : {};

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
          <strong className="ticket-symbol">{symbol.symbol}</strong>
          <span className="dim">{instrument?.longName ?? symbol.primaryExchange ?? ''}</span>
          <span className="ticket-quote">
            <span>Bid {fmtPrice(quote?.bid, minTick)}</span> <span>Ask {fmtPrice(quote?.ask, minTick)}</span>{' '}
            <span>Last {fmtPrice(quote?.last, minTick)}</span>
          </span>
        </div>
        <div className="ticket-grid">
          {several && (
            <label>
              Account
              <select
                value={account ?? ''}
                onChange={(e) => void setTicketAccount(e.target.value)}
                {...invalid('account')}
              >
                {accounts.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
              {err('account')}
            </label>
          )}
          <label>
            Quantity
            <input
              type="number"
              min={1}
              step={1}
              value={form.quantity}
              onChange={(e) => set('quantity', e.target.value)}
              {...invalid('quantity')}
            />
            {err('quantity')}
          </label>
          <label>
            Order type
            <select value={form.orderType} onChange={(e) => set('orderType', e.target.value as OrderType)}>
              {ORDER_TYPES.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          {needsLimit && (
            <label>
              Limit price
              <input
                type="number"
                {...stepAttr}
                value={form.limitPrice}
                onChange={(e) => set('limitPrice', e.target.value)}
                {...invalid('limitPrice')}
              />
              {err('limitPrice')}
            </label>
          )}
          {needsStop && (
            <label>
              Stop price
              <input
                type="number"
                {...stepAttr}
                value={form.stopPrice}
                onChange={(e) => set('stopPrice', e.target.value)}
                {...invalid('stopPrice')}
              />
              {err('stopPrice')}
            </label>
          )}
          {t === 'TRAIL' && (
            <>
              <label>
                Trail by
                <select
                  value={form.trailMode}
                  onChange={(e) => set('trailMode', e.target.value as TicketForm['trailMode'])}
                >
                  <option value="amount">amount</option>
                  <option value="percent">percent</option>
                </select>
              </label>
              <label>
                {form.trailMode === 'amount' ? 'Trailing amount' : 'Trailing percent'}
                <input
                  type="number"
                  step={form.trailMode === 'amount' ? minTick : 0.1}
                  min={0}
                  value={form.trail}
                  onChange={(e) => set('trail', e.target.value)}
                  {...invalid('trail')}
                />
                {err('trail')}
              </label>
            </>
          )}
          <label>
            Time in force
            <select
              value={form.tif}
              onChange={(e) => set('tif', e.target.value as TimeInForce)}
              {...invalid('tif')}
            >
              {TIFS.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
            {err('tif')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.outsideRth}
              onChange={(e) => set('outsideRth', e.target.checked)}
            />
            Outside regular hours
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.bracket}
              onChange={(e) => set('bracket', e.target.checked)}
            />
            Bracket (take-profit + stop-loss)
          </label>
          {form.bracket && (
            <>
              <label>
                Take-profit
                <input
                  type="number"
                  {...stepAttr}
                  value={form.takeProfit}
                  onChange={(e) => set('takeProfit', e.target.value)}
                  {...invalid('takeProfit')}
                />
                {err('takeProfit')}
              </label>
              <label>
                Stop-loss
                <input
                  type="number"
                  {...stepAttr}
                  value={form.stopLoss}
                  onChange={(e) => set('stopLoss', e.target.value)}
                  {...invalid('stopLoss')}
                />
                {err('stopLoss')}
              </label>
            </>
          )}
        </div>
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
          <button
            type="button"
            className="buy"
            disabled={!!blocked || sending}
            onClick={() => submit('BUY')}
            title="Alt+B"
            aria-keyshortcuts="Alt+B"
          >
            Buy
          </button>
          <button
            type="button"
            className="sell"
            disabled={!!blocked || sending}
            onClick={() => submit('SELL')}
            title="Alt+S"
            aria-keyshortcuts="Alt+S"
          >
            Sell
          </button>
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
        {result && (
          <p
            className={result.ok ? 'ticket-result ok' : 'ticket-result error'}
            role="status"
            aria-label="Order result"
          >
            {result.text}
          </p>
        )}
        {liveConfirmed && connection?.live && <p className="dim">Live orders allowed for this session.</p>}
      </form>

      <ModalDialog open={pending !== null} title="Confirm order" onClose={() => setPending(null)}>
        {pending && (
          <>
            <p className={`confirm-summary ${pending.action === 'BUY' ? 'buy' : 'sell'}`}>
              {ticketSummary(pending, symbol.symbol)}
            </p>
            <p>
              Estimated value:{' '}
              {fmtMoney(
                ticketWarnings(pending, {
                  minTick,
                  multiplier: instrument?.multiplier,
                  currency: symbol.currency,
                  limits,
                  quote,
                }).notional,
                symbol.currency,
              )}
            </p>
            <div className="actions">
              <button
                type="button"
                className={pending.action === 'BUY' ? 'buy' : 'sell'}
                autoFocus
                onClick={() => {
                  const tk = pending;
                  setPending(null);
                  void send(tk);
                }}
              >
                Send order
              </button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </ModalDialog>

      <ModalDialog
        open={liveAsk !== null}
        title="Confirm live trading"
        onClose={() => setLiveAsk(null)}
        className="dialog-live"
      >
        <p>
          This profile trades <strong>real money</strong> on account {connection?.accounts[0] ?? '?'}. Type
          the account id to allow orders for this session.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const tk = liveAsk;
            void confirmLive(typed).then((r) => {
              if (!r.ok) {
                setErrors({ typed: r.error.message });
                return;
              }
              setLiveAsk(null);
              if (tk) {
                if (confirmOrders) setPending(tk);
                else void send(tk);
              }
            });
          }}
        >
          <label className="field">
            <span>Account id</span>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoFocus
              autoComplete="off"
              {...invalid('typed')}
            />
          </label>
          {err('typed')}
          <div className="actions">
            <button type="submit" className="danger">
              Allow live orders
            </button>
            <button type="button" onClick={() => setLiveAsk(null)}>
              Cancel
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
