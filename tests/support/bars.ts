// Bar series for the study and alert tests and the studies bench: a seeded random walk (large, repeatable) and
// fast-check arbitraries of a series and of the live updates that build it (revisions included), so a failing
// property shrinks to a short series.
import fc from 'fast-check';
import type { Bar } from '../../src-shared/domain/bar';
import type { StudySeries } from '../../src-shared/domain/studies';

const T0 = 1_700_000_040; // a whole minute, unix seconds

/** A bar whose open, high, low and close are all `close` (volume 1): for the studies that read closes only. */
export function flatBar(time: number, close: number): Bar {
  return { time, open: close, high: close, low: close, close, volume: 1 };
}

/** A deterministic random walk of `count` one-minute bars (xorshift32, so the same seed gives the same bars). */
export function walkBars(count: number, seed = 1, start = 100): Bar[] {
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
  const bars: Bar[] = [];
  let close = start;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = Math.max(0.01, open * (1 + (rnd() - 0.5) * 0.01));
    const high = Math.max(open, close) * (1 + rnd() * 0.003);
    const low = Math.min(open, close) * (1 - rnd() * 0.003);
    bars.push({ time: T0 + i * 60, open, high, low, close, volume: Math.round(100 + rnd() * 10_000) });
  }
  return bars;
}

const price = fc.double({ min: 1, max: 200, noNaN: true, noDefaultInfinity: true });

/** One bar's raw numbers; `gap` = minutes since the previous bar (sessions and gaps in data). */
const rawBar = fc.record({
  gap: fc.integer({ min: 1, max: 900 }),
  a: price,
  b: price,
  c: price,
  d: price,
  volume: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
});

function toBar(time: number, r: { a: number; b: number; c: number; d: number; volume: number }): Bar {
  const high = Math.max(r.a, r.b, r.c, r.d);
  const low = Math.min(r.a, r.b, r.c, r.d);
  return { time, open: r.a, high, low, close: r.b, volume: r.volume };
}

export const barSeriesArb = (maxLength = 80): fc.Arbitrary<Bar[]> =>
  fc.array(rawBar, { minLength: 0, maxLength }).map((raws) => {
    let time = T0;
    return raws.map((r) => toBar((time += r.gap * 60), r));
  });

/**
 * The updates a live chart receives for a series: each bar arrives first as a few provisional versions (the live
 * bar ticking: any close, a widening range, a growing volume) and ends as its final version.
 */
export const liveUpdatesArb = (maxLength = 60): fc.Arbitrary<Bar[]> =>
  fc
    .array(fc.tuple(rawBar, fc.array(fc.tuple(price, fc.nat(1000)), { maxLength: 3 })), { maxLength })
    .map((items) => {
      const out: Bar[] = [];
      let time = T0;
      for (const [raw, ticks] of items) {
        const final = toBar((time += raw.gap * 60), raw);
        let volume = 0;
        for (const [close, dv] of ticks) {
          volume = Math.min(final.volume, volume + dv);
          out.push({
            ...final,
            close,
            high: Math.max(final.open, close),
            low: Math.min(final.open, close),
            volume,
          });
        }
        out.push(final);
      }
      return out;
    });

/** |actual − expected| ≤ tol × max(floor, |expected|) element-wise, null where expected is null; null = all agree. */
export function closeSeries(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
  tol = 1e-9,
  floor = 1,
): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] ?? null;
    const e = expected[i] ?? null;
    if (e === null || a === null) {
      if (a !== e) return `[${i}]: ${a} ≠ ${e}`;
    } else if (!(Math.abs(a - e) <= tol * Math.max(floor, Math.abs(e)))) return `[${i}]: ${a} ≠ ${e}`;
  }
  return null;
}

/**
 * Property: over random series and periods 1–30, a close-based study computes what a textbook loop over the
 * closes gives (`closeSeries` tolerances).
 */
export function agreesWithReference(
  compute: (bars: Bar[], params: { period: number }) => StudySeries,
  reference: (closes: number[], period: number) => (number | null)[],
): void {
  fc.assert(
    fc.property(barSeriesArb(), fc.integer({ min: 1, max: 30 }), (bars, period) => {
      const got = column(compute(bars, { period }));
      const want = reference(
        bars.map((b) => b.close),
        period,
      );
      if (closeSeries(got, want) !== null) throw new Error(closeSeries(got, want)!);
    }),
  );
}

/** One line of a computed series, NaN (no value) as null, to compare with references and live points. */
export function column(series: StudySeries, line = 'value'): (number | null)[] {
  const values = series.lines[line];
  if (!values) throw new Error(`no line ${line}; lines: ${Object.keys(series.lines).join(', ')}`);
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}
