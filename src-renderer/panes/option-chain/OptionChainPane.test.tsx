// @vitest-environment happy-dom
// Picking an underlying in the option chain asks main for its chain and the rows of the expiry to show at once,
// while the pick's contract details are still being looked up (not one round trip after the other).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Instrument } from '../../../src-shared/domain/instrument';
import type { Result } from '../../../src-shared/result';
import { createFakeClient, settle } from '../../../tests/support/renderer/fake-client';
import { aaplChain } from '../../../tests/support/domain-fixtures';
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
