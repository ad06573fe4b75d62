// "Record this session" over real TCP: the app on the Demo profile records quotes, bars, a scan and an order from
// the embedded demo gateway; the file reads back with the recording format's reader, with the account masked. And
// a disk that fills up mid-session: the recording stops with a notice, the order still goes out and fills.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-shared/clock';
import { createDemoEndpoint } from '../../src-main/demo-profile';
import {
  createRecordingWriter,
  openRecording,
  type RecordingEntry,
  type WriterFs,
} from '../../src-main/recorder/format';
import type { Harness } from '../support/app-harness';
import { ApiClient, buyAaplAndFill, callOk, eventsOf, startHarness } from '../support/app-harness';
import { waitFor } from '../support/wait';

let h: Harness | null = null;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  // The app first, then its demo gateway.
  for (const stop of stops.splice(0).reverse()) await stop();
  h = null;
});

const call = callOk;
const of = eventsOf;

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };

/** Connects the Demo profile with "Record this session" on (masked). */
async function recordingSession(app: NonNullable<Parameters<typeof startHarness>[0]>['app'] = {}) {
  const demo = createDemoEndpoint();
  stops.push(() => demo.stop());
  h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: false, app });
  stops.push(h.stop);
  const c = await ApiClient.open(h.host);
  await call(c, 'settings.set', { recording: { demo: { record: true, keep: false } } });
  await call(c, 'connection.connect', {});
  await waitFor(() => of(c, 'connection').some((e) => e.payload.state === 'ready'), 'ready', 20_000);
  return c;
}

describe('recording a session', () => {
  it('records quotes, bars, a scan and an order; the file reads back, the account masked', async () => {
    const c = await recordingSession();
    const status = await call<{ accounts: string[] }>(c, 'connection.status');
    const account = status.accounts[0]!;
    expect(account).toMatch(/^DU\d{7}$/);

    await call(c, 'quotes.subscribe', { contracts: [AAPL] });
    await waitFor(
      () => of(c, 'quotes').some((e) => e.payload.quotes.some((q) => q.conId === 265598 && q.last !== null)),
      'a live AAPL quote',
    );
    await call(c, 'history.get', { contract: AAPL, barSize: '5 mins', duration: '1 D' });
    const { scanId } = await call<{ scanId: string }>(c, 'scanner.start', {
      scanCode: 'HOT_BY_VOLUME',
      rows: 10,
    });
    await waitFor(() => of(c, 'scan').some((e) => e.payload.scanId === scanId), 'scan rows');
    await buyAaplAndFill(c, 3);
    await waitFor(() => of(c, 'recording').some((e) => e.payload.bytes > 0), 'the recording on disk');

    const recording = await call<{ state: string; file: string; keep: boolean }>(c, 'recording.status');
    expect(recording).toMatchObject({ state: 'recording', keep: false });
    expect(path.dirname(recording.file)).toBe(path.join(h!.dataDir, 'recordings'));
    await h!.app.recorder.stop('test done');

    const r = await openRecording(recording.file);
    const entries: RecordingEntry[] = [];
    for await (const e of r.entries()) entries.push(e);
    expect(r.meta.masked).toBe(true);
    expect(r.ended).toBe(true);
    await r.close();

    const requests = entries.flatMap((e) => (e.type === 'req' ? [e] : []));
    const kinds = new Set(requests.map((q) => q.kind));
    for (const k of ['reqMktData', 'reqHistoricalData', 'reqScannerSubscription', 'placeOrder'])
      expect(kinds, k).toContain(k);
    expect(requests.find((q) => q.kind === 'reqMktData')!.contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
    });
    // The order's details are masked: its quantity is 0 in the file.
    expect(JSON.stringify(requests.find((q) => q.kind === 'placeOrder')!.params)).not.toMatch(
      /"totalQuantity":3\b/,
    );

    const incoming = entries.flatMap((e) => (e.type === 'in' ? [e] : []));
    const ids = new Set(incoming.map((m) => m.fields[0]));
    // tickPrice, historicalData, scannerData, openOrder, orderStatus, execDetails, managedAccounts.
    for (const id of ['1', '17', '20', '5', '3', '11', '15']) expect(ids, `message ${id}`).toContain(id);
    const accounts = incoming.find((m) => m.fields[0] === '15')!;
    expect(accounts.fields[2]).toMatch(/^DU0+1$/);
    expect(JSON.stringify(entries)).not.toContain(account);
    // Timestamped at receipt, in order.
    const times = entries.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 60_000);

  it('a full disk stops the recording with a notice; orders still go out and fill', async () => {
    let written = 0;
    let full = false;
    const fs: WriterFs = {
      mkdir: (dir, o) => import('node:fs/promises').then((m) => m.mkdir(dir, o)),
      open: async (file, flags) => {
        const f = await (await import('node:fs/promises')).open(file, flags);
        return {
          write: async (data) => {
            if (full)
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            written += data.length;
            return f.write(data);
          },
          truncate: (n) => f.truncate(n),
          close: () => f.close(),
        };
      },
      unlink: (file) => import('node:fs/promises').then((m) => m.unlink(file)),
    };
    const c = await recordingSession({
      recorder: {
        makeWriter: (spec) =>
          createRecordingWriter({ ...spec, appVersion: 'test', clock: systemClock, fs, flushMs: 50 }),
      },
    });
    await call(c, 'quotes.subscribe', { contracts: [AAPL] });
    await waitFor(() => written > 0, 'the recording reaching the disk');
    full = true;
    await waitFor(
      () =>
        of(c, 'notice').some(
          (e) => e.payload.title === 'Recording stopped' && /disk is full/.test(e.payload.message),
        ),
      'the notice',
    );
    await waitFor(() => of(c, 'recording').some((e) => e.payload.state === 'stopped'), 'the stopped state');
    expect((await call<{ state: string; reason: string }>(c, 'recording.status')).reason).toMatch(
      /disk is full/,
    );

    const id = await buyAaplAndFill(c, 3);
    expect(id).toBeGreaterThan(0);
    expect(await readdir(path.join(h!.dataDir, 'recordings'))).toHaveLength(1);
  }, 60_000);
});
