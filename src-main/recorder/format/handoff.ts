// The batch format between the app's thread and the recorder's worker: appends become entries in one buffer that
// is transferred (not copied) to the worker. Entry = kind u8, time f64, length u32, then for kinds 1-3 `length`
// bytes: 1 socket bytes (length-prefixed TWS frames, cut anywhere), 2 one message body, 3 a request as JSON; kind 4
// (records dropped on the app's thread) has the count in `length` and then the time of the first drop (f64).

export const KIND_BYTES = 1;
export const KIND_BODY = 2;
export const KIND_REQUEST = 3;
export const KIND_GAP = 4;
export const ENTRY_HEADER = 13;

/** What the client sends the worker. */
export type ToWorker =
  { op: 'batch'; buf: ArrayBuffer; len: number } | { op: 'flush'; id: number } | { op: 'close'; id: number };

/** What the worker sends back: `taken` after each batch (for the client's in-flight count), replies, the error. */
export type FromWorker =
  | { op: 'taken'; bytes: number; stats: WorkerSideStats }
  | { op: 'flushed'; id: number; stats: WorkerSideStats }
  | { op: 'closed'; id: number; stats: WorkerSideStats }
  | { op: 'error'; code: string; message: string };

export type WorkerSideStats = {
  records: number;
  dropped: number;
  rejected: number;
  blocks: number;
  bytes: number;
  files: string[];
  state: 'recording' | 'stopped' | 'closed';
};

/** What a worker that has taken no batch yet would report: the client's view until the first `taken`. */
export function startingWorkerStats(): WorkerSideStats {
  return { records: 0, dropped: 0, rejected: 0, blocks: 0, bytes: 0, files: [], state: 'recording' };
}

/** Calls `on` for each entry of a batch, in order. */
export function readBatch(
  buf: Buffer,
  len: number,
  on: {
    bytes(chunk: Buffer, t: number): void;
    body(body: Buffer, t: number): void;
    request(json: string, t: number): void;
    gap(dropped: number, since: number, t: number): void;
  },
): void {
  let p = 0;
  while (p + ENTRY_HEADER <= len) {
    const kind = buf[p]!;
    const t = buf.readDoubleLE(p + 1);
    const n = buf.readUInt32LE(p + 9);
    p += ENTRY_HEADER;
    if (kind === KIND_GAP) {
      on.gap(n, buf.readDoubleLE(p), t);
      p += 8;
      continue;
    }
    const data = buf.subarray(p, p + n);
    p += n;
    if (kind === KIND_BYTES) on.bytes(data, t);
    else if (kind === KIND_BODY) on.body(data, t);
    else if (kind === KIND_REQUEST) on.request(data.toString('utf8'), t);
  }
}
