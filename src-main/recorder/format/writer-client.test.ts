// The worker-thread writer: a real worker (writer-host.ts in a bundled entry) writes what the app thread appended,
// masking included; when the worker falls behind, the app thread drops and counts instead of queueing, and the
// worker writes the gap; a worker error or exit stops recording with one report and no exception.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { bundle } from '../../../tests/support/bundle';
import { quoteTraffic } from '../../../tests/support/quote-traffic';
import { frame } from '../../../tests/support/tws-frames';
import type { RecordingError } from './errors';
import { readBatch, type FromWorker, type ToWorker } from './handoff';
import { openRecording } from './reader';
import type { RecordingEntry } from './records';
import { createWorkerRecordingWriter, type WorkerPort } from './writer-client';

let dir = '';
let workerFile = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdrec-worker-'));
  // The format's part of a worker entry, with nothing added (the app's entry adds checkpoints and has tests of its own).
  const entry = path.join(dir, 'plain-worker.ts');
  await writeFile(
    entry,
    `import { parentPort, workerData } from 'node:worker_threads';\n` +
      `import { hostRecordingWriter } from ${JSON.stringify(path.join(__dirname, 'writer-host.ts'))};\n` +
      `if (parentPort) hostRecordingWriter(parentPort, workerData);\n`,
  );
  workerFile = await bundle(entry, dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A worker stand-in that records the batches it is sent and answers only when told to. */
function fakePort() {
  const handlers: Record<string, ((x: never) => void)[]> = {};
  const batches: Buffer[] = [];
  const port: WorkerPort = {
    postMessage: (m: ToWorker) => {
      if (m.op === 'batch') batches.push(Buffer.from(m.buf, 0, m.len));
    },
    on: (ev: string, fn: (x: never) => void) => {
      (handlers[ev] ??= []).push(fn);
      return port;
    },
    terminate: async () => 0,
  };
  const emit = (ev: string, x: unknown): void => {
    for (const fn of handlers[ev] ?? []) fn(x as never);
  };
  return { port, batches, emit };
}

describe('worker recording writer', () => {
  it('writes from a worker thread what the app thread appended, masked by default', async () => {
    const out = await mkdtemp(path.join(dir, 'run-'));
    const w = createWorkerRecordingWriter({
      dir: out,
      base: 's',
      appVersion: '0.1.0',
      serverVersion: 176,
      clock: createManualClock(Date.UTC(2026, 6, 9, 13, 30)),
      workerFile,
      batchBytes: 4096,
    });
    const msgs = [...quoteTraffic({ count: 20_000 })];
    const expected: RecordingEntry[] = [];
    for (const [i, m] of msgs.entries()) {
      if (i % 2) w.incoming(m.fields, m.t);
      else w.incomingBytes(frame(m.fields), m.t);
      expected.push({ type: 'in', t: m.t, fields: m.fields });
    }
    const t = msgs.at(-1)!.t;
    w.incoming(['15', '1', 'DU1234567'], t);
    w.request({ kind: 'reqAccountSummary', reqId: 9, params: { account: 'DU1234567' } }, t);
    const stats = await w.close();
    expect(stats).toMatchObject({ state: 'closed', records: 20_002, dropped: 0, rejected: 0 });
    const r = await openRecording(stats.files[0]!);
    const got: RecordingEntry[] = [];
    for await (const e of r.entries()) got.push(e);
    await r.close();
    expect(r.meta.masked).toBe(true);
    expect(got.slice(0, 20_000)).toEqual(expected);
    expect(got.slice(20_000)).toEqual([
      { type: 'in', t, fields: ['15', '1', 'DU0000001'] },
      { type: 'req', t, kind: 'reqAccountSummary', reqId: 9, params: { account: 'DU0000001' } },
    ]);
  });

  it('drops and counts on the app thread when the worker falls behind, then hands the gap over', async () => {
    const clock = createManualClock(1_000_000);
    const f = fakePort();
    const w = createWorkerRecordingWriter({
      dir,
      base: 'x',
      appVersion: '0',
      serverVersion: 176,
      clock,
      workerFile: 'unused',
      spawn: () => f.port,
      batchBytes: 1000,
      maxInflightBytes: 3000,
    });
    const body = frame(['1', '6', '1001', '1', '187.25', '100', '1']);
    for (let i = 0; i < 200; i++) w.incomingBytes(body, 1_000_000 + i);
    const sent = f.batches.reduce((n, b) => n + b.length, 0);
    expect(sent).toBeLessThanOrEqual(3000);
    expect(w.stats().dropped).toBeGreaterThan(0);
    const dropped = w.stats().dropped;
    // The worker takes everything; the next append carries the gap entry ahead of itself.
    const taken: FromWorker = {
      op: 'taken',
      bytes: sent,
      stats: { records: 0, dropped: 0, rejected: 0, blocks: 0, bytes: 0, files: [], state: 'recording' },
    };
    f.emit('message', taken);
    w.incomingBytes(body, 2_000_000);
    clock.advance(50); // the handoff timer sends the batch
    const last = f.batches.at(-1)!;
    const seen: string[] = [];
    readBatch(last, last.length, {
      bytes: (_c, t) => seen.push(`bytes@${t}`),
      body: () => seen.push('body'),
      request: () => seen.push('request'),
      gap: (n, since, t) => seen.push(`gap ${n} since ${since} @${t}`),
    });
    // Records accepted before the drops, then the gap, then the record after it.
    expect(seen.at(-2)).toMatch(new RegExp(`^gap ${dropped} since 1\\d{6} @2000000$`));
    expect(seen.at(-1)).toBe('bytes@2000000');
    const since = Number(/since (\d+)/.exec(seen.at(-2)!)![1]);
    for (const e of seen.slice(0, -2)) expect(Number(e.split('@')[1])).toBeLessThan(since);
  });

  it('stops once, without throwing, when the worker reports a full disk or dies', async () => {
    for (const how of ['error', 'exit'] as const) {
      const f = fakePort();
      const errors: RecordingError[] = [];
      const w = createWorkerRecordingWriter({
        dir,
        base: 'x',
        appVersion: '0',
        serverVersion: 176,
        clock: createManualClock(),
        workerFile: 'unused',
        spawn: () => f.port,
        onError: (e) => {
          errors.push(e);
          throw new Error('the notice throws');
        },
      });
      if (how === 'error')
        f.emit('message', { op: 'error', code: 'DISK_FULL', message: 'recording stopped: the disk is full' });
      else f.emit('exit', 1);
      f.emit('exit', 1);
      expect(() => w.incoming(['1', '6', '1', '1', '1', '1', '1'])).not.toThrow();
      expect(errors.map((e) => e.code)).toEqual([how === 'error' ? 'DISK_FULL' : 'WRITE_FAILED']);
      expect(w.stats()).toMatchObject({ state: 'stopped', rejected: 1 });
      await w.close();
    }
  });
});
