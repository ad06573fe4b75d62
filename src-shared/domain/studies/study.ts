// The shape every chart study shares: validated params, a whole-series compute and an O(1) live state that can
// revise the live bar as well as append one. Both paths run the same kernel, so a chart loaded from history and
// one fed tick by tick show the same values.
import { z } from 'zod';
import type { Bar } from '../bar';
import { parseOrThrow } from '../validate';

/** A study's value at one bar; `value` is null during the warm-up. */
type StudyPoint<V> = { readonly time: number; readonly value: V | null };

export interface Study<V> {
  /**
   * Folds in a bar: a later time appends it, the live bar's time replaces the live bar (a tick revised its
   * close/high/low/volume), an older time is ignored as `mergeBar` ignores it. Returns the live bar's point.
   */
  update(bar: Bar): StudyPoint<V>;
  /** The live bar's point, null before the first bar. */
  readonly last: StudyPoint<V> | null;
}

/**
 * A study's arithmetic split in two so a revision never counts twice: `commit` folds a closed bar into the state,
 * `peek` gives the value with the live bar on top of that state without changing it. Both O(1).
 */
export interface Kernel<V> {
  peek(bar: Bar): V | null;
  commit(bar: Bar): void;
}

/**
 * A whole series computed at once: the bars' distinct times and one column per line of the study's value, index
 * for index; NaN where there is no value (the warm-up). Columns, not point objects: 100,000 bars × several studies
 * would otherwise be a million objects for the collector to trace.
 */
export type StudySeries = {
  readonly times: Float64Array;
  readonly lines: Readonly<Record<string, Float64Array>>;
};

/** Any value that is the same for every bar of one session and differs between sessions (e.g. its start time). */
export type SessionOf = (time: number) => number;

/** What a study may need beyond its params: where sessions start (VWAP); studies that need nothing ignore it. */
export type StudyOptions = { readonly sessionOf?: SessionOf };

export type StudyDef<S extends z.ZodType, V> = {
  readonly kind: string;
  readonly params: S;
  /** The names of the value's lines: `value` for a number, the fields of an object value. */
  readonly lines: readonly string[];
  /** A live state; throws AppError('VALIDATION') on bad params. */
  create(params?: z.input<S>, options?: StudyOptions): Study<V>;
  /** The series for bars in time order; a repeated time revises the bar before it, an older time is ignored. */
  compute(bars: readonly Bar[], params?: z.input<S>, options?: StudyOptions): StudySeries;
};

export function defineStudy<S extends z.ZodType, V>(
  kind: string,
  params: S,
  lines: readonly string[],
  kernel: (p: z.output<S>, options: StudyOptions) => Kernel<V>,
): StudyDef<S, V> {
  const make = (input: z.input<S> | undefined, options: StudyOptions = {}): Kernel<V> =>
    kernel(parseOrThrow(params, input ?? {}, `${kind} parameters`), options);
  return {
    kind,
    params,
    lines,
    create: (input, options) => liveStudy(make(input, options)),
    compute: (bars, input, options) => computeSeries(make(input, options), lines, bars),
  };
}

/** Runs a fresh kernel over a series: the last version of each time is committed once, as a live chart would. */
function computeSeries<V>(kernel: Kernel<V>, lines: readonly string[], bars: readonly Bar[]): StudySeries {
  const kept: number[] = [];
  for (let i = 0; i < bars.length; i++) {
    const last = kept.length ? bars[kept[kept.length - 1]!]! : null;
    if (last && bars[i]!.time === last.time) kept[kept.length - 1] = i;
    else if (!last || bars[i]!.time > last.time) kept.push(i);
  }
  const times = new Float64Array(kept.length);
  const columns = lines.map(() => new Float64Array(kept.length).fill(NaN));
  for (let k = 0; k < kept.length; k++) {
    const bar = bars[kept[k]!]!;
    times[k] = bar.time;
    const value = kernel.peek(bar);
    if (typeof value === 'number') columns[0]![k] = value;
    else if (value !== null)
      for (let j = 0; j < lines.length; j++)
        columns[j]![k] = (value as Record<string, number | null>)[lines[j]!] ?? NaN;
    kernel.commit(bar);
  }
  return { times, lines: Object.fromEntries(lines.map((l, j) => [l, columns[j]!])) };
}

function liveStudy<V>(kernel: Kernel<V>): Study<V> {
  let live: Bar | null = null;
  let point: StudyPoint<V> | null = null;
  return {
    update(bar) {
      if (live && point && bar.time < live.time) return point;
      if (live && bar.time > live.time) kernel.commit(live);
      live = bar;
      point = { time: bar.time, value: kernel.peek(bar) };
      return point;
    },
    get last() {
      return point;
    },
  };
}

/** Longest period a study accepts: windows allocate `period` slots, so an absurd value is refused, not tried. */
const MAX_PERIOD = 10_000;

export const Period = z
  .number({ error: 'period must be a number' })
  .int('period must be a whole number of bars')
  .min(1, 'period must be at least 1 bar')
  .max(MAX_PERIOD, `period must be at most ${MAX_PERIOD} bars`);

/** Which price of a bar a single-series study reads. */
export const Source = z.enum(['close', 'open', 'high', 'low', 'hl2', 'hlc3', 'ohlc4']);
export type Source = z.infer<typeof Source>;

export function sourceOf(source: Source): (bar: Bar) => number {
  switch (source) {
    case 'close':
      return (b) => b.close;
    case 'open':
      return (b) => b.open;
    case 'high':
      return (b) => b.high;
    case 'low':
      return (b) => b.low;
    case 'hl2':
      return (b) => (b.high + b.low) / 2;
    case 'hlc3':
      return (b) => (b.high + b.low + b.close) / 3;
    case 'ohlc4':
      return (b) => (b.open + b.high + b.low + b.close) / 4;
  }
}
