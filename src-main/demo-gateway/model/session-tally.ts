// Session-to-date high, low, volume and trade count read off the price paths, a minute at a time: Market.quote
// keeps one tally per lane and the depth streams' L1 view one per instrument (depth/l1-view.ts), so both report
// the same figures from the same code.
import type { Instrument } from './instrument';
import type { PathModel } from './price-path';

const MINUTE = 60_000;

/** What a tally reads (Market). */
export interface PathSource {
  readonly paths: PathModel;
  etDayOf(t: number): number;
}

export interface SessionTally {
  sessionStart: number;
  /** Minute-aligned UTC ms up to which hi/lo/vol/trades hold whole minutes. */
  upTo: number;
  hi: number;
  lo: number;
  vol: number;
  trades: number;
}

/** The figures at an instant, the minute in progress counted; prices unrounded. */
export interface TallyFigures {
  high: number;
  low: number;
  volume: number;
  trades: number;
}

/** The start of the minute of the session holding `te` (minutes counted from the session's start). */
export function minuteStartOf(sessionStart: number, te: number): number {
  return te - ((((te - sessionStart) % MINUTE) + MINUTE) % MINUTE);
}

/** Adds to `tally` the whole minutes from where it stands up to `minuteStart`; each minute is added once. */
export function addWholeMinutes(
  src: PathSource,
  inst: Instrument,
  tally: SessionTally,
  minuteStart: number,
): void {
  while (tally.upTo < minuteStart) {
    const path = src.paths.dayPath(inst, src.etDayOf(tally.upTo));
    const from = Math.max(0, Math.floor((tally.upTo - path.t0) / MINUTE));
    const to = Math.min(path.n, Math.floor((minuteStart - path.t0) / MINUTE));
    let { hi, lo, vol, trades } = tally;
    for (let i = from; i < to; i++) {
      const h = path.hi[i] as number;
      const l = path.lo[i] as number;
      if (h > hi) hi = h;
      if (l < lo) lo = l;
      const v = path.vol[i] as number;
      vol += v;
      trades += Math.ceil(v / inst.avgTradeSize);
    }
    tally.hi = hi;
    tally.lo = lo;
    tally.vol = vol;
    tally.trades = trades;
    tally.upTo = to >= path.n ? path.t0 + path.n * MINUTE : path.t0 + to * MINUTE;
    if (to <= from && to < path.n) break;
  }
}

/**
 * Writes into `out` the tally's whole minutes plus the seconds gone by of the minute in progress at `te`
 * (`raw`: the path price at `te`). The tally itself is left as it is.
 */
export function figuresAt(
  src: PathSource,
  inst: Instrument,
  tally: SessionTally,
  te: number,
  raw: number,
  out: TallyFigures,
): void {
  const path = src.paths.dayPath(inst, src.etDayOf(te));
  const i = Math.min(path.n - 1, Math.max(0, Math.floor((te - path.t0) / MINUTE)));
  const sp = src.paths.secondPath(inst, path, i);
  const secs = (te - path.t0 - i * MINUTE) / 1000;
  const s = Math.min(60, Math.max(0, Math.floor(secs)));
  let hi = Math.max(tally.hi, raw);
  let lo = Math.min(tally.lo, raw);
  for (let k = 0; k <= s; k++) {
    const v = sp.p[k] as number;
    if (v > hi) hi = v;
    if (v < lo) lo = v;
  }
  const mv = path.vol[i] as number;
  const w =
    (sp.cumW[s] as number) +
    (s < 60 ? ((sp.cumW[s + 1] as number) - (sp.cumW[s] as number)) * (secs - s) : 0);
  const partial = Math.floor(mv * w);
  out.high = hi;
  out.low = lo;
  out.volume = tally.vol + partial;
  out.trades = tally.trades + Math.ceil(partial / inst.avgTradeSize);
}
