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

const click = (host: HTMLElement, x: number, y: number) =>
  act(() => {
    host
      .querySelector('svg')!
      .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: x, clientY: y }));
  });
const submit = (form: HTMLFormElement) =>
  act(() => {
    form.requestSubmit();
  });
/** Types into a React-controlled input (its value set through the native setter, then an input event). */
const type = (input: HTMLInputElement, text: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

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

  it('places a rectangle with two clicks, painted as a box from its corners', () => {
    const r = setup('rect');
    click(r.host, 100, 600);
    click(r.host, 200, 550);
    expect(r.s().drawings[7]).toEqual([
      { id: 'rect-1', kind: 'rect', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } },
    ]);
    expect(r.done).toHaveBeenCalledTimes(1);
    const box = shape(r.host, /^Rectangle from 40\.00 at .* to 45\.00 at /).querySelector('rect.shape')!;
    expect(['x', 'y', 'width', 'height'].map((a) => Number(box.getAttribute(a)))).toEqual([
      100, 550, 100, 50,
    ]);
  });

  it('writes a note in a labelled field where the chart was clicked; a blank one is refused under the field', () => {
    const t = setup('note');
    click(t.host, 300, 400);
    const form = t.host.querySelector('form[aria-label="New note"]') as HTMLFormElement;
    const input = form.querySelector('input[aria-label="Note text"]') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    submit(form);
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('a note needs its text');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(t.s().drawings[7]).toBeUndefined();
    type(input, 'breakout');
    submit(form);
    expect(t.s().drawings[7]).toEqual([
      { id: 'note-1', kind: 'note', at: { time: 1800, price: 60 }, text: 'breakout' },
    ]);
    expect(t.host.querySelector('form')).toBeNull();
    expect(t.done).toHaveBeenCalledTimes(1);
    const g = shape(t.host, /^Note "breakout" at 60\.00 at /);
    expect(g.querySelector('text')!.textContent).toBe('breakout');
    expect(Number(g.querySelector('rect')!.getAttribute('x'))).toBe(300);
  });

  it("edits a focused note's text with Enter, and Escape leaves it as it was", () => {
    const { host, s } = setup();
    act(() => {
      s().addDrawing(7, { kind: 'note', at: { time: 600, price: 40 }, text: 'old' });
    });
    key(shape(host, /^Note "old"/), 'Enter');
    const input = host.querySelector('form[aria-label="Edit note"] input') as HTMLInputElement;
    expect(input.value).toBe('old');
    key(input, 'Escape');
    expect(host.querySelector('form')).toBeNull();
    key(shape(host, /^Note "old"/), 'Enter');
    const form = host.querySelector('form[aria-label="Edit note"]') as HTMLFormElement;
    type(form.querySelector('input')!, 'new');
    submit(form);
    expect(s().drawings[7]).toEqual([
      { id: 'note-1', kind: 'note', at: { time: 600, price: 40 }, text: 'new' },
    ]);
  });

  it('erases the drawing clicked with the eraser, and nothing on a miss', () => {
    const e = setup('erase');
    act(() => {
      e.s().addDrawing(7, { kind: 'hline', price: 50 });
      e.s().addDrawing(7, { kind: 'rect', a: { time: 600, price: 40 }, b: { time: 1200, price: 45 } });
    });
    click(e.host, 150, 520);
    expect(e.s().drawings[7]).toHaveLength(2);
    expect(e.done).not.toHaveBeenCalled();
    click(e.host, 150, 552);
    expect(e.s().drawings[7]!.map((d) => d.kind)).toEqual(['hline']);
    expect(e.done).toHaveBeenCalledTimes(1);
  });
});
