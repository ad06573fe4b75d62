// Orders pane: working, filled and cancelled orders (of every account or of the one picked in the status bar);
// modify a working order's quantity or prices, cancel it, or cancel every working order.
import { useMemo, useState } from 'react';
import { ALL_ACCOUNTS, hasSeveralAccounts, inView } from '../../../src-shared/domain/accounts';
import type { Order } from '../../../src-shared/domain/order';
import { APP_STATUS_HELP, isWorking } from '../../../src-shared/domain/order';
import { ModalDialog } from '../../ui/ModalDialog';
import { PaneTools } from '../../ui/PaneTools';
import { managedAccounts, selectAccountView } from '../../stores/account-view';
import { ordersIn, orderBucket, type OrderFilter } from '../../stores/orders-slice';
import { useAppStore } from '../../stores/use-app-store';
import { fmtClock, fmtPrice } from '../../ui/format';

const FILTERS: { id: OrderFilter; label: string }[] = [
  { id: 'working', label: 'Working' },
  { id: 'filled', label: 'Filled' },
  { id: 'cancelled', label: 'Cancelled' },
  { id: 'all', label: 'All' },
];

export function OrdersPane() {
  const orders = useAppStore((s) => s.orders);
  const cancelOrder = useAppStore((s) => s.cancelOrder);
  const cancelAll = useAppStore((s) => s.cancelAllOrders);
  const canTrade = useAppStore((s) => s.connection?.state === 'ready' && !s.connection.readOnly);
  const [filter, setFilter] = useState<OrderFilter>('working');
  const [editing, setEditing] = useState<Order | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const view = useAppStore(selectAccountView);
  const several = useAppStore((s) => hasSeveralAccounts(managedAccounts(s)));
  const rows = useMemo(() => ordersIn(orders, filter, view), [orders, filter, view]);
  const counts = useMemo(() => {
    const c = { working: 0, filled: 0, cancelled: 0, all: 0 };
    for (const o of inView(Object.values(orders), view)) {
      c[orderBucket(o)]++;
      c.all++;
    }
    return c;
  }, [orders, view]);
  // TWS's global cancel covers every account, whatever the panes show.
  const workingEverywhere = useMemo(
    () => Object.values(orders).filter((o) => orderBucket(o) === 'working').length,
    [orders],
  );

  const report = (
    r: { ok: boolean; error?: { message: string; twsCode?: number | undefined } },
    done: string,
  ) =>
    setMessage(
      r.ok
        ? done
        : `${r.error?.message ?? 'failed'}${r.error?.twsCode !== undefined ? ` (TWS ${r.error.twsCode})` : ''}`,
    );

  return (
    <div className="pane-body orders">
      <div className="pane-toolbar" role="toolbar" aria-label="Order tools">
        <div role="radiogroup" aria-label="Show orders" className="segmented">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              role="radio"
              aria-checked={filter === f.id}
              onClick={() => setFilter(f.id)}
            >
              {f.label} ({counts[f.id]})
            </button>
          ))}
        </div>
        <button
          type="button"
          className="danger"
          disabled={!canTrade || workingEverywhere === 0}
          onClick={() => setConfirmAll(true)}
        >
          Cancel all
        </button>
        {message && (
          <span className="dim" role="status" aria-label="Order action">
            {message}
          </span>
        )}
        <span className="spacer" />
        <PaneTools linkable={false} />
      </div>
      <div className="table-wrap">
        <table className="grid" aria-label="Orders">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Time</th>
              <th scope="col">Symbol</th>
              <th scope="col">Side</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col">Type · TIF</th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col" className="num">
                Stop
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Filled
              </th>
              <th scope="col" className="num">
                Avg price
              </th>
              {several && <th scope="col">Account</th>}
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.orderId} data-order-id={o.orderId}>
                <td className="num">{o.orderId}</td>
                <td className="dim">{fmtClock(o.createdAt)}</td>
                <td>
                  <strong>{o.contract.symbol}</strong>
                  {o.external && <span className="tag">external</span>}
                </td>
                <td className={o.action === 'BUY' ? 'up' : 'down'}>{o.action}</td>
                <td className="num">{o.quantity}</td>
                <td>
                  {o.orderType} <span className="dim">{o.tif}</span>
                </td>
                <td className="num">{fmtPrice(o.limitPrice)}</td>
                <td className="num">{fmtPrice(o.stopPrice ?? o.trailingAmount)}</td>
                <td className="status-cell">
                  <StatusLabel status={o.status} />
                  {o.message && (
                    <span className="order-message" title={o.message}>
                      {o.message}
                    </span>
                  )}
                </td>
                <td className="num">{o.filled}</td>
                <td className="num">{fmtPrice(o.avgFillPrice)}</td>
                {several && <td className="dim">{o.account}</td>}
                <td className="row-actions">
                  {isWorking(o.status) && (
                    <>
                      <button
                        type="button"
                        disabled={!canTrade}
                        aria-label={`Modify order ${o.orderId}`}
                        onClick={() => setEditing(o)}
                      >
                        Modify
                      </button>
                      <button
                        type="button"
                        disabled={!canTrade}
                        aria-label={`Cancel order ${o.orderId}`}
                        onClick={() =>
                          void cancelOrder(o.orderId).then((r) =>
                            report(r, `Cancel of order ${o.orderId} sent`),
                          )
                        }
                      >
                        Cancel
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">No {filter === 'all' ? '' : `${filter} `}orders.</p>}
      </div>
      <ModalDialog
        open={editing !== null}
        title={editing ? `Modify order ${editing.orderId}` : 'Modify order'}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <ModifyForm
            order={editing}
            onDone={(text) => {
              setEditing(null);
              setMessage(text);
            }}
          />
        )}
      </ModalDialog>
      <ModalDialog open={confirmAll} title="Cancel all orders" onClose={() => setConfirmAll(false)}>
        <p>
          Cancel every working order ({workingEverywhere}
          {view === ALL_ACCOUNTS ? '' : ', of every account'}), including those placed outside IBDesk?
        </p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirmAll(false);
              void cancelAll().then((r) => report(r, 'Cancel of all orders sent'));
            }}
          >
            Cancel all orders
          </button>
          <button type="button" onClick={() => setConfirmAll(false)}>
            Keep them
          </button>
        </div>
      </ModalDialog>
    </div>
  );
}

/** TWS's statuses as TWS names them; the app's own in plain words, with what they mean as the tooltip. */
function StatusLabel({ status }: { status: Order['status'] }) {
  const help = APP_STATUS_HELP[status];
  if (!help) return <>{status}</>;
  return <span title={help.meaning}>{help.label}</span>;
}

function ModifyForm({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
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
          else
            setError(`${r.error.message}${r.error.twsCode !== undefined ? ` (TWS ${r.error.twsCode})` : ''}`);
        });
      }}
    >
      <p>
        {order.action} {order.contract.symbol} {order.orderType}
      </p>
      <label className="field">
        <span>Quantity</span>
        <input
          type="number"
          min={1}
          step={1}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </label>
      {order.limitPrice !== null && (
        <label className="field">
          <span>Limit price</span>
          <input
            type="number"
            step={minTick}
            min={0}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            autoFocus
          />
        </label>
      )}
      {order.stopPrice !== null && (
        <label className="field">
          <span>Stop price</span>
          <input
            type="number"
            step={minTick}
            min={0}
            value={stop}
            onChange={(e) => setStop(e.target.value)}
          />
        </label>
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
