// Where a drawing is on the chart in pixels, and which drawing a point is on: one geometry for painting the SVG
// shapes and for the eraser's hit test, so what a click hits is what the trader sees.
import type { Drawing } from '../../stores/drawings-slice';
import type { ChartCoords } from './drawing-geometry';

/** A drawing in pixels: a line (horizontal and trend lines), a rectangle, or a note's box (top-left, size). */
export type Shape =
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
    }
  | {
      readonly kind: 'rect' | 'note';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
    };

/** A note's box: its text (11 px monospace, about 7 px a character) with 4 px of padding, one line high. */
const NOTE_CHAR_PX = 7;
const NOTE_PAD_PX = 4;
export const NOTE_HEIGHT_PX = 18;
export const NOTE_PADDING_PX = NOTE_PAD_PX;

/** The drawing's shape at the chart's current scale; null while a point of it is off the chart. */
export function shapeOf(d: Drawing, c: ChartCoords): Shape | null {
  if (d.kind === 'hline') {
    const y = c.y(d.price);
    return y === null ? null : { kind: 'line', x1: 0, y1: y, x2: c.width(), y2: y };
  }
  if (d.kind === 'note') {
    const [x, y] = [c.x(d.at.time), c.y(d.at.price)];
    if (x === null || y === null) return null;
    return { kind: 'note', x, y, w: d.text.length * NOTE_CHAR_PX + 2 * NOTE_PAD_PX, h: NOTE_HEIGHT_PX };
  }
  const [x1, y1, x2, y2] = [c.x(d.a.time), c.y(d.a.price), c.x(d.b.time), c.y(d.b.price)];
  if (x1 === null || y1 === null || x2 === null || y2 === null) return null;
  if (d.kind === 'trend') return { kind: 'line', x1, y1, x2, y2 };
  return {
    kind: 'rect',
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    w: Math.abs(x2 - x1),
    h: Math.abs(y2 - y1),
  };
}

function toSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Pixels from (x, y) to a shape: to a line, to a rectangle's border (its inside is the chart's), into a note's box. */
export function distanceTo(s: Shape, x: number, y: number): number {
  if (s.kind === 'line') return toSegment(x, y, s.x1, s.y1, s.x2, s.y2);
  const [l, t, r, b] = [s.x, s.y, s.x + s.w, s.y + s.h];
  if (s.kind === 'note') return Math.hypot(Math.max(l - x, 0, x - r), Math.max(t - y, 0, y - b));
  return Math.min(
    toSegment(x, y, l, t, r, t),
    toSegment(x, y, r, t, r, b),
    toSegment(x, y, l, b, r, b),
    toSegment(x, y, l, t, l, b),
  );
}

/** The id of the drawing nearest (x, y) within `tolerance` pixels (the later drawn, on top, wins a tie); else null. */
export function hitTest(
  drawings: readonly Drawing[],
  c: ChartCoords,
  x: number,
  y: number,
  tolerance = 6,
): string | null {
  let best: { id: string; d: number } | null = null;
  for (const d of drawings) {
    const s = shapeOf(d, c);
    if (!s) continue;
    const dist = distanceTo(s, x, y);
    if (dist <= tolerance && (!best || dist <= best.d)) best = { id: d.id, d: dist };
  }
  return best?.id ?? null;
}
