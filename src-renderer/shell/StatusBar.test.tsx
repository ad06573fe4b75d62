// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { createAppStore, type AppStore } from '../stores/app-store';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { connectionStatus } from '../../tests/support/renderer/fixtures';
import { render } from '../../tests/support/renderer/render';
import { StatusBar } from './StatusBar';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

const status = (over: Partial<ConnectionStatus> = {}): ConnectionStatus =>
  connectionStatus({ since: T0, ...over });

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function newStore(): AppStore {
  const store = createAppStore(createFakeClient());
  store.setState({ transport: { connected: true, reason: null } });
  return store;
}

function mount(store: AppStore): () => string {
  const host = render(<StatusBar />, { store });
  return () => host.querySelector('[role="status"]')?.textContent ?? '';
}

describe('StatusBar retry countdown', () => {
  it('shows the real back-off from the first frame of "Reconnecting", however long the bar was mounted', () => {
    const store = newStore();
    act(() => store.setState({ connection: status() }));
    const text = mount(store);
    expect(text()).toContain('Connected');
    // The bar has been on screen for a while when the drop happens.
    act(() => vi.advanceTimersByTime(90_000));
    const dropAt = Date.now();
    act(() =>
      store.setState({
        connection: status({
          state: 'reconnecting',
          reason: 'TWS closed the connection',
          nextRetryAt: dropAt + 800,
          attempt: 1,
          since: dropAt,
        }),
      }),
    );
    // No timer has ticked yet: this is the first frame.
    expect(text()).toContain('Reconnecting');
    expect(text()).toContain('retry in 1 s');
    // Then it counts down on its 500 ms tick: 300 ms left still reads "1 s" (rounded up), none left reads "0 s".
    act(() => vi.advanceTimersByTime(500));
    expect(text()).toContain('retry in 1 s');
    act(() => vi.advanceTimersByTime(500));
    expect(text()).toContain('retry in 0 s');
  });

  it('starts each new back-off from now, not from the previous countdown', () => {
    const store = newStore();
    const text = mount(store);
    act(() =>
      store.setState({
        connection: status({ state: 'reconnecting', nextRetryAt: Date.now() + 1_000, attempt: 1 }),
      }),
    );
    expect(text()).toContain('retry in 1 s');
    act(() => vi.advanceTimersByTime(1_000));
    act(() => store.setState({ connection: status({ state: 'connecting', attempt: 2 }) }));
    act(() => vi.advanceTimersByTime(10_000));
    act(() =>
      store.setState({
        connection: status({ state: 'reconnecting', nextRetryAt: Date.now() + 2_000, attempt: 2 }),
      }),
    );
    expect(text()).toContain('retry in 2 s');
  });
});
