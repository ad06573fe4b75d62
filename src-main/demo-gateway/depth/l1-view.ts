// The L1 quote's top of book, last price/size and session high/low at any instant, computed exactly as
// model/market.ts computes them but without Market.quote's per-lane session statistics (which restart from the
// session's open whenever time goes backwards): the book, the tape and the tick streams ask about arbitrary past
// instants. The top-of-book formulas mirror Market.quote line for line (l1-view.test.ts holds them equal to it for
// every instrument at many instants, so a change to market.ts that is not made here fails there); the session
// high/low keep their own tally but count it with Market's code (model/session-tally.ts).
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import type { Session } from '../model/sessions';
import { hash32, unit } from '../model/rng';
import { addWholeMinutes, figuresAt, minuteStartOf } from '../model/session-tally';
import type { SessionTally, TallyFigures } from '../model/session-tally';

/** What the L1 stream shows at an instant (the fields of model/market.ts Quote that depth and ticks need). */
export interface Top {
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  last: number;
  lastSize: number;
  /** The instant whose market this is: `t` inside a session, else the last session's final millisecond. */
  te: number;
  /** The session `te` belongs to (undefined only before the first session of the calendar). */
  session: Session | undefined;
  /** False when the market is closed and this is the frozen end-of-session quote. */
  live: boolean;
}

export function emptyTop(): Top {
  return {
    bid: 0,
    ask: 0,
    bidSize: 0,
    askSize: 0,
    last: 0,
    lastSize: 0,
    te: 0,
    session: undefined,
    live: false,
  };
}

/** Relative half-spread of the model (Market.quote's `rel`). */
function relativeSpread(inst: Instrument): number {
  return inst.secType === 'STK' ? 0.00003 : inst.secType === 'CASH' ? 0.00008 : 0;
}

/** Fills `out` with the L1 top of book at `t` (Market.quote's bid/ask/sizes/last/lastSize) and returns it. */
export function l1Top(market: Market, inst: Instrument, t: number, out: Top): Top {
  const eff = market.effectiveTime(inst, t);
  const te = eff.t;
  const tick = inst.minTick;
  const last = market.roundPrice(inst, market.rawPrice(inst, te));
  const spreadTicks = Math.max(1, Math.round((last * relativeSpread(inst)) / tick));
  const h = hash32(market.seed, inst.conId, Math.floor(te / 100), 5);
  const k = Math.floor(unit(h) * (spreadTicks + 1));
  const bid = market.roundPrice(inst, last - k * tick);
  out.bid = bid;
  out.ask = market.roundPrice(inst, bid + spreadTicks * tick);
  out.last = last;
  const lot = inst.lotSize;
  out.bidSize = lot * (1 + ((h >>> 8) % 24));
  out.askSize = lot * (1 + ((h >>> 16) % 24));
  out.lastSize = lastSizeAt(market, inst, Math.floor(te / 1000));
  out.te = te;
  out.session = eff.session;
  out.live = eff.live;
  return out;
}

/** The L1 LAST_SIZE shown during epoch second `sec` (Market.quote's per-second draw). */
export function lastSizeAt(market: Market, inst: Instrument, sec: number): number {
  const hs = hash32(market.seed, inst.conId, sec, 6);
  return inst.secType === 'STK'
    ? Math.max(1, Math.round(inst.avgTradeSize * (0.2 + 1.6 * unit(hs))))
    : Math.max(1, Math.round(inst.avgTradeSize * (0.5 + unit(hs))));
}

/**
 * Session-to-date high and low as the L1 stream shows them (Market.quote's HIGH/LOW), for instants that mostly move
 * forward: whole minutes are accumulated once and kept; a jump backwards or into another session starts again
 * from the session's open.
 */
export class SessionExtremes {
  private readonly tally: SessionTally = {
    sessionStart: Number.NaN,
    upTo: 0,
    hi: 0,
    lo: 0,
    vol: 0,
    trades: 0,
  };
  private readonly figures: TallyFigures = { high: 0, low: 0, volume: 0, trades: 0 };
  high = 0;
  low = 0;

  constructor(
    private readonly market: Market,
    private readonly inst: Instrument,
  ) {}

  /** Sets `high`/`low` to the L1's values at effective instant `te` of `session`. */
  at(session: Session, te: number): void {
    const m = this.market;
    const inst = this.inst;
    const t = this.tally;
    const minuteStart = minuteStartOf(session.start, te);
    if (t.sessionStart !== session.start || t.upTo > minuteStart) {
      t.sessionStart = session.start;
      t.upTo = session.start;
      t.hi = -Infinity;
      t.lo = Infinity;
      t.vol = 0;
      t.trades = 0;
    }
    addWholeMinutes(m, inst, t, minuteStart);
    figuresAt(m, inst, t, te, m.rawPrice(inst, te), this.figures);
    this.high = m.roundPrice(inst, this.figures.high);
    this.low = m.roundPrice(inst, this.figures.low);
  }
}
