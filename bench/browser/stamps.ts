// The probe's book of bench stamps (pure, no DOM): which stamps of the quotes frames are still waiting for their
// instrument's row to change. A frame's `probe` entries ({conId, tickId, tickAt}) name the instruments whose ticks
// the demo gateway stamped; the row of that instrument changing a cell afterwards is the stamp's paint.

/** A stamp that arrived and waits for its row. */
export type Stamp = { tickId: number; tickAt: number; arrivedAt: number };

type Entry = { conId: number; tickId: number; tickAt: number };

const PROBE = '"probe":[';

/** The `probe` entries of every `quotes` event in a frame's text (the host's JSON: `"probe":[{…},…]`). */
export function stampsIn(text: string): Entry[] {
  const out: Entry[] = [];
  for (let at = text.indexOf(PROBE); at >= 0; at = text.indexOf(PROBE, at + 1)) {
    const open = at + PROBE.length - 1;
    const close = text.indexOf(']', open);
    if (close < 0) break;
    out.push(...(JSON.parse(text.slice(open, close + 1)) as Entry[]));
  }
  return out;
}

/** How many times `"conId":<id>,` appears: once per quote of that instrument, and once per stamp naming it. */
function mentions(text: string, conId: number): number {
  const needle = `"conId":${conId},`;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
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
      // changed nothing on screen, and the row's next change is the newer quote's, not its.
      for (const conId of [...waiting.keys()]) {
        const stamped = stamps.filter((p) => p.conId === conId).length;
        if (mentions(text, conId) > stamped) waiting.delete(conId);
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
