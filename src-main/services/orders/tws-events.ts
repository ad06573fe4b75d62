// What TWS reports about orders as it happens, journalled: open orders (ours, or external ones shown as such),
// statuses, executions, commissions, and TWS's errors and warnings that name an order. Any of these shows TWS has
// the order, which stops its acknowledgment watchdog.
import {
  FINAL_STATUSES,
  type JournalOrder,
  type Order,
  type OrderProgress,
} from '../../../src-shared/domain/order';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { CommissionInfo, ExecInfo, OpenOrderInfo, OrderStatusInfo, Tws } from '../../ib/adapter';
import type { OrderBook } from './book';
import type { JournalRecord } from './journal';
import type { AckWatchdog } from './watchdog';

/** An order flagged as not acknowledged or not received that TWS reports after all: say so, clear the flag. */
export function lateNote(o: Order, now: number): { message?: string } {
  if (o.status !== 'Unacknowledged' && o.status !== 'NotReceived') return {};
  return {
    message: `TWS confirmed order ${o.orderId} ${Math.round((now - o.createdAt) / 100) / 10} s after it was placed; it is working as TWS reports. Nothing was sent again.`,
  };
}

export function execRecord(e: ExecInfo, at: number): JournalRecord {
  return {
    t: 'exec',
    at,
    execId: e.execId,
    orderId: e.orderId,
    permId: e.permId,
    account: e.account,
    contract: e.contract,
    side: e.side,
    shares: e.shares,
    price: e.price,
    time: e.time,
    timeText: e.timeText,
    exchange: e.exchange,
  };
}

/** An order TWS reports, as the journal records it: its terms without TWS's status (kept beside them). */
export function journalOrderOf(info: OpenOrderInfo): JournalOrder {
  const { permId: _permId, status: _status, ...order } = info;
  return order;
}

/** Where an order stands, alone (a status message or an order carries more). */
const progressOf = ({ status, filled, remaining, avgFillPrice, permId }: OrderProgress): OrderProgress => ({
  status,
  filled,
  remaining,
  avgFillPrice,
  permId,
});

export function followTwsOrders(deps: {
  tws: Tws;
  book: OrderBook;
  watchdog: AckWatchdog;
  clock: Clock;
  log: Logger;
}): void {
  const { tws, book, watchdog, clock, log } = deps;
  const isFinal = (o: Order) => FINAL_STATUSES.includes(o.status);
  /** A status record; an order flagged as unconfirmed that TWS reports after all gets the late note. */
  const reported = (o: Order, progress: OrderProgress): JournalRecord => ({
    t: 'status',
    at: clock.now(),
    orderId: o.orderId,
    ...progress,
    ...lateNote(o, clock.now()),
  });

  function onOpenOrder(info: OpenOrderInfo): void {
    const known = book.orders.get(info.orderId);
    if (!known) {
      if (book.externalSeen.has(info.orderId)) return;
      book.externalSeen.add(info.orderId);
      book.recordReported({
        t: 'external',
        at: clock.now(),
        order: journalOrderOf(info),
        status: info.status,
        permId: info.permId,
      });
      log.warn(
        `TWS reports order ${info.orderId} (${info.action} ${info.quantity} ${info.contract.symbol}) that this app did not place`,
        { action: 'shown as external' },
      );
      return;
    }
    watchdog.unwatch(info.orderId);
    if (info.status !== 'Unknown' && (known.status !== info.status || known.permId !== info.permId))
      book.recordReported(
        reported(known, { ...progressOf(known), status: info.status, permId: info.permId }),
      );
  }

  function onStatus(s: OrderStatusInfo): void {
    const o = book.orders.get(s.orderId);
    if (!o) return; // learnt through openOrder first
    watchdog.unwatch(s.orderId);
    if (
      o.status === s.status &&
      o.filled === s.filled &&
      o.remaining === s.remaining &&
      o.permId === s.permId
    )
      return;
    book.recordReported(reported(o, progressOf(s)));
  }

  function onExecution(e: ExecInfo): void {
    if (book.orders.has(e.orderId)) watchdog.unwatch(e.orderId);
    if (!e.execId || book.executions.has(e.execId)) return;
    book.recordReported(execRecord(e, clock.now()));
  }

  function onCommission(c: CommissionInfo): void {
    const e = book.executions.get(c.execId);
    if (!e || (e.commission === c.commission && e.realizedPnl === c.realizedPnl)) return;
    book.recordReported({ t: 'commission', at: clock.now(), ...c });
  }

  tws.onOrderEvents({
    openOrder: onOpenOrder,
    status: onStatus,
    execution: onExecution,
    commission: onCommission,
  });

  tws.link.onMessage((m) => {
    if (m.reqId < 0) return;
    const o = book.orders.get(m.reqId);
    if (!o) return;
    // An error or warning naming the order: TWS has read it. Except "cannot find the order" (135, 10147) in answer
    // to a cancel: that says TWS has not got it, which the watchdog's reconciliation will establish.
    const notFound = m.code === 135 || m.code === 10147;
    if (!notFound) watchdog.unwatch(o.orderId);
    const info = describeTwsCode(m.code);
    const text = plainTwsMessage(m.code, m.message);
    const level = info.severity === 'error' ? 'warn' : 'info';
    log[level](`Order ${m.reqId}: ${text}`, { twsCode: m.code, action: info.action });
    const rejected = info.severity === 'error' && info.reaction === 'reject' && !isFinal(o);
    const unconfirmed = o.status === 'Unacknowledged' || o.status === 'NotReceived';
    book.recordReported({
      t: 'status',
      at: clock.now(),
      orderId: o.orderId,
      status:
        rejected &&
        (o.status === 'Intent' || o.status === 'PendingSubmit' || o.status === 'ApiPending' || unconfirmed)
          ? 'Inactive'
          : !notFound && unconfirmed
            ? 'PendingSubmit' // TWS has it after all; its own status follows
            : o.status,
      filled: o.filled,
      remaining: o.remaining,
      avgFillPrice: o.avgFillPrice,
      permId: o.permId,
      message: text,
      twsCode: m.code,
    });
  });
}
