// Growable byte buffers with LEB128 varints and zigzag, the primitives every stream of a block is written with.
// Numbers go up to 2^53 (safe integers), so the varint arithmetic is done in doubles, not 32-bit bitwise ops.
import { RecordingError } from './errors';

const TWO_32 = 4294967296;

export class ByteWriter {
  buf: Buffer;
  len = 0;

  constructor(capacity = 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  private grow(extra: number): void {
    let cap = this.buf.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Makes room for n more bytes, so a caller can write to buf[len…] directly. */
  reserve(n: number): void {
    if (this.len + n > this.buf.length) this.grow(n);
  }

  byte(b: number): void {
    if (this.len + 1 > this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }

  /** Unsigned varint of a non-negative safe integer (7 bits a byte, low bits first). */
  uvar(n: number): void {
    if (this.len + 8 > this.buf.length) this.grow(8);
    const b = this.buf;
    let p = this.len;
    while (n >= 0x80) {
      b[p++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    b[p++] = n;
    this.len = p;
  }

  /** Signed varint through zigzag (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
  svar(n: number): void {
    this.uvar(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  bytes(src: Uint8Array): void {
    if (this.len + src.length > this.buf.length) this.grow(src.length);
    this.buf.set(src, this.len);
    this.len += src.length;
  }

  /** Bytes src[start, end) with their varint length first (a short copy loop: no subarray object per field). */
  span(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.uvar(n);
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    for (let i = start; i < end; i++) b[p++] = src[i]!;
    this.len = p;
  }

  /** A string as varint byte length + UTF-8 (lone surrogates become U+FFFD, as UTF-8 cannot carry them). */
  str(s: string): void {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.uvar(s.length);
      if (this.len + s.length > this.buf.length) this.grow(s.length);
      this.len += this.buf.write(s, this.len, 'latin1');
      return;
    }
    const n = Buffer.byteLength(s, 'utf8');
    this.uvar(n);
    if (this.len + n > this.buf.length) this.grow(n);
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  u32(n: number): void {
    if (this.len + 4 > this.buf.length) this.grow(4);
    this.buf.writeUInt32LE(n >>> 0, this.len);
    this.len += 4;
  }

  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  reset(): void {
    this.len = 0;
  }
}

/** Reads what ByteWriter wrote; running off the end is a damaged block, never an out-of-range read. */
export class ByteReader {
  pos: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  private fail(what: string): never {
    throw new RecordingError('DAMAGED_BLOCK', `block payload ends inside ${what}`);
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('a byte');
    return this.buf[this.pos++]!;
  }

  uvar(): number {
    const b = this.buf;
    let p = this.pos;
    let n = 0;
    let mul = 1;
    for (;;) {
      if (p >= this.end) this.fail('a varint');
      const c = b[p++]!;
      n += (c & 0x7f) * mul;
      if (c < 0x80) break;
      mul *= 0x80;
      if (mul > TWO_32 * 0x200000) throw new RecordingError('DAMAGED_BLOCK', 'varint longer than 53 bits');
    }
    this.pos = p;
    return n;
  }

  svar(): number {
    const z = this.uvar();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  str(): string {
    const n = this.uvar();
    if (this.pos + n > this.end) this.fail('a string');
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  u32(): number {
    if (this.pos + 4 > this.end) this.fail('a u32');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
}
