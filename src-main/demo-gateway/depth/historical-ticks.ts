// reqHistoricalTicks (96) for the modelled history: TRADES (every print, HISTORICAL_TICKS_LAST 98), BID_ASK (quote
// changes, HISTORICAL_TICKS_BID_ASK 97) and MIDPOINT (HISTORICAL_TICKS 96) from the same tape and quotes as the
// live streams, so a request for the last minute returns what tick-by-tick showed. Rules, after IB's
// historical_time_and_sales page: exactly one of start and end; at most 1,000 ticks (a larger request gets 1,000),
// plus the rest of the last second; one session per request: forward from `start` to the end of the session (or of
// regular hours with useRth) that holds or follows it, backward from `end` to the start of the session that holds or
// precedes it; nothing after `now`, nothing before the first generated day. Spans are half-open, [start, …) and
// […, end). Times are epoch seconds, as on the wire.
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import { etDay, etMidnight } from '../wire/tws-time';
import { EPOCH_DAY } from '../model/price-path';
import { Tape } from './tape';
import { collectTicks } from './ticks';
import type { BidAskTick, MidPointTick, TickModel, TradeTick } from './ticks';

type HistoricalWhat = 'TRADES' | 'BID_ASK' | 'MIDPOINT';

export interface HistoricalTicksQuery {
  readonly inst: Instrument;
  /** UTC ms; exactly one of start and end. */
  readonly start?: number | undefined;
  readonly end?: number | undefined;
  readonly numberOfTicks: number;
  /** As the client sent it (validated here). */
  readonly whatToShow: string;
  readonly useRth: boolean;
  /** BID_ASK only: leave out ticks where only a size changed. */
  readonly ignoreSize: boolean;
  readonly now: number;
}

/** HISTORICAL_TICKS_LAST (98) tick: mask bit 0 pastLimit, bit 1 unreported (lastMask). */
export interface HistoricalTickLast {
  readonly time: number;
  readonly pastLimit: boolean;
  readonly unreported: boolean;
  readonly price: number;
  readonly size: number;
  readonly exchange: string;
  readonly specialConditions: string;
}

/** HISTORICAL_TICKS_BID_ASK (97) tick: mask bit 0 askPastHigh, bit 1 bidPastLow (historicalBidAskMask). */
export interface HistoricalTickBidAsk {
  readonly time: number;
  readonly askPastHigh: boolean;
  readonly bidPastLow: boolean;
  readonly priceBid: number;
  readonly priceAsk: number;
  readonly sizeBid: number;
  readonly sizeAsk: number;
}

/** HISTORICAL_TICKS (96) tick: time, an unused field (send 0), price, size (0 for midpoints). */
export interface HistoricalTickMid {
  readonly time: number;
  readonly price: number;
  readonly size: number;
}

export type HistoricalTicksResult = { readonly done: true; readonly from: number; readonly to: number } & (
  | { readonly whatToShow: 'TRADES'; readonly ticks: HistoricalTickLast[] }
  | { readonly whatToShow: 'BID_ASK'; readonly ticks: HistoricalTickBidAsk[] }
  | { readonly whatToShow: 'MIDPOINT'; readonly ticks: HistoricalTickMid[] }
);

export type HistoricalTicksErrorCode = 'BAD_TIMES' | 'BAD_COUNT' | 'BAD_WHAT_TO_SHOW' | 'NO_TRADES';

/**
 * A request the demo refuses. `twsCode` is what to send as ERR_MSG: 10187 "Failed to request historical ticks"
 * (the code IB uses for refused tick requests; the suffix texts are the demo's own).
 */
export class HistoricalTicksError extends Error {
  readonly twsCode = 10187;
  constructor(
    readonly code: HistoricalTicksErrorCode,
    message: string,
  ) {
    super(`Failed to request historical ticks:${message}`);
    this.name = 'HistoricalTicksError';
  }
}

const MAX_HISTORICAL_TICKS = 1000;
const FIRST_MS = etMidnight(EPOCH_DAY);

function parseWhatToShow(text: string): HistoricalWhat | undefined {
  const t = text.trim().toUpperCase();
  return t === 'TRADES' || t === 'BID_ASK' || t === 'MIDPOINT' ? t : undefined;
}

/** The ticks of one reqHistoricalTicks; throws HistoricalTicksError for a request TWS would refuse. */
export function historicalTicks(model: TickModel, q: HistoricalTicksQuery): HistoricalTicksResult {
  const what = parseWhatToShow(q.whatToShow);
  if (!what)
    throw new HistoricalTicksError('BAD_WHAT_TO_SHOW', `whatToShow ${q.whatToShow} is not supported`);
  const hasStart = q.start !== undefined && Number.isFinite(q.start);
  const hasEnd = q.end !== undefined && Number.isFinite(q.end);
  if (hasStart === hasEnd) {
    throw new HistoricalTicksError('BAD_TIMES', 'exactly one of start time and end time has to be defined');
  }
  if (!Number.isInteger(q.numberOfTicks) || q.numberOfTicks < 1) {
    throw new HistoricalTicksError(
      'BAD_COUNT',
      `numberOfTicks must be a positive integer: ${q.numberOfTicks}`,
    );
  }
  if (what === 'TRADES' && !Tape.trades(q.inst)) {
    throw new HistoricalTicksError(
      'NO_TRADES',
      `no TRADES data for ${q.inst.localSymbol} on ${q.inst.exchange}`,
    );
  }
  const n = Math.min(MAX_HISTORICAL_TICKS, q.numberOfTicks);
  const w = hasStart
    ? sessionAfter(model.market, q.inst, q.start as number, q.useRth)
    : sessionBefore(model.market, q.inst, q.end as number, q.useRth);
  const from = w ? Math.max(w.from, FIRST_MS) : 0;
  const to = w ? Math.min(w.to, q.now) : 0;
  const window = { from, to, windowStart: w ? w.windowStart : 0 };
  const direction = hasStart ? 'forward' : 'backward';
  switch (what) {
    case 'TRADES': {
      const ticks = collectTicks(model, q.inst, 'AllLast', window, n, direction, false) as TradeTick[];
      return { whatToShow: what, done: true, from, to, ticks: ticks.map(toLast) };
    }
    case 'BID_ASK': {
      const ticks = collectTicks(model, q.inst, 'BidAsk', window, n, direction, q.ignoreSize) as BidAskTick[];
      return { whatToShow: what, done: true, from, to, ticks: ticks.map(toBidAsk) };
    }
    case 'MIDPOINT': {
      const ticks = collectTicks(model, q.inst, 'MidPoint', window, n, direction, false) as MidPointTick[];
      return { whatToShow: what, done: true, from, to, ticks: ticks.map(toMid) };
    }
  }
}

interface Span {
  from: number;
  to: number;
  windowStart: number;
}

function windowOf(market: Market, inst: Instrument, day: number, useRth: boolean): Span | undefined {
  const s = market.calendar.session(inst, day);
  if (!s) return undefined;
  const a = useRth ? s.rthStart : s.start;
  const b = useRth ? s.rthEnd : s.end;
  return { from: a, to: b, windowStart: a };
}

/** From `start` to the end of the session window holding it, or the whole next one when `start` is between them. */
function sessionAfter(market: Market, inst: Instrument, start: number, useRth: boolean): Span | undefined {
  for (let d = etDay(start) - 1; d <= etDay(start) + 14; d++) {
    const w = windowOf(market, inst, d, useRth);
    if (w && w.to > start) return { from: Math.max(start, w.from), to: w.to, windowStart: w.windowStart };
  }
  return undefined;
}

/** From the start of the session window holding `end` (or the last one before it) up to `end`. */
function sessionBefore(market: Market, inst: Instrument, end: number, useRth: boolean): Span | undefined {
  for (let d = etDay(end) + 1; d >= etDay(end) - 14; d--) {
    const w = windowOf(market, inst, d, useRth);
    if (w && w.from < end) return { from: w.from, to: Math.min(end, w.to), windowStart: w.windowStart };
  }
  return undefined;
}

function toLast(t: TradeTick): HistoricalTickLast {
  return {
    time: t.time,
    pastLimit: t.pastLimit,
    unreported: t.unreported,
    price: t.price,
    size: t.size,
    exchange: t.exchange,
    specialConditions: t.specialConditions,
  };
}

function toBidAsk(t: BidAskTick): HistoricalTickBidAsk {
  return {
    time: t.time,
    askPastHigh: t.askPastHigh,
    bidPastLow: t.bidPastLow,
    priceBid: t.bidPrice,
    priceAsk: t.askPrice,
    sizeBid: t.bidSize,
    sizeAsk: t.askSize,
  };
}

function toMid(t: MidPointTick): HistoricalTickMid {
  return { time: t.time, price: t.midPoint, size: 0 };
}
