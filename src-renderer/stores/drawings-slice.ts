// Drawings slice: the lines a trader draws on charts, kept per instrument (conId), so every chart of the symbol, at
// any bar size, shows them; saved with the workspace of the profile. Points are (time, price), not pixels.
import { z } from 'zod';
import { parseOrThrow } from '../../src-shared/domain/validate';
import type { Slice } from './app-store';
import { withoutKey } from './records';

const Price = z.number({ error: 'price must be a number' }).finite('price must be a finite number');
const Point = z.strictObject({ time: z.number().int('time must be whole seconds'), price: Price });

export const Drawing = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().min(1), kind: z.literal('hline'), price: Price }),
  z.strictObject({ id: z.string().min(1), kind: z.literal('trend'), a: Point, b: Point }),
]);
export type Drawing = z.infer<typeof Drawing>;
type DrawingShape = Drawing extends infer D ? (D extends Drawing ? Omit<D, 'id'> : never) : never;

/** Drawings per conId (as a string key: it is a JSON record). */
const DrawingsByConId = z.record(z.string(), z.unknown()).catch({});
export type Drawings = Readonly<Record<string, readonly Drawing[]>>;

/** The drawings of a saved workspace; a damaged entry is dropped alone. */
export function parseDrawings(raw: unknown): Record<string, Drawing[]> {
  const out: Record<string, Drawing[]> = {};
  for (const [conId, list] of Object.entries(DrawingsByConId.parse(raw))) {
    if (!Array.isArray(list)) continue;
    const kept = list.flatMap((d) => {
      const r = Drawing.safeParse(d);
      return r.success ? [r.data] : [];
    });
    if (kept.length) out[conId] = kept;
  }
  return out;
}

/** Pure: a drawing moved by `dt` seconds and `dp` in price (a horizontal line only moves in price). */
export function movedBy(d: Drawing, dt: number, dp: number): Drawing {
  if (d.kind === 'hline') return { ...d, price: d.price + dp };
  const shift = (p: { time: number; price: number }) => ({
    time: Math.round(p.time + dt),
    price: p.price + dp,
  });
  return { ...d, a: shift(d.a), b: shift(d.b) };
}

/** Pure: the list with a new drawing (checked: throws AppError('VALIDATION')); its id unique in the list. */
export function withDrawing(list: readonly Drawing[], shape: DrawingShape): Drawing[] {
  let n = list.length + 1;
  while (list.some((d) => d.id === `${shape.kind}-${n}`)) n++;
  return [...list, parseOrThrow(Drawing, { ...shape, id: `${shape.kind}-${n}` }, 'drawing')];
}

export type DrawingsSlice = {
  drawings: Drawings;
  /** Adds a drawing to an instrument's charts; returns its id. Throws AppError('VALIDATION') on bad points. */
  addDrawing(conId: number, shape: DrawingShape): string;
  /** Replaces a drawing (moved); an unknown id or bad points change nothing. */
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
