// Orders (ARCHITECTURE.md §5), composed of their parts: the order book kept from the journal (book.ts, journal.ts),
// order entry (entry.ts), what TWS reports (tws-events.ts), reconciliation with TWS on every connect
// (reconcile.ts) and the watchdog that reconciles at once for an order TWS does not acknowledge (watchdog.ts).
// Nothing is ever re-sent after a fault; whatever does not match is shown, not guessed.
import type {
  Execution,
  Order,
  OrderModify,
  OrderTicket,
  PlaceResult,
} from '../../../src-shared/domain/order';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { Tws } from '../../ib/adapter';
import type { Contracts } from '../contracts';
import type { MarketData } from '../market-data';
import { createOrderBook, type Notice } from './book';
import { createOrderEntry, type OrdersProfile } from './entry';
import type { OrderJournal } from './journal';
import { createReconciler, type ReconcileReport } from './reconcile';
import { followTwsOrders } from './tws-events';
import { ACK_TIMEOUT_MS, createAckWatchdog } from './watchdog';

export type { Notice } from './book';
export { ACK_TIMEOUT_MS } from './watchdog';

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
  const { tws, clock, log } = deps;
  const link = tws.link;
  /** Counts the connections that became ready (one per socket). */
  let session = 0;
  let reconciling: Promise<unknown> = Promise.resolve();
  const canSend = () => link.canSend();

  const book = createOrderBook(deps);
  const watchdog = createAckWatchdog({
    clock,
    log,
    book,
    ackTimeoutMs: deps.ackTimeoutMs ?? ACK_TIMEOUT_MS,
    session: () => session,
    canSend,
    reconcile: () => reconcile(),
    track: (running) => {
      reconciling = running;
    },
  });
  const reconcile = createReconciler({
    tws,
    book,
    watchdog,
    clock,
    log,
    notice: deps.notice,
    canSend,
    session: () => session,
    clientId: () => link.status().clientId,
  });
  followTwsOrders({ tws, book, watchdog, clock, log });
  const entry = createOrderEntry({ ...deps, book, watchdog });

  link.onReady(() => {
    session++;
    reconciling = reconcile().catch((err: unknown) => {
      log.warn(`Reconciliation with TWS failed: ${(err as Error).message}`, {
        action: 'will try again on the next connect',
      });
    });
  });

  return {
    async open(journal, profile) {
      await book.release();
      watchdog.stopAll();
      entry.use(profile);
      const damaged = await book.load(journal);
      if (damaged.length > 0) {
        const message = `The order journal ${journal.file} has ${damaged.length} damaged line(s) (${damaged.slice(0, 5).join(', ')}${damaged.length > 5 ? '…' : ''}), probably from a crash while writing. They were skipped; the rest is in use and will be reconciled with TWS.`;
        log.warn(message, { action: 'skipped damaged lines' });
        deps.notice({ level: 'warn', title: 'Order journal damaged', message });
      }
      log.info(
        `Order journal: ${book.orders.size} order(s), ${book.executions.size} execution(s), next id at least ${book.highWater() + 1}`,
      );
      if (link.canSend()) reconciling = reconcile().catch(() => undefined);
    },
    place: entry.place,
    modify: entry.modify,
    cancel: entry.cancel,
    cancelAll: entry.cancelAll,
    list: book.list,
    executions: book.executionList,
    confirmLive: entry.confirmLive,
    reconcile,
    async settled() {
      await reconciling;
      await book.writesDone();
    },
    async close() {
      watchdog.stopAll();
      await book.close();
    },
  };
}
