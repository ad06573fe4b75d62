// The price alerts of the charted instrument as horizontal lines over the chart: a click with the alert-line tool
// on sets a new alert at that level (evaluated in main like any other); a line dragged with the mouse, or moved
// with the arrow keys, moves its alert's level; Delete deletes the alert. Placed again on every chart frame.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { useAppStore } from '../../stores/use-app-store';
import { fmtPrice } from '../../ui/format';
import { alertLinesFor, chartAlertInput, describeAlertLine, levelAt, movedAlertInput } from './alert-lines';
import type { ChartCoords } from './drawing-geometry';
import { placeLineShapes } from './svg-shapes';

export function AlertLinesOverlay({
  symbol,
  coordsRef,
  repaintRef,
  placing,
  onPlaced,
  minTick,
}: {
  symbol: WatchItem;
  coordsRef: { current: ChartCoords | null };
  repaintRef: { current: (() => void) | null };
  /** The alert-line tool is on: the next click sets an alert. */
  placing: boolean;
  onPlaced: () => void;
  minTick: number | undefined;
}) {
  const views = useAppStore((s) => s.alerts);
  const createAlert = useAppStore((s) => s.createAlert);
  const updateAlert = useAppStore((s) => s.updateAlert);
  const deleteAlert = useAppStore((s) => s.deleteAlert);
  const lines = alertLinesFor(views, symbol.conId);
  const svgRef = useRef<SVGSVGElement>(null);
  /** A line being dragged shows where it goes; its alert moves when the mouse lets go. */
  const [dragging, setDragging] = useState<{ id: string; level: number } | null>(null);
  const fmt = (p: number) => fmtPrice(p, minTick);

  const paint = () =>
    placeLineShapes(svgRef.current, coordsRef.current, 'g[data-alert]', (g, c) => {
      const y = c.y(Number(g.dataset.level));
      return [0, y, c.width(), y];
    });
  useLayoutEffect(paint);
  useEffect(() => {
    repaintRef.current = paint;
    return () => {
      repaintRef.current = null;
    };
  });

  const priceAt = (clientY: number): number | null => {
    const box = svgRef.current!.getBoundingClientRect();
    const p = coordsRef.current?.price(clientY - box.top) ?? null;
    return p === null ? null : levelAt(p, minTick);
  };

  function place(e: PointerEvent<SVGSVGElement>): void {
    if (!placing) return;
    const level = priceAt(e.clientY);
    if (level === null) return;
    void createAlert(chartAlertInput(symbol, level));
    onPlaced();
  }

  function onKey(e: KeyboardEvent<SVGGElement>, id: string): void {
    const line = lines.find((l) => l.id === id);
    if (!line) return;
    const tick = minTick ?? 0.01;
    const step = e.shiftKey ? tick * 10 : tick;
    if (e.key === 'Delete' || e.key === 'Backspace') void deleteAlert(id);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const level = levelAt(line.level + (e.key === 'ArrowUp' ? step : -step), minTick);
      void updateAlert(id, movedAlertInput(line.alert, level));
    } else return;
    e.preventDefault();
  }

  return (
    <svg
      ref={svgRef}
      className={`chart-drawings alert-lines${placing ? ' placing' : ''}`}
      aria-label="Alert lines"
      onPointerDown={place}
    >
      {lines.map(({ id, level: saved, alert }) => {
        const level = dragging?.id === id ? dragging.level : saved;
        return (
          <g
            key={id}
            data-alert={id}
            data-level={level}
            className="drawing alert-line"
            role="button"
            tabIndex={0}
            aria-label={describeAlertLine(alert, level, fmt)}
            aria-description="Drag it or use the arrow keys to move the alert, Delete deletes it"
            onPointerDown={(e) => {
              if (placing) return;
              e.stopPropagation();
              (e.currentTarget as Element).setPointerCapture(e.pointerId);
              setDragging({ id, level: saved });
            }}
            onPointerMove={(e) => {
              if (dragging?.id !== id) return;
              const next = priceAt(e.clientY);
              if (next !== null && next !== dragging.level) setDragging({ id, level: next });
            }}
            onPointerUp={() => {
              // The line stays where it was dropped until main's answer brings the alert's new level.
              if (dragging?.id === id && dragging.level !== saved)
                void updateAlert(id, movedAlertInput(alert, dragging.level)).finally(() => setDragging(null));
              else setDragging(null);
            }}
            onKeyDown={(e) => onKey(e, id)}
          >
            <line className="hit" />
            <line className="shape" />
            <text x="4">{`🔔 ${fmt(level)}`}</text>
          </g>
        );
      })}
    </svg>
  );
}
