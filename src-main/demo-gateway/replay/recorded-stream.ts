// One request of a recording and what came back for it, kept as the state a newcomer needs: for ticks the latest
// message of each tick type, for depth the book's rows, for a scanner its latest result, for bars the first answer
// and the latest update of each bar, for one-off answers every message. Events (news ticks, tick-by-tick, real-time
// bars) leave no state: a newcomer gets them as they come. Message layouts are the recording's server version's.
import { bodyFields, type ContractRef, type JsonObject } from '../../recorder/format';
import { STREAM_KINDS, endsAnswer } from './stream-kinds';

/** A request as a recording holds it (and as a checkpoint lists it). */
export interface RecordedRequest {
  readonly t: number;
  readonly kind: string;
  readonly reqId: number;
  readonly contract?: ContractRef;
  readonly params?: JsonObject;
}

/** Tick messages keep their latest copy per tick type; the key of that copy (see stateKey). */
export function tickKey(msgId: number, tickType: number): number {
  return msgId * 1_000_000 + tickType;
}

/** Message ids whose latest copy per tick type is their state (tickPrice, tickSize, tickGeneric, tickString, EFP). */
export const TICK_MSG_IDS: ReadonlySet<number> = new Set([1, 2, 45, 46, 47]);

/** The key under which the latest copy of a message is kept, or null when the message leaves no state. */
function stateKey(msgId: number, f: readonly string[]): number | null {
  if (TICK_MSG_IDS.has(msgId)) return tickKey(msgId, Number(f[3]));
  switch (msgId) {
    case 21: // tickOptionComputation: reqId, tickType
      return tickKey(21, Number(f[2]));
    case 58: // marketDataType
    case 81: // tickReqParams
    case 20: // scannerData: the latest result replaces the one before
      return msgId;
    default:
      return null;
  }
}

const asFields = (m: readonly string[] | Uint8Array): string[] =>
  m instanceof Uint8Array ? bodyFields(m, 0, m.length) : (m as string[]);

/** Market depth rows by side (0 ask, 1 bid), moved by insert (0) / update (1) / delete (2) at a position. */
class Book {
  readonly sides: [string[][], string[][]] = [[], []];

  /** 12: id, version, reqId, position, operation, side, price, size; 13 adds marketMaker after position. */
  apply(msgId: number, f: readonly string[]): void {
    const l2 = msgId === 13 ? 1 : 0;
    const pos = Number(f[3]);
    const op = Number(f[4 + l2]);
    const rows = this.sides[Number(f[5 + l2]) === 1 ? 1 : 0];
    if (!Number.isInteger(pos) || pos < 0) return;
    if (op === 0) rows.splice(Math.min(pos, rows.length), 0, [...f]);
    else if (op === 1 && pos < rows.length) rows[pos] = [...f];
    else if (op === 2 && pos < rows.length) rows.splice(pos, 1);
  }

  /** The rows as inserts at their positions (what a new subscriber starts from). */
  inserts(): string[][] {
    const out: string[][] = [];
    for (const rows of this.sides)
      rows.forEach((r, pos) => {
        const l2 = r[0] === '13' ? 1 : 0;
        const x = [...r];
        x[3] = String(pos);
        x[4 + l2] = '0';
        out.push(x);
      });
    return out;
  }
}

export class RecordedStream {
  /** Time the recording's client cancelled it (or its answer ended); undefined while live. */
  endedAt: number | undefined;
  /** Last time a message came for it. */
  lastAt: number;
  /** By stateKey: the fields, or the body as received (a recorder's checkpointer keeps ticks undecoded). */
  private readonly latest = new Map<number, readonly string[] | Uint8Array>();
  private book: Book | undefined;
  /** historicalData (17) answer and the latest historicalDataUpdate (90) per bar label. */
  private bars: string[] | undefined;
  private readonly barUpdates = new Map<string, string[]>();
  /** Every message of a one-off answer, in order. */
  private readonly answer: string[][] = [];

  /** One-off answers keep every message; live streams keep state and pass events (errors among them) on. */
  readonly isAnswer: boolean;

  constructor(readonly request: RecordedRequest) {
    this.lastAt = request.t;
    this.isAnswer = STREAM_KINDS[request.kind]?.mode === 'answer';
  }

  get kind(): string {
    return this.request.kind;
  }

  get reqId(): number {
    return this.request.reqId;
  }

  /** Takes a tick message's body (a copy the stream keeps) as the latest of its tick type, undecoded. */
  applyTickBody(t: number, key: number, body: Uint8Array): void {
    this.lastAt = t;
    this.latest.set(key, body);
  }

  /** Takes one message of this stream into its state. */
  apply(t: number, fields: readonly string[]): void {
    this.lastAt = t;
    const msgId = Number(fields[0]);
    const key = stateKey(msgId, fields);
    if (key !== null) {
      this.latest.set(key, fields);
      return;
    }
    switch (msgId) {
      case 12:
      case 13:
        (this.book ??= new Book()).apply(msgId, fields);
        return;
      case 17:
        this.bars = fields as string[];
        return;
      case 90:
        this.barUpdates.set(fields[3] ?? '', fields as string[]);
        return;
      case 4:
        // An error answers a one-off request (and ends it); on a live stream it is an event.
        if (!this.isAnswer) return;
        this.answer.push(fields as string[]);
        this.endedAt ??= t;
        return;
      case 10:
      case 52:
      case 79:
      case 83:
      case 86:
      case 87:
      case 88:
      case 96:
      case 97:
      case 98:
        this.answer.push(fields as string[]);
        if (endsAnswer(msgId, fields)) this.endedAt ??= t;
        return;
      default:
        return;
    }
  }

  /** The messages a newcomer starts from, in an order a client can take them in. */
  stateMessages(): string[][] {
    const out: string[][] = [];
    const params = this.latest.get(81);
    if (params) out.push(asFields(params));
    const type = this.latest.get(58);
    if (type) out.push(asFields(type));
    for (const [k, f] of this.latest) if (k !== 81 && k !== 58) out.push(asFields(f));
    if (this.book) out.push(...this.book.inserts());
    if (this.bars) out.push(this.bars);
    out.push(...this.barUpdates.values());
    out.push(...this.answer);
    return out;
  }

  /** The latest message of one tick type (tickPrice 1, tickSize 2 …), if any came. */
  tick(msgId: number, tickType: number): readonly string[] | undefined {
    const m = this.latest.get(tickKey(msgId, tickType));
    return m && asFields(m);
  }

  /** The recorded historicalData answer and bar updates (for replay/replay-history.ts). */
  barMessages(): { first: readonly string[] | undefined; updates: readonly (readonly string[])[] } {
    return { first: this.bars, updates: [...this.barUpdates.values()] };
  }

  get hasAnswer(): boolean {
    return this.answer.length > 0;
  }
}
