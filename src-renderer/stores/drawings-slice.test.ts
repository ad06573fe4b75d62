import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { AppError } from '../../src-shared/result';
import { createAppStore } from './app-store';
import { movedBy, parseDrawings, withDrawing } from './drawings-slice';
import { buildWorkspace, parseWorkspace } from './workspace-doc';

describe('drawings', () => {
  it('are kept per instrument: added, moved and removed', () => {
    const store = createAppStore(createFakeClient({}));
    const s = () => store.getState();
    const h = s().addDrawing(1, { kind: 'hline', price: 100 });
    const t = s().addDrawing(1, { kind: 'trend', a: { time: 60, price: 99 }, b: { time: 600, price: 101 } });
    s().addDrawing(2, { kind: 'hline', price: 50 });
    expect([h, t]).toEqual(['hline-1', 'trend-2']);
    expect(s().drawings[2]).toHaveLength(1);

    s().updateDrawing(1, movedBy(s().drawings[1]![1]!, 120, -1));
    expect(s().drawings[1]![1]).toEqual({
      id: t,
      kind: 'trend',
      a: { time: 180, price: 98 },
      b: { time: 720, price: 100 },
    });
    // An unknown id or a bad price changes nothing.
    const before = s().drawings;
    s().updateDrawing(1, { id: 'nope', kind: 'hline', price: 1 });
    s().updateDrawing(1, { id: h, kind: 'hline', price: NaN });
    expect(s().drawings).toBe(before);

    s().removeDrawing(1, h);
    s().removeDrawing(1, t);
    expect(s().drawings[1]).toBeUndefined();
    expect(s().drawings[2]).toHaveLength(1);
  });

  it('refuse a point that is not a number with a typed error', () => {
    expect(() => withDrawing([], { kind: 'hline', price: Infinity })).toThrow(AppError);
    expect(() =>
      withDrawing([], { kind: 'trend', a: { time: 1.5, price: 1 }, b: { time: 2, price: 1 } }),
    ).toThrow(/time must be whole seconds/);
  });

  it('move a horizontal line in price only', () => {
    expect(movedBy({ id: 'h', kind: 'hline', price: 10 }, 600, 0.5)).toEqual({
      id: 'h',
      kind: 'hline',
      price: 10.5,
    });
  });

  it('survive the workspace file, damaged entries dropped alone', () => {
    const drawings = { '7': [{ id: 'hline-1', kind: 'hline' as const, price: 3 }] };
    const doc = JSON.parse(
      JSON.stringify(buildWorkspace({ dock: null, panes: {}, groups: {}, drawings })),
    ) as Record<string, unknown>;
    expect(parseWorkspace(doc).drawings).toEqual(drawings);
    expect(
      parseDrawings({
        '7': [...drawings['7'], { id: 'x', kind: 'circle' }, { id: 'y', kind: 'hline' }],
        '8': 'junk',
        '9': [],
      }),
    ).toEqual(drawings);
    expect(parseDrawings('junk')).toEqual({});
  });
});
