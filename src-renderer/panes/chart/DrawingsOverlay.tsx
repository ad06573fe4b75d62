// The drawings of the charted instrument over the chart: an SVG layer whose shapes are real, focusable elements
// (moved with the mouse or the arrow keys, removed with Delete), placed again on every chart frame without a React
// render; a click places a new line while a drawing tool is on.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { movedBy, type Drawing } from '../../stores/drawings-slice';
import { useAppStore } from '../../stores/use-app-store';
import { fmtPrice } from '../../ui/format';
import { localTimeLabel } from './chart-view';
import type { ChartCoords } from './drawing-geometry';
import { placeLineShapes } from './svg-shapes';

export type DrawingTool = 'hline' | 'trend' | null;

const EMPTY: readonly Drawing[] = [];

function describe(d: Drawing, minTick?: number): string {
  if (d.kind === 'hline') return `Horizontal line at ${fmtPrice(d.price, minTick)}`;
  return `Trend line from ${fmtPrice(d.a.price, minTick)} at ${localTimeLabel(d.a.time)} to ${fmtPrice(d.b.price, minTick)} at ${localTimeLabel(d.b.time)}`;
}

export function DrawingsOverlay({
  conId,
  coordsRef,
  repaintRef,
  tool,
  onToolDone,
  minTick,
}: {
  conId: number | undefined;
  coordsRef: { current: ChartCoords | null };
  /** Set to the overlay's paint function, which the chart calls after each frame it draws. */
  repaintRef: { current: (() => void) | null };
  tool: DrawingTool;
  onToolDone: () => void;
  minTick: number | undefined;
}) {
  const drawings = useAppStore((s) => (conId !== undefined ? (s.drawings[conId] ?? EMPTY) : EMPTY));
  const addDrawing = useAppStore((s) => s.addDrawing);
  const updateDrawing = useAppStore((s) => s.updateDrawing);
  const removeDrawing = useAppStore((s) => s.removeDrawing);
  const svgRef = useRef<SVGSVGElement>(null);
  const pending = useRef<{ time: number; price: number } | null>(null);
  const drag = useRef<{ d: Drawing; x: number; y: number } | null>(null);

  // Places every shape from its (time, price) points; lines off the price range are hidden.
  const paint = () =>
    placeLineShapes(svgRef.current, coordsRef.current, 'g[data-id]', (g, c) => {
      const d = drawings.find((x) => x.id === g.dataset.id);
      if (!d) return null;
      return d.kind === 'hline'
        ? [0, c.y(d.price), c.width(), c.y(d.price)]
        : [c.x(d.a.time), c.y(d.a.price), c.x(d.b.time), c.y(d.b.price)];
    });
  useLayoutEffect(paint);
  useEffect(() => {
    repaintRef.current = paint;
    return () => {
      repaintRef.current = null;
    };
  });
  useEffect(() => {
    pending.current = null;
    if (!tool) return;
    const cancel = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onToolDone();
    };
    window.addEventListener('keydown', cancel);
    return () => window.removeEventListener('keydown', cancel);
  }, [tool, onToolDone]);

  const at = (e: PointerEvent<Element>) => {
    const box = svgRef.current!.getBoundingClientRect();
    const c = coordsRef.current;
    const time = c?.time(e.clientX - box.left) ?? null;
    const price = c?.price(e.clientY - box.top) ?? null;
    return time === null || price === null ? null : { time, price };
  };

  function place(e: PointerEvent<SVGSVGElement>): void {
    if (!tool || conId === undefined) return;
    const p = at(e);
    if (!p) return;
    if (tool === 'hline') {
      addDrawing(conId, { kind: 'hline', price: p.price });
      onToolDone();
    } else if (!pending.current) pending.current = p;
    else {
      if (p.time !== pending.current.time) addDrawing(conId, { kind: 'trend', a: pending.current, b: p });
      pending.current = null;
      onToolDone();
    }
  }

  function startDrag(e: PointerEvent<SVGGElement>, d: Drawing): void {
    if (tool) return;
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    drag.current = { d, x: e.clientX, y: e.clientY };
  }

  function dragTo(e: PointerEvent<SVGGElement>): void {
    const start = drag.current;
    const c = coordsRef.current;
    if (!start || !c || conId === undefined) return;
    const box = svgRef.current!.getBoundingClientRect();
    const [t0, t1] = [c.time(start.x - box.left), c.time(e.clientX - box.left)];
    const [p0, p1] = [c.price(start.y - box.top), c.price(e.clientY - box.top)];
    if (t0 === null || t1 === null || p0 === null || p1 === null) return;
    updateDrawing(conId, movedBy(start.d, t1 - t0, p1 - p0));
  }

  function onKey(e: KeyboardEvent<SVGGElement>, d: Drawing): void {
    if (conId === undefined) return;
    const c = coordsRef.current;
    const y = d.kind === 'hline' ? d.price : d.a.price;
    const yPx = c?.y(y);
    // One step is what 5 pixels are worth at the current zoom, so a key press always shows.
    const above = yPx != null ? c?.price(yPx - 5) : null;
    const step = above != null ? Math.abs(above - y) : 0;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
      ArrowLeft: [-(c?.barSeconds() ?? 0), 0],
      ArrowRight: [c?.barSeconds() ?? 0, 0],
    };
    if (e.key === 'Delete' || e.key === 'Backspace') removeDrawing(conId, d.id);
    else if (moves[e.key]) updateDrawing(conId, movedBy(d, ...moves[e.key]!));
    else return;
    e.preventDefault();
  }

  return (
    <svg
      ref={svgRef}
      className={`chart-drawings${tool ? ' placing' : ''}`}
      aria-label="Drawings"
      onPointerDown={place}
    >
      {drawings.map((d) => (
        <g
          key={d.id}
          data-id={d.id}
          className="drawing"
          role="button"
          tabIndex={0}
          aria-label={describe(d, minTick)}
          aria-description="Arrow keys move it, Delete removes it"
          onPointerDown={(e) => startDrag(e, d)}
          onPointerMove={dragTo}
          onPointerUp={() => (drag.current = null)}
          onKeyDown={(e) => onKey(e, d)}
        >
          <line className="hit" />
          <line className="shape" />
        </g>
      ))}
    </svg>
  );
}
