import { describe, expect, it, vi } from 'vitest';
import type { EventMap, EventName, UiCommand } from '../../src-shared/contract';
import { createAppStore, type AppState } from '../stores/app-store';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { bar, connectionStatus, execution, order, quote } from '../../tests/support/renderer/fixtures';
import { bindEvents } from './bind-events';

/** One payload per event of the contract, and the action it must reach with what. */
const CASES: { [E in EventName]: { payload: EventMap[E]; action: keyof AppState; arg: unknown } } = (() => {
  const settings = {
    version: 1 as const,
    activeProfileId: 'demo',
    profiles: [],
    preferences: {
      theme: 'dark' as const,
      confirmOrders: true,
      marketDataLines: 100,
      marketDataType: 'live' as const,
    },
  };
  const c = <E extends EventName>(payload: EventMap[E], action: keyof AppState, arg: unknown = payload) => ({
    payload,
    action,
    arg,
  });
  const orders = [order(1)];
  const executions = [execution('e1')];
  const command: UiCommand = { type: 'symbolSearch' };
  const logEntry: EventMap['log'] = { seq: 1, time: 0, level: 'info', source: 'ib', message: 'm' };
  return {
    connection: c<'connection'>(connectionStatus(), 'connectionChanged'),
    settings: c<'settings'>(settings, 'settingsChanged'),
    gauges: c<'gauges'>(
      {
        lines: { used: 1, budget: 100 },
        scannerSlots: { used: 0, max: 10 },
        history: { open: 0, queued: 0, etaMs: null },
        messagesPerSec: 0,
      },
      'gaugesArrived',
    ),
    log: c<'log'>(logEntry, 'logArrived'),
    notice: c<'notice'>({ level: 'warn', title: 't', message: 'm' }, 'noticeArrived'),
    quotes: c<'quotes'>({ quotes: [quote(1)] }, 'quotesArrived'),
    scan: c<'scan'>({ scanId: 's', rows: [], entered: [], left: [], at: 0 }, 'scanArrived'),
    bars: c<'bars'>({ subId: 'h', bars: [bar(60, 1)] }, 'barsArrived'),
    orders: c<'orders'>({ orders }, 'ordersArrived', orders),
    executions: c<'executions'>({ executions }, 'executionsArrived', executions),
    portfolio: c<'portfolio'>({ positions: [], accounts: [] }, 'portfolioArrived'),
    command: c<'command'>(command, 'runCommand'),
    news: c<'news'>({ subId: 'n', headlines: [] }, 'newsArrived'),
    depth: c<'depth'>({ conId: 1, bids: [], asks: [], state: 'pending', updatedAt: null }, 'depthArrived'),
    tape: c<'tape'>({ conId: 1, prints: [], gap: true }, 'tapeArrived'),
    alerts: c<'alerts'>({ alerts: [] }, 'alertsArrived', []),
    'alerts.fired': c<'alerts.fired'>(
      {
        alertId: 'a1',
        kind: 'price-cross',
        conId: 1,
        symbol: 'AAPL',
        linkGroup: 'none',
        at: 0,
        value: 101,
        text: 'AAPL crossed above 100 (last 101)',
        sound: false,
      },
      'alertFired',
    ),
    replay: c<'replay'>(
      {
        file: '/data/recordings/session.ibdrec',
        firstTime: 1000,
        lastTime: 61_000,
        time: 5000,
        playing: true,
        speed: 10,
        ended: false,
        truncated: false,
      },
      'replayArrived',
    ),
    recording: c<'recording'>(
      {
        state: 'recording',
        file: '/d/r-0001.ibdrec',
        bytes: 10,
        records: 2,
        dropped: 0,
        keep: false,
        reason: null,
      },
      'recordingChanged',
    ),
  };
})();

describe('bindEvents', () => {
  it('routes every event of the contract to its store action, once, and the transport to transportChanged', () => {
    const client = createFakeClient();
    const store = createAppStore(client);
    const spies = new Map<string, ReturnType<typeof vi.fn>>();
    for (const { action } of [...Object.values(CASES), { action: 'transportChanged' as const }]) {
      const spy = vi.fn();
      spies.set(action, spy);
      store.setState({ [action]: spy } as Partial<AppState>);
    }
    const off = bindEvents(store);
    expect(spies.get('transportChanged')!.mock.calls).toEqual([[{ connected: true, reason: null }]]);
    for (const [event, { payload, action, arg }] of Object.entries(CASES)) {
      client.emit(event as EventName, payload as never);
      expect(spies.get(action)!.mock.calls, event).toEqual([[arg]]);
    }
    // Unbound: nothing reaches the store any more.
    off();
    client.emit('quotes', CASES.quotes.payload);
    client.setTransport({ connected: false, reason: 'gone' });
    expect(spies.get('quotesArrived')).toHaveBeenCalledTimes(1);
    expect(spies.get('transportChanged')).toHaveBeenCalledTimes(1);
  });

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
            hotkeys: [],
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
});
