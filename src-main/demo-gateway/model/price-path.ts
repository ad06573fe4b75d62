// Deterministic price paths, generated top-down so every resolution agrees: a mean-reverting walk of daily closes,
// then each ET calendar day as a minute path (a variance-weighted Brownian bridge from the day's start to its close,
// with per-minute highs, lows and volumes), then each minute as a second path that starts at the minute's open, hits
// its high and low and ends at its close. Daily bars, minute bars, 1-second bars and live quotes are all views of
// the same numbers, so the last historical bar always agrees with the live quote.
import type { Instrument } from './instrument';
import { Prng, hash32, normalOf, unit } from './rng';
import { etMidnight } from '../wire/tws-time';

/** First day of generated history: 2024-01-01 (ET day number). Earlier requests get data from here on. */
export const EPOCH_DAY = 19723;
/** Daily mean reversion of the log price towards the reference level. */
const PHI = 0.995;
/** exp(0.5 z) for 1024 quantiles of z: the per-minute volume noise. */
const LOGNORMAL: Float64Array = (() => {
  const t = new Float64Array(1024);
  for (let i = 0; i < 1024; i++) t[i] = Math.exp(0.5 * normalOf(Math.floor(((i + 0.5) / 1024) * 8192)));
  return t;
})();

export interface DayPath {
  readonly day: number;
  /** UTC ms of the day's first minute. */
  readonly t0: number;
  /** Minutes in the day (1380 or 1500 on DST switch days). */
  readonly n: number;
  /** Price at the start of each minute, n + 1 values (p[n] is the day's close). */
  readonly p: Float64Array;
  readonly hi: Float32Array;
  readonly lo: Float32Array;
  readonly vol: Float32Array;
  /** Volume before each minute, n + 1 values. */
  readonly cumVol: Float64Array;
}

export interface SecondPath {
  /** Price at each second of the minute, 61 values. */
  readonly p: Float64Array;
  /** Share of the minute's volume traded before each second, 61 values (0 … 1). */
  readonly cumW: Float64Array;
}

/** Variance profile by ET wall minute: quiet overnight, busy around the regular open and close. */
function varianceWeight(inst: Instrument, minute: number): number {
  const m = minute % 1440;
  if (inst.secType === 'CASH') return m >= 180 && m < 1020 ? 1 : 0.45;
  const night = inst.secType === 'FUT' ? 0.3 : 0.05;
  if (m < 240 || m >= 1200) return night;
  if (m < 570 || m >= 960) return inst.secType === 'FUT' ? 0.5 : 0.15;
  if (m < 600) return 2.2;
  if (m >= 930) return 1.6;
  return 1;
}

/** Volume profile: the classic U shape in regular hours, little outside. */
function volumeWeight(inst: Instrument, minute: number): number {
  const m = minute % 1440;
  if (inst.secType === 'CASH') return m >= 180 && m < 1020 ? 1 : 0.35;
  if (m < 240 || m >= 1200) return inst.secType === 'FUT' ? 0.15 : 0.004;
  if (m < 570 || m >= 960) return inst.secType === 'FUT' ? 0.3 : 0.03;
  const x = (m - 570) / 390;
  return 0.6 + 2.4 * (x - 0.5) * (x - 0.5) * 4 + (m < 575 ? 3 : 0) + (m >= 955 ? 2.5 : 0);
}

export class PathModel {
  private readonly levels = new Map<number, Float64Array>();
  private readonly dayCache = new Map<number, DayPath>();
  private readonly secCache = new Map<number, SecondPath>();
  private readonly profiles = new Map<string, { v: Float64Array; sd: Float64Array; w: Float64Array }>();

  constructor(
    readonly seed: number,
    private readonly maxCachedDays = 2400,
  ) {}

  /** Log deviation x_d of the daily close from the reference price (an AR(1) walk from EPOCH_DAY). */
  private level(inst: Instrument, day: number): number {
    const d = Math.max(day, EPOCH_DAY - 1);
    let arr = this.levels.get(inst.index);
    const need = d - (EPOCH_DAY - 1) + 1;
    if (!arr || arr.length < need) {
      const size = Math.max(need + 64, arr ? arr.length * 2 : 1200);
      const next = new Float64Array(size);
      const from = arr ? arr.length : 1;
      if (arr) next.set(arr);
      // Start each instrument somewhere in its stationary distribution rather than at the reference price.
      if (!arr) next[0] = normalOf(hash32(this.seed, inst.conId, 7)) * inst.dailyVol * 6;
      for (let i = from; i < size; i++) {
        const z = normalOf(hash32(this.seed, inst.conId, EPOCH_DAY - 1 + i, 1));
        next[i] = PHI * (next[i - 1] as number) + inst.dailyVol * z;
      }
      arr = next;
      this.levels.set(inst.index, arr);
    }
    return arr[d - (EPOCH_DAY - 1)] as number;
  }

  /** Close of an ET day (the price at its last instant). */
  dayClose(inst: Instrument, day: number): number {
    return inst.refPrice * Math.exp(this.level(inst, day));
  }

  /** Price at the first instant of an ET day: yesterday's close moved by an overnight jump. */
  dayStart(inst: Instrument, day: number): number {
    const jump = 0.3 * inst.dailyVol * normalOf(hash32(this.seed, inst.conId, day, 2));
    return this.dayClose(inst, day - 1) * Math.exp(jump);
  }

  private profile(inst: Instrument, n: number): { v: Float64Array; sd: Float64Array; w: Float64Array } {
    const key = `${inst.secType}/${n}`;
    let p = this.profiles.get(key);
    if (!p) {
      const v = new Float64Array(n);
      const sd = new Float64Array(n);
      const w = new Float64Array(n);
      let sv = 0;
      for (let i = 0; i < n; i++) {
        // On a 25-hour day the repeated hour reuses the profile; on a 23-hour day one hour is skipped.
        const wall = n === 1440 ? i : n > 1440 ? (i < 120 ? i : i - 60) : i < 120 ? i : i + 60;
        v[i] = varianceWeight(inst, wall);
        w[i] = volumeWeight(inst, wall);
        sv += v[i] as number;
      }
      for (let i = 0; i < n; i++) {
        v[i] = (v[i] as number) / sv;
        sd[i] = Math.sqrt(v[i] as number);
      }
      p = { v, sd, w };
      this.profiles.set(key, p);
    }
    return p;
  }

  /** The minute path of an ET day (cached unless `transient`, which history loops over long ranges use). */
  dayPath(inst: Instrument, day: number, transient = false): DayPath {
    const key = inst.index * 100_000 + (day - EPOCH_DAY + 20_000);
    const hit = this.dayCache.get(key);
    if (hit) {
      this.dayCache.delete(key);
      this.dayCache.set(key, hit);
      return hit;
    }
    const path = this.buildDay(inst, day, transient);
    if (!transient) {
      this.dayCache.set(key, path);
      if (this.dayCache.size > this.maxCachedDays) {
        const oldest = this.dayCache.keys().next().value;
        if (oldest !== undefined) this.dayCache.delete(oldest);
      }
    }
    return path;
  }

  /** Reused arrays for transient paths: a year of daily bars builds 365 paths that are read once. */
  private scratch:
    | { p: Float64Array; hi: Float32Array; lo: Float32Array; vol: Float32Array; cumVol: Float64Array }
    | undefined;

  private arrays(
    n: number,
    transient: boolean,
  ): { p: Float64Array; hi: Float32Array; lo: Float32Array; vol: Float32Array; cumVol: Float64Array } {
    if (!transient) {
      return {
        p: new Float64Array(n + 1),
        hi: new Float32Array(n),
        lo: new Float32Array(n),
        vol: new Float32Array(n),
        cumVol: new Float64Array(n + 1),
      };
    }
    if (!this.scratch || this.scratch.hi.length < n) {
      this.scratch = {
        p: new Float64Array(1501),
        hi: new Float32Array(1500),
        lo: new Float32Array(1500),
        vol: new Float32Array(1500),
        cumVol: new Float64Array(1501),
      };
    }
    return this.scratch;
  }

  /** Builds a day's minute path; a transient path lives in shared scratch arrays until the next transient build. */
  private buildDay(inst: Instrument, day: number, transient = false): DayPath {
    const t0 = etMidnight(day);
    const n = Math.round((etMidnight(day + 1) - t0) / 60_000);
    const { v, sd, w } = this.profile(inst, n);
    const rng = new Prng(hash32(this.seed, inst.conId, day, 3));
    const start = this.dayStart(inst, day);
    const target = Math.log(this.dayClose(inst, day) / start);
    const sigma = inst.dailyVol;

    // Random walk S with per-minute variance sigma² v_i, then pin its end: W_i = S_i + (V_i / V_n)(target - S_n).
    const { p, hi, lo, vol, cumVol } = this.arrays(n, transient);
    let s = 0;
    for (let i = 0; i < n; i++) {
      p[i] = s;
      s += sigma * (sd[i] as number) * rng.normal();
    }
    const gap = target - s;
    let cv = 0;
    for (let i = 0; i < n; i++) {
      p[i] = start * Math.exp((p[i] as number) + gap * cv);
      cv += v[i] as number;
    }
    p[n] = start * Math.exp(target);

    const dayVolume =
      inst.avgVolume * Math.exp(0.3 * normalOf(hash32(this.seed, inst.conId, day, 4)) - 0.045);
    let wsum = 0;
    for (let i = 0; i < n; i++) {
      const a = p[i] as number;
      const b = p[i + 1] as number;
      const k = sigma * (sd[i] as number) * 0.6;
      // The excursions are a few basis points: 1 + x is exp(x) to within float precision here.
      const up = Math.abs(rng.normal()) * k;
      const down = Math.abs(rng.normal()) * k;
      const top = a > b ? a : b;
      const bottom = a > b ? b : a;
      hi[i] = top * (1 + up + up * up * 0.5);
      lo[i] = bottom * (1 - down + down * down * 0.5);
      // Float32 rounding may nudge an extreme inside the open/close; keep the bar well-formed.
      if ((hi[i] as number) < top) hi[i] = top * (1 + 1e-7);
      if ((lo[i] as number) > bottom) lo[i] = bottom * (1 - 1e-7);
      const u = (w[i] as number) * (LOGNORMAL[rng.nextU32() & 1023] as number);
      vol[i] = u;
      wsum += u;
    }
    let acc = 0;
    const scale = dayVolume / wsum;
    for (let i = 0; i < n; i++) {
      const x = Math.round((vol[i] as number) * scale);
      vol[i] = x;
      cumVol[i] = acc;
      acc += x;
    }
    cumVol[n] = acc;
    return { day, t0, n, p, hi, lo, vol, cumVol };
  }

  /** The second path inside minute `i` of a day path (cached for the most recent minutes). */
  secondPath(inst: Instrument, path: DayPath, i: number): SecondPath {
    const key = (inst.index * 100_000 + (path.day - EPOCH_DAY + 20_000)) * 1600 + i;
    const hit = this.secCache.get(key);
    if (hit) return hit;
    const open = path.p[i] as number;
    const close = path.p[i + 1] as number;
    const hi = path.hi[i] as number;
    const lo = path.lo[i] as number;
    const h = hash32(this.seed, inst.conId, path.day, i + 10_000);
    let a = 1 + (h % 59);
    let b = 1 + ((h >>> 8) % 59);
    if (a === b) b = b === 59 ? 1 : b + 1;
    // Whichever extreme the path is nearer to at the open comes first.
    if (open - lo < hi - open && a < b) [a, b] = [b, a];
    const fixed: [number, number][] = [
      [0, open],
      [a, hi],
      [b, lo],
      [60, close],
    ];
    fixed.sort((x, y) => x[0] - y[0]);
    const p = new Float64Array(61);
    const rng = new Prng(h);
    const amp = (hi - lo) * 0.3;
    for (let k = 0; k < 3; k++) {
      const [s0, v0] = fixed[k] as [number, number];
      const [s1, v1] = fixed[k + 1] as [number, number];
      for (let s = s0; s <= s1; s++) {
        const f = (s - s0) / (s1 - s0);
        const noise = s === s0 || s === s1 ? 0 : amp * Math.sqrt(f * (1 - f)) * rng.normal();
        p[s] = Math.min(hi, Math.max(lo, v0 + (v1 - v0) * f + noise));
      }
    }
    const cumW = new Float64Array(61);
    let sum = 0;
    for (let s = 0; s < 60; s++) {
      cumW[s] = sum;
      sum += 0.2 + unit(hash32(h, s));
    }
    for (let s = 0; s < 60; s++) cumW[s] = (cumW[s] as number) / sum;
    cumW[60] = 1;
    const sp = { p, cumW };
    this.secCache.set(key, sp);
    if (this.secCache.size > 4096) {
      const oldest = this.secCache.keys().next().value;
      if (oldest !== undefined) this.secCache.delete(oldest);
    }
    return sp;
  }

  /** Drops every cached path (tests of the caches; memory pressure). */
  clear(): void {
    this.dayCache.clear();
    this.secCache.clear();
  }

  get cachedDays(): number {
    return this.dayCache.size;
  }
}
