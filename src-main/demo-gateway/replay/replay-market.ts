// The market as a replay sees it: an instrument with a recorded quote stream is quoted from that stream's latest
// ticks (so the matching engine fills at replayed prices, and positions and P&L follow them); any other instrument
// is the model's, at the replay clock.
import type { Instrument } from '../model/instrument';
import { Market } from '../model/market';
import type { Quote } from '../model/market';
import { MIN_SERVER_VER_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import type { RecordedStream } from './recorded-stream';

/** Tick ids of the quote fields, live and delayed (ibapi/ticktype.py). */
const PRICE = {
  bid: [1, 66],
  ask: [2, 67],
  last: [4, 68],
  high: [6, 72],
  low: [7, 73],
  close: [9, 75],
  open: [14, 76],
} as const;
const SIZE = { bidSize: [0, 69], askSize: [3, 70], lastSize: [5, 71], volume: [8, 74] } as const;

export interface QuoteSource {
  /** The recorded quote stream of an instrument, if the recording has one. */
  stream(inst: Instrument): RecordedStream | undefined;
  /** The recording's server version (stock sizes were in round lots below 159). */
  readonly version: number;
}

export class ReplayMarket extends Market {
  private source: QuoteSource | undefined;

  /** Starts quoting recorded instruments from the replay. */
  replayFrom(source: QuoteSource): void {
    this.source = source;
  }

  override quote(inst: Instrument, t: number, out: Quote, lane: 0 | 1 = 0): Quote {
    const s = lane === 0 ? this.source?.stream(inst) : undefined;
    if (!s || !replayedQuote(s, inst, t, out, this.source!.version)) return super.quote(inst, t, out, lane);
    return out;
  }
}

/** Fills `out` from a recorded stream's latest ticks; false when it has no price yet. */
function replayedQuote(s: RecordedStream, inst: Instrument, t: number, out: Quote, version: number): boolean {
  const price = (ids: readonly [number, number]): number => {
    const f = s.tick(1, ids[0]) ?? s.tick(1, ids[1]);
    const x = f ? Number(f[4]) : NaN;
    return x > 0 ? x : NaN;
  };
  const lot = inst.secType === 'STK' && version < MIN_SERVER_VER_MARKET_DATA_IN_SHARES ? 100 : 1;
  const size = (ids: readonly [number, number]): number => {
    const f = s.tick(2, ids[0]) ?? s.tick(2, ids[1]);
    const x = f ? Number(f[4]) : NaN;
    return Number.isFinite(x) ? x * lot : 0;
  };
  let bid = price(PRICE.bid);
  let ask = price(PRICE.ask);
  let last = price(PRICE.last);
  if (Number.isNaN(last))
    last = Number.isNaN(bid) || Number.isNaN(ask) ? (Number.isNaN(bid) ? ask : bid) : (bid + ask) / 2;
  if (Number.isNaN(last)) return false;
  if (Number.isNaN(bid)) bid = last;
  if (Number.isNaN(ask)) ask = last;
  const or = (x: number): number => (Number.isNaN(x) ? last : x);
  out.bid = bid;
  out.ask = ask;
  out.last = last;
  out.bidSize = size(SIZE.bidSize);
  out.askSize = size(SIZE.askSize);
  out.lastSize = size(SIZE.lastSize);
  out.volume = size(SIZE.volume);
  out.high = or(price(PRICE.high));
  out.low = or(price(PRICE.low));
  out.open = or(price(PRICE.open));
  out.close = or(price(PRICE.close));
  out.lastTime = Math.floor(t / 1000);
  out.trades = 0;
  out.live = true;
  return true;
}
