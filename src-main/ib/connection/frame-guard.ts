// A guard in front of @stoqey/ib's socket reader. The library trusts what TWS sends: a length prefix of
// 0xFFFFFFFC (−4 as the signed int it reads) spins its framing loop forever, a length near 2 GB buffers 16 MB before
// it gives up, and a decoder that throws anything but its own UnderrunError (a negative element count → `new Array`
// RangeError, a broken advanced-order-reject JSON in an error message, a listener that throws) escapes from the
// socket's 'data' handler as an uncaught exception, leaving the half-read message on its queue. The guard checks
// every length prefix before the library sees the bytes, runs the library's reader inside a try/catch, and on any
// problem stops feeding that socket and reports once, so the link logs the frame and reconnects on a fresh client.
import type { IBApi } from '@stoqey/ib';

/** TWS's own limit (Java EClient's MAX_MSG_LEN, 16 MB − 1); a larger prefix is never a real message. */
const MAX_FRAME_BYTES = 0xffffff;

/** How much of a bad frame goes into the log. */
const PREVIEW_BYTES = 96;

export type BadFrame = {
  /** What was wrong, in plain words. */
  problem: string;
  /** The start of the offending bytes, printable: `\0` shown as `|`, other control bytes as `\xNN`. */
  preview: string;
};

/** A printable, bounded rendering of raw bytes for the log. */
export function previewBytes(bytes: Buffer, max = PREVIEW_BYTES): string {
  let out = '';
  for (const b of bytes.subarray(0, max)) {
    if (b === 0) out += '|';
    else if (b >= 0x20 && b < 0x7f && b !== 0x5c) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return bytes.length > max ? `${out}… (${bytes.length} bytes)` : out;
}

type ReaderSocket = { onData(data: Buffer): void };

/** The library's socket object behind an IBApi, when it has the shape this guard was written against. */
function readerOf(api: IBApi): ReaderSocket | null {
  const socket = (api as unknown as { controller?: { socket?: unknown } }).controller?.socket;
  if (typeof socket !== 'object' || socket === null) return null;
  return typeof (socket as ReaderSocket).onData === 'function' ? (socket as ReaderSocket) : null;
}

/**
 * Most fields one frame may carry. The library's decoder is O(n²) in a frame's fields (Array.shift per field): 200k
 * fields block the main thread for seconds, a 16 MB frame of empty fields for about an hour. The largest frame the app
 * asks for is a history page (3,000 bars × 8 fields); the limit leaves eight times that.
 */
const MAX_FRAME_FIELDS = 200_000;

export type GuardLimits = { maxFrameBytes?: number; maxFrameFields?: number };

/**
 * Installs the guard on a fresh client (before `connect`). `onBad` runs at most once per client; after it, bytes
 * from that socket are dropped (the caller closes it). Returns false when the library's internals have changed
 * shape and the guard could not be installed (the caller logs that; the heartbeat still catches a stuck reader).
 */
export function guardFrames(
  api: IBApi,
  onBad: (bad: BadFrame) => void,
  limits: GuardLimits = {},
  /** Sees every byte the library is given, just before it (the recorder's tap): never a byte the guard dropped. */
  watch?: (fed: Buffer) => void,
): boolean {
  const socket = readerOf(api);
  if (!socket) return false;
  const maxFrame = limits.maxFrameBytes ?? MAX_FRAME_BYTES;
  const maxFields = limits.maxFrameFields ?? MAX_FRAME_FIELDS;
  const original = socket.onData.bind(socket);
  let header = Buffer.alloc(0);
  let bodyLeft = 0;
  let fields = 0;
  // A frame holds no more fields than bytes: only a frame longer than the field limit has its fields counted
  // (counting costs a native indexOf call per field, about a third of the app's own work per quote tick).
  let countFields = false;
  let poisoned = false;

  const fail = (problem: string, bytes: Buffer): void => {
    if (poisoned) return;
    poisoned = true;
    onBad({ problem, preview: previewBytes(bytes) });
  };

  /**
   * Walks the frame boundaries in `chunk`. On the first bad frame, returns what is wrong and where in `chunk` that
   * frame starts (0 when it started in an earlier chunk), so the whole frames before it can still be handed over.
   */
  const scan = (chunk: Buffer): { problem: string; start: number; at: Buffer } | null => {
    let i = 0;
    let frameStart = 0;
    while (i < chunk.length) {
      if (bodyLeft > 0) {
        const take = Math.min(bodyLeft, chunk.length - i);
        if (countFields)
          for (let k = chunk.indexOf(0, i); k !== -1 && k < i + take; k = chunk.indexOf(0, k + 1)) fields++;
        if (fields > maxFields)
          return {
            problem: `a frame of more than ${maxFields} fields (the decoder would block for minutes)`,
            start: frameStart,
            at: chunk.subarray(frameStart),
          };
        bodyLeft -= take;
        i += take;
        continue;
      }
      frameStart = Math.max(0, i - header.length);
      // The common case reads the prefix in place; only a prefix split across chunks is pieced together. Nothing
      // is copied per frame: the offending bytes are cut out only when there is a problem.
      let length: number;
      let prefix: Buffer | null = null;
      if (header.length === 0 && chunk.length - i >= 4) {
        length = chunk.readUInt32BE(i);
        i += 4;
      } else {
        const part = chunk.subarray(i, i + 4 - header.length);
        header = Buffer.concat([header, part]);
        i += part.length;
        if (header.length < 4) break;
        length = header.readUInt32BE(0);
        prefix = header;
        header = Buffer.alloc(0);
      }
      if (length > maxFrame || length === 0)
        return {
          problem:
            length === 0
              ? 'a frame with a length prefix of 0'
              : `a frame length prefix of ${length} bytes (0x${length.toString(16)}), above TWS's maximum of ${maxFrame}`,
          start: frameStart,
          at: prefix ? Buffer.concat([prefix, chunk.subarray(i)]) : chunk.subarray(i - 4),
        };
      bodyLeft = length;
      fields = 0;
      countFields = length > maxFields;
    }
    return null;
  };

  const feed = (data: Buffer): void => {
    try {
      watch?.(data);
      original(data);
    } catch (err) {
      fail(`the TWS message decoder failed: ${(err as Error)?.message ?? String(err)}`, data);
    }
  };

  socket.onData = (data: Buffer): void => {
    if (poisoned) return;
    const bad = scan(data);
    if (!bad) {
      feed(data);
      return;
    }
    // The whole frames before the bad one are still TWS's (an execution, a status): let the library have them.
    if (bad.start > 0) feed(data.subarray(0, bad.start));
    fail(bad.problem, bad.at);
  };
  return true;
}

/** Longest TWS message text passed on: real ones are a sentence or two; a decoder notice quotes whole frames. */
const MAX_TWS_TEXT = 600;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * TWS's message text (or the library's decoding notice, which quotes the frame) made safe to log and show: control
 * characters escaped, so no line break or terminal escape lands in the log file as is, and the length bounded.
 */
export function cleanTwsText(text: unknown, max = MAX_TWS_TEXT): string {
  const s = String(text ?? '');
  const clean = s.replace(CONTROL, (c) =>
    c === '\u0000' ? '|' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return clean.length > max ? `${clean.slice(0, max)}… (${s.length} characters)` : clean;
}
