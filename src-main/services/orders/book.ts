// The order book: what the app knows of its orders and executions, rebuilt from the order journal's records at
// start and kept by applying the same records as they are written (load and live use the same rules). A record
// changes memory and the windows at once, and is on disk when `record` resolves; a journal that fails is said once.
import type { Execution, JournalOrder, Order } from '../../../src-shared/domain/order';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { JournalRecord, OrderJournal } from './journal';

export type Notice = { level: 'info' | 'warn' | 'error'; title: string; message: string };

export type BookDeps = {
  clock: Clock;
  log: Logger;
  emitOrders: (orders: Order[]) => void;
  emitExecutions: (executions: Execution[]) => void;
  notice: (n: Notice) => void;
};

export type OrderBook = ReturnType<typeof createOrderBook>;

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

const commissionOf = (e: Execution | undefined) => ({
  commission: e?.commission ?? null,
  commissionCurrency: e?.commissionCurrency ?? null,
  realizedPnl: e?.realizedPnl ?? null,
});

export function createOrderBook(deps: BookDeps) {
  const { log } = deps;
  let journal: OrderJournal | null = null;
  let pendingWrites: Promise<void> = Promise.resolve();
  let journalFailing = false;
  /** The blotter's rows, by order id. */
  const orders = new Map<number, Order>();
  /** The terms of each order as the journal has them (what is sent again on a modify). */
  const details = new Map<number, JournalOrder>();
  /** Orders whose placeOrder left (their `sent` record). */
  const sent = new Set<number>();
  const executions = new Map<string, Execution>();
  /** Orders TWS reported that this app did not place. */
  const externalSeen = new Set<number>();
  /** Orders between their intent and the end of their send: not TWS's to judge yet. */
  const inFlight = new Set<number>();
  /** The highest order id ever used: ids never go backwards, whatever TWS says. */
  let highWater = 0;
  /** The time of the newest execution known (epoch ms), for the next reqExecutions' "since". */
  let lastExecTime = 0;

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

  function patch(orderId: number, p: Partial<Order>, at: number, onlyIfIntent = false): Order | null {
    const o = orders.get(orderId);
    if (!o) return null;
    if (onlyIfIntent && o.status !== 'Intent') return o;
    const next = { ...o, ...p, updatedAt: at };
    orders.set(orderId, next);
    return next;
  }

  /** Applies one record to the in-memory state. */
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
        const { execId, orderId, permId, account, contract, side, shares, price, time, exchange } = r;
        // A commission report may come first (TWS does not promise the order): it is kept.
        executions.set(execId, {
          ...{ execId, orderId, permId, account, contract, side, shares, price, time, exchange },
          ...commissionOf(executions.get(execId)),
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

  /** Applies records, tells the windows what changed, and resolves once the records are on disk. */
  async function record(...records: JournalRecord[]): Promise<void> {
    const changed = new Map<number, Order>();
    const execs: Execution[] = [];
    for (const r of records) {
      const o = apply(r);
      if (o) changed.set(o.orderId, o);
      if (r.t === 'exec' || r.t === 'commission') {
        const e = executions.get(r.execId);
        if (e) execs.push(e);
      }
    }
    if (changed.size > 0)
      deps.emitOrders([...changed.keys()].map((id) => orders.get(id) ?? changed.get(id)!));
    if (execs.length > 0) deps.emitExecutions(execs);
    await write(...records);
  }

  return {
    orders: orders as ReadonlyMap<number, Order>,
    details: details as ReadonlyMap<number, JournalOrder>,
    executions: executions as ReadonlyMap<string, Execution>,
    sent: sent as ReadonlySet<number>,
    externalSeen,
    inFlight,
    apply,
    patch,
    record,
    /** For what TWS reports: a journal that fails is logged and shown (write), never an unhandled rejection. */
    recordReported(...records: JournalRecord[]): void {
      record(...records).catch(() => undefined);
    },
    highWater: () => highWater,
    /** Ids handed out for new orders: the high-water mark moves past them. */
    raiseHighWater(id: number): void {
      highWater = Math.max(highWater, id);
    },
    lastExecTime: () => lastExecTime,
    journal: () => journal,
    /** Lets the current journal finish its writes and closes it (before another one is loaded). */
    async release(): Promise<void> {
      await pendingWrites;
      await journal?.close();
    },
    /** Switches to another journal (a profile), forgetting everything; returns the damaged line numbers. */
    async load(j: OrderJournal): Promise<number[]> {
      orders.clear();
      details.clear();
      sent.clear();
      executions.clear();
      externalSeen.clear();
      highWater = 0;
      lastExecTime = 0;
      journal = j;
      const { records, damaged } = await j.load();
      for (const r of records) apply(r);
      return damaged;
    },
    writesDone: () => pendingWrites,
    async close(): Promise<void> {
      await pendingWrites;
      await journal?.close();
      journal = null;
    },
    list(): Order[] {
      return [...orders.values()]
        .sort((a, b) => b.createdAt - a.createdAt || b.orderId - a.orderId)
        .slice(0, 2000);
    },
    executionList: () => [...executions.values()].sort((a, b) => b.time - a.time),
  };
}
