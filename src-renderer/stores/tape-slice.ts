// Tape slice: the prints of every instrument a time-and-sales pane shows, oldest first, bounded to MAX_PRINTS
// (the oldest go), with a gap row where a reconnect left trades out, and the shares traded at each price over every
// print received (the ladder's volume at price: bounded by the prices traded, not by the prints). Holds are counted
// here so that main sees one subscribe and one unsubscribe per pane.
import type { Print, TapeBatch } from '../../src-shared/domain/tape';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { holdStream } from './held-stream';
import { withoutKey } from './records';

/** Prints kept per instrument: a tape at 200 prints a second keeps the last 25 s, memory stays flat. */
const MAX_PRINTS = 5000;

export type TapeRow = Print | { gap: true; time: number };

/** Shares traded per price (the key is the price as TWS sent it). */
export type VolumeAtPrice = Readonly<Record<string, number>>;

export type TapeSlice = {
  tapes: Readonly<Record<number, readonly TapeRow[]>>;
  tapeErrors: Readonly<Record<number, string>>;
  /** Per conId: the shares of every print this window received (the history it was answered, then each batch). */
  tapeVolumes: Readonly<Record<number, VolumeAtPrice>>;
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

/** Pure: the volume at price with the prints added. */
export function addVolume(volume: VolumeAtPrice, prints: readonly Print[]): VolumeAtPrice {
  if (prints.length === 0) return volume;
  const next: Record<string, number> = { ...volume };
  for (const p of prints) if (p.size > 0) next[p.price] = (next[p.price] ?? 0) + p.size;
  return next;
}

export const createTapeSlice: Slice<TapeSlice> = (set, get) => {
  const holds = new Map<number, number>();
  return {
    tapes: {},
    tapeErrors: {},
    tapeVolumes: {},
    acquireTape(contract) {
      const { conId } = contract;
      return holdStream(holds, conId, {
        subscribe: () => get().client.invoke('tape.subscribe', { contract: { ...contract } }),
        unsubscribe: () => void get().client.invoke('tape.unsubscribe', { conId }),
        forget: () =>
          set((s) => ({
            tapes: withoutKey(s.tapes, String(conId)),
            tapeErrors: withoutKey(s.tapeErrors, String(conId)),
            tapeVolumes: withoutKey(s.tapeVolumes, String(conId)),
          })),
        // Prints that came as events while the history was asked for are in the answer too.
        answered: ({ prints }) =>
          set((s) => ({
            tapes: { ...s.tapes, [conId]: appendPrints([], { prints, gap: false }, 0) },
            tapeVolumes: { ...s.tapeVolumes, [conId]: addVolume({}, prints) },
          })),
        failed: (message) => set((s) => ({ tapeErrors: { ...s.tapeErrors, [conId]: message } })),
      });
    },
    tapeArrived(batch) {
      if (!holds.has(batch.conId)) return;
      set((s) => ({
        tapes: { ...s.tapes, [batch.conId]: appendPrints(s.tapes[batch.conId] ?? [], batch, Date.now()) },
        tapeVolumes: {
          ...s.tapeVolumes,
          [batch.conId]: addVolume(s.tapeVolumes[batch.conId] ?? {}, batch.prints),
        },
      }));
    },
  };
};
