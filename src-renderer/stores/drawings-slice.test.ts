import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { AppError } from '../../src-shared/result';
import { createAppStore } from './app-store';
import { movedBy, parseDrawings, withDrawing, withNoteText, type Drawing } from './drawings-slice';
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

  it('move a rectangle by both corners and a note by its point, keeping its text', () => {
    const rect: Drawing = { id: 'r', kind: 'rect', a: { time: 60, price: 10 }, b: { time: 600, price: 12 } };
    expect(movedBy(rect, 60, -1)).toEqual({
      id: 'r',
      kind: 'rect',
      a: { time: 120, price: 9 },
      b: { time: 660, price: 11 },
    });
    const note: Drawing = { id: 'n', kind: 'note', at: { time: 60, price: 10 }, text: 'earnings' };
    expect(movedBy(note, 30.4, 0.25)).toEqual({ ...note, at: { time: 90, price: 10.25 } });
  });

  it('add, move and delete rectangles and notes with the lines, per instrument', () => {
    const store = createAppStore(createFakeClient({}));
    const s = () => store.getState();
    s().addDrawing(1, { kind: 'hline', price: 100 });
    const r = s().addDrawing(1, { kind: 'rect', a: { time: 60, price: 99 }, b: { time: 600, price: 101 } });
    const n = s().addDrawing(1, { kind: 'note', at: { time: 120, price: 100.5 }, text: '  gap fill  ' });
    expect([r, n]).toEqual(['rect-2', 'note-3']);
    // The note's text is kept trimmed.
    expect(s().drawings[1]![2]).toEqual({
      id: n,
      kind: 'note',
      at: { time: 120, price: 100.5 },
      text: 'gap fill',
    });
    s().updateDrawing(1, movedBy(s().drawings[1]![1]!, 60, 1));
    expect(s().drawings[1]![1]).toMatchObject({ a: { time: 120, price: 100 }, b: { time: 660, price: 102 } });
    s().removeDrawing(1, r);
    expect(s().drawings[1]!.map((d) => d.id)).toEqual(['hline-1', n]);
    // A new drawing never takes the id of one still there (note-3 is).
    expect(s().addDrawing(1, { kind: 'note', at: { time: 1, price: 1 }, text: 'b' })).toBe('note-4');
  });

  it('refuse a blank or over-long note with a typed error under its text field', () => {
    expect(() => withDrawing([], { kind: 'note', at: { time: 60, price: 1 }, text: '   ' })).toThrow(
      AppError,
    );
    const note = { id: 'n', kind: 'note' as const, at: { time: 60, price: 1 }, text: 'x' };
    let err: unknown;
    try {
      withNoteText(note, 'y'.repeat(201));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).issues).toEqual([
      { path: 'text', message: 'a note holds at most 200 characters' },
    ]);
    expect(withNoteText(note, ' new text ')).toEqual({ ...note, text: 'new text' });
  });

  it('survive the workspace file: every kind round-trips', () => {
    const drawings = {
      '7': [
        { id: 'hline-1', kind: 'hline' as const, price: 3 },
        { id: 'trend-2', kind: 'trend' as const, a: { time: 60, price: 1 }, b: { time: 120, price: 2 } },
        { id: 'rect-3', kind: 'rect' as const, a: { time: 60, price: 1 }, b: { time: 180, price: 4 } },
        { id: 'note-4', kind: 'note' as const, at: { time: 60, price: 2.5 }, text: 'FOMC "minutes"' },
      ],
    };
    const doc = JSON.parse(
      JSON.stringify(buildWorkspace({ dock: null, panes: {}, groups: {}, drawings })),
    ) as Record<string, unknown>;
    expect(parseWorkspace(doc)).toMatchObject({ drawings, refusedDrawings: [] });
  });

  it('refuse damaged saved entries with typed errors, keep the good ones, and lose nothing on the next save', () => {
    const good = { id: 'hline-1', kind: 'hline' as const, price: 3 };
    const raw = {
      '7': [
        good,
        { id: 'x', kind: 'circle' },
        { id: 'n', kind: 'note', at: { time: 1, price: 1 }, text: '' },
        good,
      ],
      '8': 'junk',
      '9': [],
    };
    const { drawings, refused } = parseDrawings(raw);
    expect(drawings).toEqual({ '7': [good] });
    expect(refused.map((r) => [r.conId, r.entry])).toEqual([
      ['7', raw['7'][1]],
      ['7', raw['7'][2]],
      ['7', good],
      ['8', 'junk'],
    ]);
    for (const r of refused)
      expect(r.error).toMatchObject({ code: 'VALIDATION', message: expect.any(String) });
    expect(refused[1]!.error.issues).toEqual([{ path: 'text', message: 'a note needs its text' }]);
    expect(refused[2]!.error.message).toMatch(/the id hline-1 is taken/);
    const junk = parseDrawings('junk');
    expect(junk.drawings).toEqual({});
    expect(junk.refused).toEqual([expect.objectContaining({ conId: null, entry: 'junk' })]);

    // Saved and read twice over: the refused entries are still in the file, exactly as they were, once each.
    const first = parseWorkspace({ ibdesk: 2, dock: null, panes: {}, groups: {}, drawings: raw });
    const again = parseWorkspace(
      JSON.parse(JSON.stringify(buildWorkspace(first))) as Record<string, unknown>,
    );
    const third = parseWorkspace(
      JSON.parse(JSON.stringify(buildWorkspace(again))) as Record<string, unknown>,
    );
    expect(third.drawings).toEqual({ '7': [good] });
    expect(third.refusedDrawings.map((r) => r.entry)).toEqual(refused.map((r) => r.entry));
    expect(third.refusedDrawings.map((r) => r.error.message)).toEqual(refused.map((r) => r.error.message));
  });

  it('say so in a notice when a loaded workspace had drawings it could not read, and save them back', async () => {
    const client = createFakeClient({ 'layout.save': () => null });
    const store = createAppStore(client);
    store.getState().applyWorkspace({
      ibdesk: 2,
      dock: null,
      panes: {},
      groups: {},
      drawings: { '7': [{ id: 'x', kind: 'circle', r: 5 }] },
    });
    expect(store.getState().lastError).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^1 saved drawing could not be read and is kept in the workspace file/),
    });
    await store.getState().saveLayout({});
    const saved = client.callsOf('layout.save')[0] as { layout: Record<string, unknown> };
    expect(saved.layout.refusedDrawings).toEqual([
      expect.objectContaining({ conId: '7', entry: { id: 'x', kind: 'circle', r: 5 } }),
    ]);
  });
});
