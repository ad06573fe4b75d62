// Depth slice: the book of every instrument a ladder shows, replaced whole by each `depth` event (main coalesces
// them to one per frame). Holds are counted here so that main sees one subscribe and one unsubscribe per pane.
import type { DepthBook } from '../../src-shared/domain/depth';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { holdStream } from './held-stream';
import { withoutKey } from './records';

export type DepthSlice = {
  books: Readonly<Record<number, DepthBook>>;
  /** Why the last depth request failed, per conId (shown by the ladder). */
  depthErrors: Readonly<Record<number, string>>;
  /** Holds the instrument's book; the returned function releases it once. */
  acquireDepth(contract: WatchItem): () => void;
  /** A `depth` event: the whole book of one instrument. */
  depthArrived(book: DepthBook): void;
};

export const createDepthSlice: Slice<DepthSlice> = (set, get) => {
  const holds = new Map<number, number>();
  return {
    books: {},
    depthErrors: {},
    acquireDepth(contract) {
      const { conId } = contract;
      return holdStream(holds, conId, {
        subscribe: () => get().client.invoke('depth.subscribe', { contract: { ...contract } }),
        unsubscribe: () => void get().client.invoke('depth.unsubscribe', { conId }),
        forget: () =>
          set((s) => ({
            books: withoutKey(s.books, String(conId)),
            depthErrors: withoutKey(s.depthErrors, String(conId)),
          })),
        answered: (book) => set((s) => ({ books: { ...s.books, [conId]: book } })),
        failed: (message) => set((s) => ({ depthErrors: { ...s.depthErrors, [conId]: message } })),
      });
    },
    depthArrived(book) {
      if (!holds.has(book.conId)) return;
      set((s) => ({ books: { ...s.books, [book.conId]: book } }));
    },
  };
};
