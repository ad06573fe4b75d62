// A chart's bar series as pure functions over arrays: live bars merged in, older pages joined in front, the
// series bounded, and the bars a drawing still has to take (shared by the chart slice, the chart pane and its
// study runner, and the studies bench).
import type { Bar } from '../../src-shared/domain/bar';

/** Above this many bars the oldest are dropped (and scroll-back stops). */
export const MAX_LIVE_BARS = 20_000;
/** Pure: merges live bars (each the new state of its bar) into a time-ordered series, copying it once. */
export function mergeLiveBars(series: readonly Bar[], updates: readonly Bar[]): Bar[] {
  const out = series.slice();
  for (const bar of updates) {
    const last = out[out.length - 1];
    if (!last || bar.time > last.time) out.push(bar);
    else if (bar.time === last.time) out[out.length - 1] = bar;
    else {
      // An older bar revised: find it from the end (it is nearly always one of the last few).
      for (let i = out.length - 2; i >= 0; i--) {
        const b = out[i]!;
        if (b.time === bar.time) {
          out[i] = bar;
          break;
        }
        if (b.time < bar.time) {
          out.splice(i + 1, 0, bar);
          break;
        }
      }
    }
  }
  return out;
}

/** Pure: joins an older page in front of a series; returns the series and how many bars were added. */
export function prependPage(older: readonly Bar[], series: readonly Bar[]): { bars: Bar[]; added: number } {
  const first = series[0];
  const fresh = first ? older.filter((b) => b.time < first.time) : [...older];
  return { bars: [...fresh, ...series], added: fresh.length };
}

/** Pure: bounds a series to `max` bars, dropping the oldest (a tenth more, so trims are rare). */
export function boundSeries(
  bars: readonly Bar[],
  max = MAX_LIVE_BARS,
): { bars: readonly Bar[]; trimmed: boolean } {
  if (bars.length <= max) return { bars, trimmed: false };
  const keep = Math.floor(max * 0.9);
  return { bars: bars.slice(bars.length - keep), trimmed: true };
}

/** Pure: the bars a chart must still draw, given the time of the last bar it has: update() each of them. */
export function barsSince(bars: readonly Bar[], lastDrawnTime: number | null): readonly Bar[] {
  if (lastDrawnTime === null) return bars;
  let i = bars.length - 1;
  while (i >= 0 && bars[i]!.time >= lastDrawnTime) i--;
  return bars.slice(i + 1);
}
