// The chart's studies as lightweight-charts series: overlays on the candles' pane, the others each in a pane of
// its own below (lightweight-charts 5 panes). Series are made again only when the list of studies changes (a user
// action); bars reach them as the runner's set/update draws.
import {
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { studyLabel } from '../../../src-shared/domain/studies';
import { fmtPrice, fmtSize } from '../../ui/format';
import type { ChartStudy } from '../../stores/chart-studies';
import { firstShown } from './chart-window';
import { isOverlay, lineStyles } from './study-view';
import type { LinePoints, StudyDraw } from './study-runner';

type Drawn = { study: ChartStudy; series: Map<string, ISeriesApi<'Line'> | ISeriesApi<'Histogram'>> };

/** The candles' pane is this many times as tall as each study pane below it. */
const MAIN_PANE_STRETCH = 3;

const ts = (t: number) => t as UTCTimestamp;
const point = (time: number, v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? { time: ts(time) } : { time: ts(time), value: v };

export type StudyLayer = {
  setStudies(studies: readonly ChartStudy[]): void;
  /** Draws the runner's output; a whole series only from `fromTime` on (the window the candles hold). */
  draw(draws: readonly StudyDraw[], fromTime: number | null): void;
  /** "EMA(20) 101.25 · RSI(14) 61.30": each study's label and its lines' values at the live bar. */
  legend(): string;
  dispose(): void;
};

export function createStudyLayer(chart: IChartApi): StudyLayer {
  let drawn: Drawn[] = [];
  const lastValues = new Map<string, number[]>();

  const remember = (id: string, p: LinePoints) => {
    const n = p.times.length;
    if (n)
      lastValues.set(
        id,
        Object.values(p.values).map((v) => v[n - 1]!),
      );
    else lastValues.delete(id);
  };

  return {
    setStudies(studies) {
      for (const d of drawn) for (const s of d.series.values()) chart.removeSeries(s);
      lastValues.clear();
      let below = 0;
      drawn = studies.map((study, index) => {
        const pane = isOverlay(study.spec.kind) ? 0 : ++below;
        const series = new Map<string, ISeriesApi<'Line'> | ISeriesApi<'Histogram'>>();
        for (const style of lineStyles(study, index)) {
          const common = {
            color: style.color,
            priceLineVisible: false,
            lastValueVisible: !style.histogram,
            title:
              style.line === 'value' || style.line === 'middle' || style.line === 'macd'
                ? studyLabel(study.spec)
                : '',
          };
          series.set(
            style.line,
            style.histogram
              ? chart.addSeries(HistogramSeries, common, pane)
              : chart.addSeries(
                  LineSeries,
                  { ...common, lineWidth: style.width, crosshairMarkerVisible: false },
                  pane,
                ),
          );
        }
        return { study, series };
      });
      const panes = chart.panes();
      panes[0]?.setStretchFactor(MAIN_PANE_STRETCH);
      for (let i = 1; i < panes.length; i++) panes[i]!.setStretchFactor(1);
    },
    draw(draws, fromTime) {
      for (const d of draws) {
        const target = drawn.find((x) => x.study.id === d.id);
        if (!target) continue;
        const { times, values } = d.points;
        const first = d.op === 'set' ? firstShown(times, fromTime) : 0;
        for (const [line, s] of target.series) {
          const col = values[line] ?? [];
          if (d.op === 'set') s.setData(times.slice(first).map((t, i) => point(t, col[first + i])));
          else times.forEach((t, i) => s.update(point(t, col[i])));
        }
        remember(d.id, d.points);
      }
    },
    legend() {
      return drawn
        .map(({ study }) => {
          const values = lastValues.get(study.id) ?? [];
          const fmt = study.spec.kind === 'volume-average' ? fmtSize : fmtPrice;
          const text = values.map((v) => fmt(v)).join(' ');
          return `${studyLabel(study.spec)} ${text || fmt(NaN)}`;
        })
        .join('  ·  ');
    },
    dispose() {
      drawn = [];
    },
  };
}
