// Orders pane: working, filled and cancelled orders (of every account or of the one picked in the status bar);
// modify a working order's quantity or prices, cancel it, or cancel every working order.
import { useMemo, useState, type ReactNode } from 'react';
import { ALL_ACCOUNTS, hasSeveralAccounts, inView } from '../../../src-shared/domain/accounts';
import { instrumentLabel } from '../../../src-shared/domain/instrument';
import type { Order } from '../../../src-shared/domain/order';
import { APP_STATUS_HELP, isWorking } from '../../../src-shared/domain/order';
import type { Result } from '../../../src-shared/result';
import { managedAccounts, selectAccountView } from '../../stores/account-view';
import { ordersIn, orderBucket, type OrderFilter } from '../../stores/orders-slice';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtClock, fmtError, fmtPrice } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { PaneToolbar } from '../../ui/PaneTools';
import { ModifyOrderForm } from './ModifyOrderForm';
import './orders.css';

const FILTERS: { id: OrderFilter; label: string }[] = [
  { id: 'working', label: 'Working' },
  { id: 'filled', label: 'Filled' },
  { id: 'cancelled', label: 'Cancelled' },
  { id: 'all', label: 'All' },
];

/** TWS's statuses as TWS names them; the app's own in plain words, with what they mean as the tooltip. */
function StatusLabel({ status }: { status: Order['status'] }) {
  const help = APP_STATUS_HELP[status];
  if (!help) return <>{status}</>;
  return <span title={help.meaning}>{help.label}</span>;
}

/** The blotter's columns; the Account column only when TWS manages several accounts. */
function orderColumns(several: boolean, actions: (o: Order) => ReactNode): Column<Order>[] {
  const columns: (Column<Order> | false)[] = [
    // Right-aligned ids under a left-aligned header, as the blotter always showed them.
    { title: 'Id', className: 'num', cell: (o) => o.orderId },
    { title: 'Time', className: 'dim', cell: (o) => fmtClock(o.createdAt) },
    {
      title: 'Symbol',
      cell: (o) => (
        <>
          <strong>{instrumentLabel(o.contract)}</strong>
          {o.external && <span className="tag">external</span>}
        </>
      ),
    },
    { title: 'Side', className: (o) => (o.action === 'BUY' ? 'up' : 'down'), cell: (o) => o.action },
    { title: 'Qty', num: true, cell: (o) => o.quantity },
    {
      title: 'Type · TIF',
      cell: (o) => (
        <>
          {o.orderType} <span className="dim">{o.tif}</span>
        </>
      ),
    },
    { title: 'Limit', num: true, cell: (o) => fmtPrice(o.limitPrice) },
    { title: 'Stop', num: true, cell: (o) => fmtPrice(o.stopPrice ?? o.trailingAmount) },
    {
      title: 'Status',
      className: 'status-cell',
      cell: (o) => (
        <>
          <StatusLabel status={o.status} />
          {o.message && (
            <span className="order-message" title={o.message}>
              {o.message}
            </span>
          )}
        </>
      ),
    },
    { title: 'Filled', num: true, cell: (o) => o.filled },
    { title: 'Avg price', num: true, cell: (o) => fmtPrice(o.avgFillPrice) },
    several && { title: 'Account', className: 'dim', cell: (o) => o.account },
    { title: 'Actions', titleHidden: true, className: 'row-actions', cell: actions },
  ];
  return columns.filter((c) => c !== false);
}

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

  const report = (r: Result<unknown>, done: string) => setMessage(r.ok ? done : fmtError(r.error));

  const actions = (o: Order) =>
    isWorking(o.status) && (
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
            void cancelOrder(o.orderId).then((r) => report(r, `Cancel of order ${o.orderId} sent`))
          }
        >
          Cancel
        </button>
      </>
    );

  return (
    <div className="pane-body orders">
      <PaneToolbar label="Order tools" linkable={false}>
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
      </PaneToolbar>
      <div className="table-wrap">
        <DataTable
          label="Orders"
          columns={orderColumns(several, actions)}
          rows={rows}
          rowKey={(o) => o.orderId}
          rowProps={(o) => ({ 'data-order-id': o.orderId })}
        />
        {rows.length === 0 && <p className="empty">No {filter === 'all' ? '' : `${filter} `}orders.</p>}
      </div>
      <ModalDialog
        open={editing !== null}
        title={editing ? `Modify order ${editing.orderId}` : 'Modify order'}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <ModifyOrderForm
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
