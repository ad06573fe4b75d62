import { describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { createAppStore } from '../stores/app-store';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { bar, item, quote } from '../../tests/support/renderer/fixtures';
import { bindEvents } from './bind-events';
import { fillText } from './fill-notifier';

const status = (state: ConnectionStatus['state']): ConnectionStatus => ({
  state,
  profileId: 'demo',
  profileName: 'Demo',
  demo: true,
  host: '127.0.0.1',
  port: 1,
  clientId: 1,
  readOnly: false,
  live: false,
  serverVersion: 176,
  accounts: ['DU1'],
  reason: null,
  twsCode: null,
  nextRetryAt: null,
  attempt: 0,
  since: 0,
  suggestedClientId: null,
});

describe('bindEvents', () => {
  it('writes one quote batch with one store update', async () => {
    const client = createFakeClient();
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    const listener = vi.fn();
    store.subscribe(listener);
    client.emit('quotes', { quotes: [quote(1, { last: 1 }), quote(2, { last: 2 }), quote(3, { last: 3 })] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(Object.keys(store.getState().quotes)).toEqual(['1', '2', '3']);
  });

  it('carries out the menu’s commands', async () => {
    const client = createFakeClient({
      'settings.set': (p) => {
        const s = store.getState().settings!;
        return { ...s, preferences: { ...s.preferences, ...p } };
      },
      'settings.get': () => ({
        version: 1,
        activeProfileId: 'demo',
        profiles: [
          {
            id: 'demo',
            name: 'Demo',
            kind: 'demo',
            host: '127.0.0.1',
            port: 0,
            clientId: 1,
            readOnly: false,
            limits: { maxQuantity: 1, maxNotional: 1, priceBandPct: 1 },
          },
        ],
        preferences: { theme: 'dark', confirmOrders: true, marketDataLines: 100, marketDataType: 'live' },
      }),
    });
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    const opened: string[] = [];
    store.getState().setDock({ openPane: (k) => opened.push(k), activePaneId: () => null });
    client.emit('command', { type: 'symbolSearch' });
    client.emit('command', { type: 'showProfiles' });
    client.emit('command', { type: 'openPane', pane: 'chart' });
    client.emit('command', { type: 'setTheme', theme: 'light' });
    await settle();
    expect(store.getState().symbolSearchOpen).toBe(true);
    expect(store.getState().profilesOpen).toBe(true);
    expect(opened).toEqual(['chart']);
    expect(client.callsOf('settings.set')).toEqual([{ theme: 'light' }]);
    expect(store.getState().settings?.preferences.theme).toBe('light');
  });

  it('reloads the blotter and the portfolio when TWS becomes ready again', async () => {
    const client = createFakeClient({ 'orders.list': () => [], 'executions.list': () => [] });
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    const before = client.callsOf('orders.list').length;
    client.emit('connection', status('reconnecting'));
    client.emit('connection', status('ready'));
    client.emit('connection', status('ready'));
    await settle();
    expect(client.callsOf('orders.list').length).toBe(before + 1);
  });

  it('asks again for everything after the host connection came back', async () => {
    let scans = 0;
    const client = createFakeClient({
      'quotes.subscribe': () => ({ quotes: [] }),
      'scanner.start': () => ({ scanId: `scan-${++scans}` }),
      'history.subscribe': () => ({ subId: 'h', bars: [bar(60, 1)] }),
    });
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    store.getState().acquireQuotes([item(1, 'AAPL')]);
    store.getState().setPaneConfig('scanner', { running: true });
    await store.getState().restartScan('scanner');
    await store.getState().openChart('chart', item(1, 'AAPL'), '1 min');
    await settle();
    client.setTransport({ connected: false, reason: 'gone' });
    client.setTransport({ connected: true, reason: null });
    await settle();
    expect(client.callsOf('quotes.subscribe')).toHaveLength(2);
    expect(client.callsOf('scanner.start')).toHaveLength(2);
    expect(store.getState().scans.scanner?.scanId).toBe('scan-2');
    expect(client.callsOf('history.subscribe')).toHaveLength(2);
  });

  it('words a fill for the notification', () => {
    expect(fillText({ side: 'BUY', shares: 10, price: 187.5, contract: item(1, 'AAPL') })).toBe(
      'Bought 10 AAPL at 187.5',
    );
  });

  it('shows the workspace of another profile when it becomes active', async () => {
    const settings = (activeProfileId: string) => ({
      version: 1 as const,
      activeProfileId,
      profiles: [],
      preferences: {
        theme: 'dark' as const,
        confirmOrders: true,
        marketDataLines: 100,
        marketDataType: 'live' as const,
      },
    });
    let layout: Record<string, unknown> | null = null;
    const client = createFakeClient({ 'layout.get': () => layout, 'settings.get': () => settings('demo') });
    const store = createAppStore(client);
    bindEvents(store);
    await settle();
    const generation = store.getState().layoutGeneration;
    store.getState().setSymbol('chart', item(1, 'AAPL'));
    layout = { ibdesk: 2, dock: { grid: {} }, panes: {}, groups: { red: item(2, 'MSFT') } };
    client.emit('settings', settings('demo'));
    await settle();
    expect(store.getState().layoutGeneration).toBe(generation);
    client.emit('settings', settings('tws-paper'));
    await settle();
    expect(store.getState().layoutGeneration).toBe(generation + 1);
    expect(store.getState().layout).toEqual({ grid: {} });
    expect(store.getState().groupSymbols.red?.symbol).toBe('MSFT');
  });
});
