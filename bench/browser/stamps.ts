// The probe's books of bench stamps (pure, no DOM): which stamps of the quotes frames are still waiting for their
// instrument's row to change. A frame's `probe` entries ({conId, tickId, tickAt}) name the instruments whose ticks
// the demo gateway stamped; the row of that instrument changing a cell afterwards is the stamp's paint. Depth
// events carry the stamps of the book changes they include the same way; the ladder of that instrument changing a
// size cell afterwards is their paint.

/** A stamp the probe saw painted (epoch ms), as the bench suites read it back. */
export type TickPaint = {
  /** The instrument whose cell painted it (quote stamps; depth paints leave it out). */
  conId?: number;
  tickId: number;
  /** Gateway send time. */
  tickAt: number;
  /** When the WebSocket message carrying its stamp arrived. */
  arrivedAt?: number;
  /** When the row of its instrument changed a cell. */
  changedAt: number;
  paintedAt: number;
};

/** A stamp that arrived and waits for its row. */
export type Stamp = { tickId: number; tickAt: number; arrivedAt: number };

type Entry = { conId: number; tickId: number; tickAt: number };

const PROBE = '"probe":[';
const EVENT = '"event":"';
const QUOTES_EVENT = '"event":"quotes"';
const DEPTH_EVENT = '"event":"depth"';
const CON_ID = '"conId":';

/** The `probe` entries of every `quotes` event in a frame's text (the host's JSON: `"probe":[{…},…]`). */
export function stampsIn(text: string): Entry[] {
  const out: Entry[] = [];
  for (let at = text.indexOf(PROBE); at >= 0; at = text.indexOf(PROBE, at + 1)) {
    // Only a quotes event's own stamps (a depth event's are the depth book's): the nearest event name before it.
    if (!text.startsWith(QUOTES_EVENT, text.lastIndexOf(EVENT, at))) continue;
    const open = at + PROBE.length - 1;
    const close = text.indexOf(']', open);
    if (close < 0) break;
    out.push(...(JSON.parse(text.slice(open, close + 1)) as Entry[]));
  }
  return out;
}

/** How many times `"conId":<id>,` appears per instrument: once per quote of it, and once per stamp naming it. */
function mentions(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let at = text.indexOf(CON_ID); at >= 0; at = text.indexOf(CON_ID, at + CON_ID.length)) {
    const end = text.indexOf(',', at + CON_ID.length);
    const conId = Number(text.slice(at + CON_ID.length, end));
    out.set(conId, (out.get(conId) ?? 0) + 1);
  }
  return out;
}

export type StampBook = {
  /** A frame arrived at `at`: its stamps wait for their rows. */
  frame(text: string, at: number): void;
  /** The row of `conId` changed: its waiting stamp, taken out (undefined when none waits). */
  take(conId: number): Stamp | undefined;
  readonly size: number;
  clear(): void;
};

export function createStampBook(): StampBook {
  const waiting = new Map<number, Stamp>();
  return {
    frame(text, at) {
      const stamps = text.includes(PROBE) ? stampsIn(text) : [];
      // A stamp still waiting when a newer quote of its instrument comes without one is dropped: its own tick
      // changed nothing on screen, and the row's next change is the newer quote's, not its. One pass over the
      // text for every instrument (a pass per waiting stamp was a millisecond or more of the page's time a frame).
      if (waiting.size > 0) {
        const named = mentions(text);
        for (const p of stamps) named.set(p.conId, (named.get(p.conId) ?? 0) - 1);
        for (const conId of [...waiting.keys()]) if ((named.get(conId) ?? 0) > 0) waiting.delete(conId);
      }
      for (const p of stamps) waiting.set(p.conId, { tickId: p.tickId, tickAt: p.tickAt, arrivedAt: at });
    },
    take(conId) {
      const s = waiting.get(conId);
      waiting.delete(conId);
      return s;
    },
    get size() {
      return waiting.size;
    },
    clear: () => waiting.clear(),
  };
}

/** The `depth` events of a frame's text, in order: each book's instrument and its stamps. */
export function depthBooksIn(text: string): { conId: number; probe: Entry[] }[] {
  if (!text.includes(DEPTH_EVENT)) return [];
  const frame = JSON.parse(text) as {
    events?: { event: string; payload: { conId: number; probe?: Entry[] } }[];
  };
  return (frame.events ?? []).flatMap((e) =>
    e.event === 'depth' ? [{ conId: e.payload.conId, probe: e.payload.probe ?? [] }] : [],
  );
}

export type DepthStampBook = {
  /** A frame arrived at `at`: its depth stamps wait for their ladders. */
  frame(text: string, at: number): void;
  /** The ladder of `conId` changed a size: every stamp waiting for it, taken out. */
  take(conId: number): Stamp[];
  readonly size: number;
  clear(): void;
};

/**
 * Depth stamps by instrument. A book includes every change before it, so one paint is the paint of all the stamps
 * waiting; stamps still waiting when a later frame brings another book of their instrument changed nothing on
 * screen (rows outside the ladder's window) and are dropped, counted in `unpainted`.
 */
export function createDepthStampBook(): DepthStampBook & { readonly unpainted: number } {
  const waiting = new Map<number, Stamp[]>();
  let unpainted = 0;
  return {
    frame(text, at) {
      const books = depthBooksIn(text);
      for (const conId of new Set(books.map((b) => b.conId))) {
        unpainted += waiting.get(conId)?.length ?? 0;
        waiting.delete(conId);
      }
      for (const p of books.flatMap((b) => b.probe)) {
        const list = waiting.get(p.conId) ?? [];
        list.push({ tickId: p.tickId, tickAt: p.tickAt, arrivedAt: at });
        waiting.set(p.conId, list);
      }
    },
    take(conId) {
      const list = waiting.get(conId) ?? [];
      waiting.delete(conId);
      return list;
    },
    get size() {
      let n = 0;
      for (const l of waiting.values()) n += l.length;
      return n;
    },
    get unpainted() {
      return unpainted;
    },
    clear() {
      waiting.clear();
      unpainted = 0;
    },
  };
}
