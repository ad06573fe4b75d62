// A growable byte buffer for ASCII-only messages with number formatting done in place: the big historical-data
// frames (tens of thousands of bars) are written here instead of being built as strings.

const DIGITS = 48;

export class AsciiWriter {
  buf: Buffer;
  pos = 0;

  constructor(capacity = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  nul(): void {
    this.ensure(1);
    this.buf[this.pos++] = 0;
  }

  /** Latin-1 text (callers pass ASCII). */
  text(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  bytes(b: Buffer): void {
    this.ensure(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }

  /** A safe integer in decimal. */
  int(n: number): void {
    this.ensure(22);
    if (n < 0) {
      this.buf[this.pos++] = 45;
      n = -n;
    }
    if (n < 10) {
      this.buf[this.pos++] = DIGITS + n;
      return;
    }
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    let p = this.pos + len;
    while (n > 0) {
      const q = Math.floor(n / 10);
      this.buf[--p] = DIGITS + (n - q * 10);
      n = q;
    }
    this.pos += len;
  }

  /**
   * A decimal given as an integer count of 10^-d units, printed as JavaScript prints the number (230.5, 230,
   * 0.00005): trailing zeros of the fraction dropped.
   */
  scaled(units: number, d: number, pow: number): void {
    if (units < 0) {
      this.ensure(1);
      this.buf[this.pos++] = 45;
      units = -units;
    }
    const whole = Math.floor(units / pow);
    let frac = units - whole * pow;
    this.int(whole);
    if (frac === 0) return;
    let digits = d;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    this.ensure(digits + 1);
    this.buf[this.pos++] = 46;
    let p = this.pos + digits;
    for (let k = 0; k < digits; k++) {
      const q = Math.floor(frac / 10);
      this.buf[--p] = DIGITS + (frac - q * 10);
      frac = q;
    }
    this.pos += digits;
  }

  /** Starts a frame: 4 placeholder bytes for the length, filled by endFrame. */
  beginFrame(): number {
    this.ensure(4);
    const at = this.pos;
    this.pos += 4;
    return at;
  }

  endFrame(at: number): void {
    this.buf.writeUInt32BE(this.pos - at - 4, at);
  }

  /** The written bytes (a view: valid until the writer is reused). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Decimal places of a tick size (0.01 → 2, 0.00005 → 5, 0.015625 → 6). */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= 10; d++) {
    const p = 10 ** d;
    if (Math.abs(Math.round(x * p) - x * p) < 1e-9) return d;
  }
  return 10;
}
