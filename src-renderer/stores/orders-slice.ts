// Orders slice: the blotter (orders by id, executions by exec id, upserted from `orders`/`executions` events and
// the initial lists) and the trader's order actions, each answering the contract's Result so the pane can show it.
import type { Params } from '../../src-shared/contract';
import { ALL_ACCOUNTS, inView } from '../../src-shared/domain/accounts';
import type { Execution, Order, OrderModify, PlaceResult } from '../../src-shared/domain/order';
import { isWorking } from '../../src-shared/domain/order';
import type { Result } from '../../src-shared/result';
import type { Slice } from './app-store';

export type OrdersSlice = {
  orders: Readonly<Record<number, Order>>;
  executions: Readonly<Record<string, Execution>>;
  /** The live profile's typed confirmation was accepted this session. */
  liveConfirmed: boolean;
  loadBlotter(): Promise<void>;
  placeOrder(ticket: Params<'orders.place'>): Promise<Result<PlaceResult>>;
  modifyOrder(m: OrderModify): Promise<Result<null>>;
  cancelOrder(orderId: number): Promise<Result<null>>;
  cancelAllOrders(): Promise<Result<null>>;
  confirmLive(typed: string): Promise<Result<null>>;
  /** An `orders` event. */
  ordersArrived(orders: readonly Order[]): void;
  /** An `executions` event: the fills not seen before raise a desktop notification on the web host (Electron's
   * main shows its own). */
  executionsArrived(executions: readonly Execution[]): void;
};

/** Pure: upserts orders by id (a later `updatedAt` wins). */
export function upsertOrders(
  current: Readonly<Record<number, Order>>,
  incoming: readonly Order[],
): Record<number, Order> {
  const next: Record<number, Order> = { ...current };
  for (const o of incoming) {
    const prev = next[o.orderId];
    if (!prev || o.updatedAt >= prev.updatedAt) next[o.orderId] = o;
  }
  return next;
}

/** Pure: upserts executions by exec id (a commission report re-sends the same execution with its commission). */
export function upsertExecutions(
  current: Readonly<Record<string, Execution>>,
  incoming: readonly Execution[],
): Record<string, Execution> {
  const next: Record<string, Execution> = { ...current };
  for (const e of incoming) next[e.execId] = { ...next[e.execId], ...e };
  return next;
}

export type OrderFilter = 'working' | 'filled' | 'cancelled' | 'all';

/** Pure: which blotter tab an order belongs to. */
export function orderBucket(o: Pick<Order, 'status'>): Exclude<OrderFilter, 'all'> {
  if (o.status === 'Filled') return 'filled';
  if (isWorking(o.status)) return 'working';
  return 'cancelled';
}

/** Pure: orders of a tab (and of one account, or all), newest first. */
export function ordersIn(
  orders: Readonly<Record<number, Order>>,
  filter: OrderFilter,
  account: string = ALL_ACCOUNTS,
): Order[] {
  return inView(Object.values(orders), account)
    .filter((o) => filter === 'all' || orderBucket(o) === filter)
    .sort((a, b) => b.createdAt - a.createdAt || b.orderId - a.orderId);
}

/** The fills to announce: the window's own notifier (the browser's Notification API on the web host). */
export type FillNotifier = (fresh: readonly Execution[]) => void;

export const createOrdersSlice =
  (notifyFills: FillNotifier): Slice<OrdersSlice> =>
  (set, get) => ({
    orders: {},
    executions: {},
    liveConfirmed: false,
    async loadBlotter() {
      const { client } = get();
      const [orders, execs] = await Promise.all([
        client.invoke('orders.list', {}),
        client.invoke('executions.list', {}),
      ]);
      set((s) => ({
        orders: orders.ok ? upsertOrders(s.orders, orders.value) : s.orders,
        executions: execs.ok ? upsertExecutions(s.executions, execs.value) : s.executions,
      }));
    },
    placeOrder: (ticket) => get().client.invoke('orders.place', ticket),
    modifyOrder: (m) => get().client.invoke('orders.modify', m),
    cancelOrder: (orderId) => get().client.invoke('orders.cancel', { orderId }),
    cancelAllOrders: () => get().client.invoke('orders.cancelAll', {}),
    async confirmLive(typed) {
      const r = await get().client.invoke('orders.confirmLive', { typed });
      if (r.ok) set({ liveConfirmed: true });
      return r;
    },
    ordersArrived: (orders) => set((s) => ({ orders: upsertOrders(s.orders, orders) })),
    executionsArrived(executions) {
      const known = get().executions;
      const fresh = executions.filter((x) => !known[x.execId]);
      set((s) => ({ executions: upsertExecutions(s.executions, executions) }));
      if (fresh.length > 0 && get().serverInfo?.host === 'web') notifyFills(fresh);
    },
  });
