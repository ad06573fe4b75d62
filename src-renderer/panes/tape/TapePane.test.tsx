// @vitest-environment happy-dom
// The time-and-sales pane keeps a painted row's element as newer prints arrive above it: a batch adds its rows and
// drops the oldest beyond the painted limit, it does not rebuild the others (at 200 prints a second that rebuild
// was 6,000 rows a second).
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Print } from '../../../src-shared/domain/tape';
import { bindEvents } from '../../api/bind-events';
import { createAppStore } from '../../stores/app-store';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { item } from '../../../tests/support/renderer/fixtures';
import { render } from '../../../tests/support/renderer/render';
import { TapePane } from './TapePane';

const print = (time: number, price = 10): Print => ({ time, price, size: 100, exchange: 'ARCA', at: 'ask' });

describe('TapePane', () => {
  it('keeps the rows already painted when a batch arrives', async () => {
    const client = createFakeClient({
      'tape.subscribe': () => ({ prints: [print(1_000), print(2_000)] }),
      'tape.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    const host = render(<TapePane />, { store, paneId: 'tape' });
    await act(settle);
    await act(async () => {
      store.getState().ensurePane('tape', { link: 'none' });
      store.getState().setSymbol('tape', item(7, 'AAPL'));
      await settle();
    });
    const rows = () => [...host.querySelectorAll('table.tape-table tbody tr')];
    expect(rows()).toHaveLength(2);
    const [newest, oldest] = rows();
    await act(async () => client.emit('tape', { conId: 7, prints: [print(3_000, 10.01)], gap: false }));
    expect(rows()).toHaveLength(3);
    expect(rows()[0]!.textContent).toContain('10.01');
    // The same elements, one place lower.
    expect(rows()[1]).toBe(newest);
    expect(rows()[2]).toBe(oldest);
  });
});
