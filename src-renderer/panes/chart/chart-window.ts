// Which of a chart's bars lightweight-charts holds. lightweight-charts 5 rebuilds the drawing items of every bar of
// a series on each data change, series.update() included (about 4 objects a bar, for the candles, the volume and
// each study line), so a live tick on a 20,000-bar chart cost the whole series and most of it in GC. The chart is
// therefore given only the newest bars (the store keeps them all), and more of them, from the store, when the view
// is scrolled or zoomed out to the first bar it holds; older history is asked for only once it holds them all.
import { floorIndex } from './drawing-geometry';

type Timed = { readonly time: number };

/** How many of the newest bars a chart holds at first: more than a full-width chart shows at its default zoom. */
export const WINDOW_BARS = 2_000;

/** What a chart holds: from this index of the store's bars to the last (its first bar's time, to find it again). */
export type HeldWindow = { readonly from: number; readonly fromTime: number | null };

/** The first index whose bar starts at or after t (bars.length when none does). */
export function ceilIndex(bars: readonly Timed[], t: number): number {
  const i = floorIndex(bars, t);
  return i >= 0 && bars[i]!.time === t ? i : i + 1;
}

/**
 * Pure: the window after the series was set again, and how far the view's logical range must move to stay on the
 * same bars (null: leave it). A new series holds its newest WINDOW_BARS; the same series keeps the first bar it
 * held (all of the store's when it held them all, so a page of older bars joins it), `extend` takes in as many
 * more older bars as it holds (at least WINDOW_BARS).
 */
export function nextWindow(
  bars: readonly Timed[],
  held: HeldWindow | null,
  sameSeries: boolean,
  extend = false,
): { window: HeldWindow; shift: number | null } {
  const n = bars.length;
  let from: number;
  let anchor: number | null = null;
  if (!sameSeries || !held || held.fromTime === null) from = Math.max(0, n - WINDOW_BARS);
  else {
    const at = ceilIndex(bars, held.fromTime);
    // The bar it held first is still there: keep the view on it.
    if (at < n && bars[at]!.time === held.fromTime) anchor = at;
    from = held.from === 0 ? 0 : Math.min(at, n);
    if (extend) from = Math.max(0, from - Math.max(WINDOW_BARS, n - from));
  }
  from = Math.min(from, Math.max(0, n - 1));
  const window = { from, fromTime: bars[from]?.time ?? null };
  return { window, shift: anchor === null ? null : anchor - from };
}

/** Pure: the first index of ascending `times` at or after `fromTime` (0 when there is no window). */
export function firstShown(times: readonly number[], fromTime: number | null): number {
  if (fromTime === null) return 0;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < fromTime) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
