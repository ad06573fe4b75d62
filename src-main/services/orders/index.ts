// Orders (ARCHITECTURE.md §5): ticket → checks (schema + the profile's precautionary limits) → journal the intent
// (fsync) → placeOrder with transmit: true → statuses, executions and commissions journalled as TWS reports them.
// Order entry needs a `ready` session; nothing is ever re-sent after a fault. On every connect the journal is
// reconciled with TWS's open orders and executions, and whatever does not match is shown, not guessed. An order TWS
// does not acknowledge within a few seconds is flagged Unacknowledged and reconciled at once, on the same connection.
import { isLiveSession } from '../../../src-shared/domain/connection';
import type { Instrument } from '../../../src-shared/domain/instrument';
import { referencePrice } from '../../../src-shared/domain/quote';
import { checkTicket } from '../../../src-shared/domain/order-checks';
import {
  FINAL_STATUSES,
  isWorking,
  type Execution,
  type JournalOrder,
  type Order,
  type OrderModify,
  type OrderStatus,
  type OrderTicket,
  type PlaceResult,
} from '../../../src-shared/domain/order';
import type { OrderLimits } from '../../../src-shared/domain/settings';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type {
  CommissionInfo,
  ExecInfo,
  OpenOrderInfo,
  OrderStatusInfo,
  ResolvedContract,
  Tws,
} from '../../ib/adapter';
import { refersTo } from '../../ib/adapter/order-mapping';
import type { Contracts } from '../contracts';
import type { MarketData } from '../market-data';
import type { JournalRecord, OrderJournal } from './journal';

export type OrdersProfile = { id: string; readOnly: boolean; limits: OrderLimits; demo: boolean };

export type Notice = { level: 'info' | 'warn' | 'error'; title: string; message: string };

export interface Orders {
  /** Loads the journal of a profile (on start and on profile switch). */
  open(journal: OrderJournal, profile: OrdersProfile): Promise<void>;
  place(ticket: OrderTicket): Promise<PlaceResult>;
  modify(m: OrderModify): Promise<void>;
  cancel(orderId: number): Promise<void>;
  cancelAll(): Promise<void>;
  list(): Order[];
  executions(): Execution[];
  confirmLive(typed: string): void;
  /** Runs a reconciliation now (also runs by itself on every ready). */
  reconcile(): Promise<ReconcileReport>;
  /** Resolves when the reconciliation of the current connection has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export type ReconcileReport = {
  unknown: number[];
  /** Flagged Unacknowledged, and absent from TWS's answers on the connection they were sent on. */
  notReceived: number[];
  external: number[];
  newExecutions: string[];
  updated: number[];
};

const REFERENCE_TIMEOUT_MS = 4_000;

/**
 * How long TWS gets to acknowledge a new order (openOrder, orderStatus, an execution or an error naming it) before
 * the order is flagged Unacknowledged and reconciled. TWS answers a placeOrder within milliseconds locally and
 * within a second or two when busy; 5 s is well past that, and well inside the heartbeat's 10 s, so a TWS that
 * swallowed one order while the connection stays alive is caught without waiting for a reconnect.
 */
export const ACK_TIMEOUT_MS = 5_000;

export function createOrders(deps: {
  tws: Tws;
  contracts: Contracts;
  marketData: MarketData;
  clock: Clock;
  log: Logger;
  emitOrders: (orders: Order[]) => void;
  emitExecutions: (executions: Execution[]) => void;
  notice: (n: Notice) => void;
  /** Default ACK_TIMEOUT_MS. */
  ackTimeoutMs?: number;
}): Orders {
  const { tws, contracts, marketData, clock, log } = deps;
  const ackTimeoutMs = deps.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  const link = tws.link;
  let journal: OrderJournal | null = null;
  let profile: OrdersProfile | null = null;
  const orders = new Map<number, Order>();
  const details = new Map<number, JournalOrder>();
  const sent = new Set<number>();
  const executions = new Map<string, Execution>();
  const externalSeen = new Set<number>();
  let highWater = 0;
  let nextValidId: number | null = null;
  let liveConfirmed = false;
  let lastExecTime = 0;
  let reconciling: Promise<unknown> = Promise.resolve();
  let pendingWrites: Promise<void> = Promise.resolve();
  /** Orders between their intent and the end of their send: not TWS's to judge yet. */
  const inFlight = new Set<number>();
  /**
   * Orders sent and not yet acknowledged by TWS, with the connection they were sent on and their watchdog. The
   * connection matters: a reconciliation on the same socket is answered after TWS has read the order, so an order
   * missing from its answer was never received; after a reconnect, that can no longer be told.
   */
  const awaitingAck = new Map<number, { session: number; timer: Timer | null }>();
  /** Counts the connections that became ready (one per socket). */
  let session = 0;

  // ---- journal ---------------------------------------------------------------------------------------------------

  let journalFailing = false;

  function write(...records: JournalRecord[]): Promise<void> {
    const j = journal;
    if (!j) return Promise.resolve();
    const p = j.append(...records);
    pendingWrites = pendingWrites
      .then(() => p)
      .then(
        () => {
          journalFailing = false;
        },
        (err: unknown) => {
          const message = `The order journal ${j.file} could not be written (${(err as Error).message}). New orders are refused until it can be written again; what TWS reports is still shown.`;
          log.error(message, { action: 'orders refused while the journal fails' });
          if (!journalFailing) deps.notice({ level: 'error', title: 'Order journal not writable', message });
          journalFailing = true;
        },
      );
    return p;
  }

  /** For what TWS reports: a journal that fails is logged and shown (write), never an unhandled rejection. */
  function recordReported(...records: JournalRecord[]): void {
    record(...records).catch(() => undefined);
  }

  function orderFrom(o: JournalOrder, at: number, external: boolean): Order {
    return {
      orderId: o.orderId,
      permId: null,
      parentId: o.parentId,
      clientId: o.clientId,
      account: o.account,
      contract: o.contract,
      action: o.action,
      quantity: o.quantity,
      orderType: o.orderType,
      limitPrice: o.limitPrice,
      stopPrice: o.stopPrice,
      trailingAmount: o.trailingAmount,
      trailingPercent: o.trailingPercent,
      tif: o.tif,
      outsideRth: o.outsideRth,
      ocaGroup: o.ocaGroup,
      status: 'Intent',
      filled: 0,
      remaining: o.quantity,
      avgFillPrice: null,
      message: null,
      twsCode: null,
      createdAt: at,
      updatedAt: at,
      external,
    };
  }

  /** Applies one record to the in-memory state (load and live use the same rules). */
  function apply(r: JournalRecord): Order | null {
    switch (r.t) {
      case 'intent': {
        const o = orderFrom(r.order, r.at, false);
        orders.set(o.orderId, o);
        details.set(o.orderId, r.order);
        highWater = Math.max(highWater, o.orderId);
        return o;
      }
      case 'external': {
        const o = { ...orderFrom(r.order, r.at, true), status: r.status, permId: r.permId };
        orders.set(o.orderId, o);
        details.set(o.orderId, r.order);
        externalSeen.add(o.orderId);
        return o;
      }
      case 'sent': {
        sent.add(r.orderId);
        return patch(r.orderId, { status: 'PendingSubmit' }, r.at, true);
      }
      case 'not-sent':
        return patch(r.orderId, { status: 'Inactive', message: `Not sent: ${r.reason}` }, r.at);
      case 'status':
        return patch(
          r.orderId,
          {
            status: r.status,
            filled: r.filled,
            remaining: r.remaining,
            avgFillPrice: r.avgFillPrice,
            ...(r.permId !== null ? { permId: r.permId } : {}),
            ...(r.message !== undefined ? { message: r.message } : {}),
            ...(r.twsCode !== undefined ? { twsCode: r.twsCode } : {}),
          },
          r.at,
        );
      case 'modify': {
        const d = details.get(r.orderId);
        if (d) details.set(r.orderId, { ...d, ...r.changes });
        const { quantity, limitPrice, stopPrice, trailingAmount, tif } = r.changes;
        return patch(
          r.orderId,
          {
            ...(quantity !== undefined ? { quantity } : {}),
            ...(limitPrice !== undefined ? { limitPrice } : {}),
            ...(stopPrice !== undefined ? { stopPrice } : {}),
            ...(trailingAmount !== undefined ? { trailingAmount } : {}),
            ...(tif !== undefined ? { tif } : {}),
          },
          r.at,
        );
      }
      case 'cancel-request':
        return null;
      case 'exec': {
        const prev = executions.get(r.execId);
        executions.set(r.execId, {
          execId: r.execId,
          orderId: r.orderId,
          permId: r.permId,
          account: r.account,
          contract: r.contract,
          side: r.side,
          shares: r.shares,
          price: r.price,
          time: r.time,
          exchange: r.exchange,
          commission: prev?.commission ?? null,
          commissionCurrency: prev?.commissionCurrency ?? null,
          realizedPnl: prev?.realizedPnl ?? null,
        });
        lastExecTime = Math.max(lastExecTime, r.time);
        return null;
      }
      case 'commission': {
        const e = executions.get(r.execId);
        if (e)
          executions.set(r.execId, {
            ...e,
            commission: r.commission,
            commissionCurrency: r.currency,
            realizedPnl: r.realizedPnl,
          });
        return null;
      }
      case 'reconcile':
        if (r.orderId !== null) return patch(r.orderId, { message: r.note }, r.at);
        return null;
      case 'ids':
        highWater = Math.max(highWater, r.highWater);
        return null;
    }
  }

  function patch(orderId: number, p: Partial<Order>, at: number, onlyIfIntent = false): Order | null {
    const o = orders.get(orderId);
    if (!o) return null;
    if (onlyIfIntent && o.status !== 'Intent') return o;
    const next = { ...o, ...p, updatedAt: at };
    orders.set(orderId, next);
    return next;
  }

  async function record(...records: JournalRecord[]): Promise<void> {
    const changed: Order[] = [];
    const execs: Execution[] = [];
    for (const r of records) {
      const o = apply(r);
      if (o) changed.push(o);
      if (r.t === 'exec' || r.t === 'commission') {
        const e = executions.get(r.execId);
        if (e) execs.push(e);
      }
    }
    if (changed.length > 0) deps.emitOrders(dedupe(changed));
    if (execs.length > 0) deps.emitExecutions(execs);
    await write(...records);
  }

  function dedupe(list: Order[]): Order[] {
    const m = new Map<number, Order>();
    for (const o of list) m.set(o.orderId, orders.get(o.orderId) ?? o);
    return [...m.values()];
  }

  // ---- TWS events ------------------------------------------------------------------------------------------------

  function onOpenOrder(info: OpenOrderInfo): void {
    const known = orders.get(info.orderId);
    if (!known) {
      if (externalSeen.has(info.orderId)) return;
      externalSeen.add(info.orderId);
      const order = journalOrderFrom(info);
      recordReported({ t: 'external', at: clock.now(), order, status: info.status, permId: info.permId });
      log.warn(
        `TWS reports order ${info.orderId} (${info.action} ${info.quantity} ${info.contract.symbol}) that this app did not place`,
        {
          action: 'shown as external',
        },
      );
      return;
    }
    unwatch(info.orderId);
    if (info.status !== 'Unknown' && (known.status !== info.status || known.permId !== info.permId)) {
      recordReported({
        t: 'status',
        at: clock.now(),
        orderId: info.orderId,
        status: info.status,
        filled: known.filled,
        remaining: known.remaining,
        avgFillPrice: known.avgFillPrice,
        permId: info.permId,
        ...lateNote(known),
      });
    }
  }

  /** An order flagged as not acknowledged or not received that TWS reports after all: say so, clear the flag. */
  function lateNote(o: Order): { message?: string } {
    if (o.status !== 'Unacknowledged' && o.status !== 'NotReceived') return {};
    return {
      message: `TWS confirmed order ${o.orderId} ${Math.round((clock.now() - o.createdAt) / 100) / 10} s after it was placed; it is working as TWS reports. Nothing was sent again.`,
    };
  }

  /** TWS has shown it knows the order, or reconciliation settled it: its watchdog stops. */
  function unwatch(orderId: number): void {
    const w = awaitingAck.get(orderId);
    if (!w) return;
    if (w.timer !== null) clock.clearTimeout(w.timer);
    awaitingAck.delete(orderId);
  }

  function watchAck(orderId: number): void {
    unwatch(orderId);
    const entry: { session: number; timer: Timer | null } = { session, timer: null };
    entry.timer = clock.setTimeout(() => {
      entry.timer = null;
      overdue(orderId);
    }, ackTimeoutMs);
    awaitingAck.set(orderId, entry);
  }

  /** The watchdog fired: flag the order, then ask TWS at once what it has (never re-send). */
  function overdue(orderId: number): void {
    const o = orders.get(orderId);
    if (!o || !awaitingAck.has(orderId) || !isWorking(o.status)) {
      awaitingAck.delete(orderId);
      return;
    }
    const message = `TWS has not acknowledged order ${orderId} within ${ackTimeoutMs / 1000} s of sending. Asking TWS for its open orders, completed orders and executions; nothing is sent again.`;
    log.warn(message, { action: 'reconciling with TWS now' });
    recordReported({
      t: 'status',
      at: clock.now(),
      orderId,
      status: 'Unacknowledged',
      filled: o.filled,
      remaining: o.remaining,
      avgFillPrice: o.avgFillPrice,
      permId: o.permId,
      message,
    });
    reconcileUnacknowledged();
  }

  /**
   * Reconciles for the flagged orders. One that cannot be settled this time (TWS does not answer the listings, as a
   * half-open socket that has not yet tripped the heartbeat) is tried again after the same delay while the
   * connection it was sent on lasts; after a reconnect, the reconciliation on ready takes it over.
   */
  function reconcileUnacknowledged(): void {
    const startedOn = session;
    reconciling = reconcile()
      .catch((err: unknown) => {
        log.warn(`Reconciliation of unacknowledged orders failed: ${(err as Error).message}`, {
          action:
            'the orders stay flagged Unacknowledged; trying again while the connection lasts, or on the next connect',
        });
      })
      .then(() => {
        const left = [...awaitingAck.entries()].some(
          ([id, w]) =>
            w.timer === null && w.session === startedOn && orders.get(id)?.status === 'Unacknowledged',
        );
        if (!left || session !== startedOn || !link.canSend()) return;
        const retry = clock.setTimeout(() => {
          retryTimers.delete(retry);
          if (session === startedOn) reconcileUnacknowledged();
        }, ackTimeoutMs);
        retryTimers.add(retry);
      });
  }
  const retryTimers = new Set<Timer>();

  /** On a profile switch or close: the watchdogs belong to the journal that is going away. */
  function stopWatching(): void {
    for (const w of awaitingAck.values()) if (w.timer !== null) clock.clearTimeout(w.timer);
    awaitingAck.clear();
    for (const t of retryTimers) clock.clearTimeout(t);
    retryTimers.clear();
  }

  function onStatus(s: OrderStatusInfo): void {
    const o = orders.get(s.orderId);
    if (!o) return; // learnt through openOrder first
    unwatch(s.orderId);
    if (
      o.status === s.status &&
      o.filled === s.filled &&
      o.remaining === s.remaining &&
      o.permId === s.permId
    )
      return;
    recordReported({
      t: 'status',
      at: clock.now(),
      orderId: s.orderId,
      status: s.status,
      filled: s.filled,
      remaining: s.remaining,
      avgFillPrice: s.avgFillPrice,
      permId: s.permId,
      ...lateNote(o),
    });
  }

  function execRecord(e: ExecInfo): JournalRecord {
    return {
      t: 'exec',
      at: clock.now(),
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

  function onExecution(e: ExecInfo): void {
    if (orders.has(e.orderId)) unwatch(e.orderId);
    if (!e.execId || executions.has(e.execId)) return;
    recordReported(execRecord(e));
  }

  function onCommission(c: CommissionInfo): void {
    const e = executions.get(c.execId);
    if (!e || (e.commission === c.commission && e.realizedPnl === c.realizedPnl)) return;
    recordReported({ t: 'commission', at: clock.now(), ...c });
  }

  tws.onOrderEvents({
    openOrder: onOpenOrder,
    status: onStatus,
    execution: onExecution,
    commission: onCommission,
  });
  link.onNextValidId((id) => {
    nextValidId = id;
  });
  link.onMessage((m) => {
    if (m.reqId < 0) return;
    const o = orders.get(m.reqId);
    if (!o) return;
    // An error or warning naming the order: TWS has read it. Except "cannot find the order" (135, 10147) in answer
    // to a cancel: that says TWS has not got it, which the watchdog's reconciliation will establish.
    const notFound = m.code === 135 || m.code === 10147;
    if (!notFound) unwatch(o.orderId);
    const info = describeTwsCode(m.code);
    const text = plainTwsMessage(m.code, m.message);
    const level = info.severity === 'error' ? 'warn' : 'info';
    log[level](`Order ${m.reqId}: ${text}`, { twsCode: m.code, action: info.action });
    const rejected = info.severity === 'error' && info.reaction === 'reject' && !isFinal(o.status);
    recordReported({
      t: 'status',
      at: clock.now(),
      orderId: o.orderId,
      status:
        rejected &&
        (o.status === 'Intent' ||
          o.status === 'PendingSubmit' ||
          o.status === 'ApiPending' ||
          o.status === 'Unacknowledged' ||
          o.status === 'NotReceived')
          ? 'Inactive'
          : !notFound && (o.status === 'Unacknowledged' || o.status === 'NotReceived')
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
  link.onReady(() => {
    session++;
    reconciling = reconcile().catch((err: unknown) => {
      log.warn(`Reconciliation with TWS failed: ${(err as Error).message}`, {
        action: 'will try again on the next connect',
      });
    });
  });
  link.onStatus((s) => {
    if (s.state === 'disconnected') liveConfirmed = false;
  });

  const isFinal = (s: OrderStatus) => FINAL_STATUSES.includes(s);

  /** An order TWS reports, as the journal records it: its terms without TWS's status (kept beside them). */
  function journalOrderFrom(info: OpenOrderInfo): JournalOrder {
    const { permId: _permId, status: _status, ...order } = info;
    return order;
  }

  // ---- reconciliation --------------------------------------------------------------------------------------------

  let reconcileChain: Promise<unknown> = Promise.resolve();
  let reconcileQueued: Promise<ReconcileReport> | null = null;

  /**
   * One reconciliation at a time: TWS ends every listing of open or completed orders with the same end marker, so
   * two listings in flight would mix (the second could end early, and a missing order be called unknown). A call
   * while one waits joins it: it starts after the call, so it sees everything up to then.
   */
  function reconcile(): Promise<ReconcileReport> {
    if (reconcileQueued) return reconcileQueued;
    const next = reconcileChain.then(() => {
      reconcileQueued = null;
      return reconcileOnce();
    });
    reconcileQueued = next;
    reconcileChain = next.catch(() => undefined);
    return next;
  }

  async function reconcileOnce(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      unknown: [],
      notReceived: [],
      external: [],
      newExecutions: [],
      updated: [],
    };
    if (!journal || !link.canSend()) return report;
    const on = session;
    // Only orders already sent are judged: TWS reads a socket in order, so the listings below are answered after
    // it has read each of them. An order still being sent, or sent after this point, is left for the next time.
    const judged = new Set([...orders.keys()].filter((id) => !inFlight.has(id)));
    const since = lastExecTime > 0 ? lastExecTime - 60_000 : clock.now() - 7 * 86_400_000;
    const [open, execs, completed] = await Promise.all([
      tws.openOrders(),
      tws.executions({ since }),
      // Older TWS builds or a busy TWS may not answer: reconciliation goes on without it.
      tws.completedOrders().catch((err: unknown) => {
        log.info(`Completed orders not available: ${(err as Error).message}`);
        return [];
      }),
    ]);
    if (session !== on)
      throw new AppError('NOT_CONNECTED', 'The connection changed while TWS listed its orders');
    const now = clock.now();
    const records: JournalRecord[] = [];
    for (const e of execs.executions) {
      if (!e.execId || executions.has(e.execId)) continue;
      records.push(execRecord(e));
      report.newExecutions.push(e.execId);
    }
    for (const c of execs.commissions) records.push({ t: 'commission', at: now, ...c });
    const openIds = new Map(open.map((o) => [o.orderId, o]));
    // Fills per order, each execution counted once.
    const filledByOrder = new Map<number, number>();
    const seen = new Set<string>();
    for (const e of [...executions.values(), ...execs.executions]) {
      if (seen.has(e.execId)) continue;
      seen.add(e.execId);
      filledByOrder.set(e.orderId, (filledByOrder.get(e.orderId) ?? 0) + e.shares);
    }
    const clientId = link.status().clientId;
    for (const o of orders.values()) {
      if (o.external || !isWorking(o.status) || !judged.has(o.orderId)) continue;
      if (o.clientId !== null && o.clientId !== clientId) continue; // another client id's orders are not listed
      const watch = awaitingAck.get(o.orderId);
      // Sent moments ago and still within its acknowledgment time: its own watchdog will ask if need be.
      if (watch && watch.timer !== null && watch.session === on) continue;
      const tw = openIds.get(o.orderId);
      if (tw || filledByOrder.has(o.orderId)) unwatch(o.orderId);
      if (tw) {
        // A change lost on the way (a half-open socket) leaves TWS on the old terms: the journal takes TWS's.
        const d = details.get(o.orderId);
        const differs = (mine: number | null, theirs: number | null) =>
          mine !== null && theirs !== null && Math.abs(mine - theirs) > 1e-9;
        const changes: Partial<JournalOrder> = {
          ...(tw.quantity > 0 && d && differs(d.quantity, tw.quantity) ? { quantity: tw.quantity } : {}),
          ...(d && differs(d.limitPrice, tw.limitPrice) ? { limitPrice: tw.limitPrice } : {}),
          ...(d && d.orderType !== 'TRAIL' && differs(d.stopPrice, tw.stopPrice)
            ? { stopPrice: tw.stopPrice }
            : {}),
        };
        if (Object.keys(changes).length > 0) {
          report.updated.push(o.orderId);
          const note = `Order ${o.orderId}: TWS has ${Object.entries(changes)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(
              ', ',
            )}, not what the journal had: a change did not reach TWS. The journal now shows TWS's terms; nothing was re-sent.`;
          records.push(
            { t: 'modify', at: now, orderId: o.orderId, changes },
            { t: 'reconcile', at: now, orderId: o.orderId, note },
          );
        }
        if (tw.status !== o.status && tw.status !== 'Unknown') {
          report.updated.push(o.orderId);
          records.push({
            t: 'status',
            at: now,
            orderId: o.orderId,
            status: tw.status,
            filled: o.filled,
            remaining: o.remaining,
            avgFillPrice: o.avgFillPrice,
            permId: tw.permId,
            ...lateNote(o),
          });
        }
        continue;
      }
      const filled = filledByOrder.get(o.orderId) ?? 0;
      if (filled >= o.quantity - 1e-9 && filled > 0) {
        report.updated.push(o.orderId);
        records.push({
          t: 'status',
          at: now,
          orderId: o.orderId,
          status: 'Filled',
          filled,
          remaining: 0,
          avgFillPrice: o.avgFillPrice,
          permId: o.permId,
          ...lateNote(o),
        });
        continue;
      }
      const done = completed.find(
        (c) => (o.permId !== null && c.permId === o.permId) || refersTo(c.orderRef, o.orderId),
      );
      if (done) unwatch(o.orderId);
      if (done && done.status !== 'Unknown') {
        report.updated.push(o.orderId);
        records.push({
          t: 'status',
          at: now,
          orderId: o.orderId,
          status: done.status,
          filled,
          remaining: Math.max(0, o.quantity - filled),
          avgFillPrice: o.avgFillPrice,
          permId: done.permId ?? o.permId,
          message: done.completedStatus ? `TWS: ${done.completedStatus}` : null,
        });
        continue;
      }
      unwatch(o.orderId);
      if (o.status === 'Unacknowledged' && watch?.session === on && filled === 0) {
        // Sent on this very socket before the listings were asked for, and in none of them: TWS never got it.
        const note = `TWS did not receive order ${o.orderId}: it did not acknowledge it, and right after, on the same connection, it listed no such order (open or completed) and no fill. It was not sent again; it is safe to place it again (unless TWS shows an order confirmation dialog for it).`;
        report.notReceived.push(o.orderId);
        records.push(
          {
            t: 'status',
            at: now,
            orderId: o.orderId,
            status: 'NotReceived',
            filled: 0,
            remaining: o.quantity,
            avgFillPrice: null,
            permId: o.permId,
            message: note,
          },
          { t: 'reconcile', at: now, orderId: o.orderId, note },
        );
        continue;
      }
      report.unknown.push(o.orderId);
      const note =
        o.status === 'Intent' && !sent.has(o.orderId)
          ? `TWS does not know order ${o.orderId}: the app stopped before sending it, or TWS never got it. It was not sent again.`
          : `Order ${o.orderId} is not open in TWS${filled > 0 ? ` and only ${filled} of ${o.quantity} filled` : ' and has no fills'}: it was cancelled or rejected while the app was away, or never reached TWS. It was not sent again.`;
      records.push(
        {
          t: 'status',
          at: now,
          orderId: o.orderId,
          status: 'Unknown',
          filled,
          remaining: o.quantity - filled,
          avgFillPrice: o.avgFillPrice,
          permId: o.permId,
          message: note,
        },
        { t: 'reconcile', at: now, orderId: o.orderId, note },
      );
    }
    for (const tw of open) {
      if (orders.has(tw.orderId) || externalSeen.has(tw.orderId)) continue;
      externalSeen.add(tw.orderId);
      report.external.push(tw.orderId);
      records.push({
        t: 'external',
        at: now,
        order: journalOrderFrom(tw),
        status: tw.status,
        permId: tw.permId,
      });
    }
    if (records.length > 0) await record(...records);
    const parts: string[] = [];
    if (report.newExecutions.length > 0)
      parts.push(
        `${report.newExecutions.length} execution(s) happened while the app was away and were added to the journal`,
      );
    if (report.updated.length > 0) parts.push(`order(s) ${report.updated.join(', ')} changed state in TWS`);
    if (report.unknown.length > 0)
      parts.push(`order(s) ${report.unknown.join(', ')} are not known to TWS any more (not re-sent)`);
    if (report.notReceived.length > 0)
      parts.push(
        `order(s) ${report.notReceived.join(', ')} never reached TWS (not re-sent; safe to place again)`,
      );
    if (report.external.length > 0)
      parts.push(`order(s) ${report.external.join(', ')} are open in TWS but were not placed by this app`);
    if (parts.length > 0) {
      const message = `Journal and TWS compared: ${parts.join('; ')}.`;
      log.warn(message, { action: 'differences shown; nothing re-sent' });
      deps.notice({
        level: report.unknown.length > 0 || report.notReceived.length > 0 ? 'warn' : 'info',
        title: 'Orders reconciled',
        message,
      });
    } else
      log.info(
        `Journal and TWS agree (${open.length} open order(s), ${execs.executions.length} execution(s) checked)`,
      );
    return report;
  }

  // ---- order entry -----------------------------------------------------------------------------------------------

  function requireEntry(): OrdersProfile {
    const s = link.status();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Order entry needs a ready connection to TWS (now ${s.state}${s.reason ? `: ${s.reason}` : ''}). Nothing was sent, and nothing will be sent later.`,
      );
    if (!profile || !journal) throw new AppError('UNAVAILABLE', 'The order journal is not open');
    if (profile.readOnly) throw new AppError('READ_ONLY', 'This profile is read-only: it cannot send orders');
    if (!profile.demo && isLiveSession(s.port, s.accounts) && !liveConfirmed)
      throw new AppError(
        'CONFIRM_REQUIRED',
        `This is a live account (${s.accounts.join(', ')}): type the account id to confirm live trading before the first order of this session`,
      );
    return profile;
  }

  function allocateIds(n: number): number[] {
    if (nextValidId === null)
      throw new AppError('NOT_CONNECTED', 'TWS has not sent the next valid order id yet');
    // Order ids never go backwards: the journal's high-water mark wins over a TWS that forgot.
    const first = Math.max(nextValidId, highWater + 1);
    const ids = Array.from({ length: n }, (_, i) => first + i);
    nextValidId = first + n;
    highWater = Math.max(highWater, first + n - 1);
    return ids;
  }

  async function referenceOf(instrument: Instrument): Promise<number | null> {
    const live = referencePrice(marketData.quote(instrument.conId));
    if (live !== null) return live;
    const contract: ResolvedContract = {
      conId: instrument.conId,
      symbol: instrument.symbol,
      secType: instrument.secType,
      exchange: instrument.exchange,
      currency: instrument.currency,
    };
    let timer: Timer | null = null;
    try {
      const q = await Promise.race([
        marketData.snapshot(contract),
        new Promise<null>((r) => {
          timer = clock.setTimeout(() => r(null), REFERENCE_TIMEOUT_MS);
        }),
      ]);
      return q ? referencePrice(q) : null;
    } catch {
      return null;
    } finally {
      if (timer !== null) clock.clearTimeout(timer);
    }
  }

  async function send(o: JournalOrder): Promise<void> {
    try {
      await tws.placeOrder(o);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await record({ t: 'not-sent', at: clock.now(), orderId: o.orderId, reason }).catch(() => undefined);
      throw err;
    }
    // Watched from the moment it is written: TWS's answer may arrive while the journal is still syncing.
    watchAck(o.orderId);
    // The order is out: a journal that fails now must not make it look unsent (a retry would send it twice).
    // Reconciliation finds it at TWS by its order ref.
    await record({ t: 'sent', at: clock.now(), orderId: o.orderId }).catch(() => undefined);
  }

  async function place(ticket: OrderTicket): Promise<PlaceResult> {
    const p = requireEntry();
    const instrument = await contracts.resolve(ticket.contract);
    const reference = await referenceOf(instrument);
    const check = checkTicket(ticket, instrument, p.limits, reference);
    if (check.problems.length > 0) {
      const code = check.problems.some((x) => x.code === 'LIMIT') ? 'LIMIT' : 'VALIDATION';
      throw new AppError(code, `Order refused: ${check.problems.map((x) => x.message).join('; ')}`, {
        issues: check.problems.map(({ path, message }) => ({ path, message })),
      });
    }
    requireEntry(); // the connection may have dropped while we looked up the instrument
    const s = link.status();
    const account = ticket.account ?? s.accounts[0] ?? '';
    // TWS refuses an account this login does not manage (321); say so before anything is journalled or sent.
    if (ticket.account !== undefined && !s.accounts.includes(ticket.account)) {
      const message = `account ${ticket.account} is not one of this login's accounts (${s.accounts.join(', ') || 'none yet'})`;
      throw new AppError('VALIDATION', `Order refused: ${message}`, {
        issues: [{ path: 'account', message }],
      });
    }
    const contract: ResolvedContract = {
      conId: instrument.conId,
      symbol: instrument.symbol,
      secType: instrument.secType,
      exchange: ticket.contract.exchange || 'SMART',
      currency: instrument.currency,
      ...(instrument.primaryExchange ? { primaryExchange: instrument.primaryExchange } : {}),
      ...(instrument.localSymbol ? { localSymbol: instrument.localSymbol } : {}),
      ...(instrument.multiplier ? { multiplier: instrument.multiplier } : {}),
      ...(instrument.lastTradeDateOrContractMonth
        ? { lastTradeDateOrContractMonth: instrument.lastTradeDateOrContractMonth }
        : {}),
    };
    const base: Omit<JournalOrder, 'orderId'> = {
      parentId: null,
      clientId: s.clientId,
      account,
      contract,
      action: ticket.action,
      quantity: ticket.quantity,
      orderType: ticket.orderType,
      limitPrice: ticket.limitPrice ?? null,
      stopPrice: ticket.stopPrice ?? null,
      trailingAmount: ticket.trailingAmount ?? null,
      trailingPercent: ticket.trailingPercent ?? null,
      tif: ticket.tif,
      outsideRth: ticket.outsideRth,
      ocaGroup: null,
      transmit: true,
      note: ticket.note ?? null,
    };
    const legs: JournalOrder[] = [];
    if (ticket.bracket) {
      const [parentId, tpId, slId] = allocateIds(3) as [number, number, number];
      const oca = `ibdesk-${parentId}`;
      const exit = ticket.action === 'BUY' ? 'SELL' : 'BUY';
      legs.push(
        { ...base, orderId: parentId, transmit: false },
        {
          ...base,
          orderId: tpId,
          parentId,
          action: exit,
          orderType: 'LMT',
          limitPrice: ticket.bracket.takeProfit,
          stopPrice: null,
          trailingAmount: null,
          trailingPercent: null,
          ocaGroup: oca,
          transmit: false,
          tif: ticket.tif === 'IOC' ? 'GTC' : ticket.tif,
        },
        {
          ...base,
          orderId: slId,
          parentId,
          action: exit,
          orderType: 'STP',
          limitPrice: null,
          stopPrice: ticket.bracket.stopLoss,
          trailingAmount: null,
          trailingPercent: null,
          ocaGroup: oca,
          transmit: true,
          tif: ticket.tif === 'IOC' ? 'GTC' : ticket.tif,
        },
      );
    } else {
      const [id] = allocateIds(1) as [number];
      legs.push({ ...base, orderId: id });
    }
    for (const leg of legs) inFlight.add(leg.orderId);
    // Journal first: the intent is on disk before a byte goes to TWS.
    try {
      await record(...legs.map((order) => ({ t: 'intent' as const, at: clock.now(), order })), {
        t: 'ids',
        at: clock.now(),
        highWater,
      });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const changed = legs.flatMap((l) => {
        const o = patch(
          l.orderId,
          { status: 'Inactive', message: `Not sent: the journal failed (${why})` },
          clock.now(),
        );
        return o ? [o] : [];
      });
      if (changed.length > 0) deps.emitOrders(changed);
      for (const leg of legs) inFlight.delete(leg.orderId);
      throw journalError(err, 'The order was NOT sent');
    }
    try {
      for (const leg of legs) await send(leg);
    } finally {
      for (const leg of legs) inFlight.delete(leg.orderId);
    }
    log.info(
      `Order ${legs.map((l) => l.orderId).join('/')} sent: ${ticket.action} ${ticket.quantity} ${instrument.symbol} ${ticket.orderType}${ticket.limitPrice ? ` @ ${ticket.limitPrice}` : ''}${ticket.stopPrice ? ` stop ${ticket.stopPrice}` : ''}${ticket.bracket ? ' (bracket)' : ''}`,
    );
    return { orderIds: legs.map((l) => l.orderId), warnings: check.warnings };
  }

  async function modify(m: OrderModify): Promise<void> {
    const p = requireEntry();
    const o = orders.get(m.orderId);
    const d = details.get(m.orderId);
    if (!o || !d) throw new AppError('NOT_FOUND', `There is no order ${m.orderId}`);
    if (o.external)
      throw new AppError(
        'VALIDATION',
        `Order ${m.orderId} was not placed by this app: modify it where it was placed`,
      );
    if (!isWorking(o.status) || o.status === 'Intent')
      throw new AppError('VALIDATION', `Order ${m.orderId} is ${o.status}: it cannot be modified`);
    // A change goes out as the same placeOrder: to a TWS that never got the order, it would place it after all.
    if (awaitingAck.has(m.orderId) || o.status === 'Unacknowledged')
      throw new AppError(
        'VALIDATION',
        `TWS has not acknowledged order ${m.orderId} yet: modify it once TWS confirms it (nothing was sent)`,
      );
    const changes: Partial<JournalOrder> = {
      ...(m.quantity !== undefined ? { quantity: m.quantity } : {}),
      ...(m.limitPrice !== undefined ? { limitPrice: m.limitPrice } : {}),
      ...(m.stopPrice !== undefined ? { stopPrice: m.stopPrice } : {}),
      ...(m.trailingAmount !== undefined ? { trailingAmount: m.trailingAmount } : {}),
      ...(m.tif !== undefined ? { tif: m.tif } : {}),
    };
    const instrument = await contracts.resolve(d.contract);
    const next: JournalOrder = {
      ...d,
      ...changes,
      transmit: true,
      contract: { ...d.contract, conId: d.contract.conId ?? instrument.conId },
    };
    const check = checkTicket(
      {
        quantity: next.quantity,
        orderType: next.orderType as OrderTicket['orderType'],
        limitPrice: next.limitPrice ?? undefined,
        stopPrice: next.stopPrice ?? undefined,
        action: next.action,
        trailingAmount: next.trailingAmount ?? undefined,
        bracket: undefined,
      },
      instrument,
      p.limits,
      await referenceOf(instrument),
    );
    if (check.problems.length > 0)
      throw new AppError('LIMIT', `Change refused: ${check.problems.map((x) => x.message).join('; ')}`, {
        issues: check.problems.map(({ path, message }) => ({ path, message })),
      });
    try {
      await record({ t: 'modify', at: clock.now(), orderId: m.orderId, changes });
    } catch (err) {
      // Not on disk, so not sent: memory goes back to what TWS has.
      const previous = Object.fromEntries(
        Object.keys(changes).map((k) => [k, d[k as keyof JournalOrder]]),
      ) as Partial<JournalOrder>;
      const back = apply({ t: 'modify', at: clock.now(), orderId: m.orderId, changes: previous });
      if (back) deps.emitOrders([back]);
      throw journalError(err, 'The change was NOT sent');
    }
    try {
      await tws.placeOrder(next);
    } catch (err) {
      // The change never left: the journal goes back to what TWS has.
      const previous = Object.fromEntries(
        Object.keys(changes).map((k) => [k, d[k as keyof JournalOrder]]),
      ) as Partial<JournalOrder>;
      await record(
        { t: 'modify', at: clock.now(), orderId: m.orderId, changes: previous },
        {
          t: 'reconcile',
          at: clock.now(),
          orderId: m.orderId,
          note: `The change to order ${m.orderId} was not sent: ${(err as Error).message}`,
        },
      );
      throw err;
    }
    log.info(`Order ${m.orderId} modified`);
  }

  function journalError(err: unknown, what: string): AppError {
    const why = err instanceof Error ? err.message : String(err);
    return new AppError(
      'JOURNAL',
      `${what}: the order journal could not be written (${why}). Free disk space or fix the permissions of ${journal?.file ?? 'the journal'}, then try again.`,
    );
  }

  function requireCancelAllowed(): void {
    if (profile?.readOnly)
      throw new AppError('READ_ONLY', 'This profile is read-only: it cannot send orders or cancels');
  }

  async function cancel(orderId: number): Promise<void> {
    requireCancelAllowed();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Cancelling needs a ready connection to TWS (now ${link.status().state}); nothing was sent`,
      );
    const o = orders.get(orderId);
    if (o && !isWorking(o.status))
      throw new AppError('VALIDATION', `Order ${orderId} is ${o.status}: there is nothing to cancel`);
    // A cancel only lowers risk: it goes out even when the journal cannot record the request (write() says so).
    await record({ t: 'cancel-request', at: clock.now(), orderId }).catch(() => undefined);
    await tws.cancelOrder(orderId);
    log.info(`Cancel sent for order ${orderId}`);
  }

  async function cancelAll(): Promise<void> {
    requireCancelAllowed();
    if (!link.isReady())
      throw new AppError(
        'NOT_CONNECTED',
        `Cancelling needs a ready connection to TWS (now ${link.status().state}); nothing was sent`,
      );
    const working = [...orders.values()].filter((o) => isWorking(o.status) && o.status !== 'Intent');
    await record(
      ...working.map((o) => ({ t: 'cancel-request' as const, at: clock.now(), orderId: o.orderId })),
    ).catch(() => undefined);
    await tws.globalCancel();
    log.warn(`Global cancel sent (${working.length} working order(s) known to the journal)`, {
      action: 'every open order of the account is cancelled',
    });
  }

  function list(): Order[] {
    return [...orders.values()]
      .sort((a, b) => b.createdAt - a.createdAt || b.orderId - a.orderId)
      .slice(0, 2000);
  }

  function confirmLive(typed: string): void {
    const s = link.status();
    const expected = s.accounts[0];
    if (!expected) throw new AppError('NOT_CONNECTED', 'Connect first: the confirmation names the account');
    if (typed.trim().toUpperCase() !== expected.toUpperCase())
      throw new AppError('VALIDATION', `Type the account id ${expected} to confirm live trading`, {
        issues: [{ path: 'typed', message: `type ${expected}` }],
      });
    liveConfirmed = true;
    log.warn(`Live trading confirmed for account ${expected} for this session`);
  }

  return {
    async open(j, prof) {
      await pendingWrites;
      await journal?.close();
      stopWatching();
      orders.clear();
      details.clear();
      sent.clear();
      executions.clear();
      externalSeen.clear();
      highWater = 0;
      lastExecTime = 0;
      liveConfirmed = false;
      journal = j;
      profile = prof;
      const { records, damaged } = await j.load();
      for (const r of records) apply(r);
      if (damaged.length > 0) {
        const message = `The order journal ${j.file} has ${damaged.length} damaged line(s) (${damaged.slice(0, 5).join(', ')}${damaged.length > 5 ? '…' : ''}), probably from a crash while writing. They were skipped; the rest is in use and will be reconciled with TWS.`;
        log.warn(message, { action: 'skipped damaged lines' });
        deps.notice({ level: 'warn', title: 'Order journal damaged', message });
      }
      log.info(
        `Order journal: ${orders.size} order(s), ${executions.size} execution(s), next id at least ${highWater + 1}`,
      );
      if (link.canSend()) reconciling = reconcile().catch(() => undefined);
    },
    place,
    modify,
    cancel,
    cancelAll,
    list,
    executions: () => [...executions.values()].sort((a, b) => b.time - a.time),
    confirmLive,
    reconcile,
    async settled() {
      await reconciling;
      await pendingWrites;
    },
    async close() {
      stopWatching();
      await pendingWrites;
      await journal?.close();
      journal = null;
    },
  };
}
