// Live market state read off the price paths: top-of-book quote, last trade and the session's open/high/low/
// volume at any instant. Quotes are pure functions of (seed, instrument, time), so every client, the matching
// engine and history see the same market. Outside a session (only with realHours) the quote is frozen at the
// session's end.
import type { Instrument } from './instrument';
import type { Universe } from './universe';
import { PathModel } from './price-path';
import type { DayPath } from './price-path';
import { SessionCalendar } from './sessions';
import type { Session } from './sessions';
import { hash32, unit } from './rng';
import { addWholeMinutes, figuresAt, minuteStartOf } from './session-tally';
import type { SessionTally } from './session-tally';
import { etDay, etMidnight } from '../wire/tws-time';

export interface Quote {
  bid: number;
  ask: number;
  last: number;
  bidSize: number;
  askSize: number;
  lastSize: number;
  /** Session volume so far (shares / contracts). */
  volume: number;
  high: number;
  low: number;
  /** Today's regular-session open (or the session's first price before the open). */
  open: number;
  /** Previous session's close. */
  close: number;
  /** Epoch seconds of the last trade. */
  lastTime: number;
  /** Trades so far in the session (for TOP_TRADE_COUNT). */
  trades: number;
  /** False when the market is closed and this is the frozen end-of-session quote. */
  live: boolean;
}

/** The top of book: what the L1 view reads of a quote. */
export type TopOfBook = Pick<Quote, 'bid' | 'ask' | 'last' | 'bidSize' | 'askSize' | 'lastSize'>;

/** The touch and the last trade: the fields every quote of the model has, a stock's (Quote) or an option's. */
export type Touch = Pick<Quote, 'bid' | 'ask' | 'bidSize' | 'askSize' | 'last' | 'lastSize'>;

/** A touch with nothing on it yet. */
export function emptyTouch(): Touch {
  return { bid: 0, ask: 0, bidSize: 0, askSize: 0, last: 0, lastSize: 0 };
}

export function emptyQuote(): Quote {
  return {
    bid: 0,
    ask: 0,
    last: 0,
    bidSize: 0,
    askSize: 0,
    lastSize: 0,
    volume: 0,
    high: 0,
    low: 0,
    open: 0,
    close: 0,
    lastTime: 0,
    trades: 0,
    live: false,
  };
}

interface Stats extends SessionTally {
  /** Previous session's close and this session's open (constant within a session). */
  prevClose: number;
  open: number;
  openAt: number;
}

const MINUTE = 60_000;

/** Quotes of instruments outside the universe's arrays (options, index -1): their own model prices them. */
export interface DerivativeQuotes {
  quote(inst: Instrument, t: number, out: Quote, lane: 0 | 1): Quote;
}

export class Market {
  readonly paths: PathModel;
  readonly calendar: SessionCalendar;
  /** Session statistics per lane (0: live quotes, 1: delayed quotes), so the two never thrash each other. */
  private readonly stats: (Stats | undefined)[][];
  private dayStart = 0;
  private dayEnd = 0;
  private day = 0;
  private derivatives: DerivativeQuotes | undefined;
  /** Price jumps injected by the jump-price fault, by instrument index: the path times `factor` from `at` on. */
  private readonly jumps = new Map<number, { at: number; factor: number }>();

  constructor(
    readonly universe: Universe,
    readonly seed: number,
    realHours: boolean,
  ) {
    this.paths = new PathModel(seed);
    this.calendar = new SessionCalendar(realHours);
    this.stats = [
      new Array<Stats | undefined>(universe.instruments.length),
      new Array<Stats | undefined>(universe.instruments.length),
    ];
  }

  /** ET day of `t`, cached for the current day (hot path: called for every quote). */
  etDayOf(t: number): number {
    if (t >= this.dayStart && t < this.dayEnd) return this.day;
    const d = etDay(t);
    const s = etMidnight(d);
    const e = etMidnight(d + 1);
    if (t >= s && t < e) {
      this.day = d;
      this.dayStart = s;
      this.dayEnd = e;
    }
    return d;
  }

  roundPrice(inst: Instrument, price: number): number {
    const r = Math.round(price / inst.minTick) * inst.minTick;
    return Math.round(r * 1e8) / 1e8;
  }

  /** The path price (unrounded) at `t`, moved by an injected jump from the jump's instant on. */
  rawPrice(inst: Instrument, t: number): number {
    const day = this.etDayOf(t);
    const path = this.paths.dayPath(inst, day);
    const price = this.priceOnPath(inst, path, t);
    const jump = this.jumps.size > 0 ? this.jumps.get(inst.index) : undefined;
    return jump && t >= jump.at ? price * jump.factor : price;
  }

  /**
   * A fault (tests only): from `at` on, the instrument's quotes, depth top, fills and scans read its path times
   * `factor`, as after a halt or a news gap; bars already in history and the trade tape keep the path.
   */
  jump(inst: Instrument, factor: number, at: number): void {
    if (!(factor > 0) || !Number.isFinite(factor))
      throw new RangeError(`a price jump needs a factor > 0, got ${factor}`);
    this.jumps.set(inst.index, { at, factor });
  }

  /** Ends every injected jump: quotes read the paths again. */
  clearJumps(): void {
    this.jumps.clear();
  }

  priceOnPath(inst: Instrument, path: DayPath, t: number): number {
    const into = t - path.t0;
    let i = Math.floor(into / MINUTE);
    if (i < 0) i = 0;
    if (i >= path.n) return path.p[path.n] as number;
    const sp = this.paths.secondPath(inst, path, i);
    const secs = (into - i * MINUTE) / 1000;
    const s = Math.floor(secs);
    const f = secs - s;
    const a = sp.p[s] as number;
    return s >= 60 ? a : a + ((sp.p[s + 1] as number) - a) * f;
  }

  /** The instant whose market a quote at `t` shows: `t` while a session is open, else the last session's end. */
  effectiveTime(inst: Instrument, t: number): { t: number; session: Session | undefined; live: boolean } {
    const day = this.etDayOf(t);
    const open = this.calendar.sessionAt(inst, t, day);
    if (open) return { t, session: open, live: true };
    const last = this.calendar.lastSession(inst, t, day);
    if (!last) return { t, session: undefined, live: false };
    return { t: Math.min(t, last.end - 1), session: last, live: false };
  }

  /**
   * The option model reads this market for its underlyings, so it is attached once both exist; from then on the
   * matching engine, margin and account values quote an option through `quote` like any instrument.
   */
  attachDerivatives(d: DerivativeQuotes): void {
    this.derivatives = d;
  }

  /**
   * Fills the top of book at effective instant `te` from `raw`, the path price there: last is `raw` on the tick
   * grid, the spread and the bid/ask sizes are drawn per 100 ms, the last size per second. Market.quote and the
   * depth streams' L1 view (depth/l1-view.ts) both read it.
   */
  fillTop(inst: Instrument, te: number, raw: number, out: TopOfBook): void {
    const tick = inst.minTick;
    const last = this.roundPrice(inst, raw);
    const rel = inst.secType === 'STK' ? 0.00003 : inst.secType === 'CASH' ? 0.00008 : 0;
    const spreadTicks = Math.max(1, Math.round((last * rel) / tick));
    const h = hash32(this.seed, inst.conId, Math.floor(te / 100), 5);
    const k = Math.floor(unit(h) * (spreadTicks + 1));
    const bid = this.roundPrice(inst, last - k * tick);
    out.bid = bid;
    out.ask = this.roundPrice(inst, bid + spreadTicks * tick);
    out.last = last;
    const lot = inst.lotSize;
    out.bidSize = lot * (1 + ((h >>> 8) % 24));
    out.askSize = lot * (1 + ((h >>> 16) % 24));
    out.lastSize = this.lastSizeAt(inst, Math.floor(te / 1000));
  }

  /** The LAST_SIZE shown during epoch second `sec`. */
  lastSizeAt(inst: Instrument, sec: number): number {
    const hs = hash32(this.seed, inst.conId, sec, 6);
    return inst.secType === 'STK'
      ? Math.max(1, Math.round(inst.avgTradeSize * (0.2 + 1.6 * unit(hs))))
      : Math.max(1, Math.round(inst.avgTradeSize * (0.5 + unit(hs))));
  }

  /** Fills `out` with the quote at `t` and returns it (no allocation on the hot path). Lane 1 is for delayed data. */
  quote(inst: Instrument, t: number, out: Quote, lane: 0 | 1 = 0): Quote {
    if (inst.index < 0) {
      if (!this.derivatives)
        throw new Error(`${inst.localSymbol} has no quotes: no option model is attached`);
      return this.derivatives.quote(inst, t, out, lane);
    }
    const eff = this.effectiveTime(inst, t);
    const te = eff.t;
    const raw = this.rawPrice(inst, te);
    this.fillTop(inst, te, raw, out);
    const last = out.last;
    const sec = Math.floor(te / 1000);
    out.lastTime = sec;
    out.live = eff.live;
    const session = eff.session;
    if (!session) {
      out.volume = 0;
      out.high = last;
      out.low = last;
      out.open = last;
      out.close = last;
      out.trades = 0;
      return out;
    }
    const st = this.sessionStats(inst, session, te, raw, out, lane);
    const openAt = te >= session.rthStart ? session.rthStart : session.start;
    if (st.openAt !== openAt) {
      st.openAt = openAt;
      st.open = this.roundPrice(inst, this.rawPrice(inst, openAt));
    }
    out.open = st.open;
    out.close = st.prevClose;
    return out;
  }

  /** Close of the session before `session` (the CLOSE tick): its regular-hours end price. */
  previousClose(inst: Instrument, session: Session): number {
    for (let d = session.day - 1; d > session.day - 10; d--) {
      const prev = this.calendar.session(inst, d);
      if (prev) return this.roundPrice(inst, this.rawPrice(inst, prev.rthEnd - 1));
    }
    return this.roundPrice(inst, this.rawPrice(inst, session.start));
  }

  /** Session-to-date high, low, volume and trade count at `te`, accumulated a minute at a time. */
  private sessionStats(
    inst: Instrument,
    session: Session,
    te: number,
    raw: number,
    out: Quote,
    lane: 0 | 1,
  ): Stats {
    const stats = this.stats[lane] as (Stats | undefined)[];
    let st = stats[inst.index];
    if (!st || st.sessionStart !== session.start || st.upTo > te) {
      st = {
        sessionStart: session.start,
        prevClose: this.previousClose(inst, session),
        open: 0,
        openAt: -1,
        upTo: session.start,
        hi: -Infinity,
        lo: Infinity,
        vol: 0,
        trades: 0,
      };
      stats[inst.index] = st;
    }
    addWholeMinutes(this, inst, st, minuteStartOf(session.start, te));
    figuresAt(this, inst, st, te, raw, out);
    out.high = this.roundPrice(inst, out.high);
    out.low = this.roundPrice(inst, out.low);
    return st;
  }
}
