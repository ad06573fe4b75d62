// Reconciliation (ARCHITECTURE.md §5): on every connect, and at once for an order TWS did not acknowledge, the
// journal is compared with what TWS lists (open orders, completed orders, executions since the last one known).
// Fills and statuses missed are journalled; terms that differ are taken from TWS; an order TWS does not have is
// marked Unknown (or NotReceived, when that is certain), and one TWS has that the app did not place is shown as
// external. Whatever does not match is shown, not guessed, and nothing is ever re-sent.
import { isWorking, type JournalOrder } from '../../../src-shared/domain/order';
import { AppError } from '../../../src-shared/result';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { Tws } from '../../ib/adapter';
import { refersTo } from '../../ib/adapter/order-mapping';
import type { Notice, OrderBook } from './book';
import type { JournalRecord } from './journal';
import { execRecord, journalOrderOf, lateNote } from './tws-events';
import type { AckWatchdog } from './watchdog';

export type ReconcileReport = {
  unknown: number[];
  /** Flagged Unacknowledged, and absent from TWS's answers on the connection they were sent on. */
  notReceived: number[];
  external: number[];
  newExecutions: string[];
  updated: number[];
};

export function createReconciler(deps: {
  tws: Tws;
  book: OrderBook;
  watchdog: AckWatchdog;
  clock: Clock;
  log: Logger;
  notice: (n: Notice) => void;
  canSend(): boolean;
  /** The number of the current connection: a reconciliation that spans a reconnect is void. */
  session(): number;
  /** Our client id on this connection: TWS lists only the orders of the asking client id. */
  clientId(): number;
}): () => Promise<ReconcileReport> {
  const { tws, book, watchdog, clock, log } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  let queued: Promise<ReconcileReport> | null = null;

  /**
   * One reconciliation at a time: TWS ends every listing of open or completed orders with the same end marker, so
   * two listings in flight would mix (the second could end early, and a missing order be called unknown). A call
   * while one waits joins it: it starts after the call, so it sees everything up to then.
   */
  function reconcile(): Promise<ReconcileReport> {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = null;
      return reconcileOnce();
    });
    queued = next;
    chain = next.catch(() => undefined);
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
    if (!book.journal() || !deps.canSend()) return report;
    const on = deps.session();
    // Only orders already sent are judged: TWS reads a socket in order, so the listings below are answered after
    // it has read each of them. An order still being sent, or sent after this point, is left for the next time.
    const judged = new Set([...book.orders.keys()].filter((id) => !book.inFlight.has(id)));
    const lastExec = book.lastExecTime();
    const since = lastExec > 0 ? lastExec - 60_000 : clock.now() - 7 * 86_400_000;
    const [open, execs, completed] = await Promise.all([
      tws.openOrders(),
      tws.executions({ since }),
      // Older TWS builds or a busy TWS may not answer: reconciliation goes on without it.
      tws.completedOrders().catch((err: unknown) => {
        log.info(`Completed orders not available: ${(err as Error).message}`);
        return [];
      }),
    ]);
    if (deps.session() !== on)
      throw new AppError('NOT_CONNECTED', 'The connection changed while TWS listed its orders');
    const now = clock.now();
    const records: JournalRecord[] = [];
    for (const e of execs.executions) {
      if (!e.execId || book.executions.has(e.execId)) continue;
      records.push(execRecord(e, now));
      report.newExecutions.push(e.execId);
    }
    for (const c of execs.commissions) records.push({ t: 'commission', at: now, ...c });
    const openIds = new Map(open.map((o) => [o.orderId, o]));
    // Fills per order, each execution counted once.
    const filledByOrder = new Map<number, number>();
    const seen = new Set<string>();
    for (const e of [...book.executions.values(), ...execs.executions]) {
      if (seen.has(e.execId)) continue;
      seen.add(e.execId);
      filledByOrder.set(e.orderId, (filledByOrder.get(e.orderId) ?? 0) + e.shares);
    }
    const clientId = deps.clientId();
    for (const o of book.orders.values()) {
      if (o.external || !isWorking(o.status) || !judged.has(o.orderId)) continue;
      if (o.clientId !== null && o.clientId !== clientId) continue; // another client id's orders are not listed
      const watch = watchdog.get(o.orderId);
      // Sent moments ago and still within its acknowledgment time: its own watchdog will ask if need be.
      if (watch && watch.timer !== null && watch.session === on) continue;
      const tw = openIds.get(o.orderId);
      if (tw || filledByOrder.has(o.orderId)) watchdog.unwatch(o.orderId);
      if (tw) {
        // A change lost on the way (a half-open socket) leaves TWS on the old terms: the journal takes TWS's.
        const d = book.details.get(o.orderId);
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
            ...lateNote(o, now),
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
          ...lateNote(o, now),
        });
        continue;
      }
      const done = completed.find(
        (c) => (o.permId !== null && c.permId === o.permId) || refersTo(c.orderRef, o.orderId),
      );
      if (done) watchdog.unwatch(o.orderId);
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
      watchdog.unwatch(o.orderId);
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
        o.status === 'Intent' && !book.sent.has(o.orderId)
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
      if (book.orders.has(tw.orderId) || book.externalSeen.has(tw.orderId)) continue;
      book.externalSeen.add(tw.orderId);
      report.external.push(tw.orderId);
      records.push({
        t: 'external',
        at: now,
        order: journalOrderOf(tw),
        status: tw.status,
        permId: tw.permId,
      });
    }
    if (records.length > 0) await book.record(...records);
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

  return reconcile;
}
