// The soak's judge catches what it exists to catch: a lost, a duplicated, a late-sent order, a journal that
// disagrees with the gateway, a subscription that never came back, an unhandled rejection, a growing heap.
import { describe, expect, it } from 'vitest';
import type { JournalOrder } from '../../src-shared/domain/order';
import type { JournalRecord } from '../../src-main/services/orders/journal';
import { judge, type Evidence } from './checks';

const ME = 7;
const AAPL = { symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD', conId: 265598 };

function order(orderId: number): JournalOrder {
  return {
    orderId,
    parentId: null,
    clientId: ME,
    account: 'DU1',
    contract: AAPL,
    action: 'BUY',
    quantity: 10,
    orderType: 'MKT',
    limitPrice: null,
    stopPrice: null,
    trailingAmount: null,
    trailingPercent: null,
    tif: 'DAY',
    outsideRth: true,
    ocaGroup: null,
    transmit: true,
    note: null,
  };
}

type StatusRecord = Extract<JournalRecord, { t: 'status' }>;

/** Order `orderId`'s status record at `at`: working on 10 shares unless `s` says otherwise. */
function statusOf(orderId: number, at: number, s: Partial<StatusRecord>): JournalRecord {
  return {
    t: 'status',
    at,
    orderId,
    status: 'Submitted',
    filled: 0,
    remaining: 10,
    avgFillPrice: null,
    permId: null,
    ...s,
  };
}

/** Order `orderId` decided at `at`, sent 1 ms later, and its status (`s`) 1 ms after that. */
function sentWithStatus(orderId: number, at: number, s: Partial<StatusRecord>): JournalRecord[] {
  return [
    { t: 'intent', at, order: order(orderId) },
    { t: 'sent', at: at + 1, orderId },
    statusOf(orderId, at + 2, s),
  ];
}

/** A clean run: order 1 filled (one execution), order 2 resting, order 3 refused before sending. */
function clean(): Evidence {
  const journal: JournalRecord[] = [
    ...sentWithStatus(1, 1000, { status: 'Filled', filled: 10, remaining: 0, avgFillPrice: 100, permId: 5 }),
    {
      t: 'exec',
      at: 1002,
      execId: 'e1',
      orderId: 1,
      permId: 5,
      account: 'DU1',
      contract: AAPL,
      side: 'BUY',
      shares: 10,
      price: 100,
      time: 1002,
      timeText: '',
      exchange: 'ISLAND',
    },
    ...sentWithStatus(2, 2000, { permId: 6 }),
    { t: 'intent', at: 3000, order: order(3) },
    { t: 'not-sent', at: 3001, orderId: 3, reason: 'connection closed' },
  ];
  return {
    clientId: ME,
    journal,
    received: [
      { time: 1001, clientId: ME, orderId: 1, modify: false, sessionStart: 500 },
      { time: 2001, clientId: ME, orderId: 2, modify: false, sessionStart: 500 },
      { time: 2001, clientId: 99, orderId: 1, modify: false, sessionStart: 500 },
    ],
    ignored: [],
    gatewayOrders: [
      { orderId: 1, clientId: ME, status: 'Filled', filled: 10 },
      { orderId: 2, clientId: ME, status: 'Submitted', filled: 0 },
    ],
    gatewayExecutions: [
      { execId: 'e1', orderId: 1, clientId: ME, conId: AAPL.conId, side: 'BOT', shares: 10, price: 100 },
    ],
    gatewayPositions: [{ conId: AAPL.conId, position: 10 }],
    placeCalls: [
      { at: 1000, ready: true, outcome: 'placed', orderIds: [1] },
      { at: 2000, ready: true, outcome: 'placed', orderIds: [2] },
      { at: 2500, ready: false, outcome: 'refused', orderIds: [], code: 'NOT_CONNECTED' },
    ],
    recoveries: [
      { fault: 'drop', at: 4000, readyAt: 5000, interrupted: true, tickedWithinMs: 9000, missing: [] },
    ],
    recoveryLimitMs: 15_000,
    unhandled: [],
    heap: { startBytes: 30e6, endBytes: 40e6, maxGrowthBytes: 64 * 1048576 },
  };
}

describe('the soak judge', () => {
  it('passes a clean run and counts what it checked', () => {
    const v = judge(clean());
    expect(v.violations).toEqual([]);
    expect(v).toMatchObject({
      ordersChecked: 3,
      executionsChecked: 1,
      positionsChecked: 1,
      recoveriesChecked: 1,
    });
  });

  it('catches a duplicated order, whether the gateway took the copy for a new order or a modification', () => {
    const e = clean();
    e.received = [...e.received, { time: 2500, clientId: ME, orderId: 1, modify: false, sessionStart: 500 }];
    expect(judge(e).violations).toEqual(['order 1: DUPLICATED: the gateway received it 2 times']);
    const m = clean();
    m.received = [...m.received, { time: 2500, clientId: ME, orderId: 2, modify: true, sessionStart: 900 }];
    expect(judge(m).violations).toEqual([
      'order 2: 0 modification(s) sent, the gateway received 1 (a re-sent order shows up as one)',
    ]);
    m.modifyCalls = [
      { orderId: 2, outcome: 'sent' },
      { orderId: 2, outcome: 'not-sent' },
    ];
    expect(judge(m).violations).toEqual([]);
    // A change sent into a silent gateway never arrives: swallowed, not missing.
    m.modifyCalls = [...m.modifyCalls, { orderId: 2, outcome: 'sent' }];
    expect(judge(m).violations).toEqual([
      'order 2: 2 modification(s) sent, the gateway received 1 (a re-sent order shows up as one)',
    ]);
    m.ignored = [{ clientId: ME, orderId: 2 }];
    expect(judge(m).violations).toEqual([]);
  });

  it('catches a lost order, unless the silent gateway swallowed it and the journal flagged it Unknown', () => {
    const e = clean();
    e.received = e.received.filter((r) => !(r.clientId === ME && r.orderId === 2));
    e.gatewayOrders = e.gatewayOrders.filter((o) => o.orderId !== 2);
    expect(judge(e).violations).toEqual(['order 2: LOST: journalled as sent, never reached the gateway']);
    e.ignored = [{ clientId: ME, orderId: 2 }];
    expect(judge(e).violations[0]).toMatch(
      /order 2: swallowed by the gateway, but the journal shows Submitted/,
    );
    e.journal = [...e.journal, statusOf(2, 9000, { status: 'Unknown', permId: 6 })];
    const v = judge(e);
    expect(v.violations).toEqual([]);
    expect(v.ordersSwallowed).toBe(1);
    // The watchdog's verdict on the same connection is as good, and still unsettled is not.
    const status = (st: string) => ({ ...e.journal.at(-1)!, status: st }) as (typeof e.journal)[number];
    expect(judge({ ...e, journal: [...e.journal, status('NotReceived')] }).violations).toEqual([]);
    expect(judge({ ...e, journal: [...e.journal, status('Unacknowledged')] }).violations).toEqual([
      'order 2: swallowed by the gateway, but the journal shows Unacknowledged instead of flagging it NotReceived or Unknown',
    ]);
  });

  it('catches an order flagged as not received by TWS that the gateway did receive', () => {
    const e = clean();
    e.journal = [...e.journal, statusOf(2, 9000, { status: 'NotReceived' })];
    expect(judge(e).violations).toEqual([
      'order 2: the journal says TWS did not receive it, yet the gateway did',
      'order 2: journal NotReceived (filled 0) but the gateway has Submitted (filled 0)',
    ]);
  });

  it('catches an order sent on a later connection than the one it was decided on, or sent though refused', () => {
    const e = clean();
    e.received = e.received.map((r) =>
      r.orderId === 2 && r.clientId === ME ? { ...r, sessionStart: 2000.5 } : r,
    );
    expect(judge(e).violations).toEqual([
      'order 2: SENT AFTER A RECONNECT: decided at 2000, delivered on a connection opened at 2000.5',
      'order 2: asked for at 2000, before a reconnect, but sent on the connection opened at 2000.5',
    ]);
    const late = clean();
    late.placeCalls = late.placeCalls.map((c) => (c.orderIds[0] === 2 ? { ...c, at: 400 } : c));
    expect(judge(late).violations).toEqual([
      'order 2: asked for at 400, before a reconnect, but sent on the connection opened at 500',
    ]);
    const f = clean();
    f.received = [...f.received, { time: 3002, clientId: ME, orderId: 3, modify: false, sessionStart: 500 }];
    expect(judge(f).violations).toEqual(['order 3: journalled as not sent, yet the gateway received it']);
  });

  it('catches a place() accepted while not ready, and an order at the gateway the journal never saw', () => {
    const e = clean();
    e.placeCalls = [...e.placeCalls, { at: 2600, ready: false, outcome: 'placed', orderIds: [2] }];
    e.received = [...e.received, { time: 4000, clientId: ME, orderId: 44, modify: false }];
    expect(judge(e).violations).toEqual([
      'order 44: reached the gateway without an intent in the journal',
      'place() at 2600 while not ready was accepted (orders 2)',
    ]);
  });

  it('catches a journal whose order terms differ from the gateway’s (a modification TWS did not take)', () => {
    const e = clean();
    e.gatewayOrders = e.gatewayOrders.map((o) => ({ ...o, totalQuantity: 10 }));
    expect(judge(e).violations).toEqual([]);
    e.journal = [...e.journal, { t: 'modify', at: 2100, orderId: 2, changes: { quantity: 20 } }];
    expect(judge(e).violations).toEqual([
      'order 2: journal terms 20 @ - stop - but the gateway has 10 @ - stop -',
    ]);
  });

  it('catches a journal that disagrees with the gateway on states, executions and positions', () => {
    const e = clean();
    e.gatewayOrders = [
      { orderId: 1, clientId: ME, status: 'Filled', filled: 10 },
      { orderId: 2, clientId: ME, status: 'Cancelled', filled: 0 },
    ];
    e.gatewayExecutions = [
      ...e.gatewayExecutions,
      { execId: 'e2', orderId: 2, clientId: ME, conId: AAPL.conId, side: 'BOT', shares: 5, price: 99 },
    ];
    e.gatewayPositions = [{ conId: AAPL.conId, position: 15 }];
    expect(judge(e).violations).toEqual([
      'order 2: journal Submitted (filled 0) but the gateway has Cancelled (filled 0)',
      'execution e2 (order 2) is at the gateway but not in the journal',
      'position in 265598: journal 10, gateway 15',
    ]);
  });

  it('catches a subscription that did not come back, a slow recovery, a dead link, an unhandled rejection, heap growth', () => {
    const e = clean();
    e.recoveries = [
      {
        fault: 'a',
        at: 1,
        readyAt: 2,
        interrupted: true,
        tickedWithinMs: null,
        missing: ['quote 1', 'chart h1'],
      },
      { fault: 'b', at: 3, readyAt: 4, interrupted: true, tickedWithinMs: 15_001, missing: [] },
      { fault: 'c', at: 5, readyAt: null, interrupted: true, tickedWithinMs: null, missing: [] },
    ];
    e.unhandled = ['unhandled rejection: boom'];
    e.heap = { startBytes: 0, endBytes: 100 * 1048576, maxGrowthBytes: 64 * 1048576 };
    expect(judge(e).violations).toEqual([
      'a at 1: 2 subscription(s) did not tick again (quote 1, chart h1)',
      'b at 3: subscriptions took 15001 ms to tick again (limit 15000 ms)',
      'c at 5: the link never became ready again',
      'unhandled: unhandled rejection: boom',
      'heap grew by 100.0 MB (limit 64 MB)',
    ]);
  });

  it('adds the allowance TWS imposes after a pacing violation, and no more', () => {
    const e = clean();
    const r = { fault: '162', at: 1, readyAt: 2, interrupted: true, missing: [], allowanceMs: 15_000 };
    e.recoveries = [{ ...r, tickedWithinMs: 29_000 }];
    expect(judge(e).violations).toEqual([]);
    e.recoveries = [{ ...r, tickedWithinMs: 30_001 }];
    expect(judge(e).violations).toEqual([
      '162 at 1: subscriptions took 30001 ms to tick again (limit 30000 ms)',
    ]);
  });
});
