// The option parts of a market-data line. On an option: tickOptionComputation from the bid, the ask, the last and
// the model (10-13; 80-83 with delayed data) and, when asked, its own volume, open interest and implied volatility
// (generic 100 → 29 or 30, 101 → 27 or 28 by its right, 106 → 24). On an underlying: its options' statistics
// (generic 100 → 29/30, 101 → 27/28, 104 → 23, 106 → 24). Each line keeps what it last sent; only changes go out.
import type { Session } from '../connections/session';
import type { UnderlyingOptionStats } from '../options/option-market';
import type { OptionComputation, OptionQuote } from '../options/quotes';
import { tickOptionComputation } from '../wire/encode-options';
import { tickGeneric, tickSize } from '../wire/encoder';

/** Generic-tick flags of the option statistics, above the bits market-data.ts uses for its own generic ticks. */
const G_OPTION_VOLUME = 16;
const G_OPTION_OPEN_INTEREST = 32;
const G_HISTORICAL_VOL = 64;
const G_IMPLIED_VOL = 128;
/** Any of them. */
export const OPTION_STATS = G_OPTION_VOLUME | G_OPTION_OPEN_INTEREST | G_HISTORICAL_VOL | G_IMPLIED_VOL;

/** Generic tick id → flag (100 option volume, 101 open interest, 104 historical volatility, 106 implied vol). */
export const OPTION_GENERIC_TICKS: Readonly<Record<number, number>> = {
  100: G_OPTION_VOLUME,
  101: G_OPTION_OPEN_INTEREST,
  104: G_HISTORICAL_VOL,
  106: G_IMPLIED_VOL,
};

/** Tick ids (ibapi/ticktype.py). */
const Tick = {
  BID_OPTION_COMPUTATION: 10,
  DELAYED_BID_OPTION: 80,
  OPTION_HISTORICAL_VOL: 23,
  OPTION_IMPLIED_VOL: 24,
  OPTION_CALL_OPEN_INTEREST: 27,
  OPTION_PUT_OPEN_INTEREST: 28,
  OPTION_CALL_VOLUME: 29,
  OPTION_PUT_VOLUME: 30,
} as const;

const FIELDS = 9;

/** What one line last sent of its option parts (NaN: never). */
export interface OptionTickState {
  /** tickAttrib and the eight values of each of the four computations (bid, ask, last, model). */
  readonly computations: Float64Array;
  /** Call/put volume, call/put open interest, historical and implied volatility. */
  readonly stats: Float64Array;
}

export function newOptionTickState(): OptionTickState {
  return {
    computations: new Float64Array(4 * FIELDS).fill(Number.NaN),
    stats: new Float64Array(6).fill(Number.NaN),
  };
}

/** Stores `c` in slot `k` of `sent`; true when any value differs from what was there. */
function store(sent: Float64Array, k: number, c: OptionComputation): boolean {
  const o = k * FIELDS;
  const values = [
    c.tickAttrib,
    c.impliedVol,
    c.delta,
    c.optPrice,
    c.pvDividend,
    c.gamma,
    c.vega,
    c.theta,
    c.undPrice,
  ];
  let changed = false;
  for (let i = 0; i < FIELDS; i++) {
    const v = values[i] as number;
    if (sent[o + i] !== v) {
      sent[o + i] = v;
      changed = true;
    }
  }
  return changed;
}

/** Sends slot `i` of `st.stats` as a TICK_SIZE (or TICK_GENERIC for volatilities) when it changed. */
function sendStat(
  s: Pick<Session, 'send'>,
  reqId: number,
  st: OptionTickState,
  i: number,
  tickType: number,
  value: number,
  generic: boolean,
  initial: boolean,
): boolean {
  if (!initial && st.stats[i] === value) return false;
  st.stats[i] = value;
  s.send(generic ? tickGeneric(reqId, tickType, value) : tickSize(reqId, tickType, value));
  return true;
}

/**
 * An option line: the four computations (unless `mdoff`) and the generic ticks asked for. Returns whether anything
 * went out.
 */
export function emitOptionTicks(
  s: Pick<Session, 'send'>,
  reqId: number,
  q: OptionQuote,
  right: 'C' | 'P',
  opts: { delayed: boolean; mdoff: boolean; generic: number; initial: boolean },
  st: OptionTickState,
): boolean {
  let sent = false;
  if (!opts.mdoff) {
    const base = opts.delayed ? Tick.DELAYED_BID_OPTION : Tick.BID_OPTION_COMPUTATION;
    const comps = [q.bidGreeks, q.askGreeks, q.lastGreeks, q.modelGreeks];
    for (let k = 0; k < comps.length; k++) {
      const c = comps[k] as OptionComputation;
      if (store(st.computations, k, c) || opts.initial) {
        s.send(tickOptionComputation(reqId, base + k, c));
        sent = true;
      }
    }
  }
  const call = right === 'C';
  const g = opts.generic;
  if (g & G_OPTION_VOLUME) {
    const tick = call ? Tick.OPTION_CALL_VOLUME : Tick.OPTION_PUT_VOLUME;
    sent = sendStat(s, reqId, st, 0, tick, q.volume, false, opts.initial) || sent;
  }
  if (g & G_OPTION_OPEN_INTEREST) {
    const tick = call ? Tick.OPTION_CALL_OPEN_INTEREST : Tick.OPTION_PUT_OPEN_INTEREST;
    sent = sendStat(s, reqId, st, 2, tick, q.openInterest, false, opts.initial) || sent;
  }
  if (g & G_IMPLIED_VOL && q.modelGreeks.impliedVol > 0) {
    const iv = q.modelGreeks.impliedVol;
    sent = sendStat(s, reqId, st, 5, Tick.OPTION_IMPLIED_VOL, iv, true, opts.initial) || sent;
  }
  return sent;
}

/** An underlying's line: the option statistics its generic ticks asked for. Returns whether anything went out. */
export function emitUnderlyingStats(
  s: Pick<Session, 'send'>,
  reqId: number,
  stats: UnderlyingOptionStats,
  generic: number,
  initial: boolean,
  st: OptionTickState,
): boolean {
  let sent = false;
  if (generic & G_OPTION_VOLUME) {
    sent = sendStat(s, reqId, st, 0, Tick.OPTION_CALL_VOLUME, stats.callVolume, false, initial) || sent;
    sent = sendStat(s, reqId, st, 1, Tick.OPTION_PUT_VOLUME, stats.putVolume, false, initial) || sent;
  }
  if (generic & G_OPTION_OPEN_INTEREST) {
    sent =
      sendStat(s, reqId, st, 2, Tick.OPTION_CALL_OPEN_INTEREST, stats.callOpenInterest, false, initial) ||
      sent;
    sent =
      sendStat(s, reqId, st, 3, Tick.OPTION_PUT_OPEN_INTEREST, stats.putOpenInterest, false, initial) || sent;
  }
  if (generic & G_HISTORICAL_VOL)
    sent = sendStat(s, reqId, st, 4, Tick.OPTION_HISTORICAL_VOL, stats.historicalVol, true, initial) || sent;
  if (generic & G_IMPLIED_VOL)
    sent = sendStat(s, reqId, st, 5, Tick.OPTION_IMPLIED_VOL, stats.impliedVol, true, initial) || sent;
  return sent;
}
