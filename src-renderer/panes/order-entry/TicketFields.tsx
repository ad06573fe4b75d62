// The order ticket's fields: account (when TWS manages several), quantity, order type and the prices it needs,
// TIF, outside RTH and a bracket, each with its own error under it. The flow (ticket-flow.ts) owns the values.
import type { OrderType, TimeInForce } from '../../../src-shared/domain/order';
import type { TicketForm } from './ticket-form';

const ORDER_TYPES: readonly OrderType[] = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL'];
const TIFS: readonly TimeInForce[] = ['DAY', 'GTC', 'IOC'];

type Errors = Readonly<Record<string, string>>;

/** A field's message under it (its id names the field's description). */
export function fieldError(errors: Errors, k: string) {
  return (
    errors[k] && (
      <span className="field-error" id={`err-${k}`}>
        {errors[k]}
      </span>
    )
  );
}

/** Marks a field invalid and points it at its message. */
export function invalidProps(errors: Errors, k: string) {
  return errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `err-${k}` } : {};
}

export function TicketFields({
  form,
  errors,
  minTick,
  accounts,
  account,
  onAccount,
  edit,
}: {
  form: TicketForm;
  errors: Errors;
  minTick: number;
  /** The accounts to pick from; none when TWS manages one (the field is not shown). */
  accounts: readonly string[] | null;
  account: string | undefined;
  onAccount(account: string): void;
  edit<K extends keyof TicketForm>(k: K, v: TicketForm[K]): void;
}) {
  const t = form.orderType;
  const needsLimit = t === 'LMT' || t === 'STP LMT';
  const needsStop = t === 'STP' || t === 'STP LMT';
  const stepAttr = { step: minTick, min: 0 };
  return (
    <div className="ticket-grid">
      {accounts && (
        <label>
          Account
          <select
            value={account ?? ''}
            onChange={(e) => onAccount(e.target.value)}
            {...invalidProps(errors, 'account')}
          >
            {accounts.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          {fieldError(errors, 'account')}
        </label>
      )}
      <label>
        Quantity
        <input
          type="number"
          min={1}
          step={1}
          value={form.quantity}
          onChange={(e) => edit('quantity', e.target.value)}
          {...invalidProps(errors, 'quantity')}
        />
        {fieldError(errors, 'quantity')}
      </label>
      <label>
        Order type
        <select value={form.orderType} onChange={(e) => edit('orderType', e.target.value as OrderType)}>
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
            onChange={(e) => edit('limitPrice', e.target.value)}
            {...invalidProps(errors, 'limitPrice')}
          />
          {fieldError(errors, 'limitPrice')}
        </label>
      )}
      {needsStop && (
        <label>
          Stop price
          <input
            type="number"
            {...stepAttr}
            value={form.stopPrice}
            onChange={(e) => edit('stopPrice', e.target.value)}
            {...invalidProps(errors, 'stopPrice')}
          />
          {fieldError(errors, 'stopPrice')}
        </label>
      )}
      {t === 'TRAIL' && (
        <>
          <label>
            Trail by
            <select
              value={form.trailMode}
              onChange={(e) => edit('trailMode', e.target.value as TicketForm['trailMode'])}
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
              onChange={(e) => edit('trail', e.target.value)}
              {...invalidProps(errors, 'trail')}
            />
            {fieldError(errors, 'trail')}
          </label>
        </>
      )}
      <label>
        Time in force
        <select
          value={form.tif}
          onChange={(e) => edit('tif', e.target.value as TimeInForce)}
          {...invalidProps(errors, 'tif')}
        >
          {TIFS.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        {fieldError(errors, 'tif')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.outsideRth}
          onChange={(e) => edit('outsideRth', e.target.checked)}
        />
        Outside regular hours
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.bracket} onChange={(e) => edit('bracket', e.target.checked)} />
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
              onChange={(e) => edit('takeProfit', e.target.value)}
              {...invalidProps(errors, 'takeProfit')}
            />
            {fieldError(errors, 'takeProfit')}
          </label>
          <label>
            Stop-loss
            <input
              type="number"
              {...stepAttr}
              value={form.stopLoss}
              onChange={(e) => edit('stopLoss', e.target.value)}
              {...invalidProps(errors, 'stopLoss')}
            />
            {fieldError(errors, 'stopLoss')}
          </label>
        </>
      )}
    </div>
  );
}
