// An order journal kept in memory, for unit tests of the orders service's parts: what was appended, in order, and
// a switch that makes appends fail as a full disk would; and the journal's terms of an order, to build records.
import type { JournalOrder } from '../../src-shared/domain/order';
import type { JournalRecord, OrderJournal } from '../../src-main/services/orders/journal';

/** An AAPL LMT BUY 10 @ 100 as the journal records it, with `over` applied. */
export function journalOrder(orderId: number, over: Partial<JournalOrder> = {}): JournalOrder {
  return {
    orderId,
    parentId: null,
    clientId: 1,
    account: 'DU111',
    contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
    action: 'BUY',
    quantity: 10,
    orderType: 'LMT',
    limitPrice: 100,
    stopPrice: null,
    trailingAmount: null,
    trailingPercent: null,
    tif: 'DAY',
    outsideRth: false,
    ocaGroup: null,
    transmit: true,
    note: null,
    ...over,
  };
}

export function createMemoryJournal(initial: JournalRecord[] = []) {
  const appended: JournalRecord[] = [];
  let failing: Error | null = null;
  const journal: OrderJournal = {
    file: '/memory/journal.jsonl',
    load: async () => ({ records: [...initial], damaged: [] }),
    async append(...records) {
      if (failing) throw failing;
      appended.push(...records);
    },
    close: async () => undefined,
  };
  return {
    journal,
    appended,
    fail(err: Error | null) {
      failing = err;
    },
  };
}
