// Drawings slice: the lines, rectangles and notes a trader draws on charts, kept per instrument (conId), so every
// chart of the symbol, at any bar size, shows them; saved with the workspace of the profile. Points are (time,
// price), not pixels. A saved entry this version cannot read is refused with a typed error and kept as it was.
import { z } from 'zod';
import { parseOrThrow, zodIssues } from '../../src-shared/domain/validate';
import type { AppErrorData } from '../../src-shared/result';
import type { Slice } from './app-store';
import { withoutKey } from './records';

const Price = z.number({ error: 'price must be a number' }).finite('price must be a finite number');
const Point = z.strictObject({ time: z.number().int('time must be whole seconds'), price: Price });
const NoteText = z
  .string({ error: 'a note needs its text' })
  .trim()
  .min(1, 'a note needs its text')
  .max(200, 'a note holds at most 200 characters');

export const Drawing = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().min(1), kind: z.literal('hline'), price: Price }),
  z.strictObject({ id: z.string().min(1), kind: z.literal('trend'), a: Point, b: Point }),
  /** Two opposite corners. */
  z.strictObject({ id: z.string().min(1), kind: z.literal('rect'), a: Point, b: Point }),
  /** A text note whose top-left corner is at `at`. */
  z.strictObject({ id: z.string().min(1), kind: z.literal('note'), at: Point, text: NoteText }),
]);
export type Drawing = z.infer<typeof Drawing>;
type DrawingShape = Drawing extends infer D ? (D extends Drawing ? Omit<D, 'id'> : never) : never;

export type Drawings = Readonly<Record<string, readonly Drawing[]>>;

/**
 * A saved entry that could not be read (damaged, or a kind this version does not know): the entry exactly as it
 * was, the instrument it was under (null: the whole `drawings` value), and why, as a VALIDATION error. Written back
 * with the workspace, so nothing is lost.
 */
export const RefusedDrawing = z.strictObject({
  conId: z.string().nullable(),
  entry: z.unknown(),
  error: z.object({ code: z.literal('VALIDATION'), message: z.string() }).loose(),
});
export type RefusedDrawing = Readonly<{ conId: string | null; entry: unknown; error: AppErrorData }>;

function refusal(conId: string | null, entry: unknown, error: z.ZodError | string): RefusedDrawing {
  const issues = typeof error === 'string' ? [{ path: '(input)', message: error }] : zodIssues(error);
  const where = conId === null ? 'saved drawings' : `saved drawing of ${conId}`;
  return {
    conId,
    entry,
    error: {
      code: 'VALIDATION',
      message: `${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    },
  };
}

/** The drawings of a saved workspace, and each entry refused (with its typed error), kept to be saved again. */
export function parseDrawings(raw: unknown): {
  drawings: Record<string, Drawing[]>;
  refused: RefusedDrawing[];
} {
  const drawings: Record<string, Drawing[]> = {};
  const refused: RefusedDrawing[] = [];
  if (raw === undefined) return { drawings, refused };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { drawings, refused: [refusal(null, raw, 'drawings must be a record of instruments')] };
  for (const [conId, list] of Object.entries(raw)) {
    if (!/^\d+$/.test(conId) || !Array.isArray(list)) {
      refused.push(refusal(conId, list, 'drawings of an instrument (a conId) must be a list'));
      continue;
    }
    const kept: Drawing[] = [];
    for (const d of list as unknown[]) {
      const r = Drawing.safeParse(d);
      if (r.success && !kept.some((k) => k.id === r.data.id)) kept.push(r.data);
      else refused.push(refusal(conId, d, r.success ? `the id ${r.data.id} is taken` : r.error));
    }
    if (kept.length) drawings[conId] = kept;
  }
  return { drawings, refused };
}

/** Refusals carried in a saved workspace from an earlier load (each kept as it was written). */
export function parseRefused(raw: unknown): RefusedDrawing[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const p = RefusedDrawing.safeParse(r);
    return p.success ? [p.data as RefusedDrawing] : [refusal(null, r, p.error)];
  });
}

/** Pure: a drawing moved by `dt` seconds and `dp` in price (a horizontal line only moves in price). */
export function movedBy(d: Drawing, dt: number, dp: number): Drawing {
  const shift = (p: { time: number; price: number }) => ({
    time: Math.round(p.time + dt),
    price: p.price + dp,
  });
  switch (d.kind) {
    case 'hline':
      return { ...d, price: d.price + dp };
    case 'note':
      return { ...d, at: shift(d.at) };
    default:
      return { ...d, a: shift(d.a), b: shift(d.b) };
  }
}

/** Pure: a note with new text (checked: throws AppError('VALIDATION'), e.g. for a blank text). */
export function withNoteText(d: Extract<Drawing, { kind: 'note' }>, text: string): Drawing {
  return parseOrThrow(Drawing, { ...d, text }, 'note');
}

/** The price a drawing's keyboard step is measured from (its first point). */
export function anchorPrice(d: Drawing): number {
  return d.kind === 'hline' ? d.price : d.kind === 'note' ? d.at.price : d.a.price;
}

/** Pure: the list with a new drawing (checked: throws AppError('VALIDATION')); its id unique in the list. */
export function withDrawing(list: readonly Drawing[], shape: DrawingShape): Drawing[] {
  let n = list.length + 1;
  while (list.some((d) => d.id === `${shape.kind}-${n}`)) n++;
  return [...list, parseOrThrow(Drawing, { ...shape, id: `${shape.kind}-${n}` }, 'drawing')];
}

export type DrawingsSlice = {
  drawings: Drawings;
  /** Saved entries this version could not read: shown in a notice, written back with the workspace. */
  refusedDrawings: readonly RefusedDrawing[];
  /** Adds a drawing to an instrument's charts; returns its id. Throws AppError('VALIDATION') on bad points. */
  addDrawing(conId: number, shape: DrawingShape): string;
  /** Replaces a drawing (moved, a note's text edited); an unknown id or bad points change nothing. */
  updateDrawing(conId: number, drawing: Drawing): void;
  removeDrawing(conId: number, id: string): void;
};

export const createDrawingsSlice: Slice<DrawingsSlice> = (set, get) => {
  const put = (conId: number, list: readonly Drawing[]) =>
    set((s) => ({
      drawings: list.length ? { ...s.drawings, [conId]: list } : withoutKey(s.drawings, String(conId)),
    }));
  const listOf = (conId: number) => get().drawings[conId] ?? [];
  return {
    drawings: {},
    refusedDrawings: [],
    addDrawing(conId, shape) {
      const list = withDrawing(listOf(conId), shape);
      put(conId, list);
      return list[list.length - 1]!.id;
    },
    updateDrawing(conId, drawing) {
      const r = Drawing.safeParse(drawing);
      const list = listOf(conId);
      if (!r.success || !list.some((d) => d.id === drawing.id)) return;
      put(
        conId,
        list.map((d) => (d.id === drawing.id ? r.data : d)),
      );
    },
    removeDrawing(conId, id) {
      const list = listOf(conId);
      if (list.some((d) => d.id === id))
        put(
          conId,
          list.filter((d) => d.id !== id),
        );
    },
  };
};
