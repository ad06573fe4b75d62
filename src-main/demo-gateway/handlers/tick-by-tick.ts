// Tick-by-tick data: reqTickByTickData/cancelTickByTickData and the TICK_BY_TICK (99) stream. Last and AllLast are
// the tape's prints (depth/tape.ts: each at the L1 last price of its millisecond), BidAsk and MidPoint the L1
// quote's changes, so the stream agrees with reqMktData's. Each beat sends what happened since the previous one.
// TWS's rules: at most 3 distinct tick-by-tick requests per user with the standard market data lines (10190; the
// same formula as depth lines per IB's docs, option depthLines), none without live data permissions and no trades
// on IDEALPRO (10189).
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import type { Instrument } from '../model/instrument';
import { resolveOne } from './contracts';
import { Subscriptions } from './subscriptions';
import { TICK_BY_TICK_CODE, TickByTickStream, parseTickByTickType } from '../depth/ticks';
import type { TickByTick, TickByTickType, TickModel } from '../depth/ticks';
import { Tape } from '../depth/tape';
import { venuesOf } from '../depth/venues';
import { tickByTickBidAsk, tickByTickLast, tickByTickMidPoint } from '../wire/encode-depth';
import { MIN_SERVER_VER_MARKET_DATA_IN_SHARES } from '../wire/server-versions';
import type { DepthRequest } from '../wire/decode-depth';

const FAILED = 'Failed to request tick-by-tick data';

interface TickSub {
  readonly session: Session;
  readonly reqId: number;
  readonly type: TickByTickType;
  readonly code: 1 | 2 | 3 | 4;
  /** What the limit counts: one instrument and tick type, however many clients ask for it. */
  readonly line: string;
  readonly stream: TickByTickStream;
  /** Divisor of BidAsk sizes: round lots for stocks below MARKET_DATA_IN_SHARES (159), as the L1 bid/ask sizes.
   *  Trade sizes are always shares: a print of 7 shares has no size in lots. */
  readonly lot: number;
}

type ReqTickByTick = Extract<DepthRequest, { kind: 'reqTickByTickData' }>;

export class TickByTickService {
  private readonly subs = new Subscriptions<TickSub>();

  constructor(
    private readonly ctx: GatewayContext,
    private readonly model: TickModel,
  ) {}

  get count(): number {
    return this.subs.size;
  }

  hasWork(): boolean {
    return this.subs.size > 0;
  }

  subscribe(s: Session, req: ReqTickByTick): void {
    const { reqId } = req;
    if (this.subs.has(s, reqId)) {
      s.error(reqId, 322, `Error processing request.-'cc' : cause - Duplicate ticker id`);
      return;
    }
    const r = resolveOne(this.ctx.universe, req.contract);
    if (!r.ok) {
      s.error(reqId, r.code, r.text);
      return;
    }
    const inst = r.inst;
    const type = parseTickByTickType(req.tickType);
    if (!type) {
      s.error(reqId, 10189, `${FAILED}:Invalid tick type ${req.tickType}`);
      return;
    }
    if (!this.ctx.options.liveData) {
      s.error(reqId, 10189, `${FAILED}.No market data permissions for ${permissionName(inst)}.`);
      return;
    }
    if ((type === 'Last' || type === 'AllLast') && !Tape.trades(inst)) {
      s.error(
        reqId,
        10189,
        `${FAILED}:${type} tick-by-tick requests are not supported for ${inst.localSymbol}`,
      );
      return;
    }
    const line = `${inst.conId}/${type}`;
    const lines = new Set(this.subs.all.map((x) => x.line));
    if (!lines.has(line) && lines.size >= this.ctx.options.depthLines) {
      s.error(reqId, 10190, 'Max number of tick-by-tick requests has been reached.');
      return;
    }
    const sub: TickSub = {
      session: s,
      reqId,
      type,
      code: TICK_BY_TICK_CODE[type],
      line,
      stream: new TickByTickStream(this.model, inst, type, req.ignoreSize),
      lot: inst.secType === 'STK' && s.version < MIN_SERVER_VER_MARKET_DATA_IN_SHARES ? inst.lotSize : 1,
    };
    this.subs.add(sub);
    const first = sub.stream.start(this.ctx.clock.now(), req.numberOfTicks);
    if (!this.ctx.dataPaused()) this.send(sub, first);
    this.ctx.wake();
  }

  /** TWS answers nothing to a cancel, known id or not. */
  cancel(s: Session, reqId: number): void {
    this.subs.cancel(s, reqId);
  }

  /** 1101 "data lost": every tick-by-tick subscription ends; clients must ask again. */
  dropAll(): void {
    this.subs.clear();
  }

  beat(now: number): void {
    const paused = this.ctx.dataPaused();
    for (const sub of this.subs.all) {
      const ticks = sub.stream.poll(now);
      // During a connectivity loss nothing reaches the client, and TWS does not replay the gap afterwards.
      if (!paused) this.send(sub, ticks);
    }
  }

  private send(sub: TickSub, ticks: readonly TickByTick[]): void {
    const s = sub.session;
    for (const t of ticks) {
      switch (t.kind) {
        case 'trade':
          s.send(tickByTickLast(sub.reqId, sub.code === 2 ? 2 : 1, t));
          break;
        case 'bidAsk':
          s.send(tickByTickBidAsk(sub.reqId, t, t.bidSize / sub.lot, t.askSize / sub.lot));
          break;
        case 'midPoint':
          s.send(tickByTickMidPoint(sub.reqId, t.time, t.midPoint));
          break;
      }
    }
  }
}

/** "ISLAND STK": the listing venue and security type TWS names when permissions are missing. */
function permissionName(inst: Instrument): string {
  const v = venuesOf(inst);
  return `${(v.venues[v.home] as { exchange: string }).exchange} ${inst.secType}`;
}
