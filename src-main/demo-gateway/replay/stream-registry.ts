// The streams of one recorded session, as its requests and messages come: a request opens a stream under its
// request id (its cancel ends it), a message goes to the stream whose id it carries, and streams with the same
// key (kind, contract, parameters) form a group a new request can be served from. The player keeps one while it
// plays; a recorder keeps one to write checkpoints.
import type { RecordedRequest } from './recorded-stream';
import { RecordedStream, TICK_MSG_IDS, tickKey } from './recorded-stream';
import type { CheckpointStream } from './checkpoint';
import type { StreamKeys } from './stream-keys';
import { toContractRequest } from './stream-keys';
import { BULLETINS_MSG, CANCEL_KINDS, CHECKPOINT_KIND, STREAM_KINDS, reqIdField } from './stream-kinds';

/** Bulletins have no request id: their stream lives under this one. */
const BULLETINS_REQ = -14;

export class StreamRegistry {
  private readonly byId = new Map<number, RecordedStream>();
  private readonly groups = new Map<string, RecordedStream[]>();
  private readonly groupOf = new Map<RecordedStream, string>();

  constructor(
    readonly keys: StreamKeys,
    /** The server version the messages are laid out in. */
    readonly version: number,
  ) {}

  /** A request record: opens a stream, ends one (its cancel), or is none of the registry's business. */
  request(r: {
    t: number;
    kind: string;
    reqId: number | null;
    contract?: RecordedRequest['contract'];
    params?: RecordedRequest['params'];
  }): void {
    if (r.kind === CHECKPOINT_KIND) return;
    const reqId = r.kind === 'reqNewsBulletins' || r.kind === 'cancelNewsBulletins' ? BULLETINS_REQ : r.reqId;
    if (reqId === null) return;
    if (CANCEL_KINDS.has(r.kind)) {
      const s = this.byId.get(reqId);
      if (s && s.endedAt === undefined) s.endedAt = r.t;
      return;
    }
    if (!STREAM_KINDS[r.kind]) return;
    this.open({ t: r.t, kind: r.kind, reqId, contract: r.contract, params: r.params });
  }

  /** A message: into its stream's state. Returns that stream, or undefined for a message of no stream. */
  message(t: number, fields: readonly string[]): RecordedStream | undefined {
    const msgId = Number(fields[0]);
    let stream: RecordedStream | undefined;
    if (msgId === BULLETINS_MSG) {
      stream =
        this.byId.get(BULLETINS_REQ) ?? this.open({ t, kind: 'reqNewsBulletins', reqId: BULLETINS_REQ });
    } else {
      const at = reqIdField(msgId, this.version);
      if (at === undefined) return undefined;
      stream = this.byId.get(Number(fields[at]));
      if (!stream) return undefined;
      if (msgId === 10) this.keys.learnContractData(fields, this.version);
    }
    stream.apply(t, fields);
    return stream;
  }

  /**
   * A tick message (tickPrice, tickSize, tickGeneric, tickString, EFP) straight from its body b[start, end), kept
   * undecoded: what a recorder's checkpointer does with most of a session's messages, at the cost of reading four
   * numbers. Returns false for any other message (the caller decodes it and calls `message`).
   */
  tickBody(t: number, b: Uint8Array, start: number, end: number): boolean {
    // Fields 0 (message id), 2 (request id) and 3 (tick type): digits up to their NUL.
    const ends: number[] = [];
    for (let i = start; i < end && ends.length < 4; i++) if (b[i] === 0) ends.push(i);
    if (ends.length < 4) return false;
    const msgId = digits(b, start, ends[0]!);
    if (!TICK_MSG_IDS.has(msgId)) return false;
    const reqId = digits(b, ends[1]! + 1, ends[2]!);
    const tickType = digits(b, ends[2]! + 1, ends[3]!);
    if (Number.isNaN(reqId) || Number.isNaN(tickType)) return false;
    const stream = this.byId.get(reqId);
    if (stream) stream.applyTickBody(t, tickKey(msgId, tickType), Buffer.from(b.subarray(start, end)));
    return true;
  }

  private open(req: RecordedRequest): RecordedStream {
    const s = new RecordedStream(req);
    const contract = req.contract ? toContractRequest(req.contract) : undefined;
    if (contract) this.keys.learn(contract);
    const key = this.keys.groupKey(req.kind, contract, req.params);
    const old = this.byId.get(req.reqId);
    if (old && old.endedAt === undefined) old.endedAt = req.t;
    this.byId.set(req.reqId, s);
    this.groupOf.set(s, key);
    const members = this.groups.get(key);
    if (members) members.push(s);
    else this.groups.set(key, [s]);
    return s;
  }

  /** Streams from a checkpoint, their state rebuilt from its messages. */
  restore(streams: readonly CheckpointStream[], t: number): void {
    for (const c of streams) {
      const s = this.open({ t: c.t, kind: c.kind, reqId: c.reqId, contract: c.contract, params: c.params });
      for (const f of c.messages) {
        s.apply(c.t, f);
        if (f[0] === '10') this.keys.learnContractData(f, this.version);
      }
      s.lastAt = t;
    }
  }

  clear(): void {
    this.byId.clear();
    this.groups.clear();
    this.groupOf.clear();
  }

  /** Every stream under its current request id. */
  all(): Iterable<RecordedStream> {
    return this.byId.values();
  }

  keyOf(s: RecordedStream): string | undefined {
    return this.groupOf.get(s);
  }

  /** A group's latest live member, or undefined when none is live. */
  current(key: string): RecordedStream | undefined {
    const members = this.groups.get(key);
    if (!members) return undefined;
    for (let i = members.length - 1; i >= 0; i--) if (members[i]!.endedAt === undefined) return members[i];
    return undefined;
  }

  /** A group's latest live member, else its latest member (an answer, or an ended stream whose state still stands). */
  latest(key: string): RecordedStream | undefined {
    const members = this.groups.get(key);
    return this.current(key) ?? members?.[members.length - 1];
  }

  /** Every member of the groups whose key starts with `prefix`. */
  membersOf(prefix: string): RecordedStream[] {
    const out: RecordedStream[] = [];
    for (const [k, ms] of this.groups) if (k.startsWith(prefix)) out.push(...ms);
    return out;
  }
}

/** The non-negative integer written in b[from, to) (at most 15 digits: exact as a number), or NaN. */
function digits(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return Number.NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}
