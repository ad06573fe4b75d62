// The L1 quote's top of book, last price/size and session high/low at any instant, read with model/market.ts's
// own code (Market.fillTop, model/session-tally.ts) but without Market.quote's per-lane session statistics (which
// restart from the session's open whenever time goes backwards): the book, the tape and the tick streams ask about
// arbitrary past instants, so the high/low keep a tally of their own. l1-view.test.ts holds both equal to
// Market.quote for every instrument at many instants.
import type { Instrument } from '../model/instrument';
import { emptyTouch, type Market, type Touch } from '../model/market';
import type { Session } from '../model/sessions';
import { addWholeMinutes, figuresAt, minuteStartOf } from '../model/session-tally';
import type { SessionTally, TallyFigures } from '../model/session-tally';

/** What the L1 stream shows at an instant: the fields of model/market.ts Quote that depth and ticks need, and when. */
export interface Top extends Touch {
  /** The instant whose market this is: `t` inside a session, else the last session's final millisecond. */
  te: number;
  /** The session `te` belongs to (undefined only before the first session of the calendar). */
  session: Session | undefined;
  /** False when the market is closed and this is the frozen end-of-session quote. */
  live: boolean;
}

export function emptyTop(): Top {
  return { ...emptyTouch(), te: 0, session: undefined, live: false };
}

/** Fills `out` with the L1 top of book at `t` (Market.quote's bid/ask/sizes/last/lastSize) and returns it. */
export function l1Top(market: Market, inst: Instrument, t: number, out: Top): Top {
  const eff = market.effectiveTime(inst, t);
  market.fillTop(inst, eff.t, market.rawPrice(inst, eff.t), out);
  out.te = eff.t;
  out.session = eff.session;
  out.live = eff.live;
  return out;
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
