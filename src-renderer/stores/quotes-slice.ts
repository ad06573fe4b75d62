// Quotes slice: the latest quote per instrument, written once per `quotes` batch, with the direction of the last
// change of last/bid/ask (for the up/down flash). Subscriptions are reference-counted here so that every pane can
// ask for the instruments it shows and main sees one subscribe/unsubscribe per instrument per window. Panes also
// say which instruments are on screen now (rows in view): main's hub sends their quotes first when one frame cannot
// carry every change (a replay at 60x), so a row in view is never frames behind the off-screen ones.
import type { Quote, QuoteBatch } from '../../src-shared/domain/quote';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';

type Dir = -1 | 0 | 1;

/**
 * A quote plus what the flash needs, per price: the direction of its last change, a counter that bumps on every
 * change, and when that change was seen (epoch ms, null before the first).
 */
export type QuoteView = Quote & {
  lastDir: Dir;
  lastSeq: number;
  lastAt: number | null;
  bidDir: Dir;
  bidSeq: number;
  bidAt: number | null;
  askDir: Dir;
  askSeq: number;
  askAt: number | null;
};

export type QuotesSlice = {
  quotes: Readonly<Record<number, QuoteView>>;
  /** Holds the instruments' quote lines (counted); the returned function releases them once. */
  acquireQuotes(contracts: readonly WatchItem[]): () => void;
  /** After the host connection came back: subscribe again everything still held. */
  resubscribeQuotes(): Promise<void>;
  /** How many holds exist per conId (tests, diagnostics). */
  quoteHolds(): ReadonlyMap<number, number>;
  /** A `quotes` event: the hub's batch of one frame, merged with one store update. */
  quotesArrived(batch: QuoteBatch): void;
  /** The instruments `owner` (a pane) shows now, replacing its last list; empty when it shows none or closes. */
  focusQuotes(owner: string, conIds: readonly number[]): void;
};

const MAX_PER_REQUEST = 1000;

function dirOf(prev: number | null | undefined, next: number | null): Dir {
  if (prev === null || prev === undefined || next === null || next === prev) return 0;
  return next > prev ? 1 : -1;
}

/**
 * Pure: merges one batch into the quote map, keeping flash directions; `now` is when the batch was received.
 * Returns a new map (one set() per batch).
 */
export function applyQuoteBatch(
  current: Readonly<Record<number, QuoteView>>,
  batch: readonly Quote[],
  now: number = Date.now(),
): Record<number, QuoteView> {
  const next: Record<number, QuoteView> = { ...current };
  for (const q of batch) {
    const prev = next[q.conId];
    const view: QuoteView = {
      ...q,
      lastDir: prev?.lastDir ?? 0,
      lastSeq: prev?.lastSeq ?? 0,
      lastAt: prev?.lastAt ?? null,
      bidDir: prev?.bidDir ?? 0,
      bidSeq: prev?.bidSeq ?? 0,
      bidAt: prev?.bidAt ?? null,
      askDir: prev?.askDir ?? 0,
      askSeq: prev?.askSeq ?? 0,
      askAt: prev?.askAt ?? null,
    };
    if (prev) {
      const d = dirOf(prev.last, q.last);
      if (d !== 0) {
        view.lastDir = d;
        view.lastSeq = prev.lastSeq + 1;
        view.lastAt = now;
      }
      const b = dirOf(prev.bid, q.bid);
      if (b !== 0) {
        view.bidDir = b;
        view.bidSeq = prev.bidSeq + 1;
        view.bidAt = now;
      }
      const a = dirOf(prev.ask, q.ask);
      if (a !== 0) {
        view.askDir = a;
        view.askSeq = prev.askSeq + 1;
        view.askAt = now;
      }
    }
    next[q.conId] = view;
  }
  return next;
}

/** A quote the watchlist shows as data: its line answered (live, delayed, frozen) with a price. */
const hasPrice = (q: Quote): boolean =>
  q.state !== 'pending' &&
  q.state !== 'error' &&
  q.state !== 'no-line' &&
  (q.last ?? q.bid ?? q.ask) !== null;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The instruments every owner shows, in owner order, each once, as many as one `quotes.focus` takes. */
export function focusUnion(byOwner: ReadonlyMap<string, readonly number[]>): number[] {
  const all = new Set<number>();
  for (const ids of byOwner.values()) for (const id of ids) all.add(id);
  return [...all].slice(0, MAX_PER_REQUEST);
}

const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const createQuotesSlice: Slice<QuotesSlice> = (set, get) => {
  const holds = new Map<number, number>();
  const contractsById = new Map<number, WatchItem>();
  const focusByOwner = new Map<string, readonly number[]>();
  /** What main was last told, and whether a `quotes.focus` is on its way (then only the latest list follows it). */
  let focusSent: readonly number[] = [];
  let focusInFlight = false;

  async function sendFocus(): Promise<void> {
    if (focusInFlight) return;
    focusInFlight = true;
    try {
      for (;;) {
        const want = focusUnion(focusByOwner);
        if (sameList(want, focusSent)) return;
        focusSent = want;
        // A refused focus only leaves main's default order (longest waiting first): nothing to tell the user.
        await get().client.invoke('quotes.focus', { conIds: want });
      }
    } finally {
      focusInFlight = false;
    }
  }

  async function subscribe(contracts: readonly WatchItem[]): Promise<void> {
    for (const part of chunks(contracts, MAX_PER_REQUEST)) {
      const r = await get().client.invoke('quotes.subscribe', {
        contracts: part.map((c) => ({ ...c })),
      });
      if (!r.ok) {
        set({ lastError: r.error });
        continue;
      }
      // Only what is still held: a release may have come while the request was in flight.
      const fresh = r.value.quotes.filter((q) => holds.has(q.conId));
      if (fresh.length > 0) set((s) => ({ quotes: applyQuoteBatch(s.quotes, fresh) }));
      if (get().startPanesHeld && fresh.some(hasPrice)) get().startQuotesArrived();
    }
  }

  async function unsubscribe(conIds: number[]): Promise<void> {
    for (const part of chunks(conIds, MAX_PER_REQUEST)) {
      await get().client.invoke('quotes.unsubscribe', { conIds: part });
    }
  }

  return {
    quotes: {},
    acquireQuotes(contracts) {
      const added: WatchItem[] = [];
      const ids: number[] = [];
      for (const c of contracts) {
        ids.push(c.conId);
        const n = holds.get(c.conId) ?? 0;
        holds.set(c.conId, n + 1);
        if (n === 0) {
          contractsById.set(c.conId, c);
          added.push(c);
        }
      }
      if (added.length > 0) void subscribe(added);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const dropped: number[] = [];
        for (const id of ids) {
          const n = holds.get(id) ?? 0;
          if (n <= 1) {
            holds.delete(id);
            contractsById.delete(id);
            dropped.push(id);
          } else holds.set(id, n - 1);
        }
        if (dropped.length > 0) void unsubscribe(dropped);
      };
    },
    async resubscribeQuotes() {
      const all = [...contractsById.values()];
      if (all.length > 0) await subscribe(all);
      // A new connection to the host starts with no focus.
      focusSent = [];
      void sendFocus();
    },
    quoteHolds: () => holds,
    focusQuotes(owner, conIds) {
      if (conIds.length === 0) focusByOwner.delete(owner);
      else focusByOwner.set(owner, [...conIds]);
      void sendFocus();
    },
    quotesArrived(batch) {
      set((s) => ({ quotes: applyQuoteBatch(s.quotes, batch.quotes) }));
      if (get().startPanesHeld && batch.quotes.some(hasPrice)) get().startQuotesArrived();
    },
  };
};
