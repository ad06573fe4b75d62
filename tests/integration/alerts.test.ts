// Alerts over the demo gateway (real TCP), with no window attached: an alert fires in main from the quotes main
// takes for it, once per crossing (a reconnect does not fire it again), and it and its history survive a restart
// of the host; an alert set before the restart still fires after it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertFired } from '../../src-shared/domain/alerts';
import { createDemoGateway, type DemoGateway } from '../../src-main/demo-gateway/index';
import { startHarness, type Harness } from '../support/app-harness';
import { waitFor } from '../support/wait';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' } as const;

let gw: DemoGateway;
let dataDir: string;
const harnesses: Harness[] = [];
beforeAll(async () => {
  gw = await createDemoGateway({ host: '127.0.0.1', port: 0 });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-alerts-it-'));
});
afterAll(async () => {
  for (const h of harnesses) await h.stop();
  await gw.close();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

async function start(): Promise<{ h: Harness; fired: AlertFired[] }> {
  const h = await startHarness({
    dataDir,
    demoEndpoint: async () => ({ host: gw.host, port: gw.port }),
    autoConnect: true,
  });
  harnesses.push(h);
  // Firings as main broadcasts them: the hub has no window, so this tap on the app is the only listener.
  const fired: AlertFired[] = [];
  h.app.hub.attach({
    id: 'test-tap',
    send: (events) => {
      for (const e of events) if (e.event === 'alerts.fired') fired.push(e.payload);
    },
    backlog: () => 0,
    close: () => undefined,
  });
  await waitFor(() => h.app.session.status().state === 'ready', 'ready', 20_000);
  return { h, fired };
}

async function stop(h: Harness): Promise<void> {
  harnesses.splice(harnesses.indexOf(h), 1);
  await h.stop();
}

/** AAPL's day volume now, and how fast it grows (shares per second), from two snapshots a second apart. */
async function volumePace(h: Harness): Promise<{ volume: number; perSec: number }> {
  const a = await h.app.trading.marketData.snapshot(AAPL);
  await new Promise((r) => setTimeout(r, 1000));
  const b = await h.app.trading.marketData.snapshot(AAPL);
  expect(b.volume).not.toBeNull();
  return { volume: b.volume!, perSec: Math.max(1, (b.volume! - (a.volume ?? 0)) / 1) };
}

describe('alerts in main over the demo gateway', () => {
  it('fires with no window, once across a reconnect, and survives a restart of the host', async () => {
    const first = await start();
    expect(first.h.app.hub.clientIds()).toEqual(['test-tap']);
    const pace = await volumePace(first.h);
    const soon = await first.h.app.alerts.create({
      kind: 'volume-above',
      symbol: AAPL,
      volume: Math.round(pace.volume + pace.perSec * 2),
      repeat: { mode: 'rearm', cooldownSeconds: 0 },
    });
    const later = await first.h.app.alerts.create({
      kind: 'volume-above',
      symbol: AAPL,
      volume: Math.round(pace.volume + pace.perSec * 10),
    });
    // Its own line: no window holds AAPL, the alerts do (counted in the budget).
    expect(first.h.app.trading.marketData.lines().used).toBe(1);
    // A study alert holds a live bar series instead (history + keepUpToDate), also with no window.
    const rsi = await first.h.app.alerts.create({
      kind: 'study-level',
      symbol: { ...AAPL, conId: 272093, symbol: 'MSFT' },
      study: { kind: 'rsi', params: { period: 14 } },
      level: 101,
    });
    const rsiWatch = () => first.h.app.alerts.list().find((v) => v.alert.id === rsi.alert.id)?.watch;
    await waitFor(() => rsiWatch() === 'watching', 'the RSI alert to watch its bars');
    await first.h.app.alerts.remove(rsi.alert.id);

    await waitFor(() => first.fired.length > 0, 'the first alert to fire', 20_000);
    expect(first.fired[0]).toMatchObject({ alertId: soon.alert.id, symbol: 'AAPL', kind: 'volume-above' });
    expect(first.fired[0]!.text).toMatch(/^AAPL volume [\d.e+]+ passed/);

    // A reconnect replays the line; the volume is still above, which is no new crossing.
    expect(gw.faults.dropAll()).toBeGreaterThan(0);
    await waitFor(() => first.h.app.session.status().state !== 'ready', 'the drop to be seen', 10_000);
    await waitFor(() => first.h.app.session.status().state === 'ready', 'the reconnect', 20_000);
    const watched = () => first.h.app.alerts.list().find((v) => v.alert.id === soon.alert.id)?.watch;
    await waitFor(() => watched() === 'watching', 'the line back');
    await new Promise((r) => setTimeout(r, 1000));
    expect(first.fired.filter((f) => f.alertId === soon.alert.id)).toHaveLength(1);
    const firedBefore = first.fired.filter((f) => f.alertId === later.alert.id).length;
    await first.h.app.alerts.saved();
    await stop(first.h);

    // The host restarts on the same data directory: the alerts, their state and the history come back.
    const second = await start();
    const views = second.h.app.alerts.list();
    expect(views.map((v) => v.alert.id)).toEqual([soon.alert.id, later.alert.id]);
    expect(views[0]!.alert.lastFiredAt).toBe(first.fired[0]!.at);
    expect(second.h.app.alerts.history(10).map((f) => f.alertId)).toContain(soon.alert.id);
    // Set before the restart, it fires after it: main watches it again without any window.
    expect(firedBefore).toBe(0);
    await waitFor(() => second.fired.some((f) => f.alertId === later.alert.id), 'the later alert', 30_000);
    expect(second.fired.filter((f) => f.alertId === soon.alert.id)).toEqual([]);
    expect(second.h.app.alerts.history(10).filter((f) => f.alertId === later.alert.id)).toHaveLength(1);
    expect(second.h.app.alerts.list()[1]!.watch).toBe('spent');
  }, 90_000);
});
