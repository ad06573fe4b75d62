// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../stores/app-store';
import { applyQuoteBatch } from '../../stores/quotes-slice';
import { idleScan } from '../../stores/scanner-slice';
import { createFakeClient } from '../../../tests/support/renderer/fake-client';
import { quote, row } from '../../../tests/support/renderer/fixtures';
import { click } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { ScanResults } from './ScanResults';

const T = Date.UTC(2026, 0, 5, 15, 30, 0);

function mount() {
  const store = createAppStore(createFakeClient());
  store.setState({
    quotes: applyQuoteBatch({}, [quote(10, { last: 12.5, close: 10, volume: 1_500_000 })]),
    paneStates: { scanner: { link: 'red', symbol: null, config: {} } },
  });
  const view = {
    ...idleScan(),
    status: 'running' as const,
    rows: [row(0, 10, 'AAA'), row(1, 20, 'BBB')],
    prevRanks: { 10: 1, 20: 0 },
    enteredAt: { 20: T },
    activity: [
      { id: 2, at: T, kind: 'entered' as const, conId: 20, symbol: 'BBB', rank: 1 },
      { id: 1, at: T, kind: 'left' as const, conId: 30, symbol: 'CCC', rank: 4 },
    ],
  };
  const host = render(<ScanResults paneId="scanner" view={view} />, { store });
  return { store, host };
}

const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

describe('scan results', () => {
  it('ranks from 1 with the move since the last snapshot, the quote of each row, and new rows marked', () => {
    const { host } = mount();
    const [first, second] = host.querySelectorAll('tbody tr');
    expect(cells(first!)).toEqual(['1▲', 'AAA', 'SMART', '12.50', '+25.00%', '1.50M']);
    expect(first!.querySelector('.move.up')?.getAttribute('aria-label')).toBe('moved up');
    expect(cells(second!)).toEqual(['2▼', 'BBBnew', 'SMART', '—', '—', '—']);
    expect(second!.className).toBe('clickable entered');
  });

  it('lists entries and exits in words, and a click sets the symbol of the pane’s group', () => {
    const { host, store } = mount();
    const lines = [...host.querySelectorAll('[aria-label="Scanner activity"] li')].map(
      (li) => li.textContent,
    );
    expect(lines).toEqual([
      expect.stringMatching(/ BBB entered at #2$/),
      expect.stringMatching(/ CCC left \(was #5\)$/),
    ]);
    click(host.querySelector('tbody tr')!);
    expect(store.getState().groupSymbols.red?.symbol).toBe('AAA');
    expect(host.querySelector('tbody tr')!.getAttribute('aria-selected')).toBe('true');
  });

  it('repaints a row when its instrument ticks', () => {
    const { host, store } = mount();
    act(() => store.getState().quotesArrived({ quotes: [quote(20, { last: 7, close: 8, volume: 900 })] }));
    expect(cells(host.querySelectorAll('tbody tr')[1]!)).toEqual([
      '2▼',
      'BBBnew',
      'SMART',
      '7.00',
      '-12.50%',
      '900',
    ]);
  });
});
