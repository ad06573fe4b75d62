// Tape slice: the prints of every instrument a time-and-sales pane shows, oldest first, bounded to MAX_PRINTS
// (the oldest go), with a gap row where a reconnect left trades out. Holds are counted here so that main sees one
// subscribe and one unsubscribe per pane.
import type { Print, TapeBatch } from '../../src-shared/domain/tape';
import { holdOnce } from '../../src-shared/holds';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { withoutKey } from './records';

/** Prints kept per instrument: a tape at 200 prints a second keeps the last 25 s, memory stays flat. */
const MAX_PRINTS = 5000;

export type TapeRow = Print | { gap: true; time: number };

export type TapeSlice = {
  tapes: Readonly<Record<number, readonly TapeRow[]>>;
  tapeErrors: Readonly<Record<number, string>>;
  acquireTape(contract: WatchItem): () => void;
  /** A `tape` event: new prints of one instrument. */
  tapeArrived(batch: TapeBatch): void;
};

/** Pure: appends a batch (and its gap mark) to a tape, keeping the last `max` rows. */
export function appendPrints(
  rows: readonly TapeRow[],
  batch: Pick<TapeBatch, 'prints' | 'gap'>,
  now: number,
  max = MAX_PRINTS,
): TapeRow[] {
  const next: TapeRow[] = batch.gap
    ? [...rows, { gap: true, time: now }, ...batch.prints]
    : [...rows, ...batch.prints];
  return next.length > max ? next.slice(next.length - max) : next;
}

export const createTapeSlice: Slice<TapeSlice> = (set, get) => {
  const holds = new Map<number, number>();
  return {
    tapes: {},
    tapeErrors: {},
    acquireTape(contract) {
      const { conId } = contract;
      const release = holdOnce(
        holds,
        conId,
        () => void get().client.invoke('tape.unsubscribe', { conId }),
        () =>
          set((s) => ({
            tapes: withoutKey(s.tapes, String(conId)),
            tapeErrors: withoutKey(s.tapeErrors, String(conId)),
          })),
      );
      void get()
        .client.invoke('tape.subscribe', { contract: { ...contract } })
        .then((r) => {
          if (!holds.has(conId)) return;
          if (!r.ok) return set((s) => ({ tapeErrors: { ...s.tapeErrors, [conId]: r.error.message } }));
          // Prints that came as events while the history was asked for are in the answer too.
          set((s) => ({
            tapes: { ...s.tapes, [conId]: appendPrints([], { prints: r.value.prints, gap: false }, 0) },
          }));
        });
      return release;
    },
    tapeArrived(batch) {
      if (!holds.has(batch.conId)) return;
      set((s) => ({
        tapes: { ...s.tapes, [batch.conId]: appendPrints(s.tapes[batch.conId] ?? [], batch, Date.now()) },
      }));
    },
  };
};
