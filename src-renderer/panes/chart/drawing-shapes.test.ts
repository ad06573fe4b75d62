import { describe, expect, it } from 'vitest';
import { linearCoords as c } from '../../../tests/support/renderer/chart-coords';
import type { ChartCoords } from './drawing-geometry';
import type { Drawing } from '../../stores/drawings-slice';
import { distanceTo, hitTest, shapeOf } from './drawing-shapes';

// On linearCoords: x = time / 6, y = 1000 - price * 10.
const hline: Drawing = { id: 'h', kind: 'hline', price: 50 };
const trend: Drawing = { id: 't', kind: 'trend', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } };
const rect: Drawing = { id: 'r', kind: 'rect', a: { time: 1800, price: 30 }, b: { time: 1200, price: 20 } };
const note: Drawing = { id: 'n', kind: 'note', at: { time: 2400, price: 60 }, text: 'abc' };

describe('drawing shapes', () => {
  it('place each kind in pixels: lines end to end, a rectangle from any two corners, a note box by its text', () => {
    expect(shapeOf(hline, c)).toEqual({ kind: 'line', x1: 0, y1: 500, x2: 600, y2: 500 });
    expect(shapeOf(trend, c)).toEqual({ kind: 'line', x1: 100, y1: 600, x2: 200, y2: 550 });
    expect(shapeOf(rect, c)).toEqual({ kind: 'rect', x: 200, y: 700, w: 100, h: 100 });
    expect(shapeOf(note, c)).toEqual({ kind: 'note', x: 400, y: 400, w: 3 * 7 + 8, h: 18 });
    const offChart: ChartCoords = { ...c, y: (p) => (p > 55 ? null : c.y(p)) };
    expect(shapeOf(note, offChart)).toBeNull();
    expect(shapeOf(rect, offChart)).not.toBeNull();
  });

  it('measure to a line, to a rectangle border (not its inside) and into a note box', () => {
    const line = shapeOf(trend, c)!;
    expect(distanceTo(line, 150, 575)).toBeCloseTo(0, 9);
    expect(distanceTo(line, 100, 610)).toBe(10);
    // Past an end: to the end point.
    expect(distanceTo(line, 90, 600)).toBe(10);
    const box = shapeOf(rect, c)!;
    expect(distanceTo(box, 250, 703)).toBe(3);
    expect(distanceTo(box, 250, 750)).toBe(50);
    expect(distanceTo(box, 305, 750)).toBe(5);
    const n = shapeOf(note, c)!;
    expect(distanceTo(n, 410, 410)).toBe(0);
    expect(distanceTo(n, 400 + 29 + 3, 404)).toBe(3);
  });

  it('hit the nearest drawing within the tolerance, the later drawn on a tie, nothing elsewhere', () => {
    const all = [hline, trend, rect, note];
    expect(hitTest(all, c, 300, 503)).toBe('h');
    expect(hitTest(all, c, 150, 577)).toBe('t');
    expect(hitTest(all, c, 204, 760)).toBe('r');
    // Inside the rectangle, away from its border: the chart's, not the rectangle's.
    expect(hitTest(all, c, 250, 750)).toBeNull();
    expect(hitTest(all, c, 420, 410)).toBe('n');
    expect(hitTest(all, c, 300, 520)).toBeNull();
    expect(hitTest(all, c, 300, 520, 25)).toBe('h');
    // Two drawings at the same place: the one on top (drawn later).
    const twin: Drawing = { id: 'h2', kind: 'hline', price: 50 };
    expect(hitTest([hline, twin], c, 10, 500)).toBe('h2');
    expect(hitTest([], c, 10, 500)).toBeNull();
  });
});
