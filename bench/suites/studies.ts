// Chart-study figures, in this process: the budgets for studies computed from history plus the live bar.
// compute: SMA(20), EMA(20), Bollinger(20, 2), RSI(14) and MACD(12, 26, 9) over 100,000 one-minute bars, median
// of several runs, in CPU time of the process (process.cpuUsage, as the ingest suite: on a shared machine that
// deschedules us, wall time measures the neighbours; the wall median is in the note) (≤ 200 ms). tick: all eight
// studies loaded with those bars, then 20,000 live ticks (revisions of the live bar, a new bar every 60 ticks),
// each updating every study, timed one by one on the wall clock (≤ 1 ms). A single tick is a few µs, below the
// 4 ms granularity of per-thread CPU accounting, so the figure is the 99.9th percentile: the few slower ticks are
// the collector or the scheduler pausing the process, counted and shown in the note with the slowest.
// chart-tick: the chart pane's study runner with five studies on a 5,000-bar chart, from the series to the draws for
// every study line, per tick, timed in batches of 20 ticks (≤ 1 ms per tick, p99 of the batches).
// chart-load: the same runner computing the five studies over a full chart (MAX_LIVE_BARS bars), as on a first
// load or a page of older bars, in CPU time as compute (≤ 100 ms, median).
import {
  computeStudy,
  createStudy,
  parseStudySpec,
  type StudySpecInput,
} from '../../src-shared/domain/studies';
import type { Bar } from '../../src-shared/domain/bar';
import { walkBars } from '../../tests/support/bars';
import { MAX_LIVE_BARS } from '../../src-renderer/stores/bar-series';
import { withStudy, type ChartStudy } from '../../src-renderer/stores/chart-studies';
import { createStudyRunner } from '../../src-renderer/panes/chart/study-runner';
import { figure, type Figure } from '../figure';
import { median, percentile } from '../web/stats';

const BARS = 100_000;
const RUNS = Number(process.env.BENCH_STUDIES_RUNS ?? 7);
const TICKS = 20_000;

const FIVE: StudySpecInput[] = [
  { kind: 'sma', params: { period: 20 } },
  { kind: 'ema', params: { period: 20 } },
  { kind: 'bollinger', params: { period: 20, k: 2 } },
  { kind: 'rsi', params: { period: 14 } },
  { kind: 'macd' },
];
const ALL: StudySpecInput[] = [
  ...FIVE,
  { kind: 'vwap' },
  { kind: 'atr', params: { period: 14 } },
  { kind: 'volume-average', params: { period: 20 } },
];

export async function run(): Promise<Figure[]> {
  const bars = walkBars(BARS, 11);
  return [computeFigure(bars), tickFigure(bars), chartTickFigure(), chartLoadFigure()];
}

function computeFigure(bars: readonly Bar[]): Figure {
  const specs = FIVE.map(parseStudySpec);
  const walls: number[] = [];
  const once = (): number => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let points = 0;
    for (const s of specs) points += computeStudy(s, bars).times.length;
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    if (points !== specs.length * bars.length) throw new Error(`${points} points for ${bars.length} bars`);
    return (c.user + c.system) / 1000;
  };
  const cold = once();
  const times = Array.from({ length: RUNS }, once);
  return figure({
    id: 'studies.compute',
    name: `studies: SMA, EMA, Bollinger, RSI, MACD over ${BARS.toLocaleString('en-US')} bars, CPU, median of ${RUNS}`,
    value: median(times),
    unit: 'ms',
    budget: { max: 200 },
    note: `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms CPU (first, cold: ${cold.toFixed(0)}); wall median ${median(walls.slice(1)).toFixed(0)} ms`,
  });
}

function tickFigure(bars: readonly Bar[]): Figure {
  const studies = ALL.map((s) => createStudy(parseStudySpec(s)));
  for (const b of bars) for (const s of studies) s.update(b);
  let live = { ...bars[bars.length - 1]! };
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < TICKS; i++) {
    live = nextTick(live, i);
    const t0 = performance.now();
    for (const s of studies) if (s.update(live).value !== null) sink++;
    times.push(performance.now() - t0);
  }
  if (sink === 0) throw new Error('no study produced a value');
  const over = times.filter((t) => t > 1).length;
  return figure({
    id: 'studies.tick',
    name: `studies: one live tick updating all ${ALL.length} studies (${BARS.toLocaleString('en-US')} bars), p99.9 of ${TICKS.toLocaleString('en-US')}`,
    value: percentile(times, 99.9),
    unit: 'ms',
    budget: { max: 1 },
    note: `median ${(median(times) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(1)} µs; ${over} tick(s) over 1 ms, slowest ${Math.max(...times).toFixed(2)} ms`,
  });
}

const CHART_BARS = 5_000;
const BATCH = 20;
const chartStudies = (): ChartStudy[] => FIVE.reduce<ChartStudy[]>(withStudy, []);

/** The next live tick: a revision of the live bar, a new bar every 60 ticks. */
function nextTick(live: Bar, i: number): Bar {
  const price = live.close * (1 + Math.sin(i) * 1e-4);
  return i % 60 === 59
    ? { time: live.time + 60, open: price, high: price, low: price, close: price, volume: 1 }
    : {
        ...live,
        close: price,
        high: Math.max(live.high, price),
        low: Math.min(live.low, price),
        volume: live.volume + 1,
      };
}

function chartTickFigure(): Figure {
  const runner = createStudyRunner();
  runner.setStudies(chartStudies());
  // The series changed in place (the live bar replaced, a new one pushed): the store copies it per batch, which is
  // the store's cost (the chart suite's), and 20,000 copies of 5,000 bars would time the collector here instead.
  const bars: Bar[] = walkBars(CHART_BARS, 12);
  runner.sync({ key: 'bench', resetSeq: 1, bars });
  // Timed in batches of BATCH ticks (as a frame applies several at high rates): a single tick takes a few µs, so
  // one pause of the overloaded machine's scheduler or of the collector would otherwise be the figure.
  const perTick: number[] = [];
  const single: number[] = [];
  let points = 0;
  for (let i = 0; i < TICKS; i += BATCH) {
    const b0 = performance.now();
    for (let j = i; j < i + BATCH; j++) {
      const tick = nextTick(bars[bars.length - 1]!, j);
      if (tick.time === bars[bars.length - 1]!.time) bars[bars.length - 1] = tick;
      else bars.push(tick);
      const t0 = performance.now();
      const draws = runner.sync({ key: 'bench', resetSeq: 1, bars });
      single.push(performance.now() - t0);
      for (const d of draws) points += d.points.times.length;
    }
    perTick.push((performance.now() - b0) / BATCH);
  }
  if (points < TICKS * FIVE.length) throw new Error(`${points} points drawn for ${TICKS} ticks`);
  return figure({
    id: 'studies.chart-tick',
    name: `studies: the chart's study runner, one live tick with ${FIVE.length} studies on a ${CHART_BARS.toLocaleString('en-US')}-bar chart, p99 of ${TICKS / BATCH} batches of ${BATCH}`,
    value: percentile(perTick, 99),
    unit: 'ms',
    budget: { max: 1 },
    note: `single ticks: median ${(median(single) * 1000).toFixed(1)} µs, p99 ${(percentile(single, 99) * 1000).toFixed(1)} µs, ${single.filter((t) => t > 1).length} over 1 ms, slowest ${Math.max(...single).toFixed(2)} ms`,
  });
}

function chartLoadFigure(): Figure {
  const bars = walkBars(MAX_LIVE_BARS, 13);
  const walls: number[] = [];
  const times = Array.from({ length: RUNS }, (_, run) => {
    const runner = createStudyRunner();
    runner.setStudies(chartStudies());
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const draws = runner.sync({ key: 'bench', resetSeq: run, bars });
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    if (draws.some((d) => d.points.times.length !== bars.length)) throw new Error('a study missed bars');
    return (c.user + c.system) / 1000;
  });
  return figure({
    id: 'studies.chart-load',
    name: `studies: the chart's study runner computing ${FIVE.length} studies over a full chart (${MAX_LIVE_BARS.toLocaleString('en-US')} bars), CPU, median of ${RUNS}`,
    value: median(times),
    unit: 'ms',
    budget: { max: 100 },
    note: `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms CPU; wall median ${median(walls).toFixed(0)} ms`,
  });
}
