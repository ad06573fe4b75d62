import { describe, expect, it, vi } from 'vitest';
import { emptyQuote } from '../../src-shared/domain/quote';
import type { Settings } from '../../src-shared/domain/settings';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { bar, connectionStatus, item } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { START_READS } from '../api/start-reads';

const settings = (activeProfileId: string): Settings => ({
  version: 1,
  activeProfileId,
  profiles: [],
  preferences: { theme: 'dark', confirmOrders: true, marketDataLines: 100, marketDataType: 'live' },
});

describe('session slice', () => {
  it('loads the initial state when the transport comes up, and the workspace only the first time', async () => {
    let layout: Record<string, unknown> | null = null;
    const client = createFakeClient({
      'app.info': () => ({
        version: '1.2.3',
        host: 'web',
        node: '22',
        electron: null,
        chrome: null,
        dataDir: '/tmp/d',
      }),
      'settings.get': () => settings('demo'),
      'connection.status': () => connectionStatus(),
      'layout.get': () => layout,
      'watchlists.get': () => [],
    });
    const store = createAppStore(client);
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    expect(store.getState().transport.connected).toBe(true);
    expect(store.getState().serverInfo).toEqual({ version: '1.2.3', host: 'web' });
    expect(store.getState().connection?.state).toBe('ready');
    expect(store.getState().layout).toBeNull();
    expect(store.getState().watchlists?.map((l) => l.name)).toEqual(['Main']);
    layout = { ibdesk: 2, dock: { grid: {} }, panes: {}, groups: {} };
    store.getState().transportChanged({ connected: false, reason: 'gone' });
    expect(store.getState().transport).toEqual({ connected: false, reason: 'gone' });
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    // After a host reconnect the window keeps what it shows.
    expect(store.getState().layout).toBeNull();
    expect(client.callsOf('app.info')).toHaveLength(2);
  });

  it('keeps the connection, settings and log events that came while the first reads were answered', async () => {
    // At start the answers can be older than events the listeners get first (the page prefetched them): TWS
    // connected while the app loaded, and the status read said "disconnected".
    const client = createFakeClient({
      'settings.get': () => settings('demo'),
      'connection.status': () => connectionStatus({ state: 'disconnected' }),
      'log.list': () => [{ seq: 1, time: 1, level: 'info', source: 'app', message: 'one' }],
      'watchlists.get': () => [],
    });
    const store = createAppStore(client);
    store.getState().transportChanged({ connected: true, reason: null });
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    store.getState().settingsChanged(settings('replay'));
    store.getState().logArrived({ seq: 2, time: 2, level: 'info', source: 'app', message: 'two' });
    await settle();
    expect(store.getState().connection?.state).toBe('ready');
    expect(store.getState().settings?.activeProfileId).toBe('replay');
    expect(store.getState().log.map((e) => e.message)).toEqual(['one', 'two']);
    // With no event in between, the answers are taken as they are.
    store.getState().transportChanged({ connected: false, reason: 'gone' });
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    expect(store.getState().connection?.state).toBe('disconnected');
    expect(store.getState().settings?.activeProfileId).toBe('demo');
  });

  it('makes, at start, every read the page asked for before the app loaded, with the same parameters', async () => {
    const client = createFakeClient({ 'watchlists.get': () => [] });
    const store = createAppStore(client);
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    for (const [method, params] of START_READS) expect(client.callsOf(method)).toContainEqual(params);
  });

  it("asks for the first watchlist's quotes before the workspace is laid out, and lets go once the panes hold them", async () => {
    vi.useFakeTimers();
    try {
      const client = createFakeClient({
        'watchlists.get': () => [{ id: 'main', name: 'Main', items: [item(1, 'AAPL'), item(2, 'MSFT')] }],
        'quotes.subscribe': () => ({ quotes: [] }),
        'layout.get': () => null,
      });
      // The layout is slow to come: the lines must not wait for it.
      let layoutAnswer: (() => void) | null = null;
      const invoke = client.invoke.bind(client);
      client.invoke = ((method: Parameters<typeof invoke>[0], params: never) =>
        method === 'layout.get'
          ? new Promise<unknown>((res) => (layoutAnswer = () => res(invoke(method, params))))
          : invoke(method, params)) as typeof client.invoke;
      const store = createAppStore(client);
      store.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(0);
      expect(client.callsOf('quotes.subscribe')).toHaveLength(1);
      expect([...store.getState().quoteHolds()]).toEqual([
        [1, 1],
        [2, 1],
      ]);
      expect(store.getState().layout).toBeUndefined();
      // The pane mounts and holds one of them; the start's hold goes 3 s after the workspace is laid out.
      const releasePane = store.getState().acquireQuotes([item(1, 'AAPL')]);
      layoutAnswer!();
      await vi.advanceTimersByTimeAsync(2_900);
      expect(store.getState().quoteHolds().get(2)).toBe(1);
      await vi.advanceTimersByTimeAsync(200);
      expect([...store.getState().quoteHolds()]).toEqual([[1, 1]]);
      expect(client.callsOf('quotes.unsubscribe')).toEqual([{ conIds: [2] }]);
      releasePane();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the first watchlist’s quote request before laying out a layout that answered first, but not forever', async () => {
    vi.useFakeTimers();
    try {
      const lists = [{ id: 'main', name: 'Main', items: [item(1, 'AAPL')] }];
      const client = createFakeClient({
        'watchlists.get': () => lists,
        'quotes.subscribe': () => ({ quotes: [] }),
        'layout.get': () => null,
      });
      const order: string[] = [];
      let listAnswer: (() => void) | null = null;
      const invoke = client.invoke.bind(client);
      client.invoke = ((method: Parameters<typeof invoke>[0], params: never) => {
        if (method === 'quotes.subscribe') order.push('quotes.subscribe');
        return method === 'watchlists.get'
          ? new Promise<unknown>((res) => (listAnswer = () => res(invoke(method, params))))
          : invoke(method, params);
      }) as typeof client.invoke;
      const store = createAppStore(client);
      store.subscribe((s, prev) => {
        if (s.layout !== prev.layout) order.push('workspace laid out');
      });
      store.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(100);
      expect(order).toEqual([]);
      listAnswer!();
      await vi.advanceTimersByTimeAsync(0);
      expect(order).toEqual(['quotes.subscribe', 'workspace laid out']);

      // A list that never answers holds the first layout up for a moment only.
      const stuck = createFakeClient({ 'layout.get': () => null });
      stuck.invoke = ((method: Parameters<typeof invoke>[0], params: never) =>
        method === 'watchlists.get'
          ? new Promise<unknown>(() => undefined)
          : createFakeClient({ 'layout.get': () => null }).invoke(method, params)) as typeof stuck.invoke;
      const slow = createAppStore(stuck);
      slow.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(250);
      expect(slow.getState().layout).toBeUndefined();
      await vi.advanceTimersByTimeAsync(100);
      expect(slow.getState().layout).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds the other panes at start until the first list’s quotes with a price are in, or a second passed', async () => {
    vi.useFakeTimers();
    try {
      const quote = (last: number | null) => ({ ...emptyQuote(1, last === null ? 'pending' : 'live'), last });
      const client = createFakeClient({
        'watchlists.get': () => [{ id: 'main', name: 'Main', items: [item(1, 'AAPL')] }],
        'quotes.subscribe': () => ({ quotes: [quote(null)] }),
        'layout.get': () => null,
      });
      const store = createAppStore(client);
      expect(store.getState().startPanesHeld).toBe(false);
      store.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(0);
      // The subscription's snapshot had no price yet: still held.
      expect(store.getState().startPanesHeld).toBe(true);
      store.getState().quotesArrived({ quotes: [quote(101.5)] });
      expect(store.getState().startPanesHeld).toBe(true);
      await vi.advanceTimersByTimeAsync(1);
      expect(store.getState().startPanesHeld).toBe(false);

      // Quotes that never come hold nothing for longer than a second.
      const quiet = createAppStore(
        createFakeClient({
          'watchlists.get': () => [{ id: 'main', name: 'Main', items: [item(1, 'AAPL')] }],
          'quotes.subscribe': () => ({ quotes: [] }),
          'layout.get': () => null,
        }),
      );
      quiet.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(990);
      expect(quiet.getState().startPanesHeld).toBe(true);
      await vi.advanceTimersByTimeAsync(20);
      expect(quiet.getState().startPanesHeld).toBe(false);

      // An empty first list holds nothing.
      const empty = createAppStore(
        createFakeClient({ 'watchlists.get': () => [], 'layout.get': () => null }),
      );
      empty.getState().transportChanged({ connected: true, reason: null });
      await vi.advanceTimersByTimeAsync(0);
      expect(empty.getState().startPanesHeld).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reloads the blotter and the portfolio when TWS becomes ready again, once', async () => {
    const client = createFakeClient({ 'orders.list': () => [], 'executions.list': () => [] });
    const store = createAppStore(client);
    store.getState().connectionChanged(connectionStatus({ state: 'reconnecting' }));
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await settle();
    expect(client.callsOf('orders.list')).toHaveLength(1);
    expect(client.callsOf('portfolio.get')).toHaveLength(1);
  });

  it('asks again for everything after the host connection came back', async () => {
    let scans = 0;
    const client = createFakeClient({
      'quotes.subscribe': () => ({ quotes: [] }),
      'scanner.start': () => ({ scanId: `scan-${++scans}` }),
      'history.subscribe': () => ({ subId: 'h', bars: [bar(60, 1)] }),
      'news.subscribe': () => ({ subId: 'n', headlines: [], hasMore: false }),
    });
    const store = createAppStore(client);
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    await store.getState().openNews('news', item(1, 'AAPL'));
    store.getState().acquireQuotes([item(1, 'AAPL')]);
    store.getState().setPaneConfig('scanner', { running: true });
    await store.getState().restartScan('scanner');
    await store.getState().openChart('chart', item(1, 'AAPL'), '1 min');
    await settle();
    store.getState().transportChanged({ connected: false, reason: 'gone' });
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    expect(client.callsOf('quotes.subscribe')).toHaveLength(2);
    expect(client.callsOf('scanner.start')).toHaveLength(2);
    expect(store.getState().scans.scanner?.scanId).toBe('scan-2');
    expect(client.callsOf('history.subscribe')).toHaveLength(2);
    expect(client.callsOf('news.subscribe')).toHaveLength(2);
  });

  it('shows the workspace and the blotter of another profile when it becomes active', async () => {
    let layout: Record<string, unknown> | null = null;
    const client = createFakeClient({ 'layout.get': () => layout, 'settings.get': () => settings('demo') });
    const store = createAppStore(client);
    store.getState().transportChanged({ connected: true, reason: null });
    await settle();
    const generation = store.getState().layoutGeneration;
    store.getState().setSymbol('chart', item(1, 'AAPL'));
    store.setState({ liveConfirmed: true, portfolio: { positions: [], accounts: [] } });
    layout = { ibdesk: 2, dock: { grid: {} }, panes: {}, groups: { red: item(2, 'MSFT') } };
    store.getState().settingsChanged(settings('demo'));
    await settle();
    expect(store.getState().layoutGeneration).toBe(generation);
    expect(store.getState().liveConfirmed).toBe(true);
    const blotterLoads = client.callsOf('orders.list').length;
    store.getState().settingsChanged(settings('tws-paper'));
    expect(store.getState()).toMatchObject({ liveConfirmed: false, portfolio: null, orders: {} });
    await settle();
    expect(store.getState().settings?.activeProfileId).toBe('tws-paper');
    expect(store.getState().layoutGeneration).toBe(generation + 1);
    expect(store.getState().layout).toEqual({ grid: {} });
    expect(store.getState().groupSymbols.red?.symbol).toBe('MSFT');
    expect(client.callsOf('orders.list')).toHaveLength(blotterLoads + 1);
  });
  it('asks again for the charts and news it shows when another profile becomes the data source, not on a reconnect', async () => {
    let source = 'demo';
    const client = createFakeClient({
      'history.subscribe': () => ({ subId: `h-${source}`, bars: [bar(60, source === 'demo' ? 100 : 200)] }),
      'news.subscribe': () => ({ subId: `n-${source}`, headlines: [], hasMore: false }),
      'orders.list': () => [],
      'executions.list': () => [],
    });
    const store = createAppStore(client);
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await store.getState().openChart('chart', item(1, 'AAPL'), '1 min');
    await store.getState().openNews('news', item(1, 'AAPL'));
    await settle();
    // A reconnect of the same profile keeps them: main replays the streams it holds.
    store.getState().connectionChanged(connectionStatus({ state: 'reconnecting' }));
    store.getState().connectionChanged(connectionStatus({ state: 'ready' }));
    await settle();
    expect(client.callsOf('history.subscribe')).toHaveLength(1);
    expect(client.callsOf('news.subscribe')).toHaveLength(1);
    expect(store.getState().charts.chart?.bars.map((b) => b.close)).toEqual([100]);
    // The same chart pane open in the Replay profile's workspace: the Demo bars go, the Replay ones come.
    source = 'replay';
    store.getState().connectionChanged(connectionStatus({ state: 'connecting', profileId: 'replay' }));
    await settle();
    expect(client.callsOf('history.unsubscribe')).toEqual([{ subId: 'h-demo' }]);
    expect(client.callsOf('history.subscribe')).toHaveLength(2);
    expect(client.callsOf('news.subscribe')).toHaveLength(2);
    expect(store.getState().charts.chart).toMatchObject({ subId: 'h-replay', status: 'live' });
    expect(store.getState().charts.chart?.bars.map((b) => b.close)).toEqual([200]);
    // Another recording on the same Replay profile is another source too.
    source = 'replay-2';
    store.getState().connectionChanged(
      connectionStatus({
        state: 'connecting',
        profileId: 'replay',
        source: 'replay:/data/recordings/tuesday.ibdrec',
      }),
    );
    await settle();
    expect(client.callsOf('history.subscribe')).toHaveLength(3);
    expect(store.getState().charts.chart).toMatchObject({ subId: 'h-replay-2', status: 'live' });
  });
});
