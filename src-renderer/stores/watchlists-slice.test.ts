import { describe, expect, it } from 'vitest';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { addItem, listIdFor, moveItem, removeItem } from './watchlists-slice';

const lists = [{ id: 'main', name: 'Main', items: [item(1, 'A'), item(2, 'B'), item(3, 'C')] }];

describe('watchlist operations', () => {
  it('adds without duplicates, removes and reorders', () => {
    expect(addItem(lists, 'main', item(2, 'B'))[0]!.items).toHaveLength(3);
    expect(addItem(lists, 'main', item(4, 'D'))[0]!.items.map((i) => i.symbol)).toEqual(['A', 'B', 'C', 'D']);
    expect(removeItem(lists, 'main', 2)[0]!.items.map((i) => i.symbol)).toEqual(['A', 'C']);
    expect(moveItem(lists, 'main', 3, -1)[0]!.items.map((i) => i.symbol)).toEqual(['A', 'C', 'B']);
    expect(moveItem(lists, 'main', 1, -1)).toEqual(lists);
    expect(moveItem(lists, 'main', 1, 10)[0]!.items.map((i) => i.symbol)).toEqual(['B', 'C', 'A']);
  });

  it('gives new lists unique ids', () => {
    expect(listIdFor('Tech Stocks!', ['main'])).toBe('tech-stocks');
    expect(listIdFor('Main', ['main'])).toBe('main-2');
    expect(listIdFor('***', [])).toBe('list');
  });

  it('saves every change through main, in order', async () => {
    const saved: unknown[] = [];
    const client = createFakeClient({
      'watchlists.get': () => lists,
      'watchlists.save': ({ lists: l }) => {
        saved.push(l.map((x) => `${x.id}:${x.items.map((i) => i.symbol).join('')}`));
        return null;
      },
    });
    const store = createAppStore(client);
    await store.getState().loadWatchlists();
    store.getState().addToWatchlist('main', item(4, 'D'));
    const id = store.getState().createWatchlist('Energy');
    store.getState().removeFromWatchlist('main', 1);
    await settle();
    expect(id).toBe('energy');
    expect(saved.at(-1)).toEqual(['main:BCD', 'energy:']);
    store.getState().deleteWatchlist('main');
    store.getState().deleteWatchlist('energy');
    await settle();
    expect(store.getState().watchlists).toEqual([{ id: 'main', name: 'Main', items: [] }]);
  });
});
