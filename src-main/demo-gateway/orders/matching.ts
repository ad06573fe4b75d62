// The matching engine: orders fill against the model's quotes. Marketable orders take the touch (BUY at the ask,
// SELL at the bid) up to the quoted size per step, so large orders fill in pieces; resting limits fill at their
// price once the opposite side reaches it; stops elect on the last price and then act as MKT/LMT; trailing stops
// ratchet with the last price. Brackets hold untransmitted parents until the last child transmits, activate
// children when the parent fills, and treat siblings and OCA groups as one-cancels/reduces-others.
import type { Instrument } from '../model/instrument';
import type { Market, Quote } from '../model/market';
import { emptyQuote } from '../model/market';
import type { Ledger } from '../accounts/ledger';
import { incrementalCommission } from '../accounts/commission';
import { isOpen, newOrderRecord, remaining } from './order-types';
import type { OrderRecord, OrderStatusText, OrderTicket } from './order-types';
import { validateTicket } from './validation';
import type { Rejection } from './validation';
import { hash32 } from '../model/rng';
import { marginCheck, whatIfFigures } from './margin';
import { activeType, elects, executionExchange, fillPrice, ratchet, trailStopAt } from './fill-rules';
import type { WhatIfFigures } from './margin';

export interface Execution {
  execId: string;
  orderId: number;
  clientId: number;
  permId: number;
  account: string;
  inst: Instrument;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  /** UTC ms. */
  time: number;
  cumQty: number;
  avgPrice: number;
  orderRef: string;
  exchange: string;
  commission: number;
  realized: number | undefined;
  /** 1 added liquidity (resting order), 2 removed (marketable). */
  liquidity: 1 | 2;
}

export interface ReceivedOrder {
  time: number;
  clientId: number;
  orderId: number;
  conId: number;
  symbol: string;
  secType: string;
  action: string;
  quantity: number;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  transmit: boolean;
  parentId: number;
  /** True when the id named an order that already existed (a modification). */
  modify: boolean;
  /** The error the gateway answered with, if it refused the order. */
  rejectedWith?: number;
  /** The connection it came on (its sequence number and when it was accepted), when known. */
  session?: number;
  sessionStart?: number;
}

export interface EngineListener {
  /** An order's state changed: send openOrder and orderStatus to the clients that see it. */
  orderChanged(o: OrderRecord): void;
  /** A fill: execDetails (and later commissionReport) to the clients that see it. */
  executed(o: OrderRecord, e: Execution): void;
  /** An error for an order id, sent to the client that placed it. */
  orderError(clientId: number, orderId: number, code: number, text: string): void;
  /** Positions or cash of an account changed. */
  accountChanged(account: string, inst: Instrument): void;
  /** What-if answer: openOrder with margin figures, no order created. */
  whatIf(clientId: number, o: OrderRecord, figures: WhatIfFigures): void;
}

export interface EngineDeps {
  market: Market;
  ledger: Ledger;
  accounts: readonly string[];
  seed: number;
  listener: EngineListener;
  usdRate(currency: string, t: number): number;
}

export class OrderEngine {
  private readonly orders = new Map<string, OrderRecord>();
  readonly executions: Execution[] = [];
  readonly received: ReceivedOrder[] = [];
  private readonly maxIdByClient = new Map<number, number>();
  private maxOrderId = 0;
  private permSeq: number;
  private execSeq = 0;
  private readonly scratch: Quote = emptyQuote();
  /** Time of the call being handled (every entry point passes its clock reading). */
  private now = 0;

  constructor(private readonly d: EngineDeps) {
    this.permSeq = 1_000_000_000 + (hash32(d.seed, 11) % 500_000_000);
  }

  /** The id TWS would hand out as nextValidId: above every id any client has used. */
  nextValidId(): number {
    return this.maxOrderId + 1;
  }

  /** Every order the gateway knows (open and completed). */
  all(): OrderRecord[] {
    return [...this.orders.values()];
  }

  get(clientId: number, orderId: number): OrderRecord | undefined {
    return this.orders.get(key(clientId, orderId));
  }

  hasWork(): boolean {
    for (const o of this.orders.values()) if (isOpen(o)) return true;
    return false;
  }

  place(
    clientId: number,
    orderId: number,
    inst: Instrument | undefined,
    ticket: OrderTicket,
    now: number,
    via?: { session: number; sessionStart: number },
  ): void {
    this.now = now;
    const existing = this.orders.get(key(clientId, orderId));
    const log: ReceivedOrder = {
      ...via,
      time: now,
      clientId,
      orderId,
      conId: inst?.conId ?? 0,
      symbol: inst?.symbol ?? '',
      secType: inst?.secType ?? '',
      action: ticket.action,
      quantity: ticket.totalQuantity,
      orderType: ticket.orderType,
      lmtPrice: ticket.lmtPrice,
      auxPrice: ticket.auxPrice,
      transmit: ticket.transmit,
      parentId: ticket.parentId,
      modify: existing !== undefined,
    };
    this.received.push(log);
    const fail = (r: Rejection): void => {
      log.rejectedWith = r.code;
      this.d.listener.orderError(clientId, orderId, r.code, r.text);
    };
    if (orderId <= 0) return fail({ code: 103, text: 'Duplicate order id' });
    if (!inst) return fail({ code: 200, text: 'No security definition has been found for the request' });

    if (existing) {
      if (existing.status === 'Filled') return fail({ code: 104, text: "Can't modify a filled order" });
      if (!isOpen(existing)) return fail({ code: 103, text: 'Duplicate order id' });
      if (existing.inst.conId !== inst.conId || existing.ticket.action !== ticket.action) {
        return fail({ code: 105, text: 'Order being modified does not match original order' });
      }
      const problem = validateTicket(ticket, inst, this.d.accounts);
      if (problem) return fail(problem);
      if (ticket.totalQuantity < existing.filled) {
        return fail({
          code: 201,
          text: 'Order rejected - reason:The new order size is less than the filled quantity.',
        });
      }
      const wasTransmitted = existing.transmitted;
      existing.ticket = { ...ticket, account: existing.account };
      if (ticket.orderType === 'TRAIL') existing.trailStop = ticket.trailStopPrice ?? existing.trailStop;
      if (!wasTransmitted && ticket.transmit) this.transmitGroup(existing);
      this.refreshStatus(existing);
      this.d.listener.orderChanged(existing);
      this.work(existing, now, true);
      return;
    }

    if (orderId <= (this.maxIdByClient.get(clientId) ?? 0))
      return fail({ code: 103, text: 'Duplicate order id' });
    const problem = validateTicket(ticket, inst, this.d.accounts);
    if (problem) return fail(problem);
    const account = ticket.account || (this.d.accounts[0] as string);
    let parent: OrderRecord | undefined;
    if (ticket.parentId) {
      parent = this.orders.get(key(clientId, ticket.parentId));
      if (!parent || !isOpen(parent))
        return fail({ code: 201, text: 'Order rejected - reason:Parent order is not active.' });
    }
    const margin = marginCheck(this.d, account, inst, ticket, now);
    if (margin && !ticket.whatIf) return fail(margin);

    this.maxIdByClient.set(clientId, orderId);
    if (orderId > this.maxOrderId) this.maxOrderId = orderId;
    const o = newOrderRecord({
      orderId,
      clientId,
      permId: ++this.permSeq,
      account,
      inst,
      ticket: { ...ticket, account, tif: ticket.tif || 'DAY' },
      waitingForParent: parent !== undefined && parent.status !== 'Filled',
      createdAt: now,
    });
    if (ticket.whatIf) {
      this.d.listener.whatIf(clientId, o, whatIfFigures(this.d, o, now));
      return;
    }
    this.orders.set(key(clientId, orderId), o);
    if (ticket.orderType === 'TRAIL') o.trailStop = ticket.trailStopPrice ?? this.initialTrailStop(o, now);
    if (ticket.transmit) this.transmitGroup(o);
    this.refreshStatus(o);
    this.d.listener.orderChanged(o);
    this.work(o, now, true);
  }

  cancel(clientId: number, orderId: number, now: number): void {
    this.now = now;
    const o = this.orders.get(key(clientId, orderId));
    if (!o) {
      this.d.listener.orderError(
        clientId,
        orderId,
        10147,
        `OrderId ${orderId} that needs to be cancelled is not found.`,
      );
      return;
    }
    if (!isOpen(o)) {
      this.d.listener.orderError(
        clientId,
        orderId,
        10148,
        `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${o.status}.`,
      );
      return;
    }
    this.cancelOrder(o, now, 'Cancelled by Trader');
  }

  globalCancel(now: number): void {
    for (const o of [...this.orders.values()]) if (isOpen(o)) this.cancelOrder(o, now, 'Cancelled by Trader');
  }

  /** One matching pass over every working order (driven by the gateway's single timer). */
  step(now: number): void {
    this.now = now;
    for (const o of this.orders.values()) if (isOpen(o)) this.work(o, now, false);
  }

  /** DAY orders end with their session (each ET day when trading around the clock). */
  expireDayOrders(now: number): void {
    for (const o of [...this.orders.values()]) {
      if (!isOpen(o) || o.ticket.tif !== 'DAY') continue;
      const s = this.d.market.calendar.lastSession(o.inst, o.createdAt, this.d.market.etDayOf(o.createdAt));
      if (s && now >= s.end) this.cancelOrder(o, now, 'Cancelled: end of day');
    }
  }

  private cancelOrder(o: OrderRecord, now: number, why: string): void {
    o.status = 'Cancelled';
    o.completedAt = now;
    o.completedStatus = why;
    this.d.listener.orderError(o.clientId, o.orderId, 202, 'Order Canceled - reason:');
    this.d.listener.orderChanged(o);
    for (const child of this.children(o))
      if (isOpen(child)) this.cancelOrder(child, now, 'Cancelled: parent cancelled');
  }

  private children(parent: OrderRecord): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const o of this.orders.values()) {
      if (o.clientId === parent.clientId && o.ticket.parentId === parent.orderId) out.push(o);
    }
    return out;
  }

  /** Transmits an order and the rest of its bracket (the parent and every child). */
  private transmitGroup(o: OrderRecord): void {
    const root = o.ticket.parentId ? (this.orders.get(key(o.clientId, o.ticket.parentId)) ?? o) : o;
    root.transmitted = true;
    this.refreshStatus(root);
    for (const c of this.children(root)) {
      if (!c.transmitted) {
        c.transmitted = true;
        this.refreshStatus(c);
        if (c !== o) this.d.listener.orderChanged(c);
      }
    }
    if (root !== o) this.d.listener.orderChanged(root);
    o.transmitted = true;
  }

  private refreshStatus(o: OrderRecord): void {
    if (!isOpen(o)) return;
    const t = o.ticket.orderType;
    const simulated = (t === 'STP' || t === 'STP LMT' || t === 'TRAIL') && !o.triggered;
    let status: OrderStatusText;
    if (!o.transmitted) status = 'PendingSubmit';
    else if (o.waitingForParent || simulated || !this.allowedNow(o)) status = 'PreSubmitted';
    else status = 'Submitted';
    o.status = status;
  }

  /** With real hours, stock orders work outside regular hours only when outsideRth is set. */
  private allowedNow(o: OrderRecord, t?: number): boolean {
    const m = this.d.market;
    const now = t ?? this.now;
    const day = m.etDayOf(now);
    if (!m.calendar.isOpen(o.inst, now, day, false)) return false;
    if (o.inst.secType !== 'STK' || o.ticket.outsideRth) return true;
    return m.calendar.isOpen(o.inst, now, day, true);
  }

  private initialTrailStop(o: OrderRecord, now: number): number {
    const q = this.d.market.quote(o.inst, now, this.scratch);
    return trailStopAt(o.ticket, q.last, (p) => this.d.market.roundPrice(o.inst, p));
  }

  /** Tries to fill `o` at `now`; `arriving` is true on placement (marketable orders take the touch). */
  private work(o: OrderRecord, now: number, arriving: boolean): void {
    if (!isOpen(o) || !o.transmitted || o.waitingForParent) return;
    if (!this.allowedNow(o, now)) {
      if (o.status === 'Submitted') {
        o.status = 'PreSubmitted';
        this.d.listener.orderChanged(o);
      }
      return;
    }
    const q = this.d.market.quote(o.inst, now, this.scratch);
    if (!q.live) return;
    const buy = o.ticket.action === 'BUY';
    const t = o.ticket;
    if (t.orderType === 'TRAIL' && !o.triggered) {
      const candidate = trailStopAt(t, q.last, (p) => this.d.market.roundPrice(o.inst, p));
      o.trailStop = ratchet(t.action, o.trailStop, candidate);
    }
    if ((t.orderType === 'STP' || t.orderType === 'STP LMT' || t.orderType === 'TRAIL') && !o.triggered) {
      const stop = t.orderType === 'TRAIL' ? (o.trailStop as number) : (t.auxPrice as number);
      if (!elects(t.action, q.last, stop)) return;
      o.triggered = true;
      this.refreshStatus(o);
      this.d.listener.orderChanged(o);
      arriving = true;
    }
    if (o.status !== 'Submitted') {
      this.refreshStatus(o);
      if ((o.status as OrderStatusText) === 'Submitted') this.d.listener.orderChanged(o);
    }

    // An option with no bid (worthless far from the money) has nothing to sell into.
    const touch = buy ? q.ask : q.bid;
    const fill = touch > 0 ? fillPrice(activeType(t.orderType), t, touch, arriving) : undefined;
    if (fill) {
      const qty = Math.min(remaining(o), buy ? q.askSize : q.bidSize);
      if (qty > 0) this.fill(o, qty, fill.price, now, fill.liquidity);
    }
    if (t.tif === 'IOC' && isOpen(o)) this.cancelOrder(o, now, 'Cancelled: IOC remainder');
  }

  private fill(o: OrderRecord, qty: number, price: number, now: number, liquidity: 1 | 2): void {
    const inst = o.inst;
    const rate = this.d.usdRate(inst.currency, now);
    const commission = incrementalCommission(inst, o.filled, qty, price, rate, o.commission);
    const side = o.ticket.action === 'BUY' ? 'BUY' : 'SELL';
    const { realized } = this.d.ledger.applyFill(o.account, inst, side, qty, price, commission, rate);
    o.avgFillPrice = (o.avgFillPrice * o.filled + price * qty) / (o.filled + qty);
    o.filled += qty;
    o.lastFillPrice = price;
    o.commission = Math.round((o.commission + commission) * 100) / 100;
    const e: Execution = {
      execId: this.execId(now),
      orderId: o.orderId,
      clientId: o.clientId,
      permId: o.permId,
      account: o.account,
      inst,
      side: side === 'BUY' ? 'BOT' : 'SLD',
      shares: qty,
      price,
      time: now,
      cumQty: o.filled,
      avgPrice: Math.round(o.avgFillPrice * 1e6) / 1e6,
      orderRef: o.ticket.orderRef,
      exchange: executionExchange(inst),
      commission,
      realized,
      liquidity,
    };
    this.executions.push(e);
    if (remaining(o) <= 0) {
      o.status = 'Filled';
      o.completedAt = now;
      o.completedStatus = `Filled Size: ${o.filled}`;
    }
    this.d.listener.executed(o, e);
    this.d.listener.orderChanged(o);
    this.d.listener.accountChanged(o.account, inst);

    // Bracket: a filled parent activates its children; a child's fill reduces its siblings.
    if (o.status === 'Filled') {
      for (const c of this.children(o)) {
        if (c.waitingForParent && isOpen(c)) {
          c.waitingForParent = false;
          this.refreshStatus(c);
          this.d.listener.orderChanged(c);
        }
      }
    }
    const parent = o.ticket.parentId ? this.orders.get(key(o.clientId, o.ticket.parentId)) : undefined;
    if (parent) {
      for (const s of this.children(parent)) if (s !== o && isOpen(s)) this.reduce(s, qty, now);
    }
    if (o.ticket.ocaGroup) {
      for (const other of this.orders.values()) {
        if (
          other === o ||
          !isOpen(other) ||
          other.ticket.ocaGroup !== o.ticket.ocaGroup ||
          other.account !== o.account
        )
          continue;
        if (o.ticket.ocaType === 2 || o.ticket.ocaType === 3) this.reduce(other, qty, now);
        else this.cancelOrder(other, now, 'Cancelled: OCA group');
      }
    }
  }

  private reduce(o: OrderRecord, by: number, now: number): void {
    o.ticket = { ...o.ticket, totalQuantity: Math.max(o.filled, o.ticket.totalQuantity - by) };
    if (remaining(o) <= 0) this.cancelOrder(o, now, 'Cancelled: OCA reduce');
    else this.d.listener.orderChanged(o);
  }

  private execId(now: number): string {
    const hex = (n: number, w: number): string => (n >>> 0).toString(16).padStart(w, '0');
    this.execSeq++;
    return `0000${hex(hash32(this.d.seed, 13) & 0xffff, 4)}.${hex(Math.floor(now / 1000), 8)}.${hex(this.execSeq & 0xff, 2)}.01`;
  }

  /** Plain data for the state file: open orders, today's executions, id counters. */
  snapshot(): EngineSnapshot {
    return {
      maxOrderId: this.maxOrderId,
      permSeq: this.permSeq,
      execSeq: this.execSeq,
      maxIdByClient: [...this.maxIdByClient.entries()],
      orders: [...this.orders.values()].map((o) => ({ ...o, conId: o.inst.conId, inst: undefined })),
      executions: this.executions.map((e) => ({ ...e, conId: e.inst.conId, inst: undefined })),
    };
  }

  restore(s: EngineSnapshot, byConId: (conId: number) => Instrument | undefined): void {
    this.maxOrderId = s.maxOrderId;
    this.permSeq = s.permSeq;
    this.execSeq = s.execSeq;
    for (const [c, id] of s.maxIdByClient) this.maxIdByClient.set(c, id);
    for (const raw of s.orders) {
      const inst = byConId(raw.conId);
      if (!inst) continue;
      const { conId: _conId, inst: _inst, ...rest } = raw;
      const o: OrderRecord = { ...rest, inst };
      this.orders.set(key(o.clientId, o.orderId), o);
    }
    for (const raw of s.executions) {
      const inst = byConId(raw.conId);
      if (!inst) continue;
      const { conId: _conId, inst: _inst, ...rest } = raw;
      this.executions.push({ ...rest, inst });
    }
  }
}

export interface EngineSnapshot {
  maxOrderId: number;
  permSeq: number;
  execSeq: number;
  maxIdByClient: [number, number][];
  orders: (Omit<OrderRecord, 'inst'> & { conId: number; inst: undefined })[];
  executions: (Omit<Execution, 'inst'> & { conId: number; inst: undefined })[];
}

function key(clientId: number, orderId: number): string {
  return `${clientId}:${orderId}`;
}
