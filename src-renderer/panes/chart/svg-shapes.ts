// Placing the shapes of the chart's overlays (drawings, alert lines) on each chart frame: every <g> of a layer found
// by its selector, its lines, rectangles and text set from where the shape is now, hidden while it is off the chart.
import type { ChartCoords } from './drawing-geometry';
import { NOTE_HEIGHT_PX, NOTE_PADDING_PX, type Shape } from './drawing-shapes';

function setAll(el: Element, attrs: Record<string, number>): void {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
}

/** Sets a group's elements from its shape: lines end to end, rectangles (and a note's box) to the box, its text. */
function applyShape(g: SVGGElement, s: Shape): void {
  if (s.kind === 'line') {
    for (const line of g.querySelectorAll('line')) setAll(line, { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 });
    g.querySelector('text')?.setAttribute('y', String(s.y1 - 3));
    return;
  }
  for (const rect of g.querySelectorAll('rect')) setAll(rect, { x: s.x, y: s.y, width: s.w, height: s.h });
  const text = g.querySelector('text');
  if (text) setAll(text, { x: s.x + NOTE_PADDING_PX, y: s.y + NOTE_HEIGHT_PX - 5 });
}

/** `shape(g, coords)`: the group's shape, null to hide it (off the chart), undefined to leave it alone. */
export function placeShapes(
  svg: SVGSVGElement | null,
  coords: ChartCoords | null,
  selector: string,
  shape: (g: SVGGElement, c: ChartCoords) => Shape | null | undefined,
): void {
  if (!svg || !coords) return;
  for (const g of svg.querySelectorAll<SVGGElement>(selector)) {
    const s = shape(g, coords);
    if (s === undefined) continue;
    g.style.display = s ? '' : 'none';
    if (s) applyShape(g, s);
  }
}

/** `ends(g, coords)`: x1, y1, x2, y2 in pixels (null = off the chart), or null for a shape to leave alone. */
export function placeLineShapes(
  svg: SVGSVGElement | null,
  coords: ChartCoords | null,
  selector: string,
  ends: (g: SVGGElement, c: ChartCoords) => readonly (number | null)[] | null,
): void {
  placeShapes(svg, coords, selector, (g, c) => {
    const e = ends(g, c);
    if (!e) return undefined;
    const [x1, y1, x2, y2] = e;
    return x1 == null || y1 == null || x2 == null || y2 == null ? null : { kind: 'line', x1, y1, x2, y2 };
  });
}
