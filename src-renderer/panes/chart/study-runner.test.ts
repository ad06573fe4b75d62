import { describe, expect, it } from 'vitest';
import { walkBars } from '../../../tests/support/bars';
import type { Bar } from '../../../src-shared/domain/bar';
import { computeStudy, parseStudySpec } from '../../../src-shared/domain/studies';
import { mergeLiveBars, prependPage } from '../../stores/bar-series';
import { withStudy, type ChartStudy } from '../../stores/chart-studies';
import { createStudyRunner, type SeriesView, type StudyDraw } from './study-runner';

const studies = (...inputs: unknown[]): ChartStudy[] => inputs.reduce<ChartStudy[]>(withStudy, []);
const ema20 = { kind: 'ema', params: { period: 20 } };
const macd = { kind: 'macd' };

/** The batch compute of a study over `bars`, as the runner's columns (NaN in the warm-up). */
function expected(input: unknown, bars: readonly Bar[]) {
  const s = computeStudy(parseStudySpec(input), bars);
  return {
    times: Array.from(s.times),
    values: Object.fromEntries(Object.entries(s.lines).map(([l, c]) => [l, Array.from(c)])),
  };
}

/** Every point the draws leave on each study's lines, applied as the chart applies set/update. */
function applyDraws(drawn: Map<string, Map<number, Record<string, number>>>, draws: readonly StudyDraw[]) {
  for (const d of draws) {
    const m = d.op === 'set' ? new Map<number, Record<string, number>>() : (drawn.get(d.id) ?? new Map());
    d.points.times.forEach((t, i) =>
      m.set(t, Object.fromEntries(Object.entries(d.points.values).map(([l, v]) => [l, v[i]!]))),
    );
    drawn.set(d.id, m);
  }
}

function asColumns(m: Map<number, Record<string, number>> | undefined) {
  const entries = [...(m ?? new Map<number, Record<string, number>>()).entries()].sort((a, b) => a[0] - b[0]);
  const lines = Object.keys(entries[0]?.[1] ?? {});
  return {
    times: entries.map(([t]) => t),
    values: Object.fromEntries(lines.map((l) => [l, entries.map(([, v]) => v[l]!)])),
  };
}

describe('study runner', () => {
  it('computes every study from history, then follows live ticks and new bars as the batch compute does', () => {
    const history = walkBars(300, 3);
    const runner = createStudyRunner();
    const list = studies(ema20, macd);
    runner.setStudies(list);
    let view: SeriesView = { key: '1|1 min', resetSeq: 1, bars: history };
    const drawn = new Map<string, Map<number, Record<string, number>>>();
    const first = runner.sync(view);
    expect(first.map((d) => [d.op, d.id])).toEqual([
      ['set', 'ema-1'],
      ['set', 'macd-1'],
    ]);
    applyDraws(drawn, first);

    // Ticks revise the live bar; every 5th tick opens a new one. Each sync draws only the live bar.
    let bars: readonly Bar[] = history;
    for (let i = 0; i < 40; i++) {
      const last = bars[bars.length - 1]!;
      const price = last.close * (1 + Math.sin(i) / 500);
      const tick: Bar =
        i % 5 === 4
          ? { time: last.time + 60, open: price, high: price, low: price, close: price, volume: 10 }
          : { ...last, close: price, high: Math.max(last.high, price), low: Math.min(last.low, price) };
      bars = mergeLiveBars(bars, [tick]);
      view = { ...view, bars };
      const draws = runner.sync(view);
      expect(draws.every((d) => d.op === 'update')).toBe(true);
      // The bar the chart last had and the new one at most: never the history again.
      for (const d of draws) expect(d.points.times.length).toBeLessThanOrEqual(2);
      applyDraws(drawn, draws);
    }
    expect(asColumns(drawn.get('ema-1'))).toEqual(expected(ema20, bars));
    expect(asColumns(drawn.get('macd-1'))).toEqual(expected(macd, bars));
  });

  it('reads only the last bars of the series on a live update (no pass over the history)', () => {
    const history = walkBars(5000, 4);
    const runner = createStudyRunner();
    runner.setStudies(studies(ema20, macd, { kind: 'bollinger' }, { kind: 'rsi' }, { kind: 'atr' }));
    runner.sync({ key: 'k', resetSeq: 1, bars: history });
    const last = history[history.length - 1]!;
    const next = mergeLiveBars(history, [{ ...last, close: last.close + 0.01 }]);
    let reads = 0;
    const counted = new Proxy(next, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const draws = runner.sync({ key: 'k', resetSeq: 1, bars: counted });
    expect(draws).toHaveLength(5);
    expect(reads).toBeLessThan(10);
  });

  it('computes again when older bars are paged in front, the bar size changes or the series is trimmed', () => {
    const all = walkBars(400, 5);
    const runner = createStudyRunner();
    runner.setStudies(studies(ema20));
    runner.sync({ key: '1|1 min', resetSeq: 1, bars: all.slice(200) });

    const { bars: paged } = prependPage(all.slice(0, 200), all.slice(200));
    const afterPage = runner.sync({ key: '1|1 min', resetSeq: 2, bars: paged });
    expect(afterPage).toHaveLength(1);
    expect(afterPage[0]!.op).toBe('set');
    // With the older page in front the EMA is warm from bar 20 on, and equals the whole series' compute.
    expect(afterPage[0]!.points).toEqual(expected(ema20, all));

    const fiveMin = walkBars(50, 6);
    const afterSize = runner.sync({ key: '1|5 mins', resetSeq: 3, bars: fiveMin });
    expect(afterSize[0]!.op).toBe('set');
    expect(afterSize[0]!.points).toEqual(expected(ema20, fiveMin));

    expect(runner.sync(undefined)).toEqual([]);
    expect(runner.sync({ key: '1|5 mins', resetSeq: 3, bars: fiveMin })[0]!.op).toBe('set');
  });

  it('computes every study again when the list changes (the chart makes their series again)', () => {
    const bars = walkBars(100, 7);
    const runner = createStudyRunner();
    let list = studies(ema20);
    runner.setStudies(list);
    const view = { key: 'k', resetSeq: 1, bars };
    runner.sync(view);
    expect(runner.sync(view).map((d) => d.op)).toEqual(['update']);

    list = withStudy(list, { kind: 'rsi', params: { period: 14 } });
    runner.setStudies(list);
    const added = runner.sync(view);
    expect(added.map((d) => [d.op, d.id])).toEqual([
      ['set', 'ema-1'],
      ['set', 'rsi-1'],
    ]);
    expect(added[0]!.points).toEqual(expected(ema20, bars));
    expect(added[1]!.points).toEqual(expected({ kind: 'rsi', params: { period: 14 } }, bars));

    runner.setStudies([{ ...list[0]!, spec: parseStudySpec({ kind: 'ema', params: { period: 5 } }) }]);
    const changed = runner.sync(view);
    expect(changed.map((d) => [d.op, d.id])).toEqual([['set', 'ema-1']]);
    expect(changed[0]!.points).toEqual(expected({ kind: 'ema', params: { period: 5 } }, bars));
  });

  it('draws nothing for a chart without studies or bars', () => {
    const runner = createStudyRunner();
    expect(runner.sync({ key: 'k', resetSeq: 1, bars: walkBars(10) })).toEqual([]);
    runner.setStudies(studies(ema20));
    const empty = runner.sync({ key: 'k', resetSeq: 2, bars: [] });
    expect(empty).toEqual([{ op: 'set', id: 'ema-1', points: { times: [], values: { value: [] } } }]);
  });
});
