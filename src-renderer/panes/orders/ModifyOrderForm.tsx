// The Orders pane's modify dialog: a working order's quantity and its limit/stop prices, checked before sending.
import { useState } from 'react';
import type { Order } from '../../../src-shared/domain/order';
import { useAppStore } from '../../stores/use-app-store';
import { fmtError } from '../../ui/format';

export function ModifyOrderForm({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const modifyOrder = useAppStore((s) => s.modifyOrder);
  const minTick =
    useAppStore((s) => (order.contract.conId ? s.instruments[order.contract.conId]?.minTick : undefined)) ??
    0.01;
  const [quantity, setQuantity] = useState(String(order.quantity));
  const [limit, setLimit] = useState(order.limitPrice === null ? '' : String(order.limitPrice));
  const [stop, setStop] = useState(order.stopPrice === null ? '' : String(order.stopPrice));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const q = Number(quantity);
        const l = limit.trim() === '' ? undefined : Number(limit);
        const s = stop.trim() === '' ? undefined : Number(stop);
        if (!(q > 0) || (l !== undefined && !(l > 0)) || (s !== undefined && !(s > 0))) {
          setError('Quantity and prices must be numbers above zero');
          return;
        }
        void modifyOrder({
          orderId: order.orderId,
          ...(q !== order.quantity ? { quantity: q } : {}),
          ...(l !== undefined && l !== order.limitPrice ? { limitPrice: l } : {}),
          ...(s !== undefined && s !== order.stopPrice ? { stopPrice: s } : {}),
        }).then((r) => {
          if (r.ok) onDone(`Modification of order ${order.orderId} sent`);
          else setError(fmtError(r.error));
        });
      }}
    >
      <p>
        {order.action} {order.contract.symbol} {order.orderType}
      </p>
      <NumberField label="Quantity" value={quantity} onChange={setQuantity} step={1} min={1} />
      {order.limitPrice !== null && (
        <NumberField label="Limit price" value={limit} onChange={setLimit} step={minTick} autoFocus />
      )}
      {order.stopPrice !== null && (
        <NumberField label="Stop price" value={stop} onChange={setStop} step={minTick} />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Send modification</button>
        <button type="button" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A labelled number field of the dialog. */
function NumberField({
  label,
  value,
  onChange,
  step,
  min = 0,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  step: number;
  min?: number;
  autoFocus?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        step={step}
        min={min}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
      />
    </label>
  );
}
