// The soak's verdict, as a pure function of what it recorded: the order journal (read back from disk), what the
// demo gateway received, holds and swallowed, the client's place() calls and every recovery it timed. Each broken
// promise of issue #8 becomes one line in `violations`; an empty list is a pass.
import type { JournalRecord } from '../../src-main/services/orders/journal';

type GatewayReceived = {
  time: number;
  clientId: number;
  orderId: number;
  modify: boolean;
  rejectedWith?: number | undefined;
  sessionStart?: number | undefined;
};
type GatewayOrder = {
  orderId: number;
  clientId: number;
  status: string;
  filled: number;
  totalQuantity?: number | undefined;
  lmtPrice?: number | undefined;
  auxPrice?: number | undefined;
};
type GatewayExecution = {
  execId: string;
  orderId: number;
  clientId: number;
  conId: number;
  side: string;
  shares: number;
  price: number;
};
type GatewayPosition = { conId: number; position: number };

/** One call of orders.place() by the soak's driver. */
export type PlaceCall = {
  at: number;
  /** Whether the link was ready when the call was made. */
  ready: boolean;
  outcome: 'placed' | 'refused' | 'failed';
  orderIds: number[];
  code?: string | undefined;
};

/** One call of orders.modify(): 'sent' when it resolved (the change left for TWS). */
export type ModifyCall = { orderId: number; outcome: 'sent' | 'not-sent' };

/** One fault, and whether every subscription ticked again after it. */
export type Recovery = {
  fault: string;
  at: number;
  /** When the link was ready again after the fault ended (the 15 s clock starts here). */
  readyAt: number | null;
  /** The link left `ready` because of the fault (a reconnect or a 1100). */
  interrupted: boolean;
  /** From readyAt until the last subscription ticked, or null if some never did. */
  tickedWithinMs: number | null;
  /** Subscriptions that had not ticked when the check gave up. */
  missing: string[];
  /** The last subscriptions to tick again (diagnostics). */
  last?: string[];
  /** Added to the limit where TWS's rules impose a wait (a chart refused with a pacing violation). */
  allowanceMs?: number;
};

export type Evidence = {
  clientId: number;
  journal: readonly JournalRecord[];
  received: readonly GatewayReceived[];
  /** placeOrders the gateway read and dropped while silent (a half-open TWS). */
  ignored: readonly { clientId: number; orderId: number }[];
  gatewayOrders: readonly GatewayOrder[];
  gatewayExecutions: readonly GatewayExecution[];
  gatewayPositions: readonly GatewayPosition[];
  placeCalls: readonly PlaceCall[];
  modifyCalls?: readonly ModifyCall[];
  recoveries: readonly Recovery[];
  recoveryLimitMs: number;
  unhandled: readonly string[];
  heap: { startBytes: number; endBytes: number; maxGrowthBytes: number };
};

export type Verdict = {
  violations: string[];
  ordersChecked: number;
  ordersSwallowed: number;
  executionsChecked: number;
  positionsChecked: number;
  recoveriesChecked: number;
};

type Folded = {
  intents: Map<number, number>;
  sent: Set<number>;
  notSent: Set<number>;
  status: Map<number, { status: string; filled: number }>;
  /** Quantity and prices as last changed (intent, then modifications). */
  terms: Map<number, { quantity: number; limitPrice: number | null; stopPrice: number | null }>;
  execs: Map<string, { orderId: number; conId: number; side: string; shares: number; price: number }>;
};

/** Replays the journal into the last known state per order and the executions. */
function foldJournal(records: readonly JournalRecord[]): Folded {
  const f: Folded = {
    intents: new Map(),
    sent: new Set(),
    notSent: new Set(),
    status: new Map(),
    terms: new Map(),
    execs: new Map(),
  };
  for (const r of records) {
    switch (r.t) {
      case 'intent':
        f.intents.set(r.order.orderId, r.at);
        f.status.set(r.order.orderId, { status: 'Intent', filled: 0 });
        f.terms.set(r.order.orderId, {
          quantity: r.order.quantity,
          limitPrice: r.order.limitPrice,
          stopPrice: r.order.orderType === 'TRAIL' ? null : r.order.stopPrice,
        });
        break;
      case 'modify': {
        const t = f.terms.get(r.orderId);
        if (t)
          f.terms.set(r.orderId, {
            quantity: r.changes.quantity ?? t.quantity,
            limitPrice: r.changes.limitPrice !== undefined ? r.changes.limitPrice : t.limitPrice,
            stopPrice: r.changes.stopPrice !== undefined ? r.changes.stopPrice : t.stopPrice,
          });
        break;
      }
      case 'sent':
        f.sent.add(r.orderId);
        break;
      case 'not-sent':
        f.notSent.add(r.orderId);
        f.status.set(r.orderId, { status: 'Inactive', filled: 0 });
        break;
      case 'status':
        f.status.set(r.orderId, { status: r.status, filled: r.filled });
        break;
      case 'exec':
        f.execs.set(r.execId, {
          orderId: r.orderId,
          conId: r.contract.conId ?? 0,
          side: r.side,
          shares: r.shares,
          price: r.price,
        });
        break;
      default:
        break;
    }
  }
  return f;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const sideSign = (side: string) => (side === 'BUY' || side === 'BOT' ? 1 : -1);

export function judge(e: Evidence): Verdict {
  const v: string[] = [];
  const j = foldJournal(e.journal);
  const mine = e.received.filter((r) => r.clientId === e.clientId);
  const byId = new Map<number, GatewayReceived[]>();
  for (const r of mine) byId.set(r.orderId, [...(byId.get(r.orderId) ?? []), r]);
  const swallowed = new Map<number, number>();
  for (const x of e.ignored)
    if (x.clientId === e.clientId) swallowed.set(x.orderId, (swallowed.get(x.orderId) ?? 0) + 1);
  let ordersSwallowed = 0;

  // 1. Exactly once: every order the journal says was sent reached the gateway once; nothing else did.
  const modifiesSent = new Map<number, number>();
  for (const m of e.modifyCalls ?? [])
    if (m.outcome === 'sent') modifiesSent.set(m.orderId, (modifiesSent.get(m.orderId) ?? 0) + 1);
  for (const [orderId, intentAt] of j.intents) {
    const all = byId.get(orderId) ?? [];
    // The gateway marks a placeOrder for an id it already holds as a modification: as many as were sent, no more.
    const got = all.filter((r) => !r.modify);
    const mods = all.length - got.length;
    // What the silent gateway swallowed never arrived: the order itself (if nothing else came first) or changes.
    const eaten = swallowed.get(orderId) ?? 0;
    const modsEaten = eaten - (got.length === 0 && eaten > 0 ? 1 : 0);
    const modsExpected = (modifiesSent.get(orderId) ?? 0) - modsEaten;
    if (mods !== modsExpected)
      v.push(
        `order ${orderId}: ${modifiesSent.get(orderId) ?? 0} modification(s) sent${modsEaten > 0 ? ` (${modsEaten} swallowed by the silent gateway)` : ''}, the gateway received ${mods} (a re-sent order shows up as one)`,
      );
    if (j.sent.has(orderId) && j.notSent.has(orderId))
      v.push(`order ${orderId}: the journal says both sent and not sent`);
    if (j.notSent.has(orderId)) {
      if (got.length > 0) v.push(`order ${orderId}: journalled as not sent, yet the gateway received it`);
      continue;
    }
    if (!j.sent.has(orderId)) {
      v.push(`order ${orderId}: intent journalled but never sent nor refused (left hanging)`);
      continue;
    }
    const final = j.status.get(orderId)?.status;
    if (got.length === 0) {
      if (eaten > 0) {
        ordersSwallowed++;
        // NotReceived when the watchdog asked on the connection it was sent on; Unknown when a reconnect came first.
        if (final !== 'Unknown' && final !== 'NotReceived')
          v.push(
            `order ${orderId}: swallowed by the gateway, but the journal shows ${final} instead of flagging it NotReceived or Unknown`,
          );
      } else v.push(`order ${orderId}: LOST: journalled as sent, never reached the gateway`);
    } else if (final === 'NotReceived')
      v.push(`order ${orderId}: the journal says TWS did not receive it, yet the gateway did`);
    if (got.length > 1) v.push(`order ${orderId}: DUPLICATED: the gateway received it ${got.length} times`);
    for (const r of got) {
      if (r.sessionStart !== undefined && r.sessionStart > intentAt)
        v.push(
          `order ${orderId}: SENT AFTER A RECONNECT: decided at ${intentAt}, delivered on a connection opened at ${r.sessionStart}`,
        );
    }
  }
  for (const [orderId] of byId)
    if (!j.intents.has(orderId))
      v.push(`order ${orderId}: reached the gateway without an intent in the journal`);

  // 2. Nothing sent while disconnected: a place() made while not ready must be refused.
  for (const c of e.placeCalls)
    if (!c.ready && c.outcome === 'placed')
      v.push(`place() at ${c.at} while not ready was accepted (orders ${c.orderIds.join(', ')})`);
  for (const c of e.placeCalls)
    for (const id of c.orderIds) {
      if (c.outcome === 'placed' && !j.sent.has(id))
        v.push(`order ${id}: place() reported it placed but the journal has no 'sent'`);
      // The click counts, not the intent: an order asked for before a drop must not leave after the reconnect.
      for (const r of byId.get(id) ?? [])
        if (!r.modify && r.sessionStart !== undefined && r.sessionStart > c.at)
          v.push(
            `order ${id}: asked for at ${c.at}, before a reconnect, but sent on the connection opened at ${r.sessionStart}`,
          );
    }

  // 3. The journal equals the gateway: order states, executions, positions.
  for (const g of e.gatewayOrders) {
    if (g.clientId !== e.clientId) continue;
    const s = j.status.get(g.orderId);
    if (!s) continue; // reported above as "without an intent"
    if (s.status !== g.status || !near(s.filled, g.filled))
      v.push(
        `order ${g.orderId}: journal ${s.status} (filled ${s.filled}) but the gateway has ${g.status} (filled ${g.filled})`,
      );
    const t = j.terms.get(g.orderId);
    const differs = (a: number | null | undefined, b: number | undefined) =>
      b !== undefined && a !== null && a !== undefined && !near(a, b);
    if (
      t &&
      (differs(t.quantity, g.totalQuantity) ||
        differs(t.limitPrice, g.lmtPrice) ||
        differs(t.stopPrice, g.auxPrice))
    )
      v.push(
        `order ${g.orderId}: journal terms ${t.quantity} @ ${t.limitPrice ?? '-'} stop ${t.stopPrice ?? '-'} but the gateway has ${g.totalQuantity} @ ${g.lmtPrice ?? '-'} stop ${g.auxPrice ?? '-'}`,
      );
  }
  const gwExecs = e.gatewayExecutions.filter((x) => x.clientId === e.clientId);
  const gwExecIds = new Set(gwExecs.map((x) => x.execId));
  for (const x of gwExecs) {
    const mineX = j.execs.get(x.execId);
    if (!mineX) v.push(`execution ${x.execId} (order ${x.orderId}) is at the gateway but not in the journal`);
    else if (
      mineX.orderId !== x.orderId ||
      !near(mineX.shares, x.shares) ||
      !near(mineX.price, x.price) ||
      sideSign(mineX.side) !== sideSign(x.side)
    )
      v.push(`execution ${x.execId}: journal and gateway differ`);
  }
  for (const [execId, x] of j.execs)
    if (!gwExecIds.has(execId))
      v.push(`execution ${execId} (order ${x.orderId}) is in the journal but not at the gateway`);
  const journalPos = new Map<number, number>();
  for (const x of j.execs.values())
    journalPos.set(x.conId, (journalPos.get(x.conId) ?? 0) + sideSign(x.side) * x.shares);
  const gwPos = new Map(e.gatewayPositions.map((p) => [p.conId, p.position]));
  const conIds = new Set([...journalPos.keys(), ...gwPos.keys()]);
  let positionsChecked = 0;
  for (const conId of conIds) {
    const a = journalPos.get(conId) ?? 0;
    const b = gwPos.get(conId) ?? 0;
    if (a === 0 && b === 0) continue;
    positionsChecked++;
    if (!near(a, b)) v.push(`position in ${conId}: journal ${a}, gateway ${b}`);
  }

  // 4. Every subscription ticked again within the limit after every recovery.
  for (const r of e.recoveries) {
    if (r.readyAt === null) v.push(`${r.fault} at ${r.at}: the link never became ready again`);
    else if (r.tickedWithinMs === null)
      v.push(
        `${r.fault} at ${r.at}: ${r.missing.length} subscription(s) did not tick again (${r.missing.slice(0, 5).join(', ')}${r.missing.length > 5 ? '…' : ''})`,
      );
    else if (r.tickedWithinMs > e.recoveryLimitMs + (r.allowanceMs ?? 0))
      v.push(
        `${r.fault} at ${r.at}: subscriptions took ${r.tickedWithinMs} ms to tick again (limit ${e.recoveryLimitMs + (r.allowanceMs ?? 0)} ms)`,
      );
  }

  // 5. No unhandled rejection, memory bounded.
  for (const u of e.unhandled) v.push(`unhandled: ${u}`);
  const growth = e.heap.endBytes - e.heap.startBytes;
  if (growth > e.heap.maxGrowthBytes)
    v.push(
      `heap grew by ${(growth / 1048576).toFixed(1)} MB (limit ${(e.heap.maxGrowthBytes / 1048576).toFixed(0)} MB)`,
    );

  return {
    violations: v,
    ordersChecked: j.intents.size,
    ordersSwallowed,
    executionsChecked: gwExecs.length,
    positionsChecked,
    recoveriesChecked: e.recoveries.length,
  };
}
