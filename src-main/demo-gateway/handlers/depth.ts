// Market depth: reqMktDepthExchanges, reqMktDepth/cancelMktDepth and the depth stream. A subscription first gets
// its book as inserts (operation 0), then, on every beat, the fewest updates and deletes (1, 2) by position that
// bring its client to the model's book (depth/depth-diff.ts): SMART depth as MARKET_DEPTH_L2 (13) with market
// makers, one venue's levels as MARKET_DEPTH (12). One book per instrument and beat serves every subscriber, and
// the demo clients' resting limit orders sit in it (depth/book.ts restingOrders). TWS's rules: at most 3 distinct
// depth requests per user with the standard lines (309; option depthLines), 10092 for a combination without depth,
// 354 without live data permissions, and 317 (RESET) then the book again when a new session opens or after a
// connectivity loss that kept the subscriptions. With benchStamps (npm run bench only) each beat's changes to a
// subscription are closed by a private tickString on its request id, as the L1 stream's batches are.
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import { resolveOne } from './contracts';
import { Subscriptions } from './subscriptions';
import { BookModel, exchangeRows, restingOrders, smartRows } from '../depth/book';
import type { OrderBook } from '../depth/book';
import { DepthError, DepthView, MAX_DEPTH_ROWS } from '../depth/depth-diff';
import type { DepthOp, RowsOf } from '../depth/depth-diff';
import { depthExchanges, resolveDepthRequest } from '../depth/venues';
import { mktDepthExchanges, updateMktDepth, updateMktDepthL2 } from '../wire/encode-depth';
import { tickString } from '../wire/encoder';
import { BENCH_STAMP_TICK, benchStampText } from '../gateway-options';
import { MIN_SERVER_VER_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import type { DepthRequest } from '../wire/decode-depth';

interface DepthSub {
  readonly session: Session;
  readonly reqId: number;
  readonly inst: Instrument;
  /** MARKET_DEPTH_L2 (13) with market makers, or MARKET_DEPTH (12) for one venue. */
  readonly smart: boolean;
  /** What the line limit counts: the same book asked for twice (by one client or several) is one line. */
  readonly line: string;
  readonly view: DepthView<OrderBook>;
  /** Divisor of sizes on the wire: round lots for stocks below MARKET_DATA_IN_SHARES (159), as the L1 stream. */
  readonly lot: number;
  /** Start of the session whose book the client holds (a new session resets the book). */
  sessionStart: number | undefined;
}

type ReqMktDepth = Extract<DepthRequest, { kind: 'reqMktDepth' }>;

export class DepthService {
  readonly model: BookModel;
  private readonly subs = new Subscriptions<DepthSub>();
  private restingStale = true;
  private wasPaused = false;
  /** Books of the beat in progress, one per instrument. */
  private readonly books = new Map<number, OrderBook>();
  private stampSeq = 0;

  constructor(private readonly ctx: GatewayContext) {
    this.model = new BookModel(ctx.market);
  }

  get count(): number {
    return this.subs.size;
  }

  hasWork(): boolean {
    return this.subs.size > 0;
  }

  /** reqMktDepthExchanges: every venue with depth in the universe. */
  exchanges(s: Session): void {
    s.send(mktDepthExchanges(depthExchanges(this.ctx.universe.instruments)));
  }

  /** The matching engine changed an order: the book shows the resting orders again from the next beat. */
  ordersChanged(): void {
    this.restingStale = true;
  }

  subscribe(s: Session, req: ReqMktDepth): void {
    const { reqId } = req;
    if (this.subs.has(s, reqId)) {
      s.error(reqId, 322, `Error processing request.-'cc' : cause - Duplicate ticker id`);
      return;
    }
    // The contract names the instrument; its exchange names the depth venue (ISLAND, ARCA …) or SMART.
    const r = resolveOne(this.ctx.universe, { ...req.contract, exchange: '' });
    if (!r.ok) {
      s.error(reqId, r.code, r.text);
      return;
    }
    const inst = r.inst;
    if (!this.ctx.options.liveData) {
      s.error(reqId, 354, 'Requested market data is not subscribed.');
      return;
    }
    const mode = resolveDepthRequest(inst, req.contract.exchange, req.isSmartDepth);
    if (mode.kind === 'refused') {
      s.error(reqId, mode.code, mode.message);
      return;
    }
    const line = `${inst.conId}/${mode.kind === 'smart' ? 'SMART' : mode.venue.exchange}`;
    const lines = new Set(this.subs.all.map((x) => x.line));
    const max = this.ctx.options.depthLines;
    if (!lines.has(line) && lines.size >= max) {
      s.error(reqId, 309, `Max number (${max}) of market depth requests has been reached`);
      return;
    }
    const rowsOf: RowsOf<OrderBook> =
      mode.kind === 'smart' ? smartRows : (b, side, n) => exchangeRows(b, side, n, mode.venue);
    let view: DepthView<OrderBook>;
    try {
      // TWS sends what the book has when it has fewer rows than asked for.
      view = new DepthView(Math.min(req.numRows, MAX_DEPTH_ROWS), rowsOf);
    } catch (err) {
      if (!(err instanceof DepthError)) throw err;
      s.error(reqId, 321, `Error validating request.-'bY' : cause - ${err.message}`);
      return;
    }
    const sub: DepthSub = {
      session: s,
      reqId,
      inst,
      smart: mode.kind === 'smart',
      line,
      view,
      lot: inst.secType === 'STK' && s.version < MIN_SERVER_VER_MARKET_DATA_IN_SHARES ? inst.lotSize : 1,
      sessionStart: undefined,
    };
    this.subs.add(sub);
    if (!this.ctx.dataPaused()) this.stream(sub, this.bookOf(inst, this.ctx.clock.now(), false));
    this.ctx.wake();
  }

  cancel(s: Session, reqId: number): void {
    if (!this.subs.cancel(s, reqId)) {
      s.error(reqId, 310, `Can't find the subscribed market depth with tickerId:${reqId}`);
    }
  }

  /** 1101 "data lost": every depth subscription ends; clients must ask again. */
  dropAll(): void {
    this.subs.clear();
  }

  beat(now: number): void {
    if (this.ctx.dataPaused()) {
      this.wasPaused = true;
      return;
    }
    // Back from a loss of connectivity with the subscriptions kept: TWS resets every deep book.
    const resetAll = this.wasPaused;
    this.wasPaused = false;
    if (this.subs.size === 0) return;
    this.books.clear();
    for (const sub of this.subs.all) {
      if (resetAll && sub.sessionStart !== undefined) sub.sessionStart = Number.NaN;
      this.stream(sub, this.bookOf(sub.inst, now, true));
    }
  }

  /** The book of `inst` at `now`, with the resting orders brought up to date (once per beat when `shared`). */
  private bookOf(inst: Instrument, now: number, shared: boolean): OrderBook {
    if (this.restingStale) {
      this.restingStale = false;
      this.model.setAllResting(restingOrders(this.ctx.engine.all()));
    }
    let b = shared ? this.books.get(inst.conId) : undefined;
    if (!b) {
      b = this.model.book(inst, now);
      if (shared) this.books.set(inst.conId, b);
    }
    return b;
  }

  /** Sends what moves the subscription's client to `book`: ops, or 317 and the whole book on a new session. */
  private stream(sub: DepthSub, book: OrderBook): void {
    const session = this.ctx.market.effectiveTime(sub.inst, book.time).session?.start;
    let ops: DepthOp[];
    if (sub.sessionStart !== undefined && sub.sessionStart !== session) {
      const reset = sub.view.reset(book);
      sub.session.error(sub.reqId, reset.code, reset.message);
      ops = reset.ops;
    } else {
      ops = sub.view.update(book);
    }
    sub.sessionStart = session;
    const s = sub.session;
    for (const op of ops) {
      const size = sub.lot === 1 ? op.size : Math.max(1, Math.round(op.size / sub.lot));
      s.send(sub.smart ? updateMktDepthL2(sub.reqId, op, size, true) : updateMktDepth(sub.reqId, op, size));
    }
    if (this.ctx.options.benchStamps && ops.length > 0) {
      s.send(tickString(sub.reqId, BENCH_STAMP_TICK, benchStampText(++this.stampSeq)));
    }
  }
}
