// Headlines on the chart's time axis: each headline of the chart's symbol falls in the bar whose time span holds
// it; headlines of the same bar make one marker (the newest opens on click). Headlines outside the loaded bars
// have no place on the axis and are left out, as are all but the newest `max` markers.
import type { Headline } from '../../../src-shared/domain/news';
import { floorIndex } from './drawing-geometry';

export type NewsMarker = {
  /** The bar's time (s), where the marker sits. */
  time: number;
  /** Newest first. */
  headlines: readonly Headline[];
};

export function newsMarkers(
  headlines: readonly Headline[],
  bars: readonly { time: number }[],
  barSeconds: number,
  max = 60,
): NewsMarker[] {
  const byBar = new Map<number, Headline[]>();
  for (const h of headlines) {
    const t = Math.floor(h.time / 1000);
    const i = floorIndex(bars, t);
    if (i < 0) continue;
    const bar = bars[i]!.time;
    if (t >= bar + barSeconds) continue; // after the bar's span: a gap, or after the last bar
    const list = byBar.get(bar);
    if (list) list.push(h);
    else byBar.set(bar, [h]);
  }
  return [...byBar.entries()]
    .sort(([a], [b]) => a - b)
    .slice(-max)
    .map(([time, list]) => ({ time, headlines: [...list].sort((x, y) => y.time - x.time) }));
}

/** What a marker says to a screen reader and in its tooltip: the newest headline, and how many more there are. */
export function markerLabel(m: NewsMarker): string {
  const more = m.headlines.length - 1;
  return `News: ${m.headlines[0]!.headline}${more > 0 ? ` (+${more} more)` : ''}`;
}
