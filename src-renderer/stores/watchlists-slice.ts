// Watchlists slice: several named lists of instruments, saved through main after every change (main owns the
// file). The list operations are pure functions so they are tested without a store.
import type { Watchlist, WatchItem } from '../../src-shared/domain/workspace';
import { uniqueSlugId } from '../../src-shared/slug-id';
import type { Slice } from './app-store';

export type WatchlistsSlice = {
  /** null until loaded. */
  watchlists: Watchlist[] | null;
  loadWatchlists(): Promise<void>;
  createWatchlist(name: string): string;
  renameWatchlist(id: string, name: string): void;
  deleteWatchlist(id: string): void;
  addToWatchlist(id: string, item: WatchItem): void;
  removeFromWatchlist(id: string, conId: number): void;
  moveInWatchlist(id: string, conId: number, delta: number): void;
};

export function listIdFor(name: string, taken: readonly string[]): string {
  return uniqueSlugId(name, taken, 'list');
}

function mapList(lists: readonly Watchlist[], id: string, f: (l: Watchlist) => Watchlist): Watchlist[] {
  return lists.map((l) => (l.id === id ? f(l) : l));
}

/** Pure: adds an instrument at the end (no duplicates). */
export function addItem(lists: readonly Watchlist[], id: string, item: WatchItem): Watchlist[] {
  return mapList(lists, id, (l) =>
    l.items.some((i) => i.conId === item.conId) ? l : { ...l, items: [...l.items, item] },
  );
}

export function removeItem(lists: readonly Watchlist[], id: string, conId: number): Watchlist[] {
  return mapList(lists, id, (l) => ({ ...l, items: l.items.filter((i) => i.conId !== conId) }));
}

/** Pure: moves an instrument by `delta` places, clamped to the list. */
export function moveItem(lists: readonly Watchlist[], id: string, conId: number, delta: number): Watchlist[] {
  return mapList(lists, id, (l) => {
    const from = l.items.findIndex((i) => i.conId === conId);
    if (from < 0) return l;
    const to = Math.max(0, Math.min(l.items.length - 1, from + delta));
    if (to === from) return l;
    const items = [...l.items];
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved!);
    return { ...l, items };
  });
}

export const createWatchlistsSlice: Slice<WatchlistsSlice> = (set, get) => {
  let saving: Promise<void> = Promise.resolve();

  function commit(next: Watchlist[]): void {
    set({ watchlists: next });
    // Saves in order; each save carries the whole state at its time.
    saving = saving.then(async () => {
      const r = await get().client.invoke('watchlists.save', { lists: get().watchlists ?? next });
      if (!r.ok) set({ lastError: r.error });
    });
  }

  const lists = (): Watchlist[] => get().watchlists ?? [];

  return {
    watchlists: null,
    async loadWatchlists() {
      const r = await get().client.invoke('watchlists.get', {});
      if (r.ok) set({ watchlists: r.value.length > 0 ? r.value : [{ id: 'main', name: 'Main', items: [] }] });
    },
    createWatchlist(name) {
      const id = listIdFor(
        name,
        lists().map((l) => l.id),
      );
      commit([...lists(), { id, name: name.trim().slice(0, 40) || 'List', items: [] }]);
      return id;
    },
    renameWatchlist(id, name) {
      const n = name.trim().slice(0, 40);
      if (n) commit(mapList(lists(), id, (l) => ({ ...l, name: n })));
    },
    deleteWatchlist(id) {
      const rest = lists().filter((l) => l.id !== id);
      commit(rest.length > 0 ? rest : [{ id: 'main', name: 'Main', items: [] }]);
    },
    addToWatchlist: (id, item) => commit(addItem(lists(), id, item)),
    removeFromWatchlist: (id, conId) => commit(removeItem(lists(), id, conId)),
    moveInWatchlist: (id, conId, delta) => commit(moveItem(lists(), id, conId, delta)),
  };
};
