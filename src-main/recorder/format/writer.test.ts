// The writer: what goes in comes out (fields, socket bytes cut anywhere, requests), blocks are sealed by size and
// by timer, parts rotate, a slow disk costs dropped records with a gap record instead of memory, and a failing
// disk stops the writer with one error report while the caller never sees an exception.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { quoteTraffic } from '../../../tests/support/quote-traffic';
import { RecordingError } from './errors';
import { bufferSource, openRecording } from './reader';
import type { RequestBody } from './mask';
import type { RecordingEntry, RequestRecord } from './records';
import { partFileName, type WriterFile, type WriterFs } from './part-files';
import {
  createRecordingWriter,
  type CheckpointSource,
  type RecordingWriter,
  type RecordingWriterOptions,
} from './writer';

/** An in-memory disk: files as byte arrays, with a byte budget (ENOSPC past it) and writes that can be held. */
function memFs(opts: { capacity?: number; failTruncate?: boolean; failOpen?: string } = {}) {
  const files = new Map<string, Buffer>();
  let used = 0;
  let held: (() => void)[] | null = null;
  const fs: WriterFs = {
    mkdir: async () => undefined,
    unlink: async (f) => {
      const b = files.get(f);
      if (b) used -= b.length;
      files.delete(f);
    },
    open: async (name): Promise<WriterFile> => {
      if (opts.failOpen) throw Object.assign(new Error(opts.failOpen), { code: opts.failOpen });
      if (files.has(name)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      files.set(name, Buffer.alloc(0));
      return {
        write: async (data) => {
          if (held) await new Promise<void>((r) => held!.push(r));
          const room = (opts.capacity ?? Infinity) - used;
          if (room <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          const n = Math.min(room, data.length);
          files.set(name, Buffer.concat([files.get(name)!, Buffer.from(data.subarray(0, n))]));
          used += n;
          return { bytesWritten: n };
        },
        truncate: async (len) => {
          if (opts.failTruncate) throw Object.assign(new Error('io'), { code: 'EIO' });
          const b = files.get(name)!;
          used -= b.length - len;
          files.set(name, b.subarray(0, len));
        },
        close: async () => undefined,
      };
    },
  };
  return {
    fs,
    files,
    hold: () => {
      held = [];
    },
    release: () => {
      const h = held ?? [];
      held = null;
      for (const r of h) r();
    },
  };
}

async function readAll(file: Buffer): Promise<RecordingEntry[]> {
  const r = await openRecording(bufferSource(file));
  const out: RecordingEntry[] = [];
  for await (const e of r.entries()) out.push(e);
  return out;
}

const base = { dir: '/rec', base: 's', appVersion: '0.1.0', serverVersion: 176 };

/** A writer on an in-memory disk (`disk` its limits and faults), its manual clock at 1,000,000 ms. */
function memWriter(
  opts: Partial<RecordingWriterOptions> = {},
  disk: Parameters<typeof memFs>[0] = {},
): { clock: ReturnType<typeof createManualClock>; m: ReturnType<typeof memFs>; w: RecordingWriter } {
  const clock = createManualClock(1_000_000);
  const m = memFs(disk);
  return { clock, m, w: createRecordingWriter({ ...base, clock, fs: m.fs, ...opts }) };
}

/** A message as it comes off the socket: 4-byte length, then its fields each followed by NUL. */
function frameOf(fields: readonly string[]): Buffer {
  const body = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

describe('recording writer', () => {
  it('writes fields, socket bytes cut anywhere and requests, and reads them back in order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(200), { maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        async (cuts, blockRecords) => {
          const clock = createManualClock(Date.UTC(2026, 6, 9, 13, 30));
          const m = memFs();
          const w = createRecordingWriter({ ...base, clock, fs: m.fs, keep: true, blockRecords });
          const msgs = [...quoteTraffic({ count: 150, symbols: 5 })];
          const expected: RecordingEntry[] = [];
          // The first half as field arrays, the second as one socket byte stream cut at the generated offsets.
          for (const x of msgs.slice(0, 75)) {
            w.incoming(x.fields, x.t);
            expected.push({ type: 'in', t: x.t, fields: x.fields });
          }
          w.request(
            { kind: 'reqMktData', reqId: 1001, contract: { conId: 265598, symbol: 'AAPL' } },
            msgs[75]!.t,
          );
          expected.push({
            type: 'req',
            t: msgs[75]!.t,
            kind: 'reqMktData',
            reqId: 1001,
            contract: { conId: 265598, symbol: 'AAPL' },
          });
          const t1 = msgs[75]!.t;
          const stream = Buffer.concat(
            msgs.slice(75).map((x) => {
              const body = Buffer.from(x.fields.map((f) => `${f}\0`).join(''), 'latin1');
              const len = Buffer.alloc(4);
              len.writeUInt32BE(body.length);
              expected.push({ type: 'in', t: t1, fields: x.fields });
              return Buffer.concat([len, body]);
            }),
          );
          let at = 0;
          for (const c of [...cuts].sort((a, b) => a - b)) {
            const to = Math.min(stream.length, c * 20);
            w.incomingBytes(stream.subarray(at, Math.max(at, to)), t1);
            at = Math.max(at, to);
          }
          w.incomingBytes(stream.subarray(at), t1);
          const stats = await w.close();
          expect(stats).toMatchObject({ state: 'closed', records: 151, dropped: 0, rejected: 0 });
          const file = m.files.get(path.join('/rec', partFileName('s', 1)))!;
          const r = await openRecording(bufferSource(file));
          expect(r).toMatchObject({ ended: true, truncated: false, damage: [] });
          expect(r.meta).toMatchObject({ serverVersion: 176, masked: false, appVersion: '0.1.0', part: 1 });
          expect(await readAll(file)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('seals a block after flushMs, so a crash loses at most that much', async () => {
    const { clock, m, w } = memWriter({ flushMs: 500 });
    w.incoming(['1', '6', '1001', '1', '187.25', '100', '1']);
    await new Promise((r) => setImmediate(r));
    expect(m.files.size).toBe(0);
    clock.advance(500);
    await w.flush(); // nothing new to seal: waits for the timer's block to reach the disk
    const file = m.files.get(path.join('/rec', partFileName('s', 1)))!;
    const r = await openRecording(bufferSource(file));
    expect(r).toMatchObject({ ended: false, truncated: false, recordCount: 1 });
  });

  it('rotates parts at partBytes and keeps the newest maxParts', async () => {
    const { m, w } = memWriter({ partBytes: 2000, maxParts: 2, blockRecords: 200 });
    const msgs = [...quoteTraffic({ count: 3000 })];
    for (const x of msgs) w.incoming(x.fields, x.t);
    const stats = await w.close();
    expect(stats.files.length).toBeGreaterThan(3);
    expect([...m.files.keys()]).toEqual(stats.files.slice(-2));
    const parts = await Promise.all([...m.files.values()].map((b) => openRecording(bufferSource(b))));
    expect(parts.map((p) => p.meta.part)).toEqual([stats.files.length - 1, stats.files.length]);
    expect(parts[0]!.meta.session).toBe(parts[1]!.meta.session);
    // Every part ends with its end marker (a part gets it before the next one starts).
    for (const p of parts) expect(p).toMatchObject({ ended: true, truncated: false, damage: [] });
    // Every kept part reads whole; together they end with the last message written.
    const tail = [
      ...(await readAll([...m.files.values()][0]!)),
      ...(await readAll([...m.files.values()][1]!)),
    ];
    expect(tail.at(-1)).toEqual({ type: 'in', t: msgs.at(-1)!.t, fields: msgs.at(-1)!.fields });
    for (const [i, e] of tail.entries()) if (i > 0) expect(e.t).toBeGreaterThanOrEqual(tail[i - 1]!.t);
  });

  it('stops on a full disk: one error report, no exception to the caller, the file readable to its last block', async () => {
    for (const failTruncate of [false, true]) {
      const errors: RecordingError[] = [];
      const { m, w } = memWriter(
        {
          blockRecords: 100,
          onError: (e) => {
            errors.push(e);
            throw new Error('a throwing notice must not reach the caller');
          },
        },
        { capacity: 6000, failTruncate },
      );
      const msgs = [...quoteTraffic({ count: 5000 })];
      for (const [i, x] of msgs.entries()) {
        expect(() => w.incoming(x.fields, x.t)).not.toThrow();
        // Let the disk work now and then, as the event loop would between socket reads.
        if (i % 100 === 0) await new Promise((r) => setImmediate(r));
      }
      const stats = await w.close();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(RecordingError);
      expect(errors[0]!.code).toBe('DISK_FULL');
      expect(stats.state).toBe('stopped');
      expect(stats.rejected).toBeGreaterThan(0);
      const file = m.files.get(path.join('/rec', partFileName('s', 1)))!;
      const r = await openRecording(bufferSource(file));
      // With the partial block cut off the file ends clean; without, it reads as truncated. Either way every
      // complete block reads and nothing is reported damaged.
      expect(r.truncated).toBe(failTruncate);
      expect(r.ended).toBe(false);
      expect(r.damage).toEqual([]);
      const got = await readAll(file);
      expect(got.length).toBe(r.recordCount);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(msgs.slice(0, got.length).map((x) => ({ type: 'in', t: x.t, fields: x.fields })));
    }
  });

  it('stops with WRITE_FAILED when the file cannot be opened', async () => {
    const m = memFs({ failOpen: 'EACCES' });
    const errors: RecordingError[] = [];
    const w = createRecordingWriter({
      ...base,
      clock: createManualClock(),
      fs: m.fs,
      onError: (e) => errors.push(e),
    });
    w.incoming(['1', '6', '1', '1', '1', '1', '1']);
    await w.flush();
    w.incoming(['1', '6', '1', '1', '1', '1', '1']);
    await w.close();
    expect(errors.map((e) => e.code)).toEqual(['WRITE_FAILED']);
    expect(w.stats()).toMatchObject({ state: 'stopped', rejected: 1 });
  });

  it('drops records with a counted gap when the disk falls behind, instead of growing without bound', async () => {
    const { m, w } = memWriter({ keep: true, blockRecords: 100, maxPendingBytes: 4000 });
    m.hold();
    const msgs = [...quoteTraffic({ count: 3000 })];
    for (const x of msgs.slice(0, 2000)) w.incoming(x.fields, x.t);
    const dropped = w.stats().dropped;
    expect(dropped).toBeGreaterThan(1000);
    m.release();
    await w.flush();
    // Fewer than a block: nothing new is sealed before close, so nothing more can be dropped.
    for (const x of msgs.slice(2000, 2050)) w.incoming(x.fields, x.t);
    const stats = await w.close();
    expect(stats.dropped).toBe(dropped);
    const got = await readAll([...m.files.values()][0]!);
    const gaps = got.filter((e) => e.type === 'gap');
    expect(gaps).toEqual([
      { type: 'gap', t: msgs[2000]!.t, dropped, since: expect.any(Number), reason: 'queue-full' },
    ]);
    // What was kept is the stream minus one contiguous run, and the gap sits where the run was.
    const kept = got.filter((e) => e.type === 'in');
    expect(kept.length + dropped).toBe(2050);
    const gapAt = got.findIndex((e) => e.type === 'gap');
    expect(got.slice(gapAt + 1).map((e) => (e.type === 'in' ? e.fields : null))).toEqual(
      msgs.slice(2000, 2050).map((x) => x.fields),
    );
    expect(got.slice(0, gapAt).map((e) => (e.type === 'in' ? e.fields : null))).toEqual(
      msgs.slice(0, gapAt).map((x) => x.fields),
    );
  });

  it('refuses a record it cannot encode without throwing', async () => {
    const m = memFs();
    const w = createRecordingWriter({ ...base, clock: createManualClock(), fs: m.fs });
    expect(() => w.incoming(['1', '6'], 1.5)).not.toThrow();
    expect(() => w.incoming(['a\0b'], 1)).not.toThrow();
    expect(w.stats()).toMatchObject({ state: 'recording', rejected: 2, records: 0 });
  });

  it('masks account ids and order details unless asked to keep them', async () => {
    for (const keep of [false, true]) {
      const m = memFs();
      const w = createRecordingWriter({ ...base, clock: createManualClock(), fs: m.fs, keep });
      w.incoming(['15', '1', 'DU1234567,DU7654321']);
      w.incoming(['3', '7', 'Filled', '100', '0', '187.25', '99', '0', '187.25', '0', '', '0']);
      const frame = Buffer.from('6\x002\x00NetLiquidation\x00125000.5\x00USD\x00DU1234567\x00', 'latin1');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(frame.length);
      w.incomingBytes(Buffer.concat([len, frame]));
      w.request({
        kind: 'placeOrder',
        reqId: 7,
        params: { account: 'DU7654321', lmtPrice: 187.25, totalQuantity: 100 },
      });
      await w.close();
      const file = [...m.files.values()][0]!;
      const r = await openRecording(bufferSource(file));
      expect(r.meta.masked).toBe(!keep);
      const text = JSON.stringify(await readAll(file));
      expect(text.includes('DU1234567')).toBe(keep);
      expect(text.includes('DU7654321')).toBe(keep);
      expect(text.includes('125000.5')).toBe(keep);
      expect(text.includes('187.25')).toBe(keep);
      if (!keep) expect(text).toContain('DU0000001,DU0000002');
    }
  });
});

/** A checkpoint source that keeps what it is fed; its checkpoint says how many records it had seen, and which. */
function countingSource(every: number) {
  const fed: { what: 'in' | 'req'; t: number; fields?: readonly string[]; r?: RequestBody }[] = [];
  const source: CheckpointSource = {
    every,
    incoming: (fields, t) => void fed.push({ what: 'in', t, fields }),
    request: (r, t) => void fed.push({ what: 'req', t, r }),
    checkpoint: () => ({ kind: 'checkpoint', reqId: null, params: { seen: fed.length } }),
  };
  return { fed, source };
}

const checkpointsOf = (es: readonly RecordingEntry[]) =>
  es.filter((e): e is RequestRecord => e.type === 'req' && e.kind === 'checkpoint');

describe('recording writer with checkpoints', () => {
  it('writes one every `every` ms of recording time, before the record that made it due, from what went before', async () => {
    const m = memFs();
    const { fed, source } = countingSource(60_000);
    const w = createRecordingWriter({ ...base, clock: createManualClock(), fs: m.fs, checkpoints: source });
    // 5 minutes of 10 messages a second (one every 100 ms), socket bytes and fields alike.
    const msgs = [...quoteTraffic({ count: 3000, symbols: 5, messagesPerSecond: 2 })];
    const t0 = msgs[0]!.t;
    msgs.forEach((x, i) => (i % 2 ? w.incoming(x.fields, x.t) : w.incomingBytes(frameOf(x.fields), x.t)));
    await w.close();
    const es = await readAll([...m.files.values()][0]!);
    const cps = checkpointsOf(es);
    // The first record sets the clock going: one at each whole minute after it that the traffic reached.
    const due = [1, 2, 3, 4].map((k) => msgs.find((x) => x.t >= t0 + k * 60_000)!.t);
    expect(cps.map((c) => c.t)).toEqual(due);
    for (const c of cps) {
      const at = es.indexOf(c);
      // Written before the first record of its time, and made of every record before it.
      expect(es[at + 1]!.t).toBe(c.t);
      expect(es.slice(0, at).every((e) => e.t <= c.t)).toBe(true);
      expect(c.params).toEqual({ seen: at - es.slice(0, at).filter((e) => e.type === 'req').length });
    }
    // The source saw every message, as it went in.
    expect(fed.map((f) => f.fields)).toEqual(msgs.map((x) => x.fields));
  });

  it('feeds the source what the file holds: masked unless kept', async () => {
    for (const keep of [false, true]) {
      const m = memFs();
      const { fed, source } = countingSource(60_000);
      const w = createRecordingWriter({
        ...base,
        clock: createManualClock(),
        fs: m.fs,
        keep,
        checkpoints: source,
      });
      w.incomingBytes(frameOf(['4', '2', '7', '200', 'No security definition for DU1234567']));
      w.incoming(['6', '2', 'NetLiquidation', '125000.5', 'USD', 'DU1234567']);
      w.request({ kind: 'reqContractDetails', reqId: 7, params: { account: 'DU1234567', price: 1.5 } });
      await w.close();
      const seen = JSON.stringify(fed);
      expect(seen.includes('DU1234567')).toBe(keep);
      expect(seen.includes('125000.5')).toBe(keep);
      const stored = (await readAll([...m.files.values()][0]!)).map((e) =>
        e.type === 'in'
          ? e.fields
          : e.type === 'req'
            ? { kind: e.kind, reqId: e.reqId, params: e.params }
            : e,
      );
      expect(fed.map((f) => f.fields ?? f.r)).toEqual(stored);
    }
  });

  it('starts every new part with a checkpoint, so a part replayed alone knows what was live', async () => {
    const m = memFs();
    const { source } = countingSource(60_000);
    const w = createRecordingWriter({
      ...base,
      clock: createManualClock(),
      fs: m.fs,
      partBytes: 12_000,
      blockBytes: 400,
      checkpoints: source,
    });
    let n = 0;
    for (const x of quoteTraffic({ count: 15_000 })) {
      // Once, early in a part, a block bigger than a part: it cannot start one (it does not open with a
      // checkpoint), so the part runs over until a block that does.
      if (n === 7010)
        w.request({ kind: 'x', reqId: 1, params: { blob: randomBytes(15_000).toString('base64') } }, x.t);
      w.incoming(x.fields, x.t);
      // A disk that keeps up (blocks waiting for it count in full against the part, see checkpointDue).
      if (++n % 25 === 0) await w.flush();
    }
    const stats = await w.close();
    expect(stats.files.length).toBeGreaterThan(3);
    let opening = 0;
    for (const [i, f] of stats.files.entries()) {
      const r = await openRecording(bufferSource(m.files.get(f)!));
      const es = await readAll(m.files.get(f)!);
      if (i > 0) expect(es[0]).toMatchObject({ type: 'req', kind: 'checkpoint' });
      opening += checkpointsOf(es).length;
      // Only the blocks near a part's end open with one: the rest of the part pays nothing.
      if (i < stats.files.length - 1) expect(checkpointsOf(es).length).toBeLessThan(r.blocks.length / 4);
    }
    expect(opening).toBeGreaterThanOrEqual(stats.files.length - 1);
  });
});

describe('recording writer on the real file system', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes a part file a reader opens by path', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ibdrec-'));
    const w = createRecordingWriter({ ...base, dir, clock: createManualClock(), keep: true });
    const msgs = [...quoteTraffic({ count: 20_000 })];
    for (const x of msgs) w.incoming(x.fields, x.t);
    const stats = await w.close();
    expect(await readdir(dir)).toEqual([partFileName('s', 1)]);
    expect((await readFile(stats.files[0]!)).length).toBe(stats.bytes);
    const r = await openRecording(stats.files[0]!);
    try {
      expect(r.recordCount).toBe(20_000);
      const from = msgs[12_345]!.t;
      const first = await r.entries({ from }).next();
      expect(first.value).toEqual({ type: 'in', t: from, fields: msgs.find((x) => x.t >= from)!.fields });
    } finally {
      await r.close();
    }
  });
});
