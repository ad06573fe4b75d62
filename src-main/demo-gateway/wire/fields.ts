// Field formatting for outgoing messages: a message body is its fields, each followed by NUL, as TWS writes them
// (numbers in decimal text, booleans as 1/0, unset values either empty or Java's MAX constants).

/** Java's Double.MAX_VALUE as TWS prints it: clients read it as "unset" (Python compares this exact text). */
const DOUBLE_MAX_TEXT = '1.7976931348623157E308';
/** Java's Integer.MAX_VALUE: the "unset" int (UNSET_INTEGER in ibapi/const.py). */
const INT_MAX_TEXT = '2147483647';

/** Shortest decimal text for a double, with binary noise (0.1+0.2) rounded away at 8 decimals. */
function fmtNum(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '' : x > 0 ? 'Infinity' : '-Infinity';
  if (Math.abs(x) >= 1e12) return String(x);
  return String(Math.round(x * 1e8) / 1e8);
}

/** Builds one message body field by field; `done()` returns the NUL-terminated text. */
export class Msg {
  private s: string;

  constructor(id: number) {
    this.s = `${id}\0`;
  }

  int(n: number): this {
    this.s += `${Math.trunc(n)}\0`;
    return this;
  }

  /** A double; undefined becomes an empty field (read as unset by readDoubleMax/SHOW_UNSET decoders). */
  num(n: number | undefined): this {
    this.s += n === undefined ? '\0' : `${fmtNum(n)}\0`;
    return this;
  }

  /** A double the client reads with plain readDouble: unset is sent as Double.MAX_VALUE, as TWS does. */
  numOrMax(n: number | undefined): this {
    this.s += n === undefined ? `${DOUBLE_MAX_TEXT}\0` : `${fmtNum(n)}\0`;
    return this;
  }

  /** An int; undefined becomes an empty field. */
  intOpt(n: number | undefined): this {
    this.s += n === undefined ? '\0' : `${Math.trunc(n)}\0`;
    return this;
  }

  /** An int the client reads with SHOW_UNSET: unset is sent as Integer.MAX_VALUE, as TWS does. */
  intOrMax(n: number | undefined): this {
    this.s += n === undefined ? `${INT_MAX_TEXT}\0` : `${Math.trunc(n)}\0`;
    return this;
  }

  str(v: string | undefined): this {
    this.s += v === undefined ? '\0' : `${v}\0`;
    return this;
  }

  bool(b: boolean | undefined): this {
    this.s += b ? '1\0' : '0\0';
    return this;
  }

  empty(count = 1): this {
    this.s += '\0'.repeat(count);
    return this;
  }

  done(): string {
    return this.s;
  }
}

/** The fields of a body, for tests and logs (the trailing NUL's empty tail dropped). */
export function splitBody(body: string): string[] {
  const parts = body.split('\0');
  parts.pop();
  return parts;
}
