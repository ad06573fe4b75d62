// Placing the line shapes of the chart's overlays (drawings, alert lines) on each chart frame: every <g> of a layer
// found by its selector, its lines set from where its ends are now, hidden while an end is off the chart.
import type { ChartCoords } from './drawing-geometry';

/** `ends(g, coords)`: x1, y1, x2, y2 in pixels (null = off the chart), or null for a shape to leave alone. */
export function placeLineShapes(
  svg: SVGSVGElement | null,
  coords: ChartCoords | null,
  selector: string,
  ends: (g: SVGGElement, c: ChartCoords) => readonly (number | null)[] | null,
): void {
  if (!svg || !coords) return;
  for (const g of svg.querySelectorAll<SVGGElement>(selector)) {
    const e = ends(g, coords);
    if (!e) continue;
    const ok = e.every((v) => v !== null);
    g.style.display = ok ? '' : 'none';
    if (!ok) continue;
    for (const line of g.querySelectorAll('line')) {
      line.setAttribute('x1', String(e[0]));
      line.setAttribute('y1', String(e[1]));
      line.setAttribute('x2', String(e[2]));
      line.setAttribute('y2', String(e[3]));
    }
    g.querySelector('text')?.setAttribute('y', String(e[1]! - 3));
  }
}
