import { describe, expect, it } from 'vitest';
import type { Execution, Order } from '../../../src-shared/domain/order';
import { silentLogger } from '../../../src-shared/logger';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createMemoryJournal, journalOrder as terms } from '../../../tests/support/orders-fixtures';
import { createOrderBook, type Notice } from './book';
import type { JournalRecord } from './journal';

function setup(initial: JournalRecord[] = []) {
  const mem = createMemoryJournal(initial);
  const emitted: Order[][] = [];
  const execs: Execution[][] = [];
  const notices: Notice[] = [];
  const book = createOrderBook({
    clock: createManualClock(),
    log: silentLogger,
    emitOrders: (o) => emitted.push(o),
    emitExecutions: (e) => execs.push(e),
    notice: (n) => notices.push(n),
  });
  return { mem, book, emitted, execs, notices };
}

describe('order book', () => {
  it('rebuilds the blotter from the journal: intent, sent, status, modify, ids', async () => {
    const { mem, book } = setup([
      { t: 'intent', at: 1, order: terms(5) },
      { t: 'ids', at: 1, highWater: 9 },
      { t: 'sent', at: 2, orderId: 5 },
      {
        t: 'status',
        at: 3,
        orderId: 5,
        status: 'Submitted',
        filled: 0,
        remaining: 10,
        avgFillPrice: null,
        permId: 77,
      },
      { t: 'modify', at: 4, orderId: 5, changes: { limitPrice: 99 } },
      { t: 'sent', at: 5, orderId: 5 }, // a late `sent` never takes a status back
    ]);
    expect(await book.load(mem.journal)).toEqual([]);
    expect(book.list()).toEqual([
      expect.objectContaining({ orderId: 5, status: 'Submitted', permId: 77, limitPrice: 99, updatedAt: 4 }),
    ]);
    expect(book.details.get(5)!.limitPrice).toBe(99);
    expect(book.sent.has(5)).toBe(true);
    expect(book.highWater()).toBe(9);
  });

  it('applies records at once, tells the windows each changed order once, and writes them', async () => {
    const { mem, book, emitted, execs } = setup();
    await book.load(mem.journal);
    await book.record(
      { t: 'intent', at: 1, order: terms(6) },
      { t: 'sent', at: 1, orderId: 6 },
      {
        t: 'exec',
        at: 2,
        execId: 'e1',
        orderId: 6,
        permId: null,
        account: 'DU111',
        contract: terms(6).contract,
        side: 'BUY',
        shares: 4,
        price: 100,
        time: 1_000,
        timeText: '',
        exchange: 'ISLAND',
      },
      { t: 'commission', at: 2, execId: 'e1', commission: 1, currency: 'USD', realizedPnl: null },
    );
    expect(emitted).toEqual([[expect.objectContaining({ orderId: 6, status: 'PendingSubmit' })]]);
    expect(execs.flat().at(-1)).toMatchObject({ execId: 'e1', shares: 4, commission: 1 });
    expect(book.lastExecTime()).toBe(1_000);
    expect(mem.appended.map((r) => r.t)).toEqual(['intent', 'sent', 'exec', 'commission']);
  });

  it('says once that the journal cannot be written, and again only after it recovered', async () => {
    const { mem, book, notices } = setup();
    await book.load(mem.journal);
    mem.fail(new Error('ENOSPC: no space left on device'));
    await expect(book.record({ t: 'intent', at: 1, order: terms(7) })).rejects.toThrow(/ENOSPC/);
    book.recordReported({ t: 'sent', at: 1, orderId: 7 }); // reported: never an unhandled rejection
    await book.writesDone();
    expect(notices.map((n) => n.title)).toEqual(['Order journal not writable']);
    expect(book.orders.get(7)!.status).toBe('PendingSubmit'); // memory follows what happened
    mem.fail(null);
    await book.record({ t: 'cancel-request', at: 2, orderId: 7 });
    await book.writesDone();
    mem.fail(new Error('EIO'));
    await book.record({ t: 'cancel-request', at: 3, orderId: 7 }).catch(() => undefined);
    await book.writesDone();
    expect(notices).toHaveLength(2);
  });
});
