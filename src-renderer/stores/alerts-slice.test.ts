import { describe, expect, it } from 'vitest';
import { parseAlert, type AlertFired } from '../../src-shared/domain/alerts';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { createAppStore } from './app-store';

const AAPL = { symbol: 'AAPL', conId: 265598, secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
const alert = parseAlert({
  id: 'a1',
  createdAt: 1,
  kind: 'price-cross',
  symbol: AAPL,
  level: 100,
  linkGroup: 'blue',
});
const view = { alert, watch: 'watching' as const, note: null };
const fired: AlertFired = {
  alertId: 'a1',
  kind: 'price-cross',
  conId: AAPL.conId,
  symbol: 'AAPL',
  linkGroup: 'blue',
  at: 5,
  value: 101,
  text: 'AAPL crossed above 100 (last 101)',
  sound: false,
};

function setup(host: 'web' | 'electron') {
  const client = createFakeClient({
    'alerts.list': () => [view],
    'alerts.history': () => [],
    'alerts.create': () => view,
    'alerts.delete': () => null,
  });
  const notified: AlertFired[] = [];
  const sounds: number[] = [];
  const store = createAppStore(client, {
    notifyAlert: (f) => notified.push(f),
    playSound: () => sounds.push(sounds.length),
  });
  store.setState({ serverInfo: { version: 't', host } });
  return { client, store, notified, sounds };
}

describe('alerts slice', () => {
  it('a firing goes to the history and a toast, sets its symbol in its color group, and notifies on the web host', async () => {
    const { store, notified } = setup('web');
    store.getState().ensurePane('chart', { link: 'blue' });
    store.getState().ensurePane('ticket', { link: 'red' });
    await store.getState().loadAlerts();
    store.getState().alertFired(fired);
    const s = store.getState();
    expect(s.alertHistory).toEqual([fired]);
    expect(s.alertToasts.map((t) => t.text)).toEqual([fired.text]);
    expect(s.groupSymbols.blue).toMatchObject({ conId: AAPL.conId });
    expect(s.paneStates.chart!.symbol).toMatchObject({ symbol: 'AAPL' });
    expect(s.paneStates.ticket!.symbol).toBeNull();
    expect(notified).toEqual([fired]);
    s.dismissAlertToast(s.alertToasts[0]!.toastId);
    expect(store.getState().alertToasts).toEqual([]);
  });

  it('in Electron main shows the notification itself; the window only toasts', () => {
    const { store, notified } = setup('electron');
    store.getState().alertFired({ ...fired, linkGroup: 'none' });
    expect(notified).toEqual([]);
    expect(store.getState().alertToasts).toHaveLength(1);
    expect(store.getState().groupSymbols).toEqual({});
  });

  it('plays a sound for an alert that asked for one, in either host', () => {
    for (const host of ['web', 'electron'] as const) {
      const { store, sounds } = setup(host);
      store.getState().alertFired(fired);
      expect(sounds).toEqual([]);
      store.getState().alertFired({ ...fired, sound: true });
      expect(sounds).toHaveLength(1);
    }
  });

  it('create and delete go through the contract and update the list', async () => {
    const { client, store } = setup('web');
    const r = await store.getState().createAlert({ kind: 'price-cross', symbol: AAPL, level: 100 });
    expect(r.ok).toBe(true);
    expect(client.callsOf('alerts.create')).toEqual([
      { alert: { kind: 'price-cross', symbol: AAPL, level: 100 } },
    ]);
    expect(store.getState().alerts).toEqual([view]);
    await store.getState().deleteAlert('a1');
    await settle();
    expect(store.getState().alerts).toEqual([]);
  });
});
