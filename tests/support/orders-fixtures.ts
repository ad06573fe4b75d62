// What the orders service's tests share: an order journal kept in memory (what was appended, in order, and a
// switch that makes appends fail as a full disk would), an order book on it, the journal's terms of an order and
// a trader's ticket, and the fake TWS with AAPL known and the contracts and market-data services on it.
import type { JournalOrder, OrderTicket } from '../../src-shared/domain/order';
import type { Clock } from '../../src-shared/clock';
import { silentLogger } from '../../src-shared/logger';
import { createContracts } from '../../src-main/services/contracts';
import { createMarketData } from '../../src-main/services/market-data';
import { createOrderBook } from '../../src-main/services/orders/book';
import type { JournalRecord, OrderJournal } from '../../src-main/services/orders/journal';
import { PLAIN_TERMS } from './domain-fixtures';
import { createFakeTws, instrument, type FakeControl } from './fake-tws';

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
    ...PLAIN_TERMS,
    transmit: true,
    note: null,
    ...over,
  };
}

/** The ticket of an AAPL LMT BUY 10 @ 100, DAY, with `over` applied. */
export function ticket(over: Partial<OrderTicket> = {}): OrderTicket {
  return {
    contract: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
    action: 'BUY',
    quantity: 10,
    orderType: 'LMT',
    limitPrice: 100,
    tif: 'DAY',
    outsideRth: false,
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

/** An order book on an in-memory journal, already loaded, telling nobody of its changes. */
export async function memoryBook(clock: Clock, initial: JournalRecord[] = []) {
  const mem = createMemoryJournal(initial);
  const book = createOrderBook({
    clock,
    log: silentLogger,
    emitOrders: () => undefined,
    emitExecutions: () => undefined,
    notice: () => undefined,
  });
  await book.load(mem.journal);
  return { book, mem };
}

/** The fake TWS knowing AAPL (last 101), with the contracts and market-data services orders need. */
export function fakeTwsWithServices(clock: Clock) {
  const fake = createFakeTws(clock);
  fake.instruments.set('AAPL', instrument('AAPL', 265598));
  fake.snapshots.set(265598, { last: 101, delayed: false });
  const contracts = createContracts({ tws: fake.tws, log: silentLogger });
  return { fake, contracts, marketData: quietMarketData(fake, clock) };
}

/** The market-data service on the fake TWS: 100 lines, live data, its quotes published nowhere. */
export function quietMarketData(fake: FakeControl, clock: Clock) {
  return createMarketData({
    tws: fake.tws,
    clock,
    log: silentLogger,
    publish: () => undefined,
    prefs: { marketDataLines: 100, marketDataType: 'live' },
  });
}
