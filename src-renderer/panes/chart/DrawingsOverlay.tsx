// The drawings of the charted instrument over the chart: an SVG layer whose shapes are real, focusable elements
// (moved with the mouse or the arrow keys, removed with Delete or the eraser, a note's text edited with Enter),
// placed again on every chart frame without a React render; a click places a new one while a drawing tool is on.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { anchorPrice, movedBy, withNoteText, type Drawing } from '../../stores/drawings-slice';
import { useAppStore } from '../../stores/use-app-store';
import { fmtPrice } from '../../ui/format';
import { localTimeLabel } from './chart-view';
import type { ChartCoords } from './drawing-geometry';
import { hitTest, shapeOf } from './drawing-shapes';
import { NoteForm } from './NoteForm';
import { placeShapes } from './svg-shapes';

export type DrawingTool = 'hline' | 'trend' | 'rect' | 'note' | 'erase' | null;

const EMPTY: readonly Drawing[] = [];

function describe(d: Drawing, minTick?: number): string {
  const at = (p: { time: number; price: number }) =>
    `${fmtPrice(p.price, minTick)} at ${localTimeLabel(p.time)}`;
  switch (d.kind) {
    case 'hline':
      return `Horizontal line at ${fmtPrice(d.price, minTick)}`;
    case 'trend':
      return `Trend line from ${at(d.a)} to ${at(d.b)}`;
    case 'rect':
      return `Rectangle from ${at(d.a)} to ${at(d.b)}`;
    case 'note':
      return `Note "${d.text}" at ${at(d.at)}`;
  }
}

/** The note being written: where (pixels in the layer, and the chart point) and, when editing, which note. */
type NoteDraft = { x: number; y: number; point: { time: number; price: number }; editId: string | null };

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
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  // Another tool (or none) drops a new note not yet written; an edit stays open (React's state-from-props pattern).
  const [toolOfDraft, setToolOfDraft] = useState(tool);
  if (toolOfDraft !== tool) {
    setToolOfDraft(tool);
    if (draft && !draft.editId) setDraft(null);
  }

  // Places every shape from its (time, price) points; shapes off the price range are hidden.
  const paint = () =>
    placeShapes(svgRef.current, coordsRef.current, 'g[data-id]', (g, c) => {
      const d = drawings.find((x) => x.id === g.dataset.id);
      return d ? shapeOf(d, c) : undefined;
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

  /** The pointer in the layer's pixels and on the chart (null off the plot). */
  const at = (e: PointerEvent<Element>) => {
    const box = svgRef.current!.getBoundingClientRect();
    const [x, y] = [e.clientX - box.left, e.clientY - box.top];
    const c = coordsRef.current;
    const time = c?.time(x) ?? null;
    const price = c?.price(y) ?? null;
    return time === null || price === null || !c ? null : { x, y, c, point: { time, price } };
  };

  function place(e: PointerEvent<SVGSVGElement>): void {
    if (!tool || conId === undefined) return;
    const p = at(e);
    if (!p) return;
    if (tool === 'erase') {
      const id = hitTest(drawings, p.c, p.x, p.y);
      if (id) {
        removeDrawing(conId, id);
        onToolDone();
      }
    } else if (tool === 'hline') {
      addDrawing(conId, { kind: 'hline', price: p.point.price });
      onToolDone();
    } else if (tool === 'note') setDraft({ x: p.x, y: p.y, point: p.point, editId: null });
    else if (!pending.current) pending.current = p.point;
    else {
      const [a, b] = [pending.current, p.point];
      // A trend line needs two times; a rectangle two times and two prices.
      if (b.time !== a.time && (tool === 'trend' || b.price !== a.price))
        addDrawing(conId, { kind: tool, a, b });
      pending.current = null;
      onToolDone();
    }
  }

  /** Adds the drafted note or saves the edited one; a bad text throws AppError('VALIDATION') for the form to show. */
  function saveNote(text: string): void {
    if (!draft || conId === undefined) return;
    const note = draft.editId ? drawings.find((d) => d.id === draft.editId) : undefined;
    if (note?.kind === 'note') updateDrawing(conId, withNoteText(note, text));
    else addDrawing(conId, { kind: 'note', at: draft.point, text });
    closeNote();
  }

  function closeNote(): void {
    const editId = draft?.editId;
    setDraft(null);
    if (editId) svgRef.current?.querySelector<SVGGElement>(`g[data-id="${editId}"]`)?.focus();
    else if (tool === 'note') onToolDone();
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
    const y = anchorPrice(d);
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
    const s = c ? shapeOf(d, c) : null;
    if (e.key === 'Delete' || e.key === 'Backspace') removeDrawing(conId, d.id);
    else if (moves[e.key]) updateDrawing(conId, movedBy(d, ...moves[e.key]!));
    else if (e.key === 'Enter' && d.kind === 'note' && s?.kind === 'note')
      setDraft({ x: s.x, y: s.y + s.h, point: d.at, editId: d.id });
    else return;
    e.preventDefault();
  }

  const editing = draft?.editId ? drawings.find((d) => d.id === draft.editId) : undefined;
  return (
    <>
      <svg
        ref={svgRef}
        className={`chart-drawings${tool ? ' placing' : ''}${tool === 'erase' ? ' erasing' : ''}`}
        aria-label="Drawings"
        onPointerDown={place}
      >
        {drawings.map((d) => (
          <g
            key={d.id}
            data-id={d.id}
            className={`drawing ${d.kind}`}
            role="button"
            tabIndex={0}
            aria-label={describe(d, minTick)}
            aria-description={`Arrow keys move it, Delete removes it${d.kind === 'note' ? ', Enter edits its text' : ''}`}
            onPointerDown={(e) => startDrag(e, d)}
            onPointerMove={dragTo}
            onPointerUp={() => (drag.current = null)}
            onKeyDown={(e) => onKey(e, d)}
          >
            {d.kind === 'note' ? (
              <>
                <rect className="shape" />
                <text>{d.text}</text>
              </>
            ) : d.kind === 'rect' ? (
              <>
                <rect className="hit" />
                <rect className="shape" />
              </>
            ) : (
              <>
                <line className="hit" />
                <line className="shape" />
              </>
            )}
          </g>
        ))}
      </svg>
      {draft && (
        <NoteForm
          key={draft.editId ?? `${draft.x},${draft.y}`}
          x={draft.x}
          y={draft.y}
          initial={editing?.kind === 'note' ? editing.text : ''}
          editing={draft.editId !== null}
          onSave={saveNote}
          onCancel={closeNote}
        />
      )}
    </>
  );
}
