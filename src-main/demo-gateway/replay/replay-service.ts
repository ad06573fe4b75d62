// The replaying gateway's answer to a client's request: when the recording holds a stream of the same kind,
// contract and parameters, the client gets that stream under its own request id — its state at the replay clock
// first, then every message as the recording plays (live kinds), or the recorded reply (one-off kinds). A request
// the recording cannot answer is left to the model (handle() returns false), which answers it or refuses it as
// TWS would. Any number of clients, each with its own request ids, share the one replay.
import type { JsonObject } from '../../recorder/format';
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import type { ContractRequest } from '../orders/order-types';
import { resolveOne } from '../handlers/contracts';
import { parseNewsTickList } from '../news';
import type { Request } from '../wire/requests';
import { tickSnapshotEnd, tickString } from '../wire/encoder';
import { BENCH_STAMP_TICK } from '../gateway-options';
import type { Player } from './player';
import { linesOf } from './session-lines';
import type { RecordedStream } from './recorded-stream';
import { relay } from './relay';
import type { RelayTarget } from './relay';
import type { ReplayHistory } from './replay-history';
import { CANCEL_KINDS, STREAM_KINDS } from './stream-kinds';

/** Which recorded messages a client's line takes (a quotes-off news line, a line without news ticks …). */
type Filter = (fields: readonly string[]) => boolean;

const QUOTE_MSGS = new Set(['1', '2', '45', '46', '47', '21']);

interface Line {
  stop(): void;
}

/** The fields every request kind may carry, read without knowing the kind (depth, tick-by-tick …). */
interface AnyRequest {
  readonly kind: string;
  readonly reqId?: number;
  readonly contract?: ContractRequest;
}

export class ReplayService {
  private readonly lines = new Map<Session, Map<number, Line>>();
  /** Bench stamps (npm run bench): the line each session's stamps go on (its first quote line, as the live model's
   *  go on its first subscription: the watchlist's first row, which is on screen), the pump it last got one in. */
  private readonly stampLine = new WeakMap<Session, number>();
  private readonly stamped = new WeakMap<Session, number>();
  private stampSeq = 0;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly player: Player,
    private readonly history: ReplayHistory,
  ) {}

  /** Answers `req` from the recording; false when the model must. */
  handle(s: Session, req: Request): boolean {
    const r = req as AnyRequest;
    switch (req.kind) {
      case 'reqMktData':
        return this.attach(
          s,
          req.reqId,
          r,
          marketDataFilter(req.genericTickList),
          req.snapshot || req.regulatorySnapshot,
        );
      case 'reqHistoricalData': {
        const key = this.player.keys.groupKey(req.kind, req.contract, req as unknown as JsonObject);
        return this.history.request(s, req, key, this.instrument(req.contract));
      }
      case 'cancelHistoricalData':
        return this.history.cancel(s, req.reqId);
      case 'reqNewsBulletins':
        return this.attach(s, -1, r, () => true, false);
      case 'cancelNewsBulletins':
        return this.detach(s, -1);
      default:
        break;
    }
    const kind = STREAM_KINDS[r.kind];
    if (kind?.mode === 'live' && r.reqId !== undefined) return this.attach(s, r.reqId, r, () => true, false);
    if (kind?.mode === 'answer' && r.reqId !== undefined) return this.answer(s, r.reqId, r);
    if (CANCEL_KINDS.has(r.kind) && r.reqId !== undefined) return this.detach(s, r.reqId);
    return false;
  }

  /** The universe's instrument for a contract, or a stand-in with the recording's symbol (bars only need tick and type). */
  instrument(c: ContractRequest): Instrument {
    const r = resolveOne(this.ctx.universe, c);
    if (r.ok) return r.inst;
    const template = this.ctx.universe.stocks[0]!;
    return {
      ...template,
      conId: c.conId,
      symbol: c.symbol,
      localSymbol: c.localSymbol || c.symbol,
      primaryExchange: c.primaryExchange,
      secType: c.secType === 'CASH' || c.secType === 'FUT' ? c.secType : 'STK',
      currency: c.currency || 'USD',
    };
  }

  private key(r: AnyRequest): string {
    return this.player.keys.groupKey(r.kind, r.contract, r as unknown as JsonObject);
  }

  /** A live stream under the client's request id: its state now, then its messages (a snapshot: the state only). */
  private attach(s: Session, reqId: number, r: AnyRequest, take: Filter, snapshot: boolean): boolean {
    const key = this.key(r);
    const found = this.player.find(key);
    if (!found.stream && !found.pending) return false;
    const mine = this.lines.get(s);
    if (mine?.has(reqId)) {
      s.error(reqId, 322, "Error processing request.-'cc' : cause - Duplicate ticker id");
      return true;
    }
    const inst = r.contract ? this.instrument(r.contract) : this.ctx.universe.stocks[0]!;
    const to: RelayTarget = {
      reqId,
      version: s.version,
      stock: r.contract !== undefined && inst.secType === 'STK',
    };
    // Depth rows the client holds per side, so a seek can take them away before the new book goes in.
    const rows = [0, 0];
    const send = (f: readonly string[]): void => {
      if (f[0] === '12' || f[0] === '13') countRows(rows, f);
      const body = relay(f, this.player.version, to, inst);
      if (body !== undefined) s.send(body);
    };
    const state = (stream: RecordedStream | undefined): void => {
      for (const f of stream?.stateMessages() ?? []) if (take(f)) send(f);
    };
    state(this.player.current(key) ?? found.stream);
    if (snapshot) {
      s.send(tickSnapshotEnd(reqId));
      return true;
    }
    const stamps = this.ctx.options.benchStamps && r.kind === 'reqMktData' && !snapshot;
    if (stamps && !this.stampLine.has(s)) this.stampLine.set(s, reqId);
    const stop = this.player.listen(key, {
      message: (stream, fields) => {
        if (stream !== this.player.current(key) || !take(fields)) return;
        send(fields);
        if (stamps && this.stampLine.get(s) === reqId && QUOTE_MSGS.has(fields[0] ?? ''))
          this.stamp(s, reqId);
      },
      seeked: () => {
        for (const f of clearRows(rows, reqId)) send(f);
        state(this.player.current(key) ?? this.player.find(key).stream);
      },
    });
    linesOf(this.lines, s).set(reqId, { stop });
    return true;
  }

  /**
   * A bench stamp after a relayed quote, as the live model sends one after a beat's ticks (handlers/market-data.ts):
   * one per session per pump of the player, on the stamped line after its quote, with the wall time it went out.
   */
  private stamp(s: Session, reqId: number): void {
    const pump = this.player.pumps;
    if (this.stamped.get(s) === pump) return;
    this.stamped.set(s, pump);
    s.send(
      tickString(
        reqId,
        BENCH_STAMP_TICK,
        `${++this.stampSeq};${(performance.timeOrigin + performance.now()).toFixed(3)}`,
      ),
    );
  }

  private detach(s: Session, reqId: number): boolean {
    const line = this.lines.get(s)?.get(reqId);
    if (!line) return false;
    line.stop();
    this.lines.get(s)!.delete(reqId);
    return true;
  }

  /** A one-off request the recording answered: the same reply, once the recording has all of it. */
  private answer(s: Session, reqId: number, r: AnyRequest): boolean {
    const stream = this.player.find(this.key(r)).stream;
    if (!stream?.hasAnswer || stream.endedAt === undefined) return false;
    const inst = r.contract ? this.instrument(r.contract) : this.ctx.universe.stocks[0]!;
    const to: RelayTarget = {
      reqId,
      version: s.version,
      stock: r.contract !== undefined && inst.secType === 'STK',
    };
    for (const f of stream.stateMessages()) {
      const body = relay(f, this.player.version, to, inst);
      if (body !== undefined) s.send(body);
    }
    return true;
  }
}

/** Depth messages (12: …, position, operation, side; 13 has marketMaker after position) move the row counts. */
function countRows(rows: number[], f: readonly string[]): void {
  const l2 = f[0] === '13' ? 1 : 0;
  const op = f[4 + l2];
  const side = f[5 + l2] === '1' ? 1 : 0;
  if (op === '0') rows[side]!++;
  else if (op === '2') rows[side] = Math.max(0, rows[side]! - 1);
}

/** Deletes of every row the client holds (at position 0, one by one), as recorded-layout depth messages. */
function clearRows(rows: number[], reqId: number): string[][] {
  const out: string[][] = [];
  for (const side of [0, 1])
    for (let k = rows[side]!; k > 0; k--)
      out.push(['12', '1', String(reqId), '0', '2', String(side), '0', '0']);
  return out;
}

/** reqMktData's generic ticks on a recorded line: news ticks (84) only with 292, quote ticks not with mdoff. */
function marketDataFilter(genericTickList: string): Filter {
  const news = parseNewsTickList(genericTickList);
  const mdoff = news?.mdoff ?? genericTickList.split(',').some((t) => t.trim().toLowerCase() === 'mdoff');
  return (f) => {
    if (f[0] === '84')
      return news !== null && (news.providers === null || news.providers.includes(f[3] ?? ''));
    return !(mdoff && QUOTE_MSGS.has(f[0] ?? ''));
  };
}
