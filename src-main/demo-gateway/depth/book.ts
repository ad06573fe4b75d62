// The order book of one instrument at an instant, consistent with the L1 quote the gateway streams: the best bid
// and ask levels are the L1 quote's prices and sizes (from l1-view, i.e. Market.quote's own formulas), and behind
// them sit 10–20 levels a side on the instrument's tick grid. Like the quote, the book is a pure function of
// (seed, instrument, time) plus the demo's resting orders, so any number of subscribers, any update rate and a
// rebuild after a reconnect all see the same book. Each level is keyed by its price: its size follows a correlated
// walk from epoch to epoch (a few hundred ms to a few seconds, per level), it drops out of the book now and then,
// and when the quote moves the levels stay at their prices (the book shifts). Sizes are in shares / contracts /
// currency units like the L1 sizes (the wire divides by the lot below MIN_SERVER_VER_MARKET_DATA_IN_SHARES 159).
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import { hash32, mix32, normalOf, unit } from '../model/rng';
import { isOpen, remaining } from '../orders/order-types';
import type { OrderRecord } from '../orders/order-types';
import { emptyTop, l1Top } from './l1-view';
import type { Top } from './l1-view';
import { venuesOf } from './venues';
import type { InstrumentVenues, Venue } from './venues';
import type { DepthRow, DepthSide } from './depth-diff';

/** A demo client's displayed limit order at a price (what the book adds to its home venue's row). */
export interface RestingOrder {
  readonly side: 'BUY' | 'SELL';
  readonly price: number;
  /** Displayed shares (an iceberg shows its display size; hidden orders are not passed in). */
  readonly size: number;
}

interface VenueSize {
  readonly venue: Venue;
  /** Shares shown by this venue at the level, the demo's own orders included. */
  readonly size: number;
  /** The part of `size` that is the demo clients' resting orders. */
  readonly own: number;
  /** This venue's SMART depth row at the level (made once, shared by every subscriber). */
  readonly row: DepthRow;
}

export interface BookLevel {
  readonly price: number;
  /** Total shares at the level (the sum of `venues`). */
  readonly size: number;
  readonly own: number;
  /** Venues with size at this price, in the instrument's venue order (home venue first). */
  readonly venues: readonly VenueSize[];
}

export interface OrderBook {
  readonly conId: number;
  /** The instant asked for, and the one whose market it shows (the session's end when closed). */
  readonly time: number;
  readonly te: number;
  readonly live: boolean;
  /** Best first: bids descending, asks ascending. */
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

interface Params {
  /** Levels a side behind and including the touch. */
  levels: number;
  /** Mean epoch of a level's size (ms). */
  epochMs: number;
  /** Mean displayed lots at a level. */
  meanLots: number;
  venues: InstrumentVenues;
}

/** Share of prices behind the touch that hold a level at any moment. */
const PRESENCE = 0.88;
/** A level's presence is redrawn every PRESENCE_EPOCHS size epochs. */
const PRESENCE_EPOCHS = 4;
const SQRT3 = Math.sqrt(3);
/** Price slots remembered per instrument before the memo is dropped (the price wanders off the old ones). */
const MAX_SLOTS = 600;

/**
 * What one price of one side shows during one epoch. A level only changes when its epoch does (every few hundred
 * ms), so at 100 updates/s the slots are recomputed rarely and the level objects are reused.
 */
interface Slot {
  readonly h: number;
  readonly len: number;
  readonly phase: number;
  e: number;
  present: boolean;
  lots: number;
  /** Venue indices (ascending) and their relative shares for this epoch. */
  chosen: number[];
  parts: number[];
  level: BookLevel | undefined;
  /** The level built with the L1 quote's size when this price is the touch. */
  touchLots: number;
  touch: BookLevel | undefined;
}

export class BookModel {
  private readonly params = new Map<number, Params>();
  private readonly slots = new Map<number, Map<number, Slot>>();
  private readonly resting = new Map<number, readonly RestingOrder[]>();
  private readonly top: Top = emptyTop();

  constructor(private readonly market: Market) {}

  /** Replaces the displayed demo orders of one instrument (empty: none). */
  setResting(conId: number, orders: readonly RestingOrder[]): void {
    if (orders.length === 0) this.resting.delete(conId);
    else this.resting.set(conId, orders.slice());
  }

  /** Replaces every instrument's displayed demo orders (the output of restingOrders()). */
  setAllResting(byConId: ReadonlyMap<number, readonly RestingOrder[]>): void {
    this.resting.clear();
    for (const [conId, orders] of byConId) this.setResting(conId, orders);
  }

  /** Number of model levels a side (10–20, fixed per seed and instrument). */
  levelsOf(inst: Instrument): number {
    return this.paramsOf(inst).levels;
  }

  book(inst: Instrument, t: number): OrderBook {
    const top = l1Top(this.market, inst, t, this.top);
    const p = this.paramsOf(inst);
    const te = top.te;
    let slots = this.slots.get(inst.conId);
    if (!slots || slots.size > MAX_SLOTS) {
      slots = new Map();
      this.slots.set(inst.conId, slots);
    }
    const bids = this.side(inst, p, slots, 1, top.bid, top.bidSize, te);
    const asks = this.side(inst, p, slots, 0, top.ask, top.askSize, te);
    const resting = this.resting.get(inst.conId);
    if (resting) addResting(inst, p.venues, resting, bids, asks);
    return { conId: inst.conId, time: t, te, live: top.live, bids, asks };
  }

  private paramsOf(inst: Instrument): Params {
    let p = this.params.get(inst.conId);
    if (!p) {
      const h = hash32(this.market.seed, inst.conId, 301);
      // Busy names refresh their books faster than quiet ones.
      const activity = inst.secType === 'STK' ? Math.sqrt(5e6 / inst.avgVolume) : 0.7;
      p = {
        levels: 10 + (h % 11),
        epochMs: 1200 * Math.min(3, Math.max(0.5, activity)),
        meanLots: 8 + ((h >>> 8) % 9),
        venues: venuesOf(inst),
      };
      this.params.set(inst.conId, p);
    }
    return p;
  }

  /** One side's model levels: the touch from the L1 quote, then the present levels behind it. */
  private side(
    inst: Instrument,
    p: Params,
    slots: Map<number, Slot>,
    side: DepthSide,
    touch: number,
    touchSize: number,
    te: number,
  ): BookLevel[] {
    const tick = inst.minTick;
    const lot = inst.lotSize;
    const n0 = Math.round(touch / tick);
    const dir = side === 1 ? -1 : 1;
    const out: BookLevel[] = [];
    const s0 = this.slot(inst, p, slots, n0, side, te);
    const touchLots = Math.max(1, Math.round(touchSize / lot));
    if (!s0.touch || s0.touchLots !== touchLots) {
      s0.touchLots = touchLots;
      s0.touch = buildLevel(p, s0, touch, touchLots, lot);
    }
    out.push(s0.touch);
    for (let j = 1; out.length < p.levels && j <= p.levels * 3; j++) {
      const n = n0 + dir * j;
      if (n <= 0) break;
      const s = this.slot(inst, p, slots, n, side, te);
      if (!s.present) continue;
      if (!s.level) s.level = buildLevel(p, s, Math.round(n * tick * 1e8) / 1e8, s.lots, lot);
      out.push(s.level);
    }
    return out;
  }

  /** The slot of price index `n` on `side`, brought to the epoch of `te`. */
  private slot(
    inst: Instrument,
    p: Params,
    slots: Map<number, Slot>,
    n: number,
    side: DepthSide,
    te: number,
  ): Slot {
    const key = n * 2 + side;
    let s = slots.get(key);
    if (!s) {
      const h = hash32(this.market.seed, inst.conId, key, 201);
      const len = Math.floor(p.epochMs * (0.4 + 1.2 * unit(h)));
      s = {
        h,
        len,
        phase: (h >>> 9) % len,
        e: Number.NaN,
        present: false,
        lots: 0,
        chosen: [],
        parts: [],
        level: undefined,
        touchLots: 0,
        touch: undefined,
      };
      slots.set(key, s);
    }
    const e = Math.floor((te + s.phase) / s.len);
    if (e === s.e) return s;
    const h = s.h;
    s.e = e;
    s.level = undefined;
    s.touch = undefined;
    s.present = unit(hash32(h, Math.floor(e / PRESENCE_EPOCHS), 7)) < PRESENCE;
    // Three overlapping normal draws: consecutive epochs share two, so a level's size wanders rather than jumps.
    const z = normalOf(hash32(h, e)) + normalOf(hash32(h, e - 1)) + normalOf(hash32(h, e - 2));
    const bump = inst.secType === 'STK' ? (n % 100 === 0 ? 2.2 : n % 50 === 0 ? 1.5 : 1) : 1;
    s.lots = Math.max(1, Math.round(p.meanLots * bump * Math.exp((0.55 * z) / SQRT3 - 0.15)));
    chooseVenues(p, s, hash32(h, e, 3));
    return s;
  }
}

/**
 * One to four venues for a level in this epoch, drawn by weight without replacement, with their shares; kept in
 * the instrument's venue order so SMART rows at one price keep their order from update to update.
 */
function chooseVenues(p: Params, s: Slot, hv: number): void {
  const weights = p.venues.weights;
  const nv = weights.length;
  s.chosen.length = 0;
  s.parts.length = 0;
  if (nv === 1) {
    s.chosen.push(0);
    s.parts.push(1);
    return;
  }
  const k = 1 + (hv % Math.min(4, nv));
  let total = 0;
  for (let i = 0; i < nv; i++) total += weights[i] as number;
  let taken = 0;
  let x = hv;
  for (let m = 0; m < k; m++) {
    x = mix32(x + 0x9e3779b9);
    let u = unit(x) * total;
    let pick = -1;
    for (let i = 0; i < nv; i++) {
      if (taken & (1 << i)) continue;
      u -= weights[i] as number;
      pick = i;
      if (u < 0) break;
    }
    taken |= 1 << pick;
    total -= weights[pick] as number;
  }
  for (let i = 0; i < nv; i++) {
    if (!(taken & (1 << i))) continue;
    x = mix32(x + 0x85ebca6b);
    s.chosen.push(i);
    s.parts.push(0.3 + unit(x));
  }
}

function venueSize(venue: Venue, price: number, size: number, own: number): VenueSize {
  return { venue, size, own, row: { price, size, marketMaker: venue.marketMaker } };
}

/** A level of `lots` lots split over the slot's venues (each at least one lot). */
function buildLevel(p: Params, s: Slot, price: number, lots: number, lot: number): BookLevel {
  const venues = p.venues.venues;
  const k = Math.min(lots, s.chosen.length);
  let sum = 0;
  for (let m = 0; m < k; m++) sum += s.parts[m] as number;
  let left = lots - k;
  const list: VenueSize[] = [];
  for (let m = 0; m < k; m++) {
    const extra =
      m === k - 1 ? left : Math.min(left, Math.floor(((lots - k) * (s.parts[m] as number)) / sum));
    left -= extra;
    const venue = venues[s.chosen[m] as number] as Venue;
    list.push(venueSize(venue, price, (1 + extra) * lot, 0));
  }
  return { price, size: lots * lot, own: 0, venues: list };
}

/**
 * Adds the demo's displayed orders to the book under the home venue (the listing exchange, where the matching
 * engine reports the fills). An order priced through the model's opposite touch is being filled by the matching
 * engine and is not shown (TWS never shows a crossed book for an order that executes).
 */
function addResting(
  inst: Instrument,
  venues: InstrumentVenues,
  orders: readonly RestingOrder[],
  bids: BookLevel[],
  asks: BookLevel[],
): void {
  const tick = inst.minTick;
  const home = venues.venues[venues.home] as Venue;
  const bestBid = Math.round((bids[0] as BookLevel).price / tick);
  const bestAsk = Math.round((asks[0] as BookLevel).price / tick);
  const agg = new Map<number, number>();
  for (const o of orders) {
    if (!(o.size > 0) || !Number.isFinite(o.price)) continue;
    const n = Math.round(o.price / tick);
    if (o.side === 'BUY' ? n >= bestAsk : n <= bestBid) continue;
    const key = o.side === 'BUY' ? n : -n;
    agg.set(key, (agg.get(key) ?? 0) + o.size);
  }
  for (const [key, size] of agg) {
    const buy = key > 0;
    const n = Math.abs(key);
    const levels = buy ? bids : asks;
    const price = Math.round(n * tick * 1e8) / 1e8;
    let at = 0;
    while (at < levels.length) {
      const ln = Math.round((levels[at] as BookLevel).price / tick);
      if (ln === n || (buy ? ln < n : ln > n)) break;
      at++;
    }
    const existing = levels[at];
    if (existing && Math.round(existing.price / tick) === n) {
      const list = existing.venues.slice();
      const i = list.findIndex((v) => v.venue === home);
      if (i >= 0) {
        const v = list[i] as VenueSize;
        list[i] = venueSize(home, price, v.size + size, v.own + size);
      } else {
        list.unshift(venueSize(home, price, size, size));
      }
      levels[at] = { price, size: existing.size + size, own: existing.own + size, venues: list };
    } else {
      levels.splice(at, 0, { price, size, own: size, venues: [venueSize(home, price, size, size)] });
    }
  }
}

/**
 * The demo's displayed limit orders by conId, as TWS would show them in the book: open, transmitted, working
 * (status Submitted, so outside-RTH stock orders wait), limit-priced (LMT, or a STP LMT once elected), not hidden;
 * an iceberg shows its display size.
 */
export function restingOrders(orders: Iterable<OrderRecord>): Map<number, RestingOrder[]> {
  const out = new Map<number, RestingOrder[]>();
  for (const o of orders) {
    if (!isOpen(o) || !o.transmitted || o.waitingForParent || o.status !== 'Submitted') continue;
    const t = o.ticket;
    const limit = t.orderType === 'LMT' || (t.orderType === 'STP LMT' && o.triggered);
    if (!limit || t.hidden || t.lmtPrice === undefined) continue;
    const left = remaining(o);
    if (left <= 0) continue;
    const size = t.displaySize !== undefined && t.displaySize > 0 ? Math.min(t.displaySize, left) : left;
    const side = t.action === 'BUY' ? 'BUY' : 'SELL';
    let list = out.get(o.inst.conId);
    if (!list) {
      list = [];
      out.set(o.inst.conId, list);
    }
    list.push({ side, price: t.lmtPrice, size });
  }
  return out;
}

/** SMART depth rows (MARKET_DEPTH_L2 13): one row per venue and price, best price first, venue order within it. */
export function smartRows(book: OrderBook, side: DepthSide, numRows: number): DepthRow[] {
  const levels = side === 1 ? book.bids : book.asks;
  const rows: DepthRow[] = [];
  for (const level of levels) {
    for (const v of level.venues) {
      if (rows.length >= numRows) return rows;
      rows.push(v.row);
    }
  }
  return rows;
}

/** One venue's own levels (MARKET_DEPTH 12, no market maker): its size at each price where it shows any. */
export function exchangeRows(book: OrderBook, side: DepthSide, numRows: number, venue: Venue): DepthRow[] {
  const levels = side === 1 ? book.bids : book.asks;
  const rows: DepthRow[] = [];
  for (const level of levels) {
    if (rows.length >= numRows) break;
    for (const v of level.venues) {
      if (v.venue.exchange !== venue.exchange) continue;
      rows.push({ price: level.price, size: v.size, marketMaker: '' });
      break;
    }
  }
  return rows;
}
