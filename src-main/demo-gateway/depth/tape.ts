// The trade tape: every print the model's market makes, generated a minute at a time from the same price paths as
// the L1 quote and the history bars, so that the three agree:
//  - each print's price is the L1 last price (Market.quote's) at the print's millisecond, with one exception below;
//  - a minute's prints add up to its volume, their first/highest/lowest/last prices are the 1-minute bar's
//    open/high/low/close (history.ts), given at least as many shares as the bar has distinct such prices;
//  - within the minute, each second's prints add up to the L1 VOLUME's growth over that second
//    (Market.quote's floor(volume × cumW)), except that a second holding the open, high, low or close but no volume
//    borrows one share from the minute's busiest second;
//  - in a second with volume, a print marks each change of the L1 last price (while the shares last), and the
//    second's first print, at its first millisecond, has the L1 LAST_SIZE of that second unless the second traded
//    fewer shares (Market.quote draws LAST_SIZE apart from volume: quiet names trade less than it in a second);
//  - the exception: the minute's closing print, at its last millisecond, carries the bar's close (the path price at
//    the minute's end); when the L1 has not reached that tick one millisecond earlier (a crossing in the last ms,
//    about one minute in several thousand), the print stands one tick off the L1 last and is marked pastLimit if
//    it lies outside the quote.
// A second without volume shows no print although the L1 last may move (the model moves quotes without trades,
// mostly at night: the latest print is the L1 last at ~97 % of instants in regular hours, ~75 % around the clock). Odd-lot prints beyond the price-marking ones are `unreported` (condition I): AllLast shows
// them, Last does not; extended-hours stock prints carry condition T. FX (IDEALPRO) has no trades.
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import type { DayPath } from '../model/price-path';
import { EPOCH_DAY } from '../model/price-path';
import { Prng, hash32 } from '../model/rng';
import { etDay, etMidnight } from '../wire/tws-time';
import { emptyTop, l1Top } from './l1-view';
import { printExchange, venuesOf } from './venues';

const MINUTE = 60_000;
/** Prints per second beyond the price-marking ones (the last one takes what is left). */
const MAX_EXTRAS = 30;
/** Minutes of prints kept (a busy minute is ~3,000 prints). */
const CACHE_MINUTES = 256;

export interface Print {
  /** UTC ms (the wire sends whole seconds). */
  readonly timeMs: number;
  readonly price: number;
  readonly size: number;
  readonly exchange: string;
  readonly specialConditions: string;
  /** TickAttribLast bit 0: the print lies outside the quote at its instant. */
  readonly pastLimit: boolean;
  /** TickAttribLast bit 1: not reported to the consolidated last (odd lots); Last omits it, AllLast shows it. */
  readonly unreported: boolean;
}

const NONE: readonly Print[] = [];

export class Tape {
  private readonly cache = new Map<number, readonly Print[]>();
  private readonly top = emptyTop();
  private readonly segOff: number[] = [];
  private readonly segPrice: number[] = [];

  constructor(readonly market: Market) {}

  /** Whether the instrument trades at all (IDEALPRO FX quotes only). */
  static trades(inst: Instrument): boolean {
    return inst.secType !== 'CASH';
  }

  /** Prints with `timeMs` in [from, to), in time order, inside sessions (extended hours included). */
  prints(inst: Instrument, from: number, to: number, out: Print[] = []): Print[] {
    if (!Tape.trades(inst) || to <= from) return out;
    this.eachSessionMinute(inst, from, to, (path, i) => {
      for (const p of this.minute(inst, path, i)) if (p.timeMs >= from && p.timeMs < to) out.push(p);
    });
    return out;
  }

  /**
   * Calls `fn` for every minute of every session overlapping [from, to), in time order (sessions start and end on
   * minute boundaries, so a minute is either in a session or not).
   */
  eachSessionMinute(
    inst: Instrument,
    from: number,
    to: number,
    fn: (path: DayPath, i: number) => void,
  ): void {
    const m = this.market;
    const first = Math.max(from, FIRST_MS);
    if (to <= first) return;
    for (let d = etDay(first) - 1; d <= etDay(to - 1) + 1; d++) {
      const s = m.calendar.session(inst, d);
      if (!s) continue;
      const ws = Math.max(first, s.start);
      const we = Math.min(to, s.end);
      let cur = ws;
      while (cur < we) {
        const path = m.paths.dayPath(inst, m.etDayOf(cur));
        const i = Math.floor((cur - path.t0) / MINUTE);
        fn(path, i);
        cur = path.t0 + (i + 1) * MINUTE;
      }
    }
  }

  /** The prints of minute `i` of a day path (cached). */
  minute(inst: Instrument, path: DayPath, i: number): readonly Print[] {
    const key = inst.index * 1e8 + (path.day - EPOCH_DAY + 20_000) * 1600 + i;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const prints = this.build(inst, path, i);
    this.cache.set(key, prints);
    if (this.cache.size > CACHE_MINUTES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return prints;
  }

  /** Tick index of the L1 last at UTC ms `t` inside `path` (Market.roundPrice's integer). */
  private idx(inst: Instrument, path: DayPath, t: number): number {
    return Math.round(this.market.priceOnPath(inst, path, t) / inst.minTick);
  }

  /**
   * Splits the second starting at `t0` into runs of one L1 last price: fills segOff (ms offsets, first 0) and
   * segPrice; returns the count. The price is linear inside a second, so its tick index is monotone there and each
   * change is found by bisection.
   */
  segments(inst: Instrument, path: DayPath, t0: number): number {
    const m = this.market;
    const off = this.segOff;
    const price = this.segPrice;
    off.length = 0;
    price.length = 0;
    let cur = this.idx(inst, path, t0);
    off.push(0);
    price.push(m.roundPrice(inst, m.priceOnPath(inst, path, t0)));
    const end = this.idx(inst, path, t0 + 999);
    let lo = 0;
    while (cur !== end) {
      let hi = 999;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (this.idx(inst, path, t0 + mid) === cur) lo = mid;
        else hi = mid;
      }
      off.push(hi);
      price.push(m.roundPrice(inst, m.priceOnPath(inst, path, t0 + hi)));
      cur = this.idx(inst, path, t0 + hi);
      lo = hi;
    }
    return off.length;
  }

  /** Offset (ms) of segment `k` found by the last segments() call. */
  segmentOffset(k: number): number {
    return this.segOff[k] as number;
  }

  private build(inst: Instrument, path: DayPath, i: number): readonly Print[] {
    const v = path.vol[i] as number;
    if (!(v > 0)) return NONE;
    const m = this.market;
    const tick = inst.minTick;
    const ms0 = path.t0 + i * MINUTE;
    const sp = m.paths.secondPath(inst, path, i);
    const vol = new Array<number>(60);
    for (let k = 0; k < 60; k++) {
      vol[k] = Math.floor(v * (sp.cumW[k + 1] as number)) - Math.floor(v * (sp.cumW[k] as number));
    }
    // The bar's prices as tick indices, and the seconds that show its high and low.
    const openN = Math.round((path.p[i] as number) / tick);
    const closeN = Math.round((path.p[i + 1] as number) / tick);
    const hiN = Math.round((path.hi[i] as number) / tick);
    const loN = Math.round((path.lo[i] as number) / tick);
    const secOf = (n: number): number => {
      for (let k = 0; k < 60; k++) if (Math.round((sp.p[k] as number) / tick) === n) return k;
      return -1;
    };
    // Key prints in priority order: [second, offset]; kept while the minute has shares for them.
    const keys: [number, number][] = [
      [0, 0],
      [59, 999],
    ];
    const hiSec = hiN !== openN && hiN !== closeN ? secOf(hiN) : -1;
    const loSec = loN !== openN && loN !== closeN ? secOf(loN) : -1;
    if (hiSec >= 0) keys.push([hiSec, 0]);
    if (loSec >= 0) keys.push([loSec, 0]);
    keys.length = Math.min(keys.length, v);
    const need = new Array<number>(60).fill(0);
    for (const [k] of keys) need[k] = (need[k] as number) + 1;
    for (let k = 0; k < 60; k++) {
      while ((vol[k] as number) < (need[k] as number)) {
        let donor = -1;
        let spare = 0;
        for (let j = 0; j < 60; j++) {
          const s = (vol[j] as number) - (need[j] as number);
          if (j !== k && s > spare) {
            spare = s;
            donor = j;
          }
        }
        vol[donor] = (vol[donor] as number) - 1;
        vol[k] = (vol[k] as number) + 1;
      }
    }
    const hasClose = keys.length >= 2;
    const closePrice = Math.round(closeN * tick * 1e8) / 1e8;
    const venues = venuesOf(inst);
    const stock = inst.secType === 'STK';
    const session = m.calendar.sessionAt(inst, ms0, m.etDayOf(ms0));
    const extended = stock && session !== undefined && (ms0 < session.rthStart || ms0 >= session.rthEnd);
    const rng = new Prng(hash32(m.seed, inst.conId, path.day * 1600 + i, 77));
    const out: Print[] = [];
    const slotsOff: number[] = [];
    const slotsPrice: number[] = [];
    for (let k = 0; k < 60; k++) {
      const total = vol[k] as number;
      if (total <= 0) continue;
      const t0 = ms0 + k * 1000;
      const nseg = this.segments(inst, path, t0);
      // Priced slots: segment starts, the first and the last segment before the others, while the shares last
      // (segment 0 comes first, so a key second, which has the shares for it, always prints at its offset 0);
      // in the minute's last second the close takes the last millisecond.
      slotsOff.length = 0;
      slotsPrice.length = 0;
      const closeHere = hasClose && k === 59;
      const budget = total - (closeHere ? 1 : 0);
      const eligible = closeHere && (this.segOff[nseg - 1] as number) === 999 ? nseg - 1 : nseg;
      for (let s = 0; s < eligible; s++) {
        const taken = s === 0 ? budget >= 1 : s === eligible - 1 ? budget >= 2 : s <= budget - 2;
        if (!taken) continue;
        slotsOff.push(this.segOff[s] as number);
        slotsPrice.push(this.segPrice[s] as number);
      }
      if (closeHere) {
        slotsOff.push(999);
        slotsPrice.push(closePrice);
      }
      let left = total;
      const scale = Math.max(inst.avgTradeSize, total / 20);
      const n = slotsOff.length;
      const first = out.length;
      for (let j = 0; j < n; j++) {
        const off = slotsOff[j] as number;
        const want = off === 0 ? m.lastSizeAt(inst, Math.floor(t0 / 1000)) : drawSize(rng, stock, scale);
        const size = Math.max(1, Math.min(want, left - (n - j - 1)));
        left -= size;
        const price = slotsPrice[j] as number;
        const isClose = closeHere && j === n - 1;
        const pastLimit = isClose && this.outsideQuote(inst, t0 + off, price);
        out.push({
          timeMs: t0 + off,
          price,
          size,
          exchange: printExchange(venues, rng.next()),
          specialConditions: extended ? 'T' : '',
          pastLimit,
          unreported: false,
        });
      }
      // The rest of the second's volume: more prints at random instants, at the L1 price of their instant.
      for (let x = 0; left > 0; x++) {
        const size = x === MAX_EXTRAS - 1 ? left : Math.min(left, drawSize(rng, stock, scale));
        left -= size;
        const off = Math.floor(rng.next() * (closeHere ? 999 : 1000));
        let s = nseg - 1;
        while (s > 0 && (this.segOff[s] as number) > off) s--;
        const odd = stock && size < 100;
        out.push({
          timeMs: t0 + off,
          price: this.segPrice[s] as number,
          size,
          exchange: printExchange(venues, rng.next()),
          specialConditions: (extended ? 'T' : '') + (odd ? 'I' : ''),
          pastLimit: false,
          unreported: odd,
        });
      }
      sortFrom(out, first);
    }
    return out;
  }

  /** Whether `price` lies outside the L1 quote at `t`. */
  private outsideQuote(inst: Instrument, t: number, price: number): boolean {
    const q = l1Top(this.market, inst, t, this.top);
    return price < q.bid || price > q.ask;
  }
}

/** A print size: stocks mix odd lots with round lots around the trade size, futures a few contracts. */
function drawSize(rng: Prng, stock: boolean, scale: number): number {
  if (!stock) return Math.max(1, Math.round(scale * (0.3 + 1.7 * rng.next())));
  if (rng.next() < 0.25) return 1 + Math.floor(rng.next() * 99);
  return 100 * Math.max(1, Math.round((scale / 100) * (0.3 + 1.7 * rng.next())));
}

/** Stable insertion sort by time of out[from…] (a second's prints: priced ones first, extras after). */
function sortFrom(out: Print[], from: number): void {
  for (let a = from + 1; a < out.length; a++) {
    const x = out[a] as Print;
    let b = a - 1;
    while (b >= from && (out[b] as Print).timeMs > x.timeMs) {
      out[b + 1] = out[b] as Print;
      b--;
    }
    out[b + 1] = x;
  }
}

/** UTC ms of the first generated day (history starts there, so does the tape). */
const FIRST_MS = etMidnight(EPOCH_DAY);
