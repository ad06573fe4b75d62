// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { createAppStore } from '../../stores/app-store';
import { applyQuoteBatch } from '../../stores/quotes-slice';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { item, quote } from '../../../tests/support/renderer/fixtures';
import { click } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { WatchRow } from './WatchRow';

const LIST = [item(1, 'AAA'), item(2, 'BBB'), item(3, 'CCC')];

function mount(index: number) {
  const store = createAppStore(createFakeClient({ 'watchlists.save': () => null }));
  const now = Date.now();
  let quotes = applyQuoteBatch({}, [
    quote(2, { last: 10, bid: 9.9, ask: 10.1, close: 9, volume: 1234, updatedAt: now }),
  ]);
  quotes = applyQuoteBatch(quotes, [
    quote(2, { last: 10.5, bid: 9.9, ask: 10.1, close: 9, volume: 1234, updatedAt: now }),
  ]);
  store.setState({ watchlists: [{ id: 'main', name: 'Main', items: LIST }], quotes });
  const picked: WatchItem[] = [];
  const host = render(
    <table>
      <tbody>
        <WatchRow
          item={LIST[index]!}
          index={index}
          count={LIST.length}
          listId="main"
          selected={false}
          onPick={(_pane, i) => picked.push(i)}
          paneId="watchlist"
        />
      </tbody>
    </table>,
    { store },
  );
  const tr = host.querySelector('tr')!;
  const names = () => store.getState().watchlists![0]!.items.map((i) => i.symbol);
  return { tr, picked, names, store };
}

const button = (tr: Element, label: string) => tr.querySelector(`button[aria-label="${label}"]`)!;

describe('watchlist row', () => {
  it('shows its instrument’s quote, the last price tinted by its last move', () => {
    const { tr } = mount(1);
    expect(tr.getAttribute('data-conid')).toBe('2');
    expect(tr.getAttribute('aria-rowindex')).toBe('3');
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 11)).toEqual([
      'BBB',
      '10.50',
      '+1.50',
      '+16.67%',
      '—',
      '9.90',
      '10.10',
      '—',
      '1,234',
      '—',
      '—',
    ]);
    expect(cells[11]).toBe('LIVE');
    expect(tr.querySelector('td:nth-child(2) span')?.className).toBe('flash-up');
  });

  it('moves, removes and picks its instrument, by buttons and by keys', () => {
    const { tr, picked, names } = mount(1);
    click(button(tr, 'Move BBB up'));
    expect(names()).toEqual(['BBB', 'AAA', 'CCC']);
    act(() =>
      tr.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true })),
    );
    expect(names()).toEqual(['AAA', 'BBB', 'CCC']);
    act(() => tr.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    click(tr.querySelector('td')!);
    // The buttons act on the row without picking it.
    expect(picked.map((i) => i.symbol)).toEqual(['BBB', 'BBB']);
    act(() => tr.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true })));
    expect(names()).toEqual(['AAA', 'CCC']);
  });

  it('cannot move the first row up or the last down', () => {
    expect((button(mount(0).tr, 'Move AAA up') as HTMLButtonElement).disabled).toBe(true);
    expect((button(mount(2).tr, 'Move CCC down') as HTMLButtonElement).disabled).toBe(true);
    expect((button(mount(2).tr, 'Move CCC up') as HTMLButtonElement).disabled).toBe(false);
  });

  it('follows ticks and the clock: prices, tints, the change’s sign, the badge and the age', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const { tr, store } = mount(1);
      const cells = () => [...tr.querySelectorAll('td')];
      const tint = () => cells()[1]!.querySelector('span')!.className;
      expect(tint()).toBe('flash-up');
      // The repaint interval and the clock's second end.
      const later = (ms: number) =>
        act(async () => {
          vi.advanceTimersByTime(ms);
        });
      await later(1000);
      expect(tint()).toBe('');
      // A tick down through the close: the last price tinted down, the change negative, a new volume.
      const at = Date.now();
      act(() =>
        store.getState().quotesArrived({
          quotes: [quote(2, { last: 8.5, bid: 8.4, ask: 8.6, close: 9, volume: 2000, updatedAt: at })],
        }),
      );
      await later(100);
      expect(
        cells()
          .map((td) => td.textContent)
          .slice(1, 9),
      ).toEqual(['8.50', '-0.50', '-5.56%', '—', '8.40', '8.60', '—', '2,000']);
      expect(tint()).toBe('flash-down');
      expect(cells()[2]!.className).toBe('num down');
      // A minute and more without a tick: the tint gone, the age and the badge follow the clock.
      await later(61_000);
      expect(tint()).toBe('');
      expect(cells()[12]!.textContent).toBe('1 min');
      expect(cells()[11]!.textContent).toBe('STALE');
    } finally {
      vi.useRealTimers();
    }
  });
});
