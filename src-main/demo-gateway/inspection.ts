// What tests, soak runs and the control API read of a running gateway: plain-data views of its connections,
// orders, executions, positions and account values, copied out so that no caller holds the live books.
import type { Session } from './connections/session';
import type { IgnoredOrder, ReceivedMessage } from './connections/received-log';
import type { Execution, ReceivedOrder } from './orders/matching';
import type { OrderRecord } from './orders/order-types';
import { remaining } from './orders/order-types';
import type { Position } from './accounts/ledger';
import type { AccountNumbers } from './accounts/account-values';
import type { Quote } from './model/market';

export interface ConnectionInfo {
  clientId: number;
  serverVersion: number;
  state: string;
  remote: string;
  connectedAt: number;
  options: string[];
}

export interface OrderView {
  orderId: number;
  clientId: number;
  permId: number;
  account: string;
  conId: number;
  symbol: string;
  secType: string;
  action: string;
  orderType: string;
  totalQuantity: number;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  status: string;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  parentId: number;
  ocaGroup: string;
}

export interface ExecutionView {
  execId: string;
  orderId: number;
  clientId: number;
  account: string;
  conId: number;
  symbol: string;
  side: string;
  shares: number;
  price: number;
  time: number;
  commission: number;
  realizedPnl: number | undefined;
}

export interface PositionView {
  account: string;
  conId: number;
  symbol: string;
  secType: string;
  position: number;
  avgCost: number;
}

/** The gateway's read-only side (DemoGateway has these and more). */
export interface GatewayInspection {
  connections(): ConnectionInfo[];
  /** Every message a client id sent since the gateway started (across reconnects), oldest first. */
  received(clientId: number): ReceivedMessage[];
  /** The most messages a client id sent within any `windowMs` window (TWS allows 50 per second). */
  maxMessagesInWindow(clientId: number, windowMs?: number): number;
  /** Every placeOrder received, in order (exactly-once checks). */
  ordersReceived(): ReceivedOrder[];
  /** Every placeOrder read and dropped unanswered: while the gateway was silent (half-open), or swallowed. */
  ordersIgnored(): IgnoredOrder[];
  orders(account?: string): OrderView[];
  executions(account?: string): ExecutionView[];
  positions(account?: string): PositionView[];
  accountValues(account: string): Record<string, string>;
  subscriptions(): {
    marketData: number;
    realTimeBars: number;
    keepUpToDate: number;
    scanners: number;
    depth: number;
    tickByTick: number;
  };
  /** The model's quote now (tests compare it with what clients saw). */
  quote(conId: number): Quote | undefined;
}

export function connectionInfo(s: Session): ConnectionInfo {
  return {
    clientId: s.clientId,
    serverVersion: s.version,
    state: s.state,
    remote: s.remote,
    connectedAt: s.connectedAt,
    options: s.options,
  };
}

export function orderView(o: OrderRecord): OrderView {
  return {
    orderId: o.orderId,
    clientId: o.clientId,
    permId: o.permId,
    account: o.account,
    conId: o.inst.conId,
    symbol: o.inst.symbol,
    secType: o.inst.secType,
    action: o.ticket.action,
    orderType: o.ticket.orderType,
    totalQuantity: o.ticket.totalQuantity,
    lmtPrice: o.ticket.lmtPrice,
    auxPrice: o.ticket.auxPrice,
    tif: o.ticket.tif,
    status: o.status,
    filled: o.filled,
    remaining: remaining(o),
    avgFillPrice: o.avgFillPrice,
    parentId: o.ticket.parentId,
    ocaGroup: o.ticket.ocaGroup,
  };
}

export function executionView(e: Execution): ExecutionView {
  return {
    execId: e.execId,
    orderId: e.orderId,
    clientId: e.clientId,
    account: e.account,
    conId: e.inst.conId,
    symbol: e.inst.symbol,
    side: e.side,
    shares: e.shares,
    price: e.price,
    time: e.time,
    commission: e.commission,
    realizedPnl: e.realized,
  };
}

/** Open positions only (a flat position is no position). */
export function positionViews(positions: readonly Position[]): PositionView[] {
  return positions
    .filter((p) => p.qty !== 0)
    .map((p) => ({
      account: p.account,
      conId: p.inst.conId,
      symbol: p.inst.symbol,
      secType: p.inst.secType,
      position: p.qty,
      avgCost: p.avgCost,
    }));
}

/** The headline account values (USD, two decimals, as reqAccountUpdates sends them); {} for an unknown account. */
export function accountValueView(n: AccountNumbers | undefined): Record<string, string> {
  if (!n) return {};
  return {
    NetLiquidation: n.netLiquidation.toFixed(2),
    TotalCashValue: n.cash.toFixed(2),
    GrossPositionValue: n.grossPositionValue.toFixed(2),
    BuyingPower: n.buyingPower.toFixed(2),
    AvailableFunds: n.availableFunds.toFixed(2),
    UnrealizedPnL: n.unrealized.toFixed(2),
    RealizedPnL: n.realized.toFixed(2),
  };
}

/** Keeps the items of one account, or all of them when no account is named. */
export function ofAccount<T extends { account: string }>(items: readonly T[], account?: string): T[] {
  return items.filter((x) => !account || x.account === account);
}
