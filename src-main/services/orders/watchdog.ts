// The unacknowledged-order watchdog: an order TWS has not acknowledged (openOrder, orderStatus, an execution or an
// error naming it) within a few seconds of sending is flagged Unacknowledged and reconciled at once, on the same
// connection, so a TWS that swallowed one order while the socket stays alive is caught. Nothing is ever re-sent.
import { isWorking } from '../../../src-shared/domain/order';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { OrderBook } from './book';

/**
 * How long TWS gets to acknowledge a new order before it is flagged Unacknowledged and reconciled. TWS answers a
 * placeOrder within milliseconds locally and within a second or two when busy; 5 s is well past that, and well
 * inside the heartbeat's 10 s.
 */
export const ACK_TIMEOUT_MS = 5_000;

/**
 * An order sent and not yet acknowledged, with the connection it was sent on and its timer (null once it fired).
 * The connection matters: a reconciliation on the same socket is answered after TWS has read the order, so an
 * order missing from its answer was never received; after a reconnect, that can no longer be told.
 */
export type AckWatch = { readonly session: number; timer: Timer | null };

export type AckWatchdog = ReturnType<typeof createAckWatchdog>;

export function createAckWatchdog(deps: {
  clock: Clock;
  log: Logger;
  book: OrderBook;
  ackTimeoutMs: number;
  /** The number of the current connection (one per socket that became ready). */
  session(): number;
  canSend(): boolean;
  /** Asks TWS what it has (open orders, completed orders, executions) and settles the flagged orders. */
  reconcile(): Promise<unknown>;
  /** The reconciliation now running, for `settled()`. */
  track(running: Promise<unknown>): void;
}) {
  const { clock, log, book, ackTimeoutMs } = deps;
  const awaitingAck = new Map<number, AckWatch>();
  const retryTimers = new Set<Timer>();

  /** TWS has shown it knows the order, or reconciliation settled it: its watchdog stops. */
  function unwatch(orderId: number): void {
    const w = awaitingAck.get(orderId);
    if (!w) return;
    if (w.timer !== null) clock.clearTimeout(w.timer);
    awaitingAck.delete(orderId);
  }

  /** The order just left: TWS has `ackTimeoutMs` to show it knows it. */
  function watch(orderId: number): void {
    unwatch(orderId);
    const entry: AckWatch = { session: deps.session(), timer: null };
    entry.timer = clock.setTimeout(() => {
      entry.timer = null;
      overdue(orderId);
    }, ackTimeoutMs);
    awaitingAck.set(orderId, entry);
  }

  /** The timer fired: flag the order, then ask TWS at once what it has (never re-send). */
  function overdue(orderId: number): void {
    const o = book.orders.get(orderId);
    if (!o || !awaitingAck.has(orderId) || !isWorking(o.status)) {
      awaitingAck.delete(orderId);
      return;
    }
    const message = `TWS has not acknowledged order ${orderId} within ${ackTimeoutMs / 1000} s of sending. Asking TWS for its open orders, completed orders and executions; nothing is sent again.`;
    log.warn(message, { action: 'reconciling with TWS now' });
    book.recordReported({
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
    const startedOn = deps.session();
    deps.track(
      deps
        .reconcile()
        .catch((err: unknown) => {
          log.warn(`Reconciliation of unacknowledged orders failed: ${(err as Error).message}`, {
            action:
              'the orders stay flagged Unacknowledged; trying again while the connection lasts, or on the next connect',
          });
        })
        .then(() => {
          const left = [...awaitingAck.entries()].some(
            ([id, w]) =>
              w.timer === null && w.session === startedOn && book.orders.get(id)?.status === 'Unacknowledged',
          );
          if (!left || deps.session() !== startedOn || !deps.canSend()) return;
          const retry = clock.setTimeout(() => {
            retryTimers.delete(retry);
            if (deps.session() === startedOn) reconcileUnacknowledged();
          }, ackTimeoutMs);
          retryTimers.add(retry);
        }),
    );
  }

  return {
    watch,
    unwatch,
    /** The watch of an order still waiting for TWS's acknowledgment. */
    get: (orderId: number): AckWatch | undefined => awaitingAck.get(orderId),
    /** On a profile switch or close: the watchdogs belong to the journal that is going away. */
    stopAll(): void {
      for (const w of awaitingAck.values()) if (w.timer !== null) clock.clearTimeout(w.timer);
      awaitingAck.clear();
      for (const t of retryTimers) clock.clearTimeout(t);
      retryTimers.clear();
    },
  };
}
