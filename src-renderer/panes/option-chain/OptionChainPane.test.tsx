// @vitest-environment happy-dom
// Picking an underlying in the option chain asks main for its chain and the rows of the expiry to show at once,
// while the pick's contract details are still being looked up (not one round trip after the other).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Instrument } from '../../../src-shared/domain/instrument';
import type { Result } from '../../../src-shared/result';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { aaplChain, optionFixture } from '../../../tests/support/domain-fixtures';
import { click, typeInto } from '../../../tests/support/renderer/input';
import { render } from '../../../tests/support/renderer/render';
import { createAppStore } from '../../stores/app-store';
import { OptionChainPane } from './OptionChainPane';

const match = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  description: 'APPLE INC',
  derivativeSecTypes: ['OPT'],
};

describe('OptionChainPane', () => {
  it('asks for the chain and the expiry’s rows while the picked underlying’s details are looked up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const client = createFakeClient({
        'contracts.search': () => [match],
        'options.chain': () => aaplChain(),
        'options.expiry': ({ expiry }) => ({ expiry, daysToExpiry: 5, multiplier: 100, rows: [] }),
      });
      // The details lookup does not answer during the test.
      const invoke = client.invoke.bind(client);
      client.invoke = ((method: string, params: unknown) => {
        if (method !== 'contracts.details') return invoke(method as never, params as never);
        client.calls.push({ method, params });
        return new Promise<Result<Instrument[]>>(() => {});
      }) as typeof client.invoke;
      const store = createAppStore(client);
      store.getState().setPaneConfig('chain', { expiry: '20260116' });
      const host = render(<OptionChainPane />, { store, paneId: 'chain' });
      typeInto(host.querySelector<HTMLInputElement>('input[aria-label="Underlying"]')!, 'AAPL');
      await act(async () => {
        vi.advanceTimersByTime(300);
      });
      vi.useRealTimers();
      await act(settle);
      const option = host.querySelector('[role="option"]');
      expect(option?.textContent).toContain('AAPL');
      click(option!);
      await act(settle);
      expect(client.calls.map((c) => c.method)).toContain('contracts.details');
      expect(client.callsOf('options.chain')).toEqual([{ conId: 265598, symbol: 'AAPL' }]);
      expect(client.callsOf('options.expiry')).toEqual([
        { conId: 265598, symbol: 'AAPL', expiry: '20260116', tradingClass: 'AAPL' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('OptionChainPane cells', () => {
  it('name their option: the call side’s cells carry the call’s conId, the put side’s the put’s', async () => {
    const rows = [145, 150, 155].map((strike) => ({
      strike,
      call: optionFixture(strike, 'C', '20260116'),
      put: strike === 155 ? null : optionFixture(strike, 'P', '20260116'),
    }));
    const client = createFakeClient({
      'options.chain': () => aaplChain(),
      'options.expiry': ({ expiry }) => ({ expiry, daysToExpiry: 5, multiplier: 100, rows }),
    });
    const store = createAppStore(client);
    store.getState().setPaneConfig('chain', { expiry: '20260116', strikes: 'all' });
    store.getState().setSymbol('chain', {
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
    });
    // happy-dom lays nothing out: the scroller is given a height, so the rows are in view.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    const host = render(<OptionChainPane />, { store, paneId: 'chain' });
    await act(settle);
    height.mockRestore();
    const row = host.querySelector('table.chain-table tr[data-strike="150"]');
    expect(row).not.toBeNull();
    const cells = [...row!.querySelectorAll('td')];
    const side = cells.length / 2;
    expect(side).toBeGreaterThan(1);
    const ids = (list: Element[]) => [...new Set(list.map((c) => c.getAttribute('data-conid')))];
    expect(ids(cells.slice(0, side))).toEqual([String(optionFixture(150, 'C').conId)]);
    expect(ids(cells.slice(side))).toEqual([String(optionFixture(150, 'P').conId)]);
    // A strike with no put listed has no option to name on that side.
    const lone = host.querySelector('table.chain-table tr[data-strike="155"]')!;
    expect(lone.querySelectorAll('td[data-conid]')).toHaveLength(side);
    // What the chain streams, and its underlying, are the quotes main sends first in a crowded frame.
    const focus = client.callsOf('quotes.focus').at(-1) as { conIds: number[] };
    const listed = rows.flatMap((r) => [r.call, r.put]).flatMap((o) => (o ? [o.conId] : []));
    expect([...focus.conIds].sort((a, b) => a - b)).toEqual([265598, ...listed].sort((a, b) => a - b));
  });
});
