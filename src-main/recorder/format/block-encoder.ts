// The uncompressed payload of one block: records split into column streams, each TWS message coded field by field
// against the previous message of its stream (same message id, request id and tick type), so a quote tick costs a
// few bytes before compression: "same as before" for unchanged fields, a small integer delta for a price or size
// that moved. The encoder works on message bytes as they come off the socket (no string per field), the decoder
// gives strings. Every block starts from empty state, so any block decodes on its own.
//
// Payload = uvar(count) uvar(start) uvar(len T) uvar(len H) uvar(len O) uvar(len N) uvar(len S) T H O N S, where
//   start  ms from the block's earliest time (its header's first time) to its first record's time
//   T  time deltas (zigzag ms) from the previous record (the first from the first record's time: 0)
//   H  one tag per record: 0 request, 1 gap, 2 message opening a new stream, 3 message outside any stream,
//      4 + k message of stream k (streams numbered in order of first appearance in the block)
//   O  per message 4-bit ops, two a byte, each message starting on a byte: for a message of a known stream first a
//      count op (0 same field count as before, 1 count in N), then one op per field after the stream's key fields
//   N  numbers: field counts, key lengths, mantissas, deltas, scales, gap counts
//   S  strings: varint byte length + the bytes (UTF-8)
import { ByteWriter } from './byte-io';
import { POW10, parseDecimalBytes, parsedMantissa } from './decimal';
import { RecordingError } from './errors';
import type { ContractRef, GapRecord, JsonObject, RecordingEntry, RequestRecord } from './records';

export const TAG_REQUEST = 0;
export const TAG_GAP = 1;
export const TAG_NEW_STREAM = 2;
export const TAG_UNKEYED = 3;
export const TAG_STREAM = 4;

export const OP_SAME = 0;
export const OP_DELTA = 1; // delta of the mantissa, same scale as the previous value
export const OP_EMPTY = 2;
export const OP_STR = 3;
export const OP_NUM0 = 4; // literal number of scale 0, 1, 2 (ops 4, 5, 6)
export const OP_NUM_N = 7; // literal number, scale in N
export const OP_DELTA_S0 = 8; // delta at a new scale 0, 1, 2 (ops 8, 9, 10), taken at the finer of the two scales
export const OP_DELTA_S_N = 11; // delta at a new scale given in N
export const COUNT_SAME = 0;
export const COUNT_NEW = 1;

/**
 * How many leading fields name a message's stream, by message id. Ticks are keyed by (id, version, reqId,
 * tickType), so consecutive bid prices of one instrument differ by a small delta. Only the encoder reads this (the
 * key length of each new stream is written to N), so changing it changes sizes, never what a file means.
 */
function streamKeyLength(id: number): number {
  switch (id) {
    case 1: // tickPrice: id, version, reqId, tickType
    case 2: // tickSize
    case 45: // tickGeneric
    case 46: // tickString
    case 47: // tickEFP
    case 12: // mktDepth: id, version, reqId, position
    case 13: // mktDepthL2
      return 4;
    case 21: // tickOptionComputation (no version from PRICE_BASED_VOLATILITY 156): id, reqId, tickType
    case 50: // realtimeBar: id, version, reqId
    case 99: // tickByTick: id, reqId, tickType
      return 3;
    case 84: // tickNews: id, tickerId
    case 90: // historicalDataUpdate: id, reqId
    case 94: // pnl: id, reqId
    case 95: // pnlSingle: id, reqId
      return 2;
    default:
      return 1;
  }
}

function safe(n: number): boolean {
  return n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER;
}

// Writers on a local (buffer, position) pair: the hot path reserves room once per message, then these inline.
function putU(b: Uint8Array, p: number, n: number): number {
  if (n < 0x80) {
    b[p] = n;
    return p + 1;
  }
  if (n < 0x4000) {
    b[p] = (n & 0x7f) | 0x80;
    b[p + 1] = n >>> 7;
    return p + 2;
  }
  while (n >= 0x80) {
    b[p++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  b[p] = n;
  return p + 1;
}

function putS(b: Uint8Array, p: number, n: number): number {
  return putU(b, p, n >= 0 ? n * 2 : -n * 2 - 1);
}

/** Op x at nibble position q of b (low nibble first); returns the next position. */
function putOp(b: Uint8Array, q: number, x: number): number {
  const i = q >> 1;
  if ((q & 1) === 0) b[i] = x;
  else b[i] = b[i]! | (x << 4);
  return q + 1;
}

/**
 * Bytes of a stream's previous message kept in the shared arena; longer ones get a buffer of their own. Keeping
 * every stream's state in a few flat arrays (not an object with arrays per stream) matters: with thousands of
 * streams in a block, a message touches three cache lines instead of a dozen scattered ones.
 */
const SLOT = 64;
/** Ints per stream in `meta`: hash, key length (fields), key bytes, previous body length, previous field count. */
const META = 5;

/** Encodes records into one block's payload; finish() returns it and starts the next block from empty state. */
export class BlockEncoder {
  count = 0;
  firstTime = 0;
  lastTime = 0;
  private prevTime = 0;
  /** Time of the block's first record (firstTime is the earliest, which differs if the clock stepped back). */
  private startTime = 0;
  private readonly T = new ByteWriter(8 * 1024);
  private readonly H = new ByteWriter(16 * 1024);
  private readonly O = new ByteWriter(16 * 1024);
  private readonly N = new ByteWriter(32 * 1024);
  private readonly S = new ByteWriter(32 * 1024);
  // Streams of this block: an open-addressing table of ids + 1, their metadata and previous messages.
  private streamCount = 0;
  private slots: Int32Array = new Int32Array(4096);
  private meta: Int32Array = new Int32Array(2048 * META);
  private arena: Uint8Array = new Uint8Array(2048 * SLOT);
  private readonly big: Uint8Array[] = [];
  // Field bounds of the message being encoded (grown on demand).
  private fs: Int32Array = new Int32Array(64);
  private fe: Int32Array = new Int32Array(64);
  // A scratch body for records handed over as strings.
  private body = Buffer.allocUnsafe(1024);

  /** Bytes of payload so far (what the block would hold uncompressed). */
  size(): number {
    return this.T.len + this.H.len + this.O.len + this.N.len + this.S.len;
  }

  private time(t: number): void {
    if (!Number.isSafeInteger(t))
      throw new RecordingError('BAD_RECORD', `record time ${t} is not an integer`);
    if (this.count === 0) {
      this.firstTime = t;
      this.lastTime = t;
      this.prevTime = t;
      this.startTime = t;
    }
    this.T.svar(t - this.prevTime);
    this.prevTime = t;
    if (t > this.lastTime) this.lastTime = t;
    else if (t < this.firstTime) this.firstTime = t;
  }

  /**
   * One TWS message from its body bytes b[start, end): the fields, each followed by NUL, as framed on the socket (a
   * last field without its NUL counts as a field too).
   */
  addMessage(t: number, b: Uint8Array, start: number, end: number): void {
    // Field bounds.
    let n = 0;
    let s = start;
    let fs = this.fs;
    let fe = this.fe;
    for (let i = start; i < end; i++) {
      if (b[i] === 0) {
        if (n === fs.length) [fs, fe] = this.growFields();
        fs[n] = s;
        fe[n] = i;
        n++;
        s = i + 1;
      }
    }
    if (s < end) {
      if (n === fs.length) [fs, fe] = this.growFields();
      fs[n] = s;
      fe[n] = end;
      n++;
    }
    this.time(t);
    this.count++;
    const H = this.H;
    H.reserve(8);
    if (n === 0) {
      H.len = putU(H.buf, H.len, TAG_UNKEYED);
      this.N.uvar(0);
      return;
    }
    // Message id: field 0 as a small decimal integer (-1 when it is not one).
    let id = 0;
    const f0s = fs[0]!;
    const f0e = fe[0]!;
    if (f0e === f0s || f0e - f0s > 4) id = -1;
    for (let i = f0s; i < f0e && id >= 0; i++) {
      const c = b[i]! - 48;
      id = c < 0 || c > 9 ? -1 : id * 10 + c;
    }
    const want = streamKeyLength(id);
    const keyLen = want < n ? want : n;
    const keyEnd = Math.min(fe[keyLen - 1]! + 1, end);
    // FNV-1a over the key bytes and the key length, kept a small integer (no heap number).
    let h = 0x811c9dc5 ^ keyLen;
    for (let i = start; i < keyEnd; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h &= 0x3fffffff;
    const keyBytes = keyEnd - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = h & mask;
    let meta = this.meta;
    let sid = -1;
    for (;;) {
      const k = slots[slot]!;
      if (k === 0) break;
      const m = (k - 1) * META;
      if (meta[m] === h && meta[m + 1] === keyLen && meta[m + 2] === keyBytes) {
        const plen = meta[m + 3]!;
        const p = plen > SLOT ? this.big[k - 1]! : this.arena;
        const base = plen > SLOT ? 0 : (k - 1) * SLOT;
        let i = 0;
        while (i < keyBytes && p[base + i] === b[start + i]) i++;
        if (i === keyBytes) {
          sid = k - 1;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    // Room for the worst case of this message in O, N and S, so the writes below need no checks.
    const O = this.O;
    const N = this.N;
    const S = this.S;
    O.reserve((n >> 1) + 2);
    N.reserve(12 * n + 24);
    S.reserve(end - start + 5 * n);
    let q = O.len * 2;
    let from = keyLen;
    let prevN = 0;
    let plen = 0;
    if (sid < 0) {
      sid = this.streamCount++;
      if (sid * META >= meta.length) meta = this.growStreams();
      const m = sid * META;
      meta[m] = h;
      meta[m + 1] = keyLen;
      meta[m + 2] = keyBytes;
      slots[slot] = sid + 1;
      // Keep the table at most half full.
      if (this.streamCount * 2 > slots.length) this.rehash();
      H.len = putU(H.buf, H.len, TAG_NEW_STREAM);
      N.len = putU(N.buf, putU(N.buf, N.len, n), keyLen);
      from = 0;
    } else {
      const m = sid * META;
      plen = meta[m + 3]!;
      prevN = meta[m + 4]!;
      H.len = putU(H.buf, H.len, TAG_STREAM + sid);
      if (n === prevN) q = putOp(O.buf, q, COUNT_SAME);
      else {
        q = putOp(O.buf, q, COUNT_NEW);
        N.len = putU(N.buf, N.len, n);
      }
    }
    // Ops for fields [from, n) against the stream's previous message (walked field by field alongside).
    const prev = plen > SLOT ? this.big[sid]! : this.arena;
    const base = plen > SLOT ? 0 : sid * SLOT;
    const pend = base + plen;
    let pa = base + keyBytes; // start of the previous message's field `from` (key fields are the same bytes)
    const ob = O.buf;
    const nb = N.buf;
    const sb = S.buf;
    let np = N.len;
    let sp = S.len;
    for (let i = from; i < n; i++) {
      const a = fs[i]!;
      const z = fe[i]!;
      const len = z - a;
      // The previous message's field i: [pa, pz).
      let pz = -1;
      if (i < prevN) {
        pz = pa;
        let k = 0;
        while (pz < pend && prev[pz] !== 0) {
          if (k < len && prev[pz] === b[a + k]) k++;
          else k = len + 1;
          pz++;
        }
        if (k === len && pz - pa === len) {
          q = putOp(ob, q, OP_SAME);
          pa = pz + 1;
          continue;
        }
      }
      const ppa = pa;
      if (pz >= 0) pa = pz + 1;
      if (len === 0) {
        q = putOp(ob, q, OP_EMPTY);
        continue;
      }
      const sc = parseDecimalBytes(b, a, z);
      if (sc < 0) {
        q = putOp(ob, q, OP_STR);
        sp = putU(sb, sp, len);
        for (let k = a; k < z; k++) sb[sp++] = b[k]!;
        continue;
      }
      const m = parsedMantissa;
      const ps = pz > ppa ? parseDecimalBytes(prev, ppa, pz) : -1;
      const pm = parsedMantissa;
      if (ps === sc) {
        q = putOp(ob, q, OP_DELTA);
        np = putS(nb, np, m - pm);
        continue;
      }
      if (ps >= 0) {
        // Different scales ("187.3" after "187.25"): the delta is taken at the finer of the two.
        const c = sc > ps ? sc : ps;
        const x = pm * POW10[c - ps]!;
        const y = m * POW10[c - sc]!;
        const d = y - x;
        if (safe(x) && safe(y) && safe(d)) {
          if (sc <= 2) q = putOp(ob, q, OP_DELTA_S0 + sc);
          else {
            q = putOp(ob, q, OP_DELTA_S_N);
            np = putU(nb, np, sc);
          }
          np = putS(nb, np, d);
          continue;
        }
      }
      if (sc <= 2) q = putOp(ob, q, OP_NUM0 + sc);
      else {
        q = putOp(ob, q, OP_NUM_N);
        np = putU(nb, np, sc);
      }
      np = putS(nb, np, m);
    }
    // Each message's ops start on a byte.
    O.len = (q + 1) >> 1;
    N.len = np;
    S.len = sp;
    // This message becomes the stream's previous one.
    const blen = end - start;
    let dst: Uint8Array;
    let d0: number;
    if (blen > SLOT) {
      let own = this.big[sid];
      if (own === undefined || own.length < blen) {
        own = new Uint8Array(Math.max(blen, 2 * (own?.length ?? 0)));
        this.big[sid] = own;
      }
      dst = own;
      d0 = 0;
    } else {
      dst = this.arena;
      d0 = sid * SLOT;
    }
    for (let i = start; i < end; i++) dst[d0 + i - start] = b[i]!;
    const m = sid * META;
    meta[m + 3] = blen;
    meta[m + 4] = n;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.streamCount; id++) {
      let slot = this.meta[id * META]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }

  private growStreams(): Int32Array {
    this.meta = doubled(this.meta, Int32Array);
    this.arena = doubled(this.arena, Uint8Array);
    return this.meta;
  }

  private growFields(): [Int32Array, Int32Array] {
    this.fs = doubled(this.fs, Int32Array);
    this.fe = doubled(this.fe, Int32Array);
    return [this.fs, this.fe];
  }

  /** One TWS message from its fields (none may hold NUL: on the wire NUL ends a field). */
  addIncoming(t: number, fields: readonly string[]): void {
    let need = 0;
    for (const f of fields) need += f.length * 3 + 1;
    if (need > this.body.length) this.body = Buffer.allocUnsafe(Math.max(need, this.body.length * 2));
    const body = this.body;
    let p = 0;
    for (const f of fields) {
      if (f.indexOf('\0') !== -1) throw new RecordingError('BAD_RECORD', 'a message field holds NUL');
      p += body.write(f, p, 'utf8');
      body[p++] = 0;
    }
    this.addMessage(t, body, 0, p);
  }

  addRequest(t: number, r: Omit<RequestRecord, 'type' | 't'>): void {
    const body: { kind: string; reqId: number | null; contract?: ContractRef; params?: JsonObject } = {
      kind: r.kind,
      reqId: r.reqId,
    };
    if (r.contract !== undefined) body.contract = r.contract;
    if (r.params !== undefined) body.params = r.params;
    const json = JSON.stringify(body);
    this.time(t);
    this.count++;
    this.H.uvar(TAG_REQUEST);
    this.S.str(json);
  }

  addGap(t: number, dropped: number, since: number, reason: GapRecord['reason'] = 'queue-full'): void {
    if (!Number.isSafeInteger(since) || !Number.isSafeInteger(dropped) || dropped < 0)
      throw new RecordingError('BAD_RECORD', `a gap of ${dropped} records from ${since} is not valid`);
    this.time(t);
    this.count++;
    this.H.uvar(TAG_GAP);
    this.N.uvar(dropped);
    this.N.svar(t - since);
    this.N.uvar(reason === 'damaged' ? 1 : 0);
  }

  add(r: RecordingEntry): void {
    if (r.type === 'in') this.addIncoming(r.t, r.fields);
    else if (r.type === 'req') this.addRequest(r.t, r);
    else this.addGap(r.t, r.dropped, r.since, r.reason);
  }

  /** The payload of the records added since the last finish(); the encoder starts a fresh block. */
  finish(): Buffer {
    const parts = [this.T, this.H, this.O, this.N, this.S];
    const head = new ByteWriter(64);
    head.uvar(this.count);
    head.uvar(this.count === 0 ? 0 : this.startTime - this.firstTime);
    for (const w of parts) head.uvar(w.len);
    const out = Buffer.allocUnsafe(head.len + this.size());
    let p = head.view().copy(out, 0);
    for (const w of parts) {
      p += w.view().copy(out, p);
      w.reset();
    }
    this.count = 0;
    this.slots.fill(0);
    this.streamCount = 0;
    return out;
  }
}

/** `a`'s values at the start of an array twice its length (the tables grow by doubling). */
function doubled<T extends Int32Array | Uint8Array>(a: T, make: new (length: number) => T): T {
  const b = new make(a.length * 2);
  b.set(a);
  return b;
}
