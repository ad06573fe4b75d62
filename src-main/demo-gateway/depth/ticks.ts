// Tick-by-tick data (reqTickByTickData → TICK_BY_TICK 99) from the same market as the L1 stream: Last and AllLast
// are the tape's prints (tape.ts; Last leaves out the unreported ones), BidAsk is the L1 quote each time its
// prices or sizes change, MidPoint each time (bid + ask) / 2 changes. The L1 quote can only change on its 100 ms
// size/spread grid or when the last price crosses a tick, so those instants are the only ones examined, and every
// BidAsk tick equals Market.quote at its instant. Attributes: bidPastLow / askPastHigh when the bid is below the
// session low / the ask above the session high shown by the L1 stream at that instant. TickModel produces ticks for
// any span (historical-ticks.ts uses it too); TickByTickStream is one subscription, polled with the clock.
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import type { DayPath } from '../model/price-path';
import { SessionExtremes, emptyTop, l1Top } from './l1-view';
import type { Top } from './l1-view';
import { Tape } from './tape';
import type { Print } from './tape';

export type TickByTickType = 'Last' | 'AllLast' | 'BidAsk' | 'MidPoint';

/** The request's tickType strings (case-sensitive, as TWS matches them) and the response's tickType codes. */
export const TICK_BY_TICK_CODE: Readonly<Record<TickByTickType, 1 | 2 | 3 | 4>> = {
  Last: 1,
  AllLast: 2,
  BidAsk: 3,
  MidPoint: 4,
};

/** The L1 quote `q` at `t` as a BidAsk tick, its attributes against the session's extremes at that instant. */
function bidAskTick(
  q: Pick<Top, 'bid' | 'ask' | 'bidSize' | 'askSize'>,
  session: Parameters<SessionExtremes['at']>[0],
  t: number,
  ext: SessionExtremes,
): BidAskTick {
  ext.at(session, t);
  return {
    kind: 'bidAsk',
    time: Math.floor(t / 1000),
    timeMs: t,
    bidPrice: q.bid,
    askPrice: q.ask,
    bidSize: q.bidSize,
    askSize: q.askSize,
    bidPastLow: q.bid < ext.low,
    askPastHigh: q.ask > ext.high,
  };
}

export function parseTickByTickType(text: string): TickByTickType | undefined {
  return Object.prototype.hasOwnProperty.call(TICK_BY_TICK_CODE, text) ? (text as TickByTickType) : undefined;
}

/** A tape print as a tick: the print's fields and the wire's whole seconds. */
export interface TradeTick extends Print {
  readonly kind: 'trade';
  /** Epoch seconds, as the wire sends it. */
  readonly time: number;
}

export interface BidAskTick {
  readonly kind: 'bidAsk';
  readonly time: number;
  readonly timeMs: number;
  readonly bidPrice: number;
  readonly askPrice: number;
  readonly bidSize: number;
  readonly askSize: number;
  readonly bidPastLow: boolean;
  readonly askPastHigh: boolean;
}

export interface MidPointTick {
  readonly kind: 'midPoint';
  readonly time: number;
  readonly timeMs: number;
  readonly midPoint: number;
}

export type TickByTick = TradeTick | BidAskTick | MidPointTick;

/** TickAttribLast mask (TICK_BY_TICK 99 and HISTORICAL_TICKS_LAST 98): bit 0 pastLimit, bit 1 unreported. */
export function lastMask(t: { pastLimit: boolean; unreported: boolean }): number {
  return (t.pastLimit ? 1 : 0) | (t.unreported ? 2 : 0);
}

/** TickAttribBidAsk mask of TICK_BY_TICK 99: bit 0 bidPastLow, bit 1 askPastHigh. */
export function tickByTickBidAskMask(t: { bidPastLow: boolean; askPastHigh: boolean }): number {
  return (t.bidPastLow ? 1 : 0) | (t.askPastHigh ? 2 : 0);
}

/** TickAttribBidAsk mask of HISTORICAL_TICKS_BID_ASK 97: the other bit order, bit 0 askPastHigh, bit 1 bidPastLow. */
export function historicalBidAskMask(t: { bidPastLow: boolean; askPastHigh: boolean }): number {
  return (t.askPastHigh ? 1 : 0) | (t.bidPastLow ? 2 : 0);
}

/** The quote a subscriber last saw (carried across polls and across the chunks of a historical request). */
export interface QuoteCursor {
  has: boolean;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  mid: number;
}

export function emptyCursor(): QuoteCursor {
  return { has: false, bid: 0, ask: 0, bidSize: 0, askSize: 0, mid: 0 };
}

function tradeTick(p: Print): TradeTick {
  return {
    kind: 'trade',
    time: Math.floor(p.timeMs / 1000),
    timeMs: p.timeMs,
    price: p.price,
    size: p.size,
    exchange: p.exchange,
    specialConditions: p.specialConditions,
    pastLimit: p.pastLimit,
    unreported: p.unreported,
  };
}

export class TickModel {
  readonly tape: Tape;
  private readonly top = emptyTop();
  private readonly grid: number[] = [];
  /** Session high/low trackers per instrument (cheap while time moves forward). */
  private readonly extremes = new Map<number, SessionExtremes>();

  constructor(readonly market: Market) {
    this.tape = new Tape(market);
  }

  private extremesOf(inst: Instrument): SessionExtremes {
    let e = this.extremes.get(inst.conId);
    if (!e) {
      e = new SessionExtremes(this.market, inst);
      this.extremes.set(inst.conId, e);
    }
    return e;
  }

  /** Trade ticks with time in [from, to): every print (AllLast) or the reported ones (Last). */
  trades(inst: Instrument, from: number, to: number, all: boolean, out: TradeTick[] = []): TradeTick[] {
    if (!Tape.trades(inst)) return out;
    this.tape.eachSessionMinute(inst, from, to, (path, i) => {
      for (const p of this.tape.minute(inst, path, i)) {
        if (p.timeMs < from || p.timeMs >= to || (!all && p.unreported)) continue;
        out.push(tradeTick(p));
      }
    });
    return out;
  }

  /**
   * Sets `cursor` to the quote in force just before `t` (nothing when `t` opens a session, so a session's first
   * instant always yields a tick).
   */
  prime(inst: Instrument, t: number, cursor: QuoteCursor): void {
    const at = this.market.effectiveTime(inst, t);
    const q = l1Top(this.market, inst, t - 1, this.top);
    cursor.has = q.live && at.live && q.session?.start === at.session?.start;
    cursor.bid = q.bid;
    cursor.ask = q.ask;
    cursor.bidSize = q.bidSize;
    cursor.askSize = q.askSize;
    cursor.mid = midOf(q.bid, q.ask);
  }

  /**
   * BidAsk ticks in [from, to) relative to `cursor` (updated): one whenever bid or ask changes, or (unless
   * `ignoreSize`) a size. Only live session time produces ticks.
   */
  quotes(
    inst: Instrument,
    from: number,
    to: number,
    ignoreSize: boolean,
    cursor: QuoteCursor,
    out: BidAskTick[] = [],
  ): BidAskTick[] {
    const ext = this.extremesOf(inst);
    this.eachQuoteChange(inst, from, to, (t, q) => {
      const priceMoved = !cursor.has || q.bid !== cursor.bid || q.ask !== cursor.ask;
      const sizeMoved = q.bidSize !== cursor.bidSize || q.askSize !== cursor.askSize;
      if (!priceMoved && (ignoreSize || !sizeMoved)) return;
      cursor.has = true;
      cursor.bid = q.bid;
      cursor.ask = q.ask;
      cursor.bidSize = q.bidSize;
      cursor.askSize = q.askSize;
      cursor.mid = midOf(q.bid, q.ask);
      out.push(bidAskTick(q, q.session as NonNullable<typeof q.session>, t, ext));
    });
    return out;
  }

  /** The quote in force at `t` as a BidAsk tick (undefined while the market is closed). */
  quoteAt(inst: Instrument, t: number): BidAskTick | undefined {
    const q = l1Top(this.market, inst, t, this.top);
    if (!q.live || !q.session) return undefined;
    return bidAskTick(q, q.session, t, this.extremesOf(inst));
  }

  /** MidPoint ticks in [from, to) relative to `cursor` (updated): one whenever (bid + ask) / 2 changes. */
  midpoints(
    inst: Instrument,
    from: number,
    to: number,
    cursor: QuoteCursor,
    out: MidPointTick[] = [],
  ): MidPointTick[] {
    this.eachQuoteChange(inst, from, to, (t, q) => {
      const mid = midOf(q.bid, q.ask);
      if (cursor.has && mid === cursor.mid) return;
      cursor.has = true;
      cursor.bid = q.bid;
      cursor.ask = q.ask;
      cursor.bidSize = q.bidSize;
      cursor.askSize = q.askSize;
      cursor.mid = mid;
      out.push({ kind: 'midPoint', time: Math.floor(t / 1000), timeMs: t, midPoint: mid });
    });
    return out;
  }

  /**
   * Calls `fn` with the L1 quote at every instant in [from, to) of live session time where it may change: the
   * 100 ms grid of Market.quote's spread/size draw and the instants the last price crosses a tick.
   */
  private eachQuoteChange(inst: Instrument, from: number, to: number, fn: (t: number, q: Top) => void): void {
    const grid = this.grid;
    this.tape.eachSessionMinute(inst, from, to, (path: DayPath, i: number) => {
      const ms0 = path.t0 + i * 60_000;
      const k0 = Math.max(0, Math.floor((from - ms0) / 1000));
      const k1 = Math.min(60, Math.ceil((to - ms0) / 1000));
      for (let k = k0; k < k1; k++) {
        const t0 = ms0 + k * 1000;
        const nseg = this.tape.segments(inst, path, t0);
        // Merge the 100 ms grid with the tick crossings inside the second.
        grid.length = 0;
        let s = 1;
        for (let g = 0; g < 1000; g += 100) {
          while (s < nseg && this.tape.segmentOffset(s) < g) grid.push(this.tape.segmentOffset(s++));
          grid.push(g);
          while (s < nseg && this.tape.segmentOffset(s) === g) s++;
        }
        while (s < nseg) grid.push(this.tape.segmentOffset(s++));
        for (const off of grid) {
          const t = t0 + off;
          if (t < from || t >= to) continue;
          const q = l1Top(this.market, inst, t, this.top);
          if (!q.live) continue;
          fn(t, q);
        }
      }
    });
  }
}

function midOf(bid: number, ask: number): number {
  return Math.round(((bid + ask) / 2) * 1e9) / 1e9;
}

/** Ticks of one type in [from, to), continuing from `cursor` for the quote types. */
function ticksBetween(
  model: TickModel,
  inst: Instrument,
  type: TickByTickType,
  from: number,
  to: number,
  ignoreSize: boolean,
  cursor: QuoteCursor,
): TickByTick[] {
  switch (type) {
    case 'Last':
    case 'AllLast':
      return model.trades(inst, from, to, type === 'AllLast');
    case 'BidAsk':
      return model.quotes(inst, from, to, ignoreSize, cursor);
    case 'MidPoint':
      return model.midpoints(inst, from, to, cursor);
  }
}

/**
 * At least `n` ticks of [from, to) — the first ones going forward, the last ones going backward — plus the rest of
 * the second the n-th one falls in ("to complete a full second, more ticks may be returned than requested", IB's
 * historical_time_and_sales), fewer when the span holds fewer. Generated a minute at a time. Quote ticks are
 * changes: the quote in force at `windowStart` (the session's or regular hours' open) counts as one, later ones
 * only when they differ from the quote just before.
 */
export function collectTicks(
  model: TickModel,
  inst: Instrument,
  type: TickByTickType,
  window: { from: number; to: number; windowStart: number },
  n: number,
  direction: 'forward' | 'backward',
  ignoreSize: boolean,
): TickByTick[] {
  const { from, to, windowStart } = window;
  if (n <= 0 || to <= from) return [];
  const cursor = emptyCursor();
  const prime = (t: number): void => {
    if (t > windowStart) model.prime(inst, t, cursor);
    else cursor.has = false;
  };
  if (direction === 'forward') {
    const out: TickByTick[] = [];
    prime(from);
    for (let a = from; a < to;) {
      const b = Math.min(to, Math.floor(a / 60_000) * 60_000 + 60_000);
      for (const t of ticksBetween(model, inst, type, a, b, ignoreSize, cursor)) out.push(t);
      a = b;
      if (out.length >= n) {
        const sec = (out[n - 1] as TickByTick).time;
        // Every tick of that second is in: chunks end on whole seconds.
        let end = n;
        while (end < out.length && (out[end] as TickByTick).time === sec) end++;
        out.length = end;
        return out;
      }
    }
    return out;
  }
  const chunks: TickByTick[][] = [];
  let count = 0;
  for (let b = to; b > from && count < n;) {
    const a = Math.max(from, b % 60_000 === 0 ? b - 60_000 : Math.floor(b / 60_000) * 60_000);
    prime(a);
    const chunk = ticksBetween(model, inst, type, a, b, ignoreSize, cursor);
    chunks.push(chunk);
    count += chunk.length;
    b = a;
  }
  const all: TickByTick[] = [];
  for (let c = chunks.length - 1; c >= 0; c--) for (const t of chunks[c] as TickByTick[]) all.push(t);
  if (all.length <= n) return all;
  let begin = all.length - n;
  const sec = (all[begin] as TickByTick).time;
  while (begin > 0 && (all[begin - 1] as TickByTick).time === sec) begin--;
  return all.slice(begin);
}

/**
 * One reqTickByTickData subscription. start() gives what goes out first: the numberOfTicks most recent ticks of the
 * session in progress (at most 1000; IB documents numberOfTicks as historical ticks sent first, UNCONFIRMED in
 * protocol-depth-ticks.md §4.1), or, for BidAsk/MidPoint with none asked, the quote in force. poll(now) gives the
 * ticks since the previous call, up to and including `now`; nothing while the market is closed.
 */
export class TickByTickStream {
  private cursor = 0;
  private readonly quote: QuoteCursor = emptyCursor();

  constructor(
    private readonly model: TickModel,
    readonly inst: Instrument,
    readonly type: TickByTickType,
    readonly ignoreSize: boolean,
  ) {}

  start(now: number, numberOfTicks: number): TickByTick[] {
    this.cursor = now + 1;
    const n = Math.min(1000, Math.max(0, Math.floor(numberOfTicks)));
    const eff = this.model.market.effectiveTime(this.inst, now);
    let out: TickByTick[] = [];
    if (n > 0 && eff.session) {
      const window = { from: eff.session.start, to: now + 1, windowStart: eff.session.start };
      out = collectTicks(this.model, this.inst, this.type, window, n, 'backward', this.ignoreSize);
    }
    if (this.type === 'BidAsk' || this.type === 'MidPoint') {
      this.model.prime(this.inst, now + 1, this.quote);
      if (n === 0 && this.quote.has) {
        const q = this.model.quoteAt(this.inst, now);
        if (q)
          out.push(
            this.type === 'BidAsk'
              ? q
              : { kind: 'midPoint', time: q.time, timeMs: now, midPoint: this.quote.mid },
          );
      }
    }
    return out;
  }

  poll(now: number): TickByTick[] {
    const from = this.cursor;
    const to = now + 1;
    if (to <= from) return [];
    this.cursor = to;
    return ticksBetween(this.model, this.inst, this.type, from, to, this.ignoreSize, this.quote);
  }
}
