// The studies as one vocabulary: a serialisable spec (kind + params) for every study, a factory from a spec, and
// the named lines of each study so an alert or a legend can pick one number out of a study's value.
import { z } from 'zod';
import type { Bar } from '../bar';
import { parseOrThrow } from '../validate';
import { atr, AtrParams } from './atr';
import { bollinger, BollingerParams, type BollingerValue } from './bollinger';
import { ema, EmaParams } from './ema';
import { macd, MacdParams, type MacdValue } from './macd';
import { rsi, RsiParams } from './rsi';
import { sma, SmaParams } from './sma';
import type { Study, StudyDef, StudyOptions, StudySeries } from './study';
import { volumeAverage, VolumeAverageParams } from './volume-average';
import { vwap, VwapParams } from './vwap';

export * from './atr';
export * from './bollinger';
export * from './ema';
export * from './macd';
export * from './rolling';
export * from './rsi';
export * from './sma';
export * from './study';
export * from './volume-average';
export * from './vwap';

const spec = <K extends string, S extends z.ZodType>(kind: K, params: S) =>
  z.strictObject({ kind: z.literal(kind), params: params.prefault({} as z.input<S>) });

export const StudySpec = z.discriminatedUnion('kind', [
  spec('sma', SmaParams),
  spec('ema', EmaParams),
  spec('vwap', VwapParams),
  spec('bollinger', BollingerParams),
  spec('rsi', RsiParams),
  spec('macd', MacdParams),
  spec('atr', AtrParams),
  spec('volume-average', VolumeAverageParams),
]);
export type StudySpec = z.infer<typeof StudySpec>;
export type StudySpecInput = z.input<typeof StudySpec>;
export type StudyKind = StudySpec['kind'];
export type StudyValue = number | BollingerValue | MacdValue;

const defs: Record<StudyKind, StudyDef<z.ZodType, StudyValue>> = {
  sma,
  ema,
  vwap,
  bollinger,
  rsi,
  macd,
  atr,
  'volume-average': volumeAverage,
};

/** The named lines of each study's value; the first is the default. Single-line studies have `value`. */
export const studyLines: Readonly<Record<StudyKind, readonly string[]>> = Object.fromEntries(
  Object.entries(defs).map(([kind, def]) => [kind, def.lines]),
) as Record<StudyKind, readonly string[]>;

/** Throws AppError('VALIDATION') for an unknown kind or bad params (a period of 0, k ≤ 0, fast ≥ slow…). */
export function parseStudySpec(input: unknown): StudySpec {
  return parseOrThrow(StudySpec, input, 'study');
}

/** A live study from a parsed spec; `options.sessionOf` sets where VWAP sessions start. */
export function createStudy(s: StudySpec, options?: StudyOptions): Study<StudyValue> {
  return defs[s.kind].create(s.params, options);
}

export function computeStudy(s: StudySpec, bars: readonly Bar[], options?: StudyOptions): StudySeries {
  return defs[s.kind].compute(bars, s.params, options);
}

/** One line of a study's value (e.g. Bollinger `upper`); null during warm-up or when that line is not warm yet. */
export function lineValue(value: StudyValue | null, line: string): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  const v = (value as Record<string, number | null>)[line];
  return v ?? null;
}

/** A short label for legends and alert texts: "RSI(14)", "BB(20, 2)", "MACD(12, 26, 9)". */
export function studyLabel(s: StudySpec): string {
  switch (s.kind) {
    case 'sma':
    case 'ema':
    case 'rsi':
    case 'atr':
      return `${s.kind.toUpperCase()}(${s.params.period})`;
    case 'volume-average':
      return `Vol avg(${s.params.period})`;
    case 'vwap':
      return 'VWAP';
    case 'bollinger':
      return `BB(${s.params.period}, ${s.params.k})`;
    case 'macd':
      return `MACD(${s.params.fast}, ${s.params.slow}, ${s.params.signal})`;
  }
}
