// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { linearCoords } from '../../../tests/support/renderer/chart-coords';
import { render } from '../../../tests/support/renderer/render';
import { createAppStore } from '../../stores/app-store';
import { DrawingsOverlay, type DrawingTool } from './DrawingsOverlay';

const coords = linearCoords;

function setup(tool: DrawingTool = null) {
  const store = createAppStore(createFakeClient({}));
  const done = vi.fn();
  const repaint: { current: (() => void) | null } = { current: null };
  const host = render(
    <DrawingsOverlay
      conId={7}
      coordsRef={{ current: coords }}
      repaintRef={repaint}
      tool={tool}
      onToolDone={done}
      minTick={0.01}
    />,
    { store },
  );
  return { store, host, done, repaint, s: () => store.getState() };
}

const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
const shape = (host: HTMLElement, name: RegExp) =>
  [...host.querySelectorAll('g[role="button"]')].find((g) => name.test(g.getAttribute('aria-label') ?? ''))!;

describe('drawings overlay', () => {
  it('places each drawing from its time and price, as a focusable shape named by its points', () => {
    const { host, s } = setup();
    act(() => {
      s().addDrawing(7, { kind: 'hline', price: 50 });
      s().addDrawing(7, { kind: 'trend', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } });
      s().addDrawing(8, { kind: 'hline', price: 1 });
    });
    const shapes = host.querySelectorAll('g[role="button"]');
    expect([...shapes].map((g) => g.getAttribute('aria-label'))).toEqual([
      'Horizontal line at 50.00',
      expect.stringMatching(/^Trend line from 40\.00 at .* to 45\.00 at /),
    ]);
    const line = (g: Element) =>
      ['x1', 'y1', 'x2', 'y2'].map((a) => Number(g.querySelector('line.shape')!.getAttribute(a)));
    expect(line(shapes[0]!)).toEqual([0, 500, 600, 500]);
    expect(line(shapes[1]!)).toEqual([100, 600, 200, 550]);
    expect(shapes[0]!.getAttribute('tabindex')).toBe('0');
  });

  it('moves a focused line with the arrow keys and removes it with Delete', () => {
    const { host, s } = setup();
    act(() => {
      s().addDrawing(7, { kind: 'hline', price: 50 });
      s().addDrawing(7, { kind: 'trend', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } });
    });
    key(shape(host, /^Horizontal/), 'ArrowUp');
    // One step is 5 px: half a price unit on this scale.
    expect(s().drawings[7]![0]).toMatchObject({ price: 50.5 });
    key(shape(host, /^Trend/), 'ArrowRight');
    expect(s().drawings[7]![1]).toMatchObject({ a: { time: 660, price: 40 }, b: { time: 1260, price: 45 } });
    key(shape(host, /^Trend/), 'x');
    key(shape(host, /^Horizontal/), 'Delete');
    expect(s().drawings[7]!.map((d) => d.kind)).toEqual(['trend']);
    key(shape(host, /^Trend/), 'Backspace');
    expect(s().drawings[7]).toBeUndefined();
    expect(host.querySelectorAll('g[role="button"]')).toHaveLength(0);
  });

  it('places a horizontal line with one click and a trend line with two while a tool is on', () => {
    const click = (host: HTMLElement, x: number, y: number) =>
      act(() => {
        host
          .querySelector('svg')!
          .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: x, clientY: y }));
      });
    const h = setup('hline');
    click(h.host, 300, 400);
    expect(h.s().drawings[7]).toEqual([{ id: 'hline-1', kind: 'hline', price: 60 }]);
    expect(h.done).toHaveBeenCalledTimes(1);

    const t = setup('trend');
    click(t.host, 100, 600);
    expect(t.s().drawings[7]).toBeUndefined();
    click(t.host, 200, 550);
    expect(t.s().drawings[7]).toEqual([
      { id: 'trend-1', kind: 'trend', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } },
    ]);
    expect(t.done).toHaveBeenCalledTimes(1);
  });
});
