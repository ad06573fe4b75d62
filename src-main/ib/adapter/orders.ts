// The TWS adapter's orders: what TWS reports about orders as they change, its listings (open orders, completed
// orders, executions) for reconciliation, and placing and cancelling, which go out now on the pacer's order lane or
// not at all: never queued across a connection, never re-sent.
import { EventName } from '../stoqey';
import type {
  CommissionReport,
  Contract,
  Execution as IbExecution,
  Order as IbOrder,
  OrderState,
} from '@stoqey/ib';
import type { JournalOrder } from '../../../src-shared/domain/order';
import { AppError } from '../../../src-shared/result';
import type { GlobalEventName, Link } from '../connection';
import { Priority } from '../connection/pacer';
import { formatTwsUtc, toIbContract } from './convert';
import {
  commissionOf,
  completedOrderOf,
  execInfoOf,
  ibOrderOf,
  openOrderOf,
  orderStatusOf,
  type CommissionInfo,
  type CompletedOrderInfo,
  type ExecInfo,
  type OpenOrderInfo,
  type OrderStatusInfo,
} from './order-mapping';
import { rejectedBy } from './tws-errors';

export type OrderEvents = {
  openOrder?(o: OpenOrderInfo): void;
  status?(s: OrderStatusInfo): void;
  execution?(e: ExecInfo): void;
  commission?(c: CommissionInfo): void;
};

export interface OrderChannel {
  onOrderEvents(sink: OrderEvents): () => void;
  openOrders(): Promise<OpenOrderInfo[]>;
  /** Orders TWS finished today (filled, cancelled, rejected): reqCompletedOrders(apiOnly). */
  completedOrders(): Promise<CompletedOrderInfo[]>;
  executions(filter: {
    clientId?: number;
    since?: number;
    account?: string;
  }): Promise<{ executions: ExecInfo[]; commissions: CommissionInfo[] }>;
  /**
   * Sends the journal's order (a new one, or new terms for a working one) now, on the pacer's order lane. Rejects,
   * and never sends later, when the connection is not ready.
   */
  placeOrder(order: JournalOrder): Promise<void>;
  cancelOrder(orderId: number): Promise<void>;
  globalCancel(): Promise<void>;
}

/** reqCompletedOrders (MIN_SERVER_VER_COMPLETED_ORDERS in IB's server_versions.py). */
const MIN_SERVER_VER_COMPLETED_ORDERS = 150;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const openOrderFrom = (args: readonly unknown[]) =>
  openOrderOf(args[0] as number, args[1] as Contract, args[2] as IbOrder, args[3] as OrderState);

export function createOrderChannel(link: Link): OrderChannel {
  const orderSinks = new Set<OrderEvents>();

  link.onGlobal((name: GlobalEventName, args) => {
    if (orderSinks.size === 0) return;
    if (name === EventName.openOrder) {
      const info = openOrderFrom(args);
      for (const s of orderSinks) s.openOrder?.(info);
    } else if (name === EventName.orderStatus) {
      const info = orderStatusOf(args);
      for (const s of orderSinks) s.status?.(info);
    } else if (name === 'execDetails') {
      const info = execInfoOf(args[1] as Contract, args[2] as IbExecution);
      for (const s of orderSinks) s.execution?.(info);
    } else if (name === EventName.commissionReport) {
      const info = commissionOf(args[0] as CommissionReport);
      for (const s of orderSinks) s.commission?.(info);
    }
  });

  /** Lists one of TWS's order listings: every `item` until `end`, failing on a lost connection or a timeout. */
  function listing<T>(opts: {
    label: string;
    what: string;
    timeoutMs: number;
    item: GlobalEventName;
    end: GlobalEventName;
    read(args: readonly unknown[], into: T[]): void;
    run: Parameters<Link['send']>[0]['run'];
  }): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      const found: T[] = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      const finish = (err?: Error) => {
        off();
        offStatus();
        if (timer) clearTimeout(timer);
        if (err) reject(err);
        else resolve(found);
      };
      const off = link.onGlobal((name, args) => {
        if (name === opts.item) opts.read(args, found);
        else if (name === opts.end) finish();
      });
      const offStatus = link.onStatus((s) => {
        if (s.state !== 'ready' && s.state !== 'degraded')
          finish(new AppError('NOT_CONNECTED', `The connection was lost while listing ${opts.what}`));
      });
      timer = setTimeout(
        () =>
          finish(
            new AppError('TIMEOUT', `TWS did not list the ${opts.what} within ${opts.timeoutMs / 1000} s`),
          ),
        opts.timeoutMs,
      );
      link.send({
        priority: Priority.order,
        label: opts.label,
        run: opts.run,
        dropped: (reason) =>
          finish(new AppError('NOT_CONNECTED', `${capitalised(opts.what)} were not requested: ${reason}`)),
      });
    });
  }

  /** Writes an order message now, or rejects: an order is never queued for a later connection. */
  function orderJob(label: string, run: Parameters<Link['send']>[0]['run']): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (!link.isReady()) {
        reject(
          new AppError(
            'NOT_CONNECTED',
            `Not connected to TWS (${link.status().state}): ${label} was not sent and will not be sent later`,
          ),
        );
        return;
      }
      link.send({
        priority: Priority.order,
        label,
        run: (api) => {
          run(api);
          resolve();
        },
        dropped: (reason) =>
          reject(
            new AppError('NOT_CONNECTED', `${label} was not sent (${reason}) and will not be sent later`),
          ),
      });
    });
  }

  return {
    onOrderEvents(sink) {
      orderSinks.add(sink);
      return () => orderSinks.delete(sink);
    },

    async openOrders() {
      // TWS lists an order again when its state changes meanwhile: the last listing of each wins.
      const listed = await listing<OpenOrderInfo>({
        label: 'reqOpenOrders',
        what: 'open orders',
        timeoutMs: 20_000,
        item: EventName.openOrder,
        end: EventName.openOrderEnd,
        read: (args, into) => into.push(openOrderFrom(args)),
        run: (api) => api.reqOpenOrders(),
      });
      return [...new Map(listed.map((o) => [o.orderId, o])).values()];
    },

    completedOrders() {
      const version = link.status().serverVersion;
      // Below it @stoqey/ib does not send the request but reports error 503 ("TWS is out of date") without a
      // request id, which the connection must take as fatal: that would end the session for good.
      if (version !== null && version < MIN_SERVER_VER_COMPLETED_ORDERS)
        return Promise.reject(
          new AppError(
            'UNAVAILABLE',
            `This TWS (server version ${version}) cannot list completed orders: that needs server version ${MIN_SERVER_VER_COMPLETED_ORDERS} or later`,
          ),
        );
      return listing<CompletedOrderInfo>({
        label: 'reqCompletedOrders',
        what: 'completed orders',
        timeoutMs: 15_000,
        item: EventName.completedOrder,
        end: EventName.completedOrdersEnd,
        read: (args, into) =>
          into.push(completedOrderOf(args[0] as Contract, args[1] as IbOrder, args[2] as OrderState)),
        run: (api) => api.reqCompletedOrders(true),
      });
    },

    executions(filter) {
      const executions: ExecInfo[] = [];
      const commissions: CommissionInfo[] = [];
      const wanted = new Set<string>();
      const offCommission = link.onGlobal((name, args) => {
        if (name !== EventName.commissionReport) return;
        const c = commissionOf(args[0] as CommissionReport);
        if (wanted.has(c.execId)) commissions.push(c);
      });
      return link
        .request<{ executions: ExecInfo[]; commissions: CommissionInfo[] }>({
          label: 'executions',
          priority: Priority.order,
          timeoutMs: 20_000,
          send: (api, id) =>
            api.reqExecutions(id, {
              ...(filter.clientId !== undefined ? { clientId: String(filter.clientId) } : {}),
              ...(filter.account ? { acctCode: filter.account } : {}),
              ...(filter.since ? { time: formatTwsUtc(Math.floor(filter.since / 1000)) } : {}),
            }),
          onEvent: (name, args, done) => {
            if (name === EventName.execDetails) {
              const e = execInfoOf(args[1] as Contract, args[2] as IbExecution);
              executions.push(e);
              wanted.add(e.execId);
            } else if (name === EventName.execDetailsEnd) done({ executions, commissions });
          },
          onError: rejectedBy,
        })
        .finally(offCommission);
    },

    placeOrder(order) {
      const ib = ibOrderOf(order);
      return orderJob(`order ${order.orderId}`, (api) =>
        api.placeOrder(order.orderId, toIbContract(order.contract), ib),
      );
    },

    cancelOrder(orderId) {
      return orderJob(`cancel of order ${orderId}`, (api) => api.cancelOrder(orderId, ''));
    },

    globalCancel() {
      return orderJob('cancel of all orders', (api) => api.reqGlobalCancel());
    },
  };
}
