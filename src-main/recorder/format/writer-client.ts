// The app-side half of a recording writer that runs in a worker thread: append costs a copy into a batch buffer
// (no encoding, masking or compression on the app's thread), batches are transferred to the worker every
// `handoffMs` or when full. If the worker falls behind by more than `maxInflightBytes`, appends are dropped and
// counted here, and the worker writes the gap. Same interface and guarantees as the in-thread writer.
import { Worker } from 'node:worker_threads';
import { RecordingError, type RecordingErrorCode } from './errors';
import {
  ENTRY_HEADER,
  KIND_BODY,
  KIND_BYTES,
  KIND_GAP,
  KIND_REQUEST,
  startingWorkerStats,
  type FromWorker,
  type ToWorker,
  type WorkerSideStats,
} from './handoff';
import type { RequestBody } from './mask';
import type { RecordingWriter, WriterClock, WriterStats } from './writer';
import type { WorkerInit } from './writer-host';

/** The worker's side of the channel (node:worker_threads' Worker satisfies it). */
export type WorkerPort = {
  postMessage(m: ToWorker, transfer?: ArrayBuffer[]): void;
  on(ev: 'message', fn: (m: FromWorker) => void): unknown;
  on(ev: 'error', fn: (e: Error) => void): unknown;
  on(ev: 'exit', fn: (code: number) => void): unknown;
  terminate(): Promise<number>;
};

export type WorkerWriterOptions = WorkerInit & {
  clock: WriterClock;
  onError?: (error: RecordingError) => void;
  /** The bundled worker entry (one that calls hostRecordingWriter, e.g. services/recorder/recorder-worker.ts). */
  workerFile: string | URL;
  /** Bytes handed to the worker and not yet taken; past it appends are dropped (and counted). Default 16 MiB. */
  maxInflightBytes?: number;
  /** How long appends may wait on this thread before they are handed over. Default 50 ms. */
  handoffMs?: number;
  /** Batch buffer size. Default 256 KiB. */
  batchBytes?: number;
  /** How the worker is started (tests); default a node:worker_threads Worker on workerFile. */
  spawn?: (file: string | URL, init: WorkerInit) => WorkerPort;
};

const CODES: readonly RecordingErrorCode[] = ['DISK_FULL', 'WRITE_FAILED', 'BAD_RECORD'];

export function createWorkerRecordingWriter(opts: WorkerWriterOptions): RecordingWriter {
  const { clock, workerFile, onError, spawn, maxInflightBytes, handoffMs, batchBytes, ...init } = opts;
  const maxInflight = maxInflightBytes ?? 16 << 20;
  const handoff = handoffMs ?? 50;
  const size = batchBytes ?? 256 << 10;
  const worker: WorkerPort = spawn
    ? spawn(workerFile, init)
    : (new Worker(workerFile, { workerData: init }) as unknown as WorkerPort);

  let buf = Buffer.allocUnsafeSlow(size);
  let len = 0;
  let inflight = 0;
  let timer: unknown = null;
  let state: WriterStats['state'] = 'recording';
  let error: RecordingError | undefined;
  let rejected = 0;
  // Dropped here (worker behind) and not yet told to the worker.
  let gapCount = 0;
  let gapSince = 0;
  let last: WorkerSideStats = startingWorkerStats();
  let seq = 0;
  const waiting = new Map<number, (s: WorkerSideStats) => void>();

  const stop = (e: RecordingError): void => {
    if (state !== 'recording') return;
    state = 'stopped';
    error = e;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    len = 0;
    try {
      onError?.(e);
    } catch {
      // The notice is the app's business; a throwing callback must not reach the trading path.
    }
  };

  worker.on('message', (m: FromWorker) => {
    if (m.op === 'taken') {
      inflight -= m.bytes;
      last = m.stats;
    } else if (m.op === 'error') {
      const code = CODES.includes(m.code as RecordingErrorCode)
        ? (m.code as RecordingErrorCode)
        : 'WRITE_FAILED';
      stop(new RecordingError(code, m.message));
    } else {
      last = m.stats;
      waiting.get(m.id)?.(m.stats);
      waiting.delete(m.id);
    }
  });
  const died = (why: string): void => {
    stop(new RecordingError('WRITE_FAILED', `recording stopped: the recorder's worker ${why}`));
    for (const [id, done] of waiting) {
      waiting.delete(id);
      done(last);
    }
  };
  let alive = true;
  worker.on('error', (e) => died(`failed (${e.message})`));
  worker.on('exit', (code) => {
    alive = false;
    if (state === 'recording') died(`exited (${code})`);
    else
      for (const [id, done] of waiting) {
        waiting.delete(id);
        done(last);
      }
  });

  const send = (): void => {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (len === 0 || state !== 'recording') return;
    const out = buf;
    const n = len;
    inflight += n;
    buf = Buffer.allocUnsafeSlow(size);
    len = 0;
    // allocUnsafeSlow: the buffer owns its ArrayBuffer (never a slice of Node's shared pool), so it can be
    // transferred to the worker without detaching anyone else's memory.
    const ab = out.buffer as ArrayBuffer;
    worker.postMessage({ op: 'batch', buf: ab, len: n }, [ab]);
  };

  /** Room for an entry of `n` bytes, or false (dropped, counted). Sends a full batch first. */
  const room = (n: number, t: number): boolean => {
    if (state !== 'recording') {
      rejected++;
      return false;
    }
    if (inflight + len + n > maxInflight) {
      if (gapCount === 0) gapSince = t;
      gapCount++;
      return false;
    }
    // Tell the worker before the next record, so its gap record sits where the records went missing.
    if (gapCount > 0) gapEntry(t);
    if (len + ENTRY_HEADER + n > buf.length) {
      send();
      if (ENTRY_HEADER + n > buf.length) buf = Buffer.allocUnsafeSlow(Math.max(size, ENTRY_HEADER + n));
    }
    if (timer === null) timer = clock.setTimeout(send, handoff);
    return true;
  };

  const gapEntry = (t: number): void => {
    if (len + ENTRY_HEADER + 8 > buf.length) send();
    buf[len] = KIND_GAP;
    buf.writeDoubleLE(t, len + 1);
    buf.writeUInt32LE(gapCount, len + 9);
    buf.writeDoubleLE(gapSince, len + ENTRY_HEADER);
    len += ENTRY_HEADER + 8;
    gapCount = 0;
  };

  const entry = (kind: number, t: number, n: number): number => {
    buf[len] = kind;
    buf.writeDoubleLE(t, len + 1);
    buf.writeUInt32LE(n, len + 9);
    const at = len + ENTRY_HEADER;
    len = at + n;
    return at;
  };

  const incomingBytes = (chunk: Uint8Array, t = clock.now()): void => {
    if (!room(chunk.length, t)) return;
    buf.set(chunk, entry(KIND_BYTES, t, chunk.length));
  };

  const incomingBody = (body: Uint8Array, t = clock.now()): void => {
    if (!room(body.length, t)) return;
    buf.set(body, entry(KIND_BODY, t, body.length));
  };

  const incoming = (fields: readonly string[], t = clock.now()): void => {
    let n = 0;
    for (const f of fields) n += Buffer.byteLength(f, 'utf8') + 1;
    if (fields.some((f) => f.includes('\0'))) {
      rejected++;
      return;
    }
    if (!room(n, t)) return;
    let p = entry(KIND_BODY, t, n);
    for (const f of fields) {
      p += buf.write(f, p, 'utf8');
      buf[p++] = 0;
    }
  };

  const request = (r: RequestBody, t = clock.now()): void => {
    const json = Buffer.from(JSON.stringify(r), 'utf8');
    if (!room(json.length, t)) return;
    json.copy(buf, entry(KIND_REQUEST, t, json.length));
  };

  // Upstream drops join this side's own: one gap entry goes with the next record (its time is that record's).
  const gap = (n: number, since: number): void => {
    if (state !== 'recording' || !(n > 0)) return;
    if (gapCount === 0 || since < gapSince) gapSince = since;
    gapCount += n;
  };

  const ask = (op: 'flush' | 'close'): Promise<WorkerSideStats> =>
    new Promise((resolve) => {
      const id = ++seq;
      waiting.set(id, resolve);
      worker.postMessage({ op, id });
    });

  const flush = async (): Promise<void> => {
    if (state !== 'recording') return;
    if (gapCount > 0) gapEntry(clock.now());
    send();
    await ask('flush');
  };

  const close = async (): Promise<WriterStats> => {
    if (state === 'recording') await flush();
    // Stopped or not, the worker's writer closes its file (a stopped writer still holds it open).
    if (alive && state !== 'closed') {
      last = await ask('close');
      if (state === 'recording') state = 'closed';
    }
    if (timer !== null) clock.clearTimeout(timer);
    await worker.terminate();
    return stats();
  };

  const stats = (): WriterStats => ({
    state: state === 'recording' ? last.state : state,
    records: last.records,
    dropped: last.dropped + gapCount,
    rejected: last.rejected + rejected,
    blocks: last.blocks,
    bytes: last.bytes,
    files: last.files,
    ...(error ? { error } : {}),
  });

  return { incoming, incomingBytes, incomingBody, request, gap, flush, close, stats };
}
