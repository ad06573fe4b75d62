// @vitest-environment happy-dom
// Picking an underlying in the option chain asks main for its chain and the rows of the expiry to show at once,
// while the pick's contract details are still being looked up (not one round trip after the other).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Instrument } from '../../../src-shared/domain/instrument';
import type { Result } from '../../../src-shared/result';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { aaplChain, optionFixture } from '../../../tests/support/domain-fixtures';
import { quote } from '../../../tests/support/renderer/fixtures';
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

/** A chain of AAPL 145/150/155 (no 155 put) on the 20260116 expiry, rendered with its rows in view. */
async function renderChain() {
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
  return { rows, client, store, host };
}

describe('OptionChainPane cells', () => {
  it('follow their option’s ticks: prices, greeks and state; a price button comes and goes with its price', async () => {
    const { store, host } = await renderChain();
    // The cells' repaint interval runs on these timers (settle, above, needs real ones).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const call = optionFixture(150, 'C', '20260116');
      const cells = () => [...host.querySelectorAll(`td[data-conid="${call.conId}"]`)];
      const text = () => cells().map((c) => c.textContent);
      const greeks = { impliedVol: 0.25, delta: 0.52, gamma: 0.031, vega: 0.18, theta: -0.05, undPrice: 150 };
      const tickQuote = (patch: Parameters<typeof quote>[1]) =>
        act(() => store.getState().quotesArrived({ quotes: [quote(call.conId, patch)] }));
      // The repaint interval's end (its clock is performance.now, not faked: a timer runs out instead).
      const intervalEnds = () =>
        act(async () => {
          vi.advanceTimersByTime(100);
        });
      tickQuote({ bid: 2.3, ask: 2.35, last: 2.32, volume: 1200, greeks });
      expect(text()).toEqual(expect.arrayContaining(['2.30', '2.35', '2.32', '1,200', '25.0%', '0.52']));
      const ask = () => host.querySelector<HTMLButtonElement>(`td[data-conid="${call.conId}"] button.ask`);
      expect(ask()?.getAttribute('aria-label')).toBe(`2.35 ask: buy ${call.localSymbol}`);
      expect(cells().every((c) => c.getAttribute('data-state') === 'live')).toBe(true);
      // The next tick inside the repaint interval shows at its end, the latest one.
      tickQuote({ bid: 2.4, ask: 2.45, last: 2.44, volume: 1300, greeks: { ...greeks, delta: 0.55 } });
      tickQuote({ bid: 2.5, ask: 2.55, last: 2.52, volume: 1400, greeks: { ...greeks, delta: 0.57 } });
      await intervalEnds();
      expect(text()).toEqual(expect.arrayContaining(['2.50', '2.55', '2.52', '1,400', '0.57']));
      expect(text()).not.toContain('2.45');
      expect(ask()?.getAttribute('aria-label')).toBe(`2.55 ask: buy ${call.localSymbol}`);
      // A click takes the price shown.
      click(ask()!);
      expect(store.getState().optionTicket).toMatchObject({ action: 'BUY', price: 2.55 });
      // The ask goes away: no button, a dash; it comes back: a button again, with the new price.
      // Its last is back at the value React rendered first (2.32), which a tick had written over since: React
      // leaves an unchanged cell alone, so the cell must already show it.
      tickQuote({ bid: 2.5, ask: null, last: 2.32, state: 'frozen' });
      await intervalEnds();
      expect(ask()).toBeNull();
      expect(text()).toContain('2.32');
      expect(text()).not.toContain('2.52');
      expect(cells().every((c) => c.getAttribute('data-state') === 'frozen')).toBe(true);
      tickQuote({ bid: 2.5, ask: 2.6, last: 2.32 });
      await intervalEnds();
      expect(ask()?.textContent).toBe('2.60');
      expect(text().filter((t) => t === '—').length).toBeGreaterThan(0); // greeks gone with the last quote
    } finally {
      vi.useRealTimers();
    }
  });

  it('name their option: the call side’s cells carry the call’s conId, the put side’s the put’s', async () => {
    const { rows, client, host } = await renderChain();
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
