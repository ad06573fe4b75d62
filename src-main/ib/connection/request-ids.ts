// Request ids (tickerId / reqId) for every TWS request: handed out once, never reused in the life of the process
// (not even across connections), and routed to their owner only while it is alive. A late message for an id that
// was cancelled or belonged to a previous connection has no route and is dropped.
// Ids start far above order ids, because TWS reports order errors and request errors in the same `id` field.

export const FIRST_REQUEST_ID = 1_000_000_000;
const LAST_REQUEST_ID = 2_147_483_647;

type Route<T> = { readonly reqId: number; readonly owner: T; readonly generation: number };

export interface RequestIds<T> {
  /** A fresh id bound to `owner` for connection `generation`. */
  allocate(owner: T, generation: number): number;
  /** The owner of a live id, or undefined (unknown, released or from an older connection). */
  route(reqId: number, generation: number): T | undefined;
  release(reqId: number): void;
  /** Forgets every id of a connection that is gone; returns their owners. */
  releaseGeneration(generation: number): T[];
  size(): number;
  /** Messages dropped because their id had no route (for diagnostics). */
  dropped(): number;
  noteDropped(): void;
}

export function createRequestIds<T>(start = FIRST_REQUEST_ID): RequestIds<T> {
  let next = start;
  let dropped = 0;
  const live = new Map<number, Route<T>>();
  return {
    allocate(owner, generation) {
      if (next >= LAST_REQUEST_ID) throw new Error('request ids exhausted');
      const reqId = next++;
      live.set(reqId, { reqId, owner, generation });
      return reqId;
    },
    route(reqId, generation) {
      const r = live.get(reqId);
      return r && r.generation === generation ? r.owner : undefined;
    },
    release(reqId) {
      live.delete(reqId);
    },
    releaseGeneration(generation) {
      const owners: T[] = [];
      for (const [id, r] of live) {
        if (r.generation === generation) {
          live.delete(id);
          owners.push(r.owner);
        }
      }
      return owners;
    },
    size: () => live.size,
    dropped: () => dropped,
    noteDropped() {
      dropped++;
    },
  };
}
