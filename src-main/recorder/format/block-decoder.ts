// The decoding half of the block payload format (its layout and codes: block-encoder.ts): one block's payload in, its records out;
// any inconsistency is a DAMAGED_BLOCK error, never a wrong record.
import { ByteReader } from './byte-io';
import { POW10, formatDecimal } from './decimal';
import { RecordingError } from './errors';
import type { ContractRef, JsonObject, RecordingEntry, RequestRecord } from './records';
import {
  COUNT_NEW,
  COUNT_SAME,
  OP_DELTA,
  OP_DELTA_S0,
  OP_DELTA_S_N,
  OP_EMPTY,
  OP_NUM0,
  OP_NUM_N,
  OP_SAME,
  OP_STR,
  TAG_GAP,
  TAG_NEW_STREAM,
  TAG_REQUEST,
  TAG_STREAM,
  TAG_UNKEYED,
} from './block-encoder';

function damaged(what: string): never {
  throw new RecordingError('DAMAGED_BLOCK', `block payload is inconsistent: ${what}`);
}

/** A stream's previous message on the decoding side, as strings. */
type DecStream = { keyLen: number; fields: string[]; mant: number[]; scale: number[] };

/** Decodes one block's payload (firstTime from its header); any inconsistency is a DAMAGED_BLOCK error. */
export function decodeBlock(payload: Buffer, firstTime: number): RecordingEntry[] {
  const head = new ByteReader(payload);
  const count = head.uvar();
  const startOffset = head.uvar();
  const lens = [head.uvar(), head.uvar(), head.uvar(), head.uvar(), head.uvar()];
  let p = head.pos;
  const readers: ByteReader[] = [];
  for (const len of lens) {
    if (p + len > payload.length) damaged('a stream runs past the payload');
    readers.push(new ByteReader(payload, p, p + len));
    p += len;
  }
  if (p !== payload.length) damaged('bytes after the last stream');
  // Every record takes at least one byte of T and H: a count beyond that is damage, not a reason to allocate.
  if (count > lens[0]!) damaged('more records than time deltas');
  const [T, H, O, N, S] = readers as [ByteReader, ByteReader, ByteReader, ByteReader, ByteReader];
  const streams: DecStream[] = [];
  const out: RecordingEntry[] = new Array(count);
  let t = firstTime + startOffset;
  let half = -1;
  const op = (): number => {
    if (half >= 0) {
      const x = half;
      half = -1;
      return x;
    }
    const byte = O.byte();
    half = byte >> 4;
    return byte & 15;
  };

  const readFields = (st: DecStream, fields: string[], from: number): void => {
    const prevLen = st.fields.length;
    const n = fields.length;
    for (let i = from; i < n; i++) {
      const o = op();
      const has = i < prevLen;
      if (o === OP_SAME) {
        if (!has) damaged('"same" without a previous field');
        fields[i] = st.fields[i]!;
        continue;
      }
      if (o === OP_EMPTY || o === OP_STR) {
        const v = o === OP_EMPTY ? '' : S.str();
        fields[i] = v;
        st.fields[i] = v;
        st.scale[i] = -1;
        continue;
      }
      let m: number;
      let s: number;
      if (o === OP_DELTA) {
        if (!has || st.scale[i]! < 0) damaged('a delta without a previous number');
        s = st.scale[i]!;
        m = st.mant[i]! + N.svar();
      } else if (o >= OP_NUM0 && o <= OP_NUM_N) {
        s = o === OP_NUM_N ? N.uvar() : o - OP_NUM0;
        if (s >= POW10.length) damaged(`scale ${s}`);
        m = N.svar();
      } else if (o >= OP_DELTA_S0 && o <= OP_DELTA_S_N) {
        if (!has || st.scale[i]! < 0) damaged('a delta without a previous number');
        s = o === OP_DELTA_S_N ? N.uvar() : o - OP_DELTA_S0;
        if (s >= POW10.length) damaged(`scale ${s}`);
        const ps = st.scale[i]!;
        const c = s > ps ? s : ps;
        m = (st.mant[i]! * POW10[c - ps]! + N.svar()) / POW10[c - s]!;
      } else damaged(`unknown op ${o}`);
      if (!Number.isSafeInteger(m)) damaged('a number out of range');
      const v = formatDecimal(m, s);
      fields[i] = v;
      st.fields[i] = v;
      st.mant[i] = m;
      st.scale[i] = s;
    }
    if (half >= 0) {
      if (half !== 0) damaged('a stray op');
      half = -1;
    }
    st.fields.length = n;
    st.mant.length = n;
    st.scale.length = n;
  };

  for (let r = 0; r < count; r++) {
    t += T.svar();
    const tag = H.uvar();
    if (tag === TAG_REQUEST) {
      out[r] = requestFromJson(t, S.str());
    } else if (tag === TAG_GAP) {
      const dropped = N.uvar();
      const since = t - N.svar();
      const reason = N.uvar();
      if (reason > 1) damaged(`gap reason ${reason}`);
      out[r] = { type: 'gap', t, dropped, since, reason: reason === 1 ? 'damaged' : 'queue-full' };
    } else if (tag === TAG_NEW_STREAM || tag === TAG_UNKEYED) {
      const n = N.uvar();
      if (n > payload.length) damaged('a field count larger than the block');
      const keyLen = tag === TAG_NEW_STREAM ? N.uvar() : 0;
      if (tag === TAG_NEW_STREAM && (keyLen < 1 || keyLen > n))
        damaged('a stream key longer than its message');
      const fields: string[] = new Array(n);
      const st: DecStream = { keyLen, fields: [], mant: [], scale: [] };
      if (n > 0) readFields(st, fields, 0);
      if (tag === TAG_NEW_STREAM) streams.push(st);
      out[r] = { type: 'in', t, fields };
    } else {
      const st = streams[tag - TAG_STREAM];
      if (st === undefined) damaged(`stream ${tag - TAG_STREAM} was never opened`);
      const c = op();
      let n: number;
      if (c === COUNT_SAME) n = st.fields.length;
      else if (c === COUNT_NEW) n = N.uvar();
      else damaged(`unknown count op ${c}`);
      if (n < st.keyLen || n > payload.length) damaged('a field count that does not fit its stream');
      const fields: string[] = new Array(n);
      for (let i = 0; i < st.keyLen; i++) fields[i] = st.fields[i]!;
      readFields(st, fields, st.keyLen);
      out[r] = { type: 'in', t, fields };
    }
  }
  for (const x of readers) if (!x.atEnd()) damaged('bytes left in a stream');
  return out;
}

function requestFromJson(t: number, text: string): RequestRecord {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    damaged('a request that is not JSON');
  }
  if (typeof v !== 'object' || v === null) damaged('a request that is not an object');
  const o = v as { kind?: unknown; reqId?: unknown; contract?: unknown; params?: unknown };
  if (typeof o.kind !== 'string' || !(o.reqId === null || typeof o.reqId === 'number'))
    damaged('a request without kind or reqId');
  const r: {
    type: 'req';
    t: number;
    kind: string;
    reqId: number | null;
    contract?: ContractRef;
    params?: JsonObject;
  } = { type: 'req', t, kind: o.kind, reqId: o.reqId };
  if (o.contract !== undefined) r.contract = o.contract as ContractRef;
  if (o.params !== undefined) r.params = o.params as JsonObject;
  return r;
}
