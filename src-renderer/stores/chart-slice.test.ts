import { describe, expect, it } from 'vitest';
import { bindEvents } from '../api/bind-events';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { bar, item } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { barsSince, boundSeries, MAX_LIVE_BARS } from './bar-series';
import { durationFor } from './chart-slice';
import { mergeLiveBars, prependPage } from './bar-series';
import { studyLabel } from '../../src-shared/domain/studies';
import { studiesOf } from './chart-studies';
import { buildWorkspace, parseWorkspace } from './workspace-doc';

describe('bar series', () => {
  it('merges live bars: replaces the last, appends a new one, revises an older one in place', () => {
    const s = [bar(60, 1), bar(120, 2)];
    expect(mergeLiveBars(s, [bar(120, 3)]).map((b) => b.close)).toEqual([1, 3]);
    expect(mergeLiveBars(s, [bar(120, 3), bar(180, 4)]).map((b) => b.time)).toEqual([60, 120, 180]);
    expect(mergeLiveBars(s, [bar(60, 9)]).map((b) => b.close)).toEqual([9, 2]);
    expect(s.map((b) => b.close)).toEqual([1, 2]);
  });

  it('joins an older page in front without overlap', () => {
    const { bars, added } = prependPage([bar(0, 0), bar(60, 1), bar(120, 9)], [bar(120, 2), bar(180, 3)]);
    expect(bars.map((b) => b.time)).toEqual([0, 60, 120, 180]);
    expect(bars[2]!.close).toBe(2);
    expect(added).toBe(2);
  });

  it('bounds a series, dropping the oldest bars', () => {
    const many = Array.from({ length: MAX_LIVE_BARS + 1 }, (_, i) => bar(i * 60, i));
    const { bars, trimmed } = boundSeries(many);
    expect(trimmed).toBe(true);
    expect(bars.length).toBeLessThan(MAX_LIVE_BARS);
    expect(bars[bars.length - 1]!.time).toBe(MAX_LIVE_BARS * 60);
    expect(boundSeries(many.slice(0, 10)).trimmed).toBe(false);
  });

  it('tells which bars a chart still has to draw', () => {
    const s = [bar(60, 1), bar(120, 2), bar(180, 3)];
    expect(barsSince(s, null)).toHaveLength(3);
    expect(barsSince(s, 120).map((b) => b.time)).toEqual([120, 180]);
    expect(barsSince(s, 180).map((b) => b.time)).toEqual([180]);
  });

  it('asks for about a thousand bars per page', () => {
    expect(durationFor('1 min')).toBe('60000 S');
    expect(durationFor('5 mins')).toBe('4 D');
    expect(durationFor('1 day')).toBe('3 Y');
  });
});

describe('chart store', () => {
  it('loads history with a live subscription, applies `bars` events and pages back', async () => {
    const client = createFakeClient({
      'history.subscribe': () => ({ subId: 'h1', bars: [bar(600, 10), bar(660, 11)] }),
      'history.get': () => ({ bars: [bar(480, 8), bar(540, 9), bar(600, 99)], fromCache: false }),
      'history.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    await store.getState().openChart('chart', item(1, 'AAPL'), '1 min');
    const first = store.getState().charts.chart!;
    expect(first).toMatchObject({ status: 'live', subId: 'h1' });
    client.emit('bars', { subId: 'h1', bars: [bar(660, 12), bar(720, 13)] });
    client.emit('bars', { subId: 'nobody', bars: [bar(780, 1)] });
    const live = store.getState().charts.chart!;
    expect(live.bars.map((b) => b.close)).toEqual([10, 12, 13]);
    expect(live.resetSeq).toBe(first.resetSeq);

    await store.getState().loadOlder('chart');
    const older = store.getState().charts.chart!;
    expect(client.callsOf('history.get')[0]).toMatchObject({ endTime: 600, barSize: '1 min' });
    expect(older.bars.map((b) => b.time)).toEqual([480, 540, 600, 660, 720]);
    expect(older.prepended).toBe(2);
    expect(older.resetSeq).toBe(live.resetSeq + 1);

    await store.getState().openChart('chart', item(2, 'MSFT'), '1 min');
    expect(client.callsOf('history.unsubscribe')).toEqual([{ subId: 'h1' }]);
    store.getState().closeChart('chart');
    await settle();
    expect(store.getState().charts.chart).toBeUndefined();
  });

  it('keeps the error and subscribes again when TWS is back', async () => {
    let up = false;
    const client = createFakeClient({
      'history.subscribe': () =>
        up
          ? { subId: 'h2', bars: [bar(60, 1)] }
          : { error: { code: 'NOT_CONNECTED', message: 'Not connected' } },
    });
    const store = createAppStore(client);
    await store.getState().openChart('chart', item(1, 'AAPL'), '5 mins');
    expect(store.getState().charts.chart).toMatchObject({ status: 'error', message: 'Not connected' });
    up = true;
    await store.getState().reopenChart('chart');
    expect(store.getState().charts.chart).toMatchObject({ status: 'live', subId: 'h2' });
  });
});

describe('chart studies in the store', () => {
  it('adds, changes and removes a chart’s studies in its pane config, which the workspace saves', () => {
    const store = createAppStore(createFakeClient({}));
    store.getState().setPaneConfig('chart', { barSize: '5 mins' });
    expect(store.getState().addStudy('chart', { kind: 'ema', params: { period: 20 } })).toBeNull();
    expect(store.getState().addStudy('chart', { kind: 'rsi' })).toBeNull();
    expect(
      store.getState().changeStudy('chart', 'ema-1', { kind: 'ema', params: { period: 50 } }),
    ).toBeNull();
    const saved = buildWorkspace({ dock: null, panes: store.getState().paneStates, groups: {} });
    const restored = parseWorkspace(JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(studiesOf(restored.panes.chart?.config).map((s) => [s.id, studyLabel(s.spec)])).toEqual([
      ['ema-1', 'EMA(50)'],
      ['rsi-1', 'RSI(14)'],
    ]);
    expect(restored.panes.chart?.config.barSize).toBe('5 mins');

    expect(store.getState().changeStudy('chart', 'rsi-1', null)).toBeNull();
    expect(studiesOf(store.getState().paneStates.chart?.config).map((s) => s.id)).toEqual(['ema-1']);
  });

  it('refuses bad params with their field issues and changes nothing', () => {
    const store = createAppStore(createFakeClient({}));
    store.getState().addStudy('chart', { kind: 'sma' });
    const before = store.getState().paneStates;
    const err = store.getState().addStudy('chart', { kind: 'bollinger', params: { period: 20, k: -1 } });
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err?.issues?.map((i) => i.path)).toEqual(['params.k']);
    expect(
      store.getState().changeStudy('chart', 'sma-1', { kind: 'sma', params: { period: 1.5 } }),
    ).toMatchObject({
      code: 'VALIDATION',
    });
    expect(store.getState().paneStates).toBe(before);
  });
});
