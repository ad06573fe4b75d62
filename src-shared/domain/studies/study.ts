// The shape every chart study shares: validated params, a whole-series compute and an O(1) live state that can
// revise the live bar as well as append one. Both paths run the same kernel, so a chart loaded from history and
// one fed tick by tick show the same values.
import { z } from 'zod';
import type { Bar } from '../bar';
import { parseOrThrow } from '../validate';

/** A study's value at one bar; `value` is null during the warm-up. */
export type StudyPoint<V> = { readonly time: number; readonly value: V | null };

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

export type StudyDef<S extends z.ZodType, V, O> = {
  readonly kind: string;
  readonly params: S;
  /** A live state; throws AppError('VALIDATION') on bad params. */
  create(params?: z.input<S>, options?: O): Study<V>;
  /** One point per distinct bar time, in order. */
  compute(bars: readonly Bar[], params?: z.input<S>, options?: O): StudyPoint<V>[];
};

export function defineStudy<S extends z.ZodType, V, O = undefined>(
  kind: string,
  params: S,
  kernel: (p: z.output<S>, options: O | undefined) => Kernel<V>,
): StudyDef<S, V, O> {
  const create = (input?: z.input<S>, options?: O): Study<V> =>
    liveStudy(kernel(parseOrThrow(params, input ?? {}, `${kind} parameters`), options));
  return {
    kind,
    params,
    create,
    compute: (bars, input, options) => computeWith(create(input, options), bars),
  };
}

/** Runs a fresh study over a series: one point per distinct time, revisions replacing the point they revise. */
export function computeWith<V>(study: Study<V>, bars: readonly Bar[]): StudyPoint<V>[] {
  const out: StudyPoint<V>[] = [];
  for (const bar of bars) {
    const point = study.update(bar);
    const last = out[out.length - 1];
    if (last && last.time === point.time) out[out.length - 1] = point;
    else if (!last || point.time > last.time) out.push(point);
  }
  return out;
}

export function liveStudy<V>(kernel: Kernel<V>): Study<V> {
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
export const MAX_PERIOD = 10_000;

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
