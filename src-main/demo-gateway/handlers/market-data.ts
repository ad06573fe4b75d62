// Level-1 market data: reqMktData/cancelMktData, snapshots, market data types and the tick stream. One quote per
// instrument and beat is computed for all subscribers; only changed fields go out (tickPrice carries the size for
// bid/ask/last, tickSize alone when just a size changed), with the delayed tick ids 66-76 for delayed data.
// Options are lines like any other (same ticker ids, errors and types) with their own parts (option-ticks.ts).
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import { emptyQuote } from '../model/market';
import type { Quote } from '../model/market';
import type { ContractRequest } from '../orders/order-types';
import { resolveOne } from './contracts';
import { resolveOption } from './options';
import {
  OPTION_GENERIC_TICKS,
  OPTION_STATS,
  emitOptionTicks,
  emitUnderlyingStats,
  newOptionTickState,
} from './option-ticks';
import type { OptionTickState } from './option-ticks';
import {
  marketDataType,
  tickGeneric,
  tickPrice,
  tickReqParams,
  tickSize,
  tickSnapshotEnd,
  tickString,
} from '../wire/encoder';
import { MIN_SERVER_VER_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import { BENCH_STAMP_TICK, benchStampText } from '../gateway-options';

/** Tick ids (ibapi/ticktype.py). */
const Tick = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  HIGH: 6,
  LOW: 7,
  VOLUME: 8,
  CLOSE: 9,
  OPEN: 14,
  AVG_VOLUME: 21,
  MARK_PRICE: 37,
  LAST_TIMESTAMP: 45,
  SHORTABLE: 46,
  RT_VOLUME: 48,
} as const;

/** Live tick id → its delayed twin (DELAYED_BID 66 … DELAYED_OPEN 76, DELAYED_LAST_TIMESTAMP 88). */
const DELAYED: Record<number, number> = {
  1: 66,
  2: 67,
  4: 68,
  0: 69,
  3: 70,
  5: 71,
  6: 72,
  7: 73,
  8: 74,
  9: 75,
  14: 76,
  45: 88,
};

/** Bid and ask: a price tick carrying its size, and a size tick when only the size moved. */
const QUOTE_SIDES = [
  { price: 'bid', size: 'bidSize', priceTick: Tick.BID, sizeTick: Tick.BID_SIZE },
  { price: 'ask', size: 'askSize', priceTick: Tick.ASK, sizeTick: Tick.ASK_SIZE },
] as const;

/** The session's prices, in the order TWS sends them. */
const SESSION_PRICES = [
  ['high', Tick.HIGH],
  ['low', Tick.LOW],
  ['close', Tick.CLOSE],
  ['open', Tick.OPEN],
] as const;

const DELAY_MS = 15 * 60_000;
const G_RT_VOLUME = 1;
const G_SHORTABLE = 2;
const G_MARK = 4;
const G_STATS = 8;

/** A market-data line; its quote fields hold what was last sent on it (only changes go out). */
interface Sub extends Omit<Quote, 'lastTime' | 'trades' | 'live'> {
  session: Session;
  reqId: number;
  inst: Instrument;
  delayed: boolean;
  /** Requested 2 or 4: when the market is closed, TWS shows the last values without updates. */
  frozenAllowed: boolean;
  reportedType: number;
  generic: number;
  mdoff: boolean;
  lot: number;
  /** Options, and underlyings asked for option statistics: what the option parts last sent. */
  optionTicks: OptionTickState | undefined;
}

export class MarketDataService {
  private readonly bySession = new Map<Session, Map<number, Sub>>();
  private subs: Sub[] = [];
  private readonly quotes: [Quote[], Quote[]];
  private readonly quoteBeat: [Int32Array, Int32Array];
  private beatNo = 0;
  private stampSeq = 0;
  /** The quote view an option line is emitted from (filled and read within one emit). */
  private readonly optionView = emptyQuote();

  constructor(private readonly ctx: GatewayContext) {
    const n = ctx.universe.instruments.length;
    this.quotes = [Array.from({ length: n }, emptyQuote), Array.from({ length: n }, emptyQuote)];
    this.quoteBeat = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)];
  }

  get count(): number {
    return this.subs.length;
  }

  hasWork(): boolean {
    return this.subs.length > 0;
  }

  setType(s: Session, type: number): void {
    if (type < 1 || type > 4) {
      s.error(-1, 321, `Error validating request.-'bC' : cause - Invalid market data type: ${type}`);
      return;
    }
    s.marketDataType = type;
    s.mdTypeSet = true;
  }

  subscribe(
    s: Session,
    reqId: number,
    c: ContractRequest,
    genericTickList: string,
    snapshot: boolean,
    regulatory: boolean,
  ): void {
    const mine = this.bySession.get(s);
    if (mine?.has(reqId)) {
      s.error(reqId, 322, `Error processing request.-'cc' : cause - Duplicate ticker id`);
      return;
    }
    const r = resolveOption(this.ctx, c) ?? resolveOne(this.ctx.universe, c);
    if (!r.ok) {
      s.error(reqId, r.code, r.text);
      return;
    }
    let generic = 0;
    let mdoff = false;
    for (const token of genericTickList
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')) {
      if (token.toLowerCase() === 'mdoff') {
        mdoff = true;
        continue;
      }
      // News ticks may name their providers ("292:BRFG+DJNL"); handlers/news.ts serves them.
      if (!/^\d+$/.test(token) && !/^292:[\w+]*$/.test(token)) {
        s.error(
          reqId,
          321,
          `Error validating request.-'bW' : cause - Incorrect generic tick list of ${genericTickList}.`,
        );
        return;
      }
      if (snapshot) {
        s.error(
          reqId,
          321,
          "Error validating request.-'bW' : cause - Snapshot market data subscription is not applicable to generic ticks",
        );
        return;
      }
      const n = Number(token);
      if (n === 233) generic |= G_RT_VOLUME;
      else if (n === 236) generic |= G_SHORTABLE;
      else if (n === 221) generic |= G_MARK;
      else if (n === 165) generic |= G_STATS;
      else generic |= OPTION_GENERIC_TICKS[n] ?? 0;
    }
    const inst = r.inst;
    const requested = s.marketDataType;
    const live = this.ctx.options.liveData;
    if (!live && (requested === 1 || requested === 2)) {
      s.error(reqId, 354, 'Requested market data is not subscribed. Delayed market data is available.');
      return;
    }
    const delayed = !live;
    const sub: Sub = {
      session: s,
      reqId,
      inst,
      delayed,
      frozenAllowed: requested === 2 || requested === 4,
      reportedType: 0,
      generic,
      mdoff,
      lot: inst.secType === 'STK' && s.version < MIN_SERVER_VER_MARKET_DATA_IN_SHARES ? 100 : 1,
      optionTicks:
        inst.secType === 'OPT' ||
        ((generic & OPTION_STATS) !== 0 && this.ctx.optionInstruments.model.chains.isOptionable(inst))
          ? newOptionTickState()
          : undefined,
      bid: NaN,
      ask: NaN,
      last: NaN,
      bidSize: NaN,
      askSize: NaN,
      lastSize: NaN,
      volume: NaN,
      high: NaN,
      low: NaN,
      open: NaN,
      close: NaN,
    };
    const now = this.ctx.clock.now();
    const q = this.quoteFor(inst, delayed ? 1 : 0, now, -1);
    s.send(tickReqParams(reqId, inst.minTick, inst.secType === 'STK' ? '9c0001' : '', 3));
    const type = this.effectiveType(sub, q);
    sub.reportedType = type;
    if (s.mdTypeSet || type !== 1) s.send(marketDataType(reqId, type));
    if (delayed)
      s.error(reqId, 10167, 'Requested market data is not subscribed. Displaying delayed market data.');
    if (!this.ctx.dataPaused()) this.emit(sub, q, true, now);
    if (snapshot || regulatory) {
      s.send(tickSnapshotEnd(reqId));
      return;
    }
    let map = mine;
    if (!map) {
      map = new Map();
      this.bySession.set(s, map);
      s.onClose(() => this.dropSession(s));
    }
    map.set(reqId, sub);
    this.subs.push(sub);
    this.ctx.wake();
  }

  cancel(s: Session, reqId: number): void {
    const map = this.bySession.get(s);
    const sub = map?.get(reqId);
    if (!map || !sub) {
      s.error(reqId, 300, `Can't find EId with tickerId:${reqId}`);
      return;
    }
    map.delete(reqId);
    this.subs = this.subs.filter((x) => x !== sub);
  }

  /** 1101 "data lost": every subscription ends; clients must subscribe again. */
  dropAll(): void {
    this.bySession.clear();
    this.subs = [];
  }

  private dropSession(s: Session): void {
    if (!this.bySession.delete(s)) return;
    this.subs = this.subs.filter((x) => x.session !== s);
  }

  /** One beat of the tick stream. */
  beat(now: number): void {
    if (this.ctx.dataPaused() || this.subs.length === 0) return;
    this.beatNo++;
    // Per session, the first line that sent something this beat closes its ticks with a stamp (tick → paint), and
    // so does every option line that sent: an option moves by about delta × the stock's cent a beat, mostly less
    // than its cells show, so one stamped option would time few paints; a chain holds a few dozen lines at most.
    const stamped = this.ctx.options.benchStamps ? new Set<Session>() : undefined;
    for (const sub of this.subs) {
      const q = this.quoteFor(sub.inst, sub.delayed ? 1 : 0, now, this.beatNo);
      const type = this.effectiveType(sub, q);
      if (type !== sub.reportedType) {
        sub.reportedType = type;
        sub.session.send(marketDataType(sub.reqId, type));
      }
      const sent = this.emit(sub, q, false, now);
      const option = sub.inst.secType === 'OPT';
      if (stamped && sent && (option || !stamped.has(sub.session))) {
        if (!option) stamped.add(sub.session);
        sub.session.send(tickString(sub.reqId, BENCH_STAMP_TICK, benchStampText(++this.stampSeq)));
      }
    }
  }

  private quoteFor(inst: Instrument, lane: 0 | 1, now: number, beat: number): Quote {
    // Options are outside the universe's arrays; their registry keeps one quote per (option, lane, instant).
    if (inst.index < 0)
      return this.ctx.market.quote(inst, lane === 1 ? now - DELAY_MS : now, this.optionView, lane);
    const q = this.quotes[lane][inst.index] as Quote;
    const stamp = this.quoteBeat[lane];
    if (beat < 0 || stamp[inst.index] !== beat) {
      this.ctx.market.quote(inst, lane === 1 ? now - DELAY_MS : now, q, lane);
      stamp[inst.index] = beat;
    }
    return q;
  }

  /** The data type TWS reports: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. */
  private effectiveType(sub: Sub, q: Quote): number {
    if (sub.delayed) return !q.live && sub.frozenAllowed ? 4 : 3;
    return !q.live && sub.frozenAllowed ? 2 : 1;
  }

  /** Sends what changed since the last emission (everything when `initial`); returns whether anything went out. */
  private emit(sub: Sub, q: Quote, initial: boolean, now: number): boolean {
    const s = sub.session;
    const id = sub.reqId;
    const d = sub.delayed;
    const t = (x: number): number => (d ? (DELAYED[x] ?? x) : x);
    const lot = sub.lot;
    const fx = sub.inst.secType === 'CASH';
    const option = sub.inst.secType === 'OPT';
    let sent = false;
    if (!sub.mdoff) {
      for (const side of QUOTE_SIDES) {
        const size = Math.round(q[side.size] / lot);
        if (initial || q[side.price] !== sub[side.price]) {
          s.send(tickPrice(id, t(side.priceTick), q[side.price], size, 1));
          if (initial) s.send(tickSize(id, t(side.sizeTick), size));
          sub[side.price] = q[side.price];
          sub[side.size] = size;
          sent = true;
        } else if (size !== sub[side.size]) {
          s.send(tickSize(id, t(side.sizeTick), size));
          sub[side.size] = size;
          sent = true;
        }
      }
      // IDEALPRO has no trades: TWS sends no last, last size or volume for FX.
      if (!fx) {
        const lastSize = Math.max(1, Math.round(q.lastSize / lot));
        if (initial || q.last !== sub.last) {
          s.send(tickPrice(id, t(Tick.LAST), q.last, lastSize, 0));
          if (initial) s.send(tickSize(id, t(Tick.LAST_SIZE), lastSize));
          // An option that has not traded today has no last-trade time to report.
          if (q.lastTime > 0) s.send(tickString(id, t(Tick.LAST_TIMESTAMP), String(q.lastTime)));
          if (sub.generic & G_RT_VOLUME) {
            s.send(
              tickString(
                id,
                Tick.RT_VOLUME,
                `${q.last};${q.lastSize};${q.lastTime * 1000};${q.volume};${q.last};false`,
              ),
            );
          }
          if (sub.generic & G_MARK) s.send(tickPrice(id, Tick.MARK_PRICE, q.last, 0, 0));
          sub.last = q.last;
          sub.lastSize = lastSize;
          sent = true;
        } else if (lastSize !== sub.lastSize) {
          s.send(tickSize(id, t(Tick.LAST_SIZE), lastSize));
          sub.lastSize = lastSize;
          sent = true;
        }
        const volume = Math.round(q.volume / lot);
        if (initial || volume !== sub.volume) {
          s.send(tickSize(id, t(Tick.VOLUME), volume));
          sub.volume = volume;
          sent = true;
        }
      }
      for (const [field, tick] of SESSION_PRICES) {
        // The option model keeps no session range: an option line sends its previous close only.
        if (option && field !== 'close') continue;
        if (initial || q[field] !== sub[field]) {
          s.send(tickPrice(id, t(tick), q[field], 0, 0));
          sub[field] = q[field];
          sent = true;
        }
      }
    }
    if (initial) {
      if (sub.generic & G_SHORTABLE) s.send(tickGeneric(id, Tick.SHORTABLE, 3));
      if (sub.generic & G_STATS) s.send(tickSize(id, Tick.AVG_VOLUME, Math.round(sub.inst.avgVolume / lot)));
    }
    if (sub.optionTicks) sent = this.emitOptionParts(sub, sub.optionTicks, initial, now) || sent;
    return sent;
  }

  /** The option parts of a line (option-ticks.ts), priced at the instant the line's quote is for. */
  private emitOptionParts(sub: Sub, st: OptionTickState, initial: boolean, now: number): boolean {
    const lane = sub.delayed ? 1 : 0;
    const t = sub.delayed ? now - DELAY_MS : now;
    const options = this.ctx.optionInstruments;
    const inst = sub.inst;
    if (inst.right) {
      const { quote } = options.optionQuote(inst, t, lane);
      const opts = { delayed: sub.delayed, mdoff: sub.mdoff, generic: sub.generic, initial };
      return emitOptionTicks(sub.session, sub.reqId, quote, inst.right, opts, st);
    }
    const stats = options.model.underlyingStats(inst, t, lane);
    return emitUnderlyingStats(sub.session, sub.reqId, stats, sub.generic, initial, st);
  }
}
