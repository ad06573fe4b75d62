// The chart's news markers: a button on the time axis for each bar with headlines of the chart's symbol (from the
// pane's own news feed), placed through the chart's coordinates and moved whenever the chart repaints; a click
// opens the newest headline's article under the chart.
import { useEffect, useMemo, useState } from 'react';
import { barSizeSeconds } from '../../../src-shared/domain/bar';
import { useAppStore } from '../../stores/use-app-store';
import type { ChartCoords } from './drawing-geometry';
import { markerLabel, newsMarkers } from './news-markers';

export function NewsMarkers({
  paneId,
  chartId,
  coordsRef,
  repaintRef,
}: {
  /** The pane: its news feed and its article. */
  paneId: string;
  /** The chart the markers sit on (one of the pane's 1, 2 or 4): its bars and bar size. */
  chartId: string;
  coordsRef: { current: ChartCoords | null };
  /** Set here: the chart calls it after every paint, scroll or zoom. */
  repaintRef: { current: (() => void) | null };
}) {
  const headlines = useAppStore((s) => s.newsFeeds[paneId]?.headlines);
  const bars = useAppStore((s) => s.charts[chartId]?.bars);
  const barSize = useAppStore((s) => s.charts[chartId]?.barSize);
  const openArticle = useAppStore((s) => s.openArticle);
  const current = useAppStore((s) => s.articles[paneId]?.articleId ?? null);
  const markers = useMemo(
    () => (headlines && bars && barSize ? newsMarkers(headlines, bars, barSizeSeconds(barSize)) : []),
    [headlines, bars, barSize],
  );
  // Where each marker sits (bar time → x), worked out after the chart painted: never during a render.
  const [xs, setXs] = useState<ReadonlyMap<number, number>>(new Map());

  useEffect(() => {
    let raf = 0;
    const place = () => {
      raf = 0;
      const c = coordsRef.current;
      const next = new Map<number, number>();
      if (c) {
        const width = c.width();
        for (const m of markers) {
          const x = c.x(m.time);
          if (x !== null && x >= 0 && x <= width) next.set(m.time, Math.round(x));
        }
      }
      setXs((before) => (sameMap(before, next) ? before : next));
    };
    repaintRef.current = () => {
      if (!raf) raf = requestAnimationFrame(place);
    };
    repaintRef.current();
    return () => {
      repaintRef.current = null;
      if (raf) cancelAnimationFrame(raf);
    };
  }, [repaintRef, coordsRef, markers]);

  return (
    <div className="chart-news">
      {markers.map((m) => {
        const x = xs.get(m.time);
        if (x === undefined) return null;
        const newest = m.headlines[0]!;
        return (
          <button
            key={m.time}
            type="button"
            className="news-marker"
            style={{ left: x }}
            aria-label={markerLabel(m)}
            aria-current={m.headlines.some((h) => h.articleId === current) ? 'true' : undefined}
            title={m.headlines.map((h) => h.headline).join('\n')}
            onClick={() => void openArticle(paneId, newest.articleId)}
          >
            N{m.headlines.length > 1 ? m.headlines.length : ''}
          </button>
        );
      })}
    </div>
  );
}

function sameMap(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
