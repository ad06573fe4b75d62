// The order ticket's fields: account (when TWS manages several), quantity, order type and the prices it needs,
// TIF, outside RTH and a bracket, each with its own error under it. The flow (ticket-flow.ts) owns the values.
import type { OrderType, TimeInForce } from '../../../src-shared/domain/order';
import { Options } from '../../ui/Options';
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

/** The ticket's fields typed as text (numbers as the trader types them). */
type NumberKey = 'quantity' | 'limitPrice' | 'stopPrice' | 'trail' | 'takeProfit' | 'stopLoss';

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
  /** A number field with its message; prices step by the min tick. */
  const numberField = (label: string, key: NumberKey, step = minTick, min = 0) => (
    <label>
      {label}
      <input
        type="number"
        min={min}
        step={step}
        value={form[key]}
        onChange={(e) => edit(key, e.target.value)}
        {...invalidProps(errors, key)}
      />
      {fieldError(errors, key)}
    </label>
  );
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
            <Options values={accounts} />
          </select>
          {fieldError(errors, 'account')}
        </label>
      )}
      {numberField('Quantity', 'quantity', 1, 1)}
      <label>
        Order type
        <select value={form.orderType} onChange={(e) => edit('orderType', e.target.value as OrderType)}>
          <Options values={ORDER_TYPES} />
        </select>
      </label>
      {(t === 'LMT' || t === 'STP LMT') && numberField('Limit price', 'limitPrice')}
      {(t === 'STP' || t === 'STP LMT') && numberField('Stop price', 'stopPrice')}
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
          {form.trailMode === 'amount'
            ? numberField('Trailing amount', 'trail')
            : numberField('Trailing percent', 'trail', 0.1)}
        </>
      )}
      <label>
        Time in force
        <select
          value={form.tif}
          onChange={(e) => edit('tif', e.target.value as TimeInForce)}
          {...invalidProps(errors, 'tif')}
        >
          <Options values={TIFS} />
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
          {numberField('Take-profit', 'takeProfit')}
          {numberField('Stop-loss', 'stopLoss')}
        </>
      )}
    </div>
  );
}
