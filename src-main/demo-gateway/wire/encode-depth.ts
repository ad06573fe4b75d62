// Market depth, tick-by-tick and historical tick messages, field by field in the order of ibapi/decoder.py. None of
// them changes layout inside 157…193 (SERVICE_DATA_TYPE 120 for MKT_DEPTH_EXCHANGES' last three fields,
// SMART_DEPTH 146 for MARKET_DEPTH_L2's isSmartDepth, TICK_BY_TICK 137 and HISTORICAL_TICKS 130 are all older), so
// they take no version; what changes with the version is the size unit, which the handlers choose. Sizes are
// Decimal text on the wire: integers here, never "" (Python reads "" as UNSET, ib_async raises on it).
import { Msg } from './fields';
import { Outgoing as O } from './message-ids';
import type { DepthExchangeRow } from '../depth/venues';
import type { DepthOp } from '../depth/depth-diff';
import type { HistoricalTickBidAsk, HistoricalTickLast, HistoricalTickMid } from '../depth/historical-ticks';
import { historicalBidAskMask, lastMask, tickByTickBidAskMask } from '../depth/ticks';
import type { BidAskTick, TradeTick } from '../depth/ticks';

/** MKT_DEPTH_EXCHANGES (80): count, then exchange, secType, listingExch, serviceDataType, aggGroup per row. */
export function mktDepthExchanges(rows: readonly DepthExchangeRow[]): string {
  const m = new Msg(O.MKT_DEPTH_EXCHANGES).int(rows.length);
  for (const r of rows)
    m.str(r.exchange).str(r.secType).str(r.listingExch).str(r.serviceDataType).int(r.aggGroup);
  return m.done();
}

/** MARKET_DEPTH (12), version 1: one venue's levels, no market maker. `size` already in the wire's unit. */
export function updateMktDepth(reqId: number, op: DepthOp, size: number): string {
  return new Msg(O.MARKET_DEPTH)
    .int(1)
    .int(reqId)
    .int(op.position)
    .int(op.operation)
    .int(op.side)
    .num(op.price)
    .int(size)
    .done();
}

/** MARKET_DEPTH_L2 (13), version 1: position, marketMaker, operation, side, price, size, isSmartDepth. */
export function updateMktDepthL2(reqId: number, op: DepthOp, size: number, isSmartDepth: boolean): string {
  return new Msg(O.MARKET_DEPTH_L2)
    .int(1)
    .int(reqId)
    .int(op.position)
    .str(op.marketMaker)
    .int(op.operation)
    .int(op.side)
    .num(op.price)
    .int(size)
    .bool(isSmartDepth)
    .done();
}

/** TICK_BY_TICK (99) Last (1) / AllLast (2): time, price, size, TickAttribLast mask, exchange, conditions. */
export function tickByTickLast(reqId: number, type: 1 | 2, t: TradeTick): string {
  return new Msg(O.TICK_BY_TICK)
    .int(reqId)
    .int(type)
    .int(t.time)
    .num(t.price)
    .int(t.size)
    .int(lastMask(t))
    .str(t.exchange)
    .str(t.specialConditions)
    .done();
}

/** TICK_BY_TICK (99) BidAsk (3): mask bit 0 bidPastLow, bit 1 askPastHigh. Sizes in the wire's unit. */
export function tickByTickBidAsk(reqId: number, t: BidAskTick, bidSize: number, askSize: number): string {
  return new Msg(O.TICK_BY_TICK)
    .int(reqId)
    .int(3)
    .int(t.time)
    .num(t.bidPrice)
    .num(t.askPrice)
    .int(bidSize)
    .int(askSize)
    .int(tickByTickBidAskMask(t))
    .done();
}

/** TICK_BY_TICK (99) MidPoint (4). */
export function tickByTickMidPoint(reqId: number, time: number, midPoint: number): string {
  return new Msg(O.TICK_BY_TICK).int(reqId).int(4).int(time).num(midPoint).done();
}

/** HISTORICAL_TICKS (96), MIDPOINT: per tick time, an unused field (Java readInt, Python "for consistency"), price, size. */
export function historicalTicksMid(
  reqId: number,
  ticks: readonly HistoricalTickMid[],
  done: boolean,
): string {
  const m = new Msg(O.HISTORICAL_TICKS).int(reqId).int(ticks.length);
  for (const t of ticks) m.int(t.time).int(0).num(t.price).int(t.size);
  return m.bool(done).done();
}

/** HISTORICAL_TICKS_BID_ASK (97): mask bit 0 askPastHigh, bit 1 bidPastLow (the reverse of TICK_BY_TICK's). */
export function historicalTicksBidAsk(
  reqId: number,
  ticks: readonly HistoricalTickBidAsk[],
  done: boolean,
): string {
  const m = new Msg(O.HISTORICAL_TICKS_BID_ASK).int(reqId).int(ticks.length);
  for (const t of ticks) {
    m.int(t.time).int(historicalBidAskMask(t)).num(t.priceBid).num(t.priceAsk).int(t.sizeBid).int(t.sizeAsk);
  }
  return m.bool(done).done();
}

/** HISTORICAL_TICKS_LAST (98): per tick time, TickAttribLast mask, price, size, exchange, specialConditions. */
export function historicalTicksLast(
  reqId: number,
  ticks: readonly HistoricalTickLast[],
  done: boolean,
): string {
  const m = new Msg(O.HISTORICAL_TICKS_LAST).int(reqId).int(ticks.length);
  for (const t of ticks) {
    m.int(t.time).int(lastMask(t)).num(t.price).int(t.size).str(t.exchange).str(t.specialConditions);
  }
  return m.bool(done).done();
}
