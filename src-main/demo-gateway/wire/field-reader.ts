// Typed reads over the fields of one incoming request. A field that does not parse throws DecodeError, which the
// session answers with error 320 as TWS does ("Error reading request ... Unable to parse data").

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly fieldIndex: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

const INT_RE = /^[-+]?\d+$/;
const FLOAT_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DOUBLE_MAX = 1.7976931348623157e308;
const INT_MAX = 2147483647;

export class FieldReader {
  private i = 1;

  /** `fields[0]` is the message id. */
  constructor(readonly fields: readonly string[]) {}

  get msgId(): string {
    return this.fields[0] ?? '';
  }

  get remaining(): number {
    return this.fields.length - this.i;
  }

  get position(): number {
    return this.i;
  }

  str(): string {
    if (this.i >= this.fields.length) {
      throw new DecodeError(`underrun: field ${this.i} missing`, this.i);
    }
    return this.fields[this.i++] as string;
  }

  /** Skips `n` fields the gateway does not use (they must be present). */
  skip(n = 1): void {
    for (let k = 0; k < n; k++) this.str();
  }

  /** Skips up to `n` trailing fields some client versions omit. */
  skipOpt(n = 1): void {
    for (let k = 0; k < n; k++) this.strOpt();
  }

  /** A trailing field some client versions omit: "" when absent. */
  strOpt(): string {
    return this.i < this.fields.length ? (this.fields[this.i++] as string) : '';
  }

  int(): number {
    const at = this.i;
    const s = this.str().trim();
    if (s === '') return 0;
    if (!INT_RE.test(s)) throw new DecodeError(`For input string: "${s}"`, at);
    return Number(s);
  }

  /** Int where "" and Integer.MAX_VALUE mean unset. */
  intMax(): number | undefined {
    const at = this.i;
    const s = this.str().trim();
    if (s === '') return undefined;
    if (!INT_RE.test(s)) throw new DecodeError(`For input string: "${s}"`, at);
    const n = Number(s);
    return n === INT_MAX ? undefined : n;
  }

  float(): number {
    return this.floatMax() ?? 0;
  }

  /** Double where "" and Double.MAX_VALUE mean unset. */
  floatMax(): number | undefined {
    const at = this.i;
    const s = this.str().trim();
    if (s === '') return undefined;
    if (s === 'Infinity') return Number.POSITIVE_INFINITY;
    if (s === '-Infinity') return Number.NEGATIVE_INFINITY;
    if (!FLOAT_RE.test(s)) throw new DecodeError(`For input string: "${s}"`, at);
    const n = Number(s);
    return n >= DOUBLE_MAX ? undefined : n;
  }

  /** Booleans travel as 0/1; "" is false. Java's "true"/"false" are accepted too. */
  bool(): boolean {
    const at = this.i;
    const s = this.str().trim();
    if (s === '' || s === '0' || s === 'false') return false;
    if (s === '1' || s === 'true') return true;
    if (INT_RE.test(s)) return Number(s) !== 0;
    throw new DecodeError(`For input string: "${s}"`, at);
  }

  /** Parses "tag=value;tag2=value2;" lists (TagValue lists are sent as one field). */
  tagValues(): { tag: string; value: string }[] {
    return parseTagValues(this.str());
  }
}

export function parseTagValues(s: string): { tag: string; value: string }[] {
  const out: { tag: string; value: string }[] = [];
  for (const part of s.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) out.push({ tag: part, value: '' });
    else out.push({ tag: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return out;
}
