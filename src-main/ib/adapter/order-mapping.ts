// Orders between the app and TWS, both ways, in one place and pure: the journal's record of an order → TWS's Order
// (the only place the app builds one), and what TWS reports (openOrder, orderStatus, completedOrder, execDetails,
// commissionReport) → the app's own types.
import { OrderAction } from '../stoqey';
import type {
  CommissionReport,
  Contract,
  Execution as IbExecution,
  Order as IbOrder,
  OrderState,
  OrderType as IbOrderType,
  TimeInForce,
} from '@stoqey/ib';
import {
  TwsOrderStatus,
  type JournalOrder,
  type OrderAction as Side,
  type OrderProgress,
  type OrderStatus,
} from '../../../src-shared/domain/order';
import { fromIbContract, numberOrNull as num, parseExecTime, type ResolvedContract } from './convert';

/** An order TWS lists or reports (openOrder): its terms as the journal records them, with TWS's status. */
export type OpenOrderInfo = JournalOrder & { permId: number | null; status: OrderStatus };

export type OrderStatusInfo = { orderId: number } & OrderProgress & {
    parentId: number | null;
    clientId: number | null;
    whyHeld: string | null;
  };

export type ExecInfo = {
  execId: string;
  orderId: number;
  permId: number | null;
  clientId: number | null;
  account: string;
  contract: ResolvedContract;
  side: Side;
  shares: number;
  price: number;
  cumQty: number | null;
  avgPrice: number | null;
  /** Epoch ms. */
  time: number;
  /** TWS's own time text, for the "since" filter of the next reqExecutions. */
  timeText: string;
  exchange: string;
  orderRef: string | null;
};

export type CompletedOrderInfo = {
  permId: number | null;
  status: OrderStatus;
  orderRef: string | null;
  account: string;
  contract: ResolvedContract;
  action: Side;
  quantity: number;
  /** TWS's words for why it ended (rejection reason, "Cancelled by Trader"…). */
  completedStatus: string | null;
};

export type CommissionInfo = {
  execId: string;
  commission: number | null;
  currency: string | null;
  realizedPnl: number | null;
};

const ownRef = (orderId: number) => `ibdesk:${orderId}`;

/** TWS orderRef of our orders (the trader's note first): lets reconciliation find them among completed orders. */
export function orderRefOf(o: Pick<JournalOrder, 'orderId' | 'note'>): string {
  return o.note ? `${o.note} [${ownRef(o.orderId)}]` : ownRef(o.orderId);
}

/** Whether a TWS orderRef is the one orderRefOf wrote for our order `orderId`. */
export function refersTo(orderRef: string | null, orderId: number): boolean {
  const ref = ownRef(orderId);
  return orderRef === ref || (orderRef?.endsWith(`[${ref}]`) ?? false);
}

/** The journal's record of an order → the Order placeOrder sends. `transmit` is always explicit. */
export function ibOrderOf(o: JournalOrder): IbOrder {
  const limitPrice = o.limitPrice ?? null;
  // One price field serves two meanings at TWS: a STP / STP LMT trigger, or TRAIL's trailing amount.
  const auxPrice = (o.orderType === 'TRAIL' ? o.trailingAmount : o.stopPrice) ?? null;
  const trailingPercent = o.trailingPercent ?? null;
  return {
    orderId: o.orderId,
    action: o.action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    totalQuantity: o.quantity,
    orderType: o.orderType as IbOrderType,
    tif: o.tif as TimeInForce,
    outsideRth: o.outsideRth,
    transmit: o.transmit,
    ...(limitPrice !== null ? { lmtPrice: limitPrice } : {}),
    ...(auxPrice !== null ? { auxPrice } : {}),
    ...(trailingPercent !== null ? { trailingPercent } : {}),
    ...(o.parentId ? { parentId: o.parentId } : {}),
    ...(o.ocaGroup ? { ocaGroup: o.ocaGroup, ocaType: 1 } : {}),
    ...(o.account ? { account: o.account } : {}),
    orderRef: orderRefOf(o),
  };
}

/** TWS's status text → the app's status; anything TWS did not define is Unknown. */
export function statusOf(text: unknown): OrderStatus {
  const parsed = TwsOrderStatus.safeParse(String(text ?? ''));
  return parsed.success ? parsed.data : 'Unknown';
}

export function sideOf(action: unknown): Side {
  const a = String(action ?? '').toUpperCase();
  return a === 'SELL' || a === 'SLD' || a === 'SSHORT' ? 'SELL' : 'BUY';
}

/** openOrder (orderId, contract, order, orderState) → the order in the journal's terms. */
export function openOrderOf(
  orderId: number,
  contract: Contract,
  order: IbOrder,
  state: OrderState | undefined,
): OpenOrderInfo {
  const type = String(order.orderType ?? '');
  return {
    orderId: Number(orderId),
    parentId: num(order.parentId) || null,
    clientId: num(order.clientId) ?? -1,
    account: String(order.account ?? ''),
    contract: fromIbContract(contract),
    action: sideOf(order.action),
    quantity: num(order.totalQuantity) ?? 0,
    orderType: type,
    limitPrice: num(order.lmtPrice),
    stopPrice: type === 'TRAIL' ? num(order.trailStopPrice) : num(order.auxPrice),
    trailingAmount: null,
    trailingPercent: num(order.trailingPercent),
    tif: String(order.tif ?? ''),
    outsideRth: Boolean(order.outsideRth),
    ocaGroup: order.ocaGroup ? String(order.ocaGroup) : null,
    transmit: true,
    note: order.orderRef ? String(order.orderRef) : null,
    permId: num(order.permId),
    status: statusOf(state?.status),
  };
}

/** orderStatus's arguments (orderId, status, filled, remaining, avgFillPrice, permId, parentId, …) → the app's. */
export function orderStatusOf(args: readonly unknown[]): OrderStatusInfo {
  return {
    orderId: Number(args[0]),
    status: statusOf(args[1]),
    filled: num(args[2]) ?? 0,
    remaining: num(args[3]) ?? 0,
    avgFillPrice: num(args[4]) || null,
    permId: num(args[5]),
    parentId: num(args[6]) || null,
    clientId: num(args[8]),
    whyHeld: args[9] ? String(args[9]) : null,
  };
}

export function completedOrderOf(
  contract: Contract,
  order: IbOrder,
  state: (OrderState & { completedStatus?: string }) | undefined,
): CompletedOrderInfo {
  return {
    permId: num(order.permId),
    status: statusOf(state?.status),
    orderRef: order.orderRef ? String(order.orderRef) : null,
    account: String(order.account ?? ''),
    contract: fromIbContract(contract),
    action: sideOf(order.action),
    quantity: num(order.totalQuantity) ?? 0,
    completedStatus: state?.completedStatus ? String(state.completedStatus) : null,
  };
}

export function execInfoOf(contract: Contract, e: IbExecution): ExecInfo {
  const timeText = String(e.time ?? '');
  return {
    execId: String(e.execId ?? ''),
    orderId: num(e.orderId) ?? 0,
    permId: num(e.permId),
    clientId: num(e.clientId),
    account: String(e.acctNumber ?? ''),
    contract: fromIbContract(contract),
    side: sideOf(e.side),
    shares: num(e.shares) ?? 0,
    price: num(e.price) ?? 0,
    cumQty: num(e.cumQty),
    avgPrice: num(e.avgPrice),
    time: parseExecTime(timeText) ?? Date.now(),
    timeText,
    exchange: String(e.exchange ?? ''),
    orderRef: e.orderRef ? String(e.orderRef) : null,
  };
}

export function commissionOf(c: CommissionReport): CommissionInfo {
  return {
    execId: String(c.execId ?? ''),
    commission: num(c.commission),
    currency: c.currency ? String(c.currency) : null,
    realizedPnl: num(c.realizedPNL),
  };
}
