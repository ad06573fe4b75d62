// @vitest-environment happy-dom
// The watchlist pane with a fake host: which instruments it tells main it has on screen (quotes.focus).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../stores/app-store';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { item } from '../../../tests/support/renderer/fixtures';
import { render } from '../../../tests/support/renderer/render';
import { WatchlistPane } from './WatchlistPane';

const ITEMS = Array.from({ length: 100 }, (_, i) => item(i + 1, `S${i + 1}`));

describe('watchlist pane', () => {
  const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeEach(() => {
    // happy-dom lays nothing out: the list's scroller gets the height of five rows.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('table-wrap') ? 120 : 0;
      },
    });
  });
  afterEach(() => {
    if (own) Object.defineProperty(HTMLElement.prototype, 'clientHeight', own);
  });

  it('tells main the instruments of its rows in view, and none when its list is emptied', async () => {
    const client = createFakeClient({
      'quotes.subscribe': () => ({ quotes: [] }),
      'quotes.unsubscribe': () => null,
      'quotes.focus': () => null,
    });
    const store = createAppStore(client);
    store.setState({ watchlists: [{ id: 'main', name: 'Main', items: ITEMS }] });
    const host = render(<WatchlistPane />, { store, paneId: 'watchlist' });
    await act(settle);
    // Five rows in view and three of overscan, not the hundred the list holds.
    const shown = [...host.querySelectorAll('tr[data-conid]')].map((r) =>
      Number(r.getAttribute('data-conid')),
    );
    expect(shown).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(client.callsOf('quotes.focus').at(-1)).toEqual({ conIds: shown });
    act(() => store.setState({ watchlists: [{ id: 'main', name: 'Main', items: ITEMS.slice(3) }] }));
    await act(settle);
    expect(client.callsOf('quotes.focus').at(-1)).toEqual({ conIds: [4, 5, 6, 7, 8, 9, 10, 11] });
    act(() => store.setState({ watchlists: [] }));
    await act(settle);
    expect(client.callsOf('quotes.focus').at(-1)).toEqual({ conIds: [] });
  });
});
