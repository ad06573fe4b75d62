import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatBar, liveUpdatesArb } from '../../../tests/support/bars';
import { AppError } from '../../result';
import { mergeBar, type Bar } from '../bar';
import {
  computeStudy,
  createStudy,
  lineValue,
  parseStudySpec,
  studyLabel,
  studyLines,
  type StudySpecInput,
} from './index';
import { thrownBy } from '../../../tests/support/thrown';

const period = fc.integer({ min: 1, max: 25 });
const specArb: fc.Arbitrary<StudySpecInput> = fc.oneof(
  period.map((p) => ({ kind: 'sma' as const, params: { period: p } })),
  period.map((p) => ({ kind: 'ema' as const, params: { period: p, source: 'hlc3' as const } })),
  fc.integer({ min: 0, max: 1439 }).map((m) => ({ kind: 'vwap' as const, params: { startMinute: m } })),
  fc
    .tuple(period, fc.double({ min: 0.5, max: 3, noNaN: true }))
    .map(([p, k]) => ({ kind: 'bollinger' as const, params: { period: p, k } })),
  period.map((p) => ({ kind: 'rsi' as const, params: { period: p } })),
  fc
    .tuple(period, period, period)
    .map(([f, e, s]) => ({ kind: 'macd' as const, params: { fast: f, slow: f + e, signal: s } })),
  period.map((p) => ({ kind: 'atr' as const, params: { period: p } })),
  period.map((p) => ({ kind: 'volume-average' as const, params: { period: p } })),
);

describe('live studies', () => {
  it('after every update, new bar or revision of the live bar, equal the batch compute of the series so far', () => {
    fc.assert(
      fc.property(specArb, liveUpdatesArb(), (input, updates) => {
        const spec = parseStudySpec(input);
        const live = createStudy(spec);
        let series: Bar[] = [];
        for (const [i, u] of updates.entries()) {
          series = mergeBar(series, u);
          const point = live.update(u);
          const batch = computeStudy(spec, series);
          const last = series.length - 1;
          expect(batch.times).toEqual(Float64Array.from(series, (b) => b.time));
          expect(point.time).toBe(batch.times[last]);
          for (const line of studyLines[spec.kind])
            expect(lineValue(point.value, line) ?? NaN).toBe(batch.lines[line]![last]);
          // The updates themselves, revisions included, compute to the same series.
          expect(computeStudy(spec, updates.slice(0, i + 1))).toEqual(batch);
        }
      }),
    );
  });

  it('ignore a bar older than the live one, as mergeBar does', () => {
    const s = createStudy(parseStudySpec({ kind: 'sma', params: { period: 2 } }));
    const b = flatBar;
    s.update(b(60, 1));
    expect(s.update(b(120, 3))).toEqual({ time: 120, value: 2 });
    expect(s.update(b(60, 100))).toEqual({ time: 120, value: 2 });
    expect(s.last).toEqual({ time: 120, value: 2 });
  });
});

describe('study specs', () => {
  it('fill in default params', () => {
    expect(parseStudySpec({ kind: 'macd' })).toEqual({
      kind: 'macd',
      params: { fast: 12, slow: 26, signal: 9, source: 'close' },
    });
    expect(studyLabel(parseStudySpec({ kind: 'bollinger' }))).toBe('BB(20, 2)');
    expect(studyLabel(parseStudySpec({ kind: 'rsi', params: { period: 7 } }))).toBe('RSI(7)');
  });

  it.each([
    [{ kind: 'sma', params: { period: 0 } }, 'params.period'],
    [{ kind: 'rsi', params: { period: '14' } }, 'params.period'],
    [{ kind: 'bollinger', params: { k: 0 } }, 'params.k'],
    [{ kind: 'macd', params: { fast: 26 } }, 'params.fast'],
    [{ kind: 'stochastic' }, 'kind'],
    [{ kind: 'ema', params: { period: 5, lookback: 3 } }, 'params'],
  ])('refuse %j with a typed validation error at %s', (input, path) => {
    const err = thrownBy(() => parseStudySpec(input), AppError);
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.path)).toContain(path);
  });

  it('name the lines of each value', () => {
    expect(studyLines.bollinger).toEqual(['middle', 'upper', 'lower']);
    expect(lineValue({ middle: 1, upper: 2, lower: 0 }, 'upper')).toBe(2);
    expect(lineValue({ macd: 1, signal: null, histogram: null }, 'signal')).toBe(null);
    expect(lineValue(42, 'value')).toBe(42);
    expect(lineValue(null, 'value')).toBe(null);
  });
});
