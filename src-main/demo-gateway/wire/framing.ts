// TWS API framing (protocol v100+): the client opens with "API\0" and then, in both directions, every message is
// a 4-byte big-endian length followed by that many bytes of NUL-terminated fields.

/** TWS drops a connection whose frame claims more than this (MAX_MSG_LEN in ibapi/const.py: 0xFFFFFF). */
const MAX_FRAME_LENGTH = 0xffffff;

const API_PREFIX = Buffer.from('API\0', 'latin1');

export type FrameEvent =
  | { kind: 'frame'; payload: Buffer }
  | { kind: 'error'; reason: 'no-api-prefix' | 'oversized'; detail: string };

/** Splits a byte stream into frames; chunks may split or join frames anywhere. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  private needPrefix: boolean;
  private failed = false;

  constructor(opts: { expectApiPrefix: boolean; maxFrameLength?: number }) {
    this.needPrefix = opts.expectApiPrefix;
    this.maxFrameLength = opts.maxFrameLength ?? MAX_FRAME_LENGTH;
  }

  private readonly maxFrameLength: number;

  /** Bytes received but not yet part of a complete frame. */
  get pending(): number {
    return this.end - this.start;
  }

  push(chunk: Buffer): FrameEvent[] {
    if (this.failed) return [];
    this.append(chunk);
    const out: FrameEvent[] = [];
    if (this.needPrefix) {
      if (this.pending < 4) {
        if (!API_PREFIX.subarray(0, this.pending).equals(this.buf.subarray(this.start, this.end))) {
          return this.fail(out, 'no-api-prefix', 'the connection did not start with "API\\0"');
        }
        return out;
      }
      if (!this.buf.subarray(this.start, this.start + 4).equals(API_PREFIX)) {
        return this.fail(out, 'no-api-prefix', 'the connection did not start with "API\\0"');
      }
      this.start += 4;
      this.needPrefix = false;
    }
    while (this.pending >= 4) {
      const len = this.buf.readUInt32BE(this.start);
      if (len > this.maxFrameLength) {
        return this.fail(out, 'oversized', `frame of ${len} bytes exceeds ${this.maxFrameLength}`);
      }
      if (this.pending < 4 + len) break;
      // Copy out: the payload outlives this buffer, which is reused for later chunks.
      const payload = Buffer.from(this.buf.subarray(this.start + 4, this.start + 4 + len));
      this.start += 4 + len;
      out.push({ kind: 'frame', payload });
    }
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
    return out;
  }

  private fail(out: FrameEvent[], reason: 'no-api-prefix' | 'oversized', detail: string): FrameEvent[] {
    this.failed = true;
    out.push({ kind: 'error', reason, detail });
    return out;
  }

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const size = Math.max(live + chunk.length, this.buf.length * 2, 4096);
      const next = Buffer.allocUnsafe(size);
      this.buf.copy(next, 0, this.start, this.end);
      this.buf = next;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }
}

/** The fields of one payload (the empty tail after the last NUL dropped), as ibapi's comm.read_fields does. */
export function payloadFields(payload: Buffer): string[] {
  const parts = payload.toString('utf8').split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Collects outgoing frames and hands them over as one buffer, so a burst costs one socket write. */
export class FrameBatch {
  private buf: Buffer = Buffer.allocUnsafe(16 * 1024);
  private len = 0;
  private count = 0;

  get size(): number {
    return this.len;
  }

  get frames(): number {
    return this.count;
  }

  add(body: string): void {
    const n = Buffer.byteLength(body, 'utf8');
    this.ensure(4 + n);
    this.buf.writeUInt32BE(n, this.len);
    this.len += 4;
    this.buf.write(body, this.len, n, 'utf8');
    this.len += n;
    this.count++;
  }

  /** Adds bytes as they are (fault injection writes broken frames this way). */
  addRaw(bytes: Buffer): void {
    this.ensure(bytes.length);
    bytes.copy(this.buf, this.len);
    this.len += bytes.length;
    this.count++;
  }

  /** The collected frames as a fresh buffer (the socket may keep it), or undefined if there are none. */
  take(): Buffer | undefined {
    if (this.len === 0) return undefined;
    const out = Buffer.allocUnsafe(this.len);
    this.buf.copy(out, 0, 0, this.len);
    this.len = 0;
    this.count = 0;
    if (this.buf.length > 1 << 20) this.buf = Buffer.allocUnsafe(16 * 1024);
    return out;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + extra));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
}

/** One framed message: length prefix + body. */
export function frame(body: string): Buffer {
  const n = Buffer.byteLength(body, 'utf8');
  const out = Buffer.allocUnsafe(4 + n);
  out.writeUInt32BE(n, 0);
  out.write(body, 4, n, 'utf8');
  return out;
}
