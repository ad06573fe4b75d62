// Streams a recording to disk without ever making its caller wait: records are encoded into the current block
// on the caller's thread (a few hundred ns each), sealed blocks are compressed in libuv's thread pool and appended
// by async writes. If the disk falls behind, records are dropped and counted (a gap record says so in the file)
// rather than queued without bound; if the disk fails (ENOSPC, EIO, …) the writer stops, reports once, and the
// file stays readable up to its last complete block.
//
// Files (part-files.ts): `<dir>/<base>-0001.ibdrec`, `-0002` …, a new part when the current one would pass
// `partBytes`, the oldest deleted past `maxParts`; every part has its own header (session id and part number), so a
// reader can chain parts and see when the first ones were rotated away.
//
// Checkpoints (optional, `checkpoints`): a replay seeks from the latest checkpoint before its target instead of
// from the file's start, and a part is replayed on its own, so the writer adds one every `every` ms of recording
// time and makes each new part start with one. What they hold is the caller's business (the demo gateway's
// replay knows); the writer feeds the source every record as it goes into the file, masked when the file is, so a
// checkpoint never holds what the recording itself masks.
import { BlockEncoder } from './block-encoder';
import { FLAG_END, type Codec } from './block';
import { RecordingError } from './errors';
import { createMasker, passesUnmasked, type Masker, type RequestBody } from './mask';
import { createPartFiles, type Sealed, type WriterFs } from './part-files';

/** Time and timers, as the app's Clock provides them. */
export type WriterClock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
};

export type RecordingWriterOptions = {
  dir: string;
  /** File name stem of this session's parts, e.g. "2026-07-09T13-30-00Z". */
  base: string;
  appVersion: string;
  serverVersion: number;
  clock: WriterClock;
  /** Keep account ids and order details as they are (off by default: recordings are things people share). */
  keep?: boolean;
  fs?: WriterFs;
  /** Called once, when the writer stops because the disk failed; the app shows a notice. */
  onError?: (error: RecordingError) => void;
  codec?: Codec;
  /** A block is sealed at this many records, this many payload bytes, or this long after its first record. */
  blockRecords?: number;
  blockBytes?: number;
  flushMs?: number;
  /** Sealed blocks waiting for the disk, in payload bytes; past it new records are dropped (and counted). */
  maxPendingBytes?: number;
  partBytes?: number;
  maxParts?: number;
  checkpoints?: CheckpointSource;
};

/**
 * What writes a recording's checkpoints: it keeps whatever state it needs from the records it is fed (as stored:
 * masked when the recording is) and makes a checkpoint record of it when asked. Called on the writer's thread, so
 * a recording made through the worker pays for it off the app's thread.
 */
export type CheckpointSource = {
  /** Recording time (ms) between two checkpoints. */
  readonly every: number;
  request(r: RequestBody, t: number): void;
  incoming(fields: readonly string[], t: number): void;
  /**
   * Optional: a message by its body b[start, end) as stored, before it is decoded for `incoming`. True when the
   * source took it (it is not decoded then): a source can keep what it needs without splitting every message.
   */
  incomingBody?(b: Uint8Array, start: number, end: number, t: number): boolean;
  /** The record to write now; stored as it is (it is made of records already masked). */
  checkpoint(): RequestBody;
};

type WriterState = 'recording' | 'stopped' | 'closed';

export type WriterStats = {
  state: WriterState;
  /** Records accepted into blocks (gap records included). */
  records: number;
  /** Records dropped because the disk fell behind (each run of them is one gap record in the file). */
  dropped: number;
  /** Records refused as unencodable (e.g. a time that is not an integer) or arriving after a stop. */
  rejected: number;
  blocks: number;
  /** Bytes written to disk, all parts. */
  bytes: number;
  /** Paths of the parts written, in order (rotated-away parts included). */
  files: readonly string[];
  error?: RecordingError;
};

export type RecordingWriter = {
  /** A message as received, by its fields. Never throws, never waits. */
  incoming(fields: readonly string[], t?: number): void;
  /**
   * Bytes as read from the TWS socket: 4-byte big-endian length-prefixed frames, cut anywhere (a frame may
   * straddle chunks). Each message gets time `t`. The cheapest way in: no string per field is made.
   */
  incomingBytes(chunk: Uint8Array, t?: number): void;
  /** One message body (its fields, each followed by NUL), without the length prefix. */
  incomingBody(body: Uint8Array, t?: number): void;
  request(r: RequestBody, t?: number): void;
  /**
   * Records lost before they reached this writer (e.g. dropped on the app's thread when the worker fell behind):
   * counted as dropped and written as part of the next gap record.
   */
  gap(dropped: number, since: number, t?: number): void;
  /** Seals the current block and resolves when everything accepted so far is on disk (or the writer stopped). */
  flush(): Promise<void>;
  /** Flushes, marks the end of the file and closes it. */
  close(): Promise<WriterStats>;
  stats(): WriterStats;
};

/** How an fs error reads in the notice: ENOSPC and EIO named, anything else by its code. */
function writeError(e: unknown): RecordingError {
  const code = (e as { code?: string }).code;
  const what =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EIO'
        ? 'the disk reported an I/O error'
        : `writing failed (${code ?? (e as Error).message})`;
  return new RecordingError(
    code === 'ENOSPC' ? 'DISK_FULL' : 'WRITE_FAILED',
    `recording stopped: ${what}`,
    undefined,
    {
      cause: e,
    },
  );
}

/** A message body's fields (each followed by NUL), as the masker and a checkpoint source take them. */
export function bodyFields(b: Uint8Array, start: number, end: number): string[] {
  const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
  const fields = text === '' ? [] : text.split('\0');
  if (text.endsWith('\0')) fields.pop();
  return fields;
}

export function createRecordingWriter(opts: RecordingWriterOptions): RecordingWriter {
  const clock = opts.clock;
  const codec: Codec = opts.codec ?? 'brotli';
  const blockRecords = opts.blockRecords ?? 16_384;
  const blockBytes = opts.blockBytes ?? 1 << 20;
  const flushMs = opts.flushMs ?? 2_000;
  const maxPendingBytes = opts.maxPendingBytes ?? 32 << 20;
  const partBytes = opts.partBytes ?? 256 << 20;
  const maxParts = opts.maxParts ?? Infinity;
  const masker: Masker | null = opts.keep ? null : createMasker();
  const parts = createPartFiles({
    dir: opts.dir,
    base: opts.base,
    ...(opts.fs ? { fs: opts.fs } : {}),
    now: () => clock.now(),
    codec,
    partBytes,
    maxParts,
    checkpoints: opts.checkpoints !== undefined,
    meta: {
      serverVersion: opts.serverVersion,
      masked: masker !== null,
      appVersion: opts.appVersion,
      session: `${opts.base}-${clock.now().toString(36)}`,
    },
  });

  const enc = new BlockEncoder();
  const pending: Sealed[] = [];
  let pendingBytes = 0;
  let state: WriterState = 'recording';
  let error: RecordingError | undefined;
  let records = 0;
  let dropped = 0;
  let rejected = 0;
  // The run of records being dropped now: how many, since when (written as one gap record when room comes back).
  let gapCount = 0;
  let gapSince = 0;
  let timer: unknown = null;
  let pumping: Promise<void> | null = null;
  // A frame cut by the end of a chunk: its bytes so far.
  let carry: Buffer = Buffer.alloc(0);
  const cps = opts.checkpoints;
  // Recording time of the next checkpoint (NaN until the first record), and whether the block being filled opens
  // with one.
  let checkpointAt = Number.NaN;
  let blockOpens = false;

  const stop = (e: RecordingError): void => {
    if (state !== 'recording') return;
    state = 'stopped';
    error = e;
    pending.length = 0;
    pendingBytes = 0;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    try {
      opts.onError?.(e);
    } catch {
      // The notice is the app's business; a throwing callback must not reach the trading path.
    }
  };

  const seal = (): void => {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (enc.count === 0) return;
    if (state === 'stopped') {
      enc.finish(); // nowhere to go: the disk failed
      return;
    }
    const s: Sealed = {
      firstTime: enc.firstTime,
      lastTime: enc.lastTime,
      count: enc.count,
      payload: enc.finish(),
      flags: 0,
      opens: blockOpens,
    };
    blockOpens = false;
    pending.push(s);
    pendingBytes += s.payload.length;
    pump();
  };

  /** Room for one more record? Otherwise it is dropped and counted; the gap is written when room comes back. */
  const admit = (t: number): boolean => {
    if (state !== 'recording') {
      rejected++;
      return false;
    }
    if (pendingBytes >= maxPendingBytes) {
      if (gapCount === 0) gapSince = t;
      gapCount++;
      dropped++;
      return false;
    }
    if (gapCount > 0) writeGap(t);
    return true;
  };

  const writeGap = (t: number): void => {
    try {
      enc.addGap(t, gapCount, gapSince);
      records++;
    } catch {
      // A time that is not an integer cannot be stored; the dropped count still shows in the stats.
    }
    gapCount = 0;
  };

  const afterAdd = (): void => {
    records++;
    sealIfDue();
  };

  const sealIfDue = (): void => {
    if (enc.count >= blockRecords || enc.size() >= blockBytes) seal();
    else if (timer === null && enc.count > 0) timer = clock.setTimeout(seal, flushMs);
  };

  const guard = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (e instanceof RecordingError && e.code === 'BAD_RECORD') rejected++;
      else stop(RecordingError.from('BAD_RECORD', 'recording stopped', e));
    }
  };

  /**
   * Before a record at time t goes in: a checkpoint first when one is due by recording time, or when this record
   * opens a block that may be the first of a new part (part-files.ts starts parts only at such blocks). "May" is
   * bounded from above — the open part's bytes, plus every block waiting (uncompressed), plus twice a block's cap
   * for the one being filled — so a few blocks before each rotation open with one and the rest of the part pays
   * nothing (more while the disk lags: waiting blocks count uncompressed). The checkpoint is not sealed alone: the
   * record that made it due follows it into the same block.
   */
  const checkpointDue = (t: number): void => {
    if (!cps) return;
    const opening = enc.count === 0 && parts.partSize + pendingBytes + 2 * blockBytes >= partBytes;
    if (Number.isNaN(checkpointAt)) checkpointAt = t + cps.every;
    const due = t >= checkpointAt;
    if (due) checkpointAt = t + cps.every - ((t - checkpointAt) % cps.every);
    if (!opening && !due) return;
    let record: RequestBody;
    try {
      record = cps.checkpoint();
    } catch {
      return; // a seek point missed costs a longer seek, never the recording
    }
    if (enc.count === 0) blockOpens = true;
    enc.addRequest(t, record);
    records++;
  };

  /** Feeds the checkpoint source what went into the file; what it cannot take costs a seek point, not the file. */
  const feedIncoming = (fields: readonly string[], t: number): void => {
    try {
      cps!.incoming(fields, t);
    } catch {
      // see above
    }
  };

  /** Offers the checkpoint source the body undecoded; false when it must be decoded for it. */
  const feedBody = (b: Uint8Array, start: number, end: number, t: number): boolean => {
    if (!cps!.incomingBody) return false;
    try {
      return cps!.incomingBody(b, start, end, t);
    } catch {
      return true; // see feedIncoming: dropped, as a throwing `incoming` would drop it
    }
  };

  const incoming = (fields: readonly string[], t = clock.now()): void => {
    if (!admit(t)) return;
    guard(() => {
      checkpointDue(t);
      const stored = masker ? masker.incoming(fields) : fields;
      enc.addIncoming(t, stored);
      if (cps) feedIncoming(stored, t);
      afterAdd();
    });
  };

  /** One framed message body b[start, end). */
  const message = (b: Uint8Array, start: number, end: number, t: number): void => {
    checkpointDue(t);
    if (masker) {
      // Field 0 as a number: market data passes straight to the encoder; the rest goes through the masker.
      let id = 0;
      let i = start;
      for (; i < end && b[i] !== 0 && id >= 0; i++) {
        const c = b[i]! - 48;
        id = c < 0 || c > 9 || i - start > 3 ? -1 : id * 10 + c;
      }
      if (!passesUnmasked(id) || i === start) {
        const stored = masker.incoming(bodyFields(b, start, end));
        enc.addIncoming(t, stored);
        if (cps) feedIncoming(stored, t);
        return;
      }
    }
    enc.addMessage(t, b, start, end);
    if (cps && !feedBody(b, start, end, t)) feedIncoming(bodyFields(b, start, end), t);
  };

  const incomingBytes = (chunk: Uint8Array, t = clock.now()): void => {
    if (state !== 'recording') {
      rejected++;
      return;
    }
    guard(() => {
      let b: Uint8Array = chunk;
      let off = 0;
      if (carry.length > 0) {
        b = Buffer.concat([carry, chunk]);
        carry = Buffer.alloc(0);
      }
      while (b.length - off >= 4) {
        const len = ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
        if (b.length - off - 4 < len) break;
        if (admit(t)) {
          message(b, off + 4, off + 4 + len, t);
          afterAdd();
        }
        off += 4 + len;
      }
      if (off < b.length) carry = Buffer.from(b.subarray(off));
    });
  };

  const incomingBody = (body: Uint8Array, t = clock.now()): void => {
    if (!admit(t)) return;
    guard(() => {
      message(body, 0, body.length, t);
      afterAdd();
    });
  };

  const gap = (n: number, since: number, t = clock.now()): void => {
    if (state !== 'recording' || !(n > 0)) return;
    if (gapCount === 0 || since < gapSince) gapSince = since;
    gapCount += n;
    dropped += n;
    // Written now if there is room, else with the next record that gets in (or at close).
    if (pendingBytes < maxPendingBytes) {
      writeGap(t);
      sealIfDue();
    }
  };

  const request = (r: RequestBody, t = clock.now()): void => {
    if (!admit(t)) return;
    guard(() => {
      checkpointDue(t);
      const stored = masker ? masker.request(r) : r;
      enc.addRequest(t, stored);
      if (cps) {
        try {
          cps.request(stored, t);
        } catch {
          // see feedIncoming
        }
      }
      afterAdd();
    });
  };

  // A function, not an inline comparison: `state` changes under the awaits below (stop() runs in between).
  const stopped = (): boolean => state === 'stopped';

  const pump = (): void => {
    if (pumping || stopped()) return;
    pumping = (async () => {
      while (pending.length > 0 && !stopped()) {
        const s = pending[0]!;
        try {
          await parts.write(s);
        } catch (e) {
          stop(writeError(e));
          break;
        }
        pending.shift();
        pendingBytes -= s.payload.length;
      }
    })().finally(() => {
      pumping = null;
      if (pending.length > 0 && !stopped()) pump();
    });
  };

  const flush = async (): Promise<void> => {
    seal();
    while (pumping) await pumping;
  };

  const close = async (): Promise<WriterStats> => {
    if (state === 'recording') {
      if (gapCount > 0) writeGap(clock.now());
      await flush();
    }
    if (state === 'recording') {
      const now = clock.now();
      pending.push({
        payload: Buffer.alloc(0),
        firstTime: now,
        lastTime: now,
        count: 0,
        flags: FLAG_END,
        opens: false,
      });
      pump();
    }
    while (pumping) await pumping;
    await parts.closeFile();
    if (state === 'recording') state = 'closed';
    return stats();
  };

  const stats = (): WriterStats => ({
    state,
    records,
    dropped,
    rejected,
    blocks: parts.blocks,
    bytes: parts.bytes,
    files: [...parts.files],
    ...(error ? { error } : {}),
  });

  return { incoming, incomingBytes, incomingBody, request, gap, flush, close, stats };
}
