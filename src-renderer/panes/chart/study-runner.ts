// The chart's studies kept in step with its bar series: a whole series computed once when the series is (re)set
// (a first load, a page of older bars, a trim, another symbol or bar size, the list of studies changed), then on every
// live update only the bars from the live one on are folded in (the study revises its live bar with peek and
// commits it when the next bar opens), so a tick costs O(studies), never a recomputation.
import type { Bar } from '../../../src-shared/domain/bar';
import {
  createStudy,
  lineValue,
  studyLines,
  type Study,
  type StudyValue,
} from '../../../src-shared/domain/studies';
import { barsSince } from '../../stores/bar-series';
import type { ChartStudy } from '../../stores/chart-studies';

/** What the chart pane draws from: its key (symbol and bar size), reset counter and bars, as in the store. */
export type SeriesView = { readonly key: string; readonly resetSeq: number; readonly bars: readonly Bar[] };

/** One line's points: NaN where the study has no value yet (drawn as a gap). */
export type LinePoints = { readonly times: readonly number[]; readonly values: Record<string, number[]> };

export type StudyDraw =
  /** Replace every point of the study's lines. */
  | { readonly op: 'set'; readonly id: string; readonly points: LinePoints }
  /** Update (same time) or append (later time) these points, in order. */
  | { readonly op: 'update'; readonly id: string; readonly points: LinePoints };

type Entry = { study: ChartStudy; live: Study<StudyValue>; fedKey: string; fedReset: number };

export type StudyRunner = {
  /**
   * The chart's studies changed (a user action): each is computed again at the next sync, since the chart makes
   * every study's series again (panes and colors follow the list's order).
   */
  setStudies(studies: readonly ChartStudy[]): void;
  /** What to draw to bring every study up to `view`; empty when nothing changed. */
  sync(view: SeriesView | undefined): StudyDraw[];
};

function pointsOf(study: ChartStudy, live: Study<StudyValue>, bars: readonly Bar[]): LinePoints {
  const lines = studyLines[study.spec.kind];
  const times: number[] = [];
  const values: Record<string, number[]> = Object.fromEntries(lines.map((l) => [l, []]));
  for (const bar of bars) {
    const p = live.update(bar);
    // A bar older than the live one is ignored by the study (and by the candles): no point for it.
    if (p.time !== bar.time) continue;
    if (times.length && times[times.length - 1] === p.time) {
      times.pop();
      for (const l of lines) values[l]!.pop();
    }
    times.push(p.time);
    for (const l of lines) values[l]!.push(lineValue(p.value, l) ?? NaN);
  }
  return { times, values };
}

export function createStudyRunner(): StudyRunner {
  let entries: Entry[] = [];
  let lastTime: number | null = null;
  let drawnKey = '';
  let drawnReset = -1;

  const fresh = (study: ChartStudy): Entry => ({
    study,
    live: createStudy(study.spec),
    fedKey: '',
    fedReset: -1,
  });

  return {
    setStudies(studies) {
      entries = studies.map(fresh);
    },
    sync(view) {
      if (!view) {
        drawnKey = '';
        drawnReset = -1;
        lastTime = null;
        entries = entries.map((e) => fresh(e.study));
        return [];
      }
      const reset = view.key !== drawnKey || view.resetSeq !== drawnReset;
      const since = reset ? view.bars : barsSince(view.bars, lastTime);
      const out: StudyDraw[] = [];
      for (let i = 0; i < entries.length; i++) {
        let e = entries[i]!;
        if (reset || e.fedKey !== view.key || e.fedReset !== view.resetSeq) {
          e = entries[i] = { ...fresh(e.study), fedKey: view.key, fedReset: view.resetSeq };
          out.push({ op: 'set', id: e.study.id, points: pointsOf(e.study, e.live, view.bars) });
        } else if (since.length) {
          out.push({ op: 'update', id: e.study.id, points: pointsOf(e.study, e.live, since) });
        }
      }
      drawnKey = view.key;
      drawnReset = view.resetSeq;
      lastTime = view.bars[view.bars.length - 1]?.time ?? null;
      return out;
    },
  };
}
