import { describe, expect, it } from 'vitest';
import { bindEvents } from '../api/bind-events';
import { createFakeClient, settle } from '../../tests/support/renderer/fake-client';
import { connectionStatus, row } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { applyScanSnapshot, idleScan, scanConfigOf, ENTERED_HIGHLIGHT_MS } from './scanner-slice';

const snap = (rows: ReturnType<typeof row>[], entered: number[], left: number[], at = 1000) => ({
  scanId: 's1',
  rows,
  entered,
  left,
  at,
});

describe('applyScanSnapshot', () => {
  it('fills the table from the first snapshot without calling every row an entry', () => {
    const v = applyScanSnapshot(idleScan(), snap([row(1, 10, 'AAA'), row(2, 20, 'BBB')], [10, 20], []));
    expect(v.rows).toHaveLength(2);
    expect(v.activity).toEqual([]);
    expect(v.enteredAt).toEqual({});
    expect(v.status).toBe('running');
  });

  it('re-ranks, highlights entries and lists entries and exits', () => {
    let v = applyScanSnapshot(idleScan(), snap([row(1, 10, 'AAA'), row(2, 20, 'BBB')], [10, 20], []));
    v = applyScanSnapshot(v, snap([row(1, 20, 'BBB'), row(2, 30, 'CCC')], [30], [10], 2000));
    expect(v.rows.map((r) => r.contract.symbol)).toEqual(['BBB', 'CCC']);
    expect(v.prevRanks[20]).toBe(2);
    expect(v.enteredAt).toEqual({ 30: 2000 });
    expect(v.activity.map((a) => `${a.symbol} ${a.kind} ${a.rank}`)).toEqual(['CCC entered 2', 'AAA left 1']);
    // The highlight fades after ENTERED_HIGHLIGHT_MS.
    v = applyScanSnapshot(
      v,
      snap([row(1, 20, 'BBB'), row(2, 30, 'CCC')], [], [], 2000 + ENTERED_HIGHLIGHT_MS),
    );
    expect(v.enteredAt).toEqual({});
    expect(v.activity).toHaveLength(2);
  });

  it('marks a scan stopped by TWS with the reason and its code', () => {
    const v = applyScanSnapshot(
      { ...idleScan(), scanId: 's1', status: 'running' },
      {
        ...snap([], [], []),
        stopped: { reason: 'Scanner subscription cancelled', twsCode: 162 },
      },
    );
    expect(v).toMatchObject({
      status: 'stopped',
      scanId: null,
      message: 'Scanner subscription cancelled (TWS 162)',
    });
  });
});

describe('scanner store', () => {
  it('starts a scan for a pane, routes its snapshots there and stops it in main', async () => {
    const client = createFakeClient({
      'scanner.start': () => ({ scanId: 'scan-7' }),
      'scanner.stop': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    await store.getState().startScan('scanner', {
      scanCode: 'TOP_PERC_GAIN',
      instrument: 'STK',
      location: 'STK.US.MAJOR',
      rows: 20,
      filters: {},
    });
    expect(client.callsOf('scanner.start')[0]).toMatchObject({
      scanCode: 'TOP_PERC_GAIN',
      rows: 20,
      withQuotes: true,
    });
    client.emit('scan', { ...snap([row(1, 10, 'AAA')], [10], []), scanId: 'scan-7' });
    client.emit('scan', { ...snap([row(1, 99, 'ZZZ')], [99], []), scanId: 'other' });
    expect(store.getState().scans.scanner?.rows.map((r) => r.contract.symbol)).toEqual(['AAA']);
    await store.getState().stopScan('scanner');
    expect(client.callsOf('scanner.stop')).toEqual([{ scanId: 'scan-7' }]);
    expect(store.getState().scans.scanner?.status).toBe('stopped');
  });

  it('shows why a scan could not start, and starts it again when TWS is back', async () => {
    let up = false;
    const client = createFakeClient({
      'scanner.start': () =>
        up ? { scanId: 'scan-1' } : { error: { code: 'NOT_CONNECTED', message: 'Not connected to TWS' } },
    });
    const store = createAppStore(client);
    bindEvents(store);
    await settle(); // the initial load (no saved workspace here)
    store.getState().setPaneConfig('scanner', { running: true, scanCode: 'MOST_ACTIVE' });
    await store.getState().restartScan('scanner');
    expect(store.getState().scans.scanner).toMatchObject({
      status: 'error',
      message: 'Not connected to TWS',
    });
    up = true;
    client.emit('connection', connectionStatus());
    await settle();
    expect(store.getState().scans.scanner).toMatchObject({ status: 'running', scanId: 'scan-1' });
    expect((client.callsOf('scanner.start')[1] as { scanCode: string }).scanCode).toBe('MOST_ACTIVE');
  });

  it('reads saved scan settings defensively', () => {
    expect(scanConfigOf({ scanCode: 'bad code!', rows: 500, running: 'yes' })).toEqual({
      scanCode: 'TOP_PERC_GAIN',
      instrument: 'STK',
      location: 'STK.US.MAJOR',
      rows: 50,
      filters: {},
      running: false,
    });
  });
});
