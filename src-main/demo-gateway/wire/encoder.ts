// Outgoing messages except contracts and orders, each laid out as TWS does at the negotiated server version `v`
// (field order from IB's ibapi/decoder.py). Returns message bodies; framing is added by FrameBatch.
import { Msg } from './fields';
import { Outgoing as O } from './message-ids';
import {
  MIN_SERVER_VER_ADVANCED_ORDER_REJECT,
  MIN_SERVER_VER_LAST_LIQUIDITY,
  MIN_SERVER_VER_PENDING_PRICE_REVISION,
  MIN_SERVER_VER_REALIZED_PNL,
  MIN_SERVER_VER_UNREALIZED_PNL,
} from './server-versions';
import type { Instrument } from '../model/instrument';

/** The first frame after the handshake: "<version>\0<connTime>\0" — no message id (EClient.connect reads 2 fields). */
export function serverVersionFrame(version: number, connTime: string): string {
  return `${version}\0${connTime}\0`;
}

export function nextValidId(orderId: number): string {
  return new Msg(O.NEXT_VALID_ID).int(1).int(orderId).done();
}

export function managedAccounts(accounts: readonly string[]): string {
  return new Msg(O.MANAGED_ACCTS).int(1).str(accounts.join(',')).done();
}

/** ERR_MSG (4), version 2: id, code, text; the advanced-reject JSON field exists from ADVANCED_ORDER_REJECT (166). */
export function errorMessage(v: number, id: number, code: number, text: string, advancedJson = ''): string {
  const m = new Msg(O.ERR_MSG).int(2).int(id).int(code).str(text);
  if (v >= MIN_SERVER_VER_ADVANCED_ORDER_REJECT) m.str(advancedJson);
  return m.done();
}

export function currentTime(epochSeconds: number): string {
  return new Msg(O.CURRENT_TIME).int(1).int(epochSeconds).done();
}

/** TICK_PRICE (1), version 6: the size rides along for bid/ask/last; attrMask bit 0 canAutoExecute, 1 pastLimit. */
export function tickPrice(
  reqId: number,
  tickType: number,
  price: number,
  size: number,
  attrMask: number,
): string {
  return `${O.TICK_PRICE}\x006\0${reqId}\0${tickType}\0${fmtPrice(price)}\0${size}\0${attrMask}\0`;
}

export function tickSize(reqId: number, tickType: number, size: number): string {
  return `${O.TICK_SIZE}\x006\0${reqId}\0${tickType}\0${size}\0`;
}

export function tickGeneric(reqId: number, tickType: number, value: number): string {
  return new Msg(O.TICK_GENERIC).int(6).int(reqId).int(tickType).num(value).done();
}

export function tickString(reqId: number, tickType: number, value: string): string {
  return new Msg(O.TICK_STRING).int(6).int(reqId).int(tickType).str(value).done();
}

/** TICK_REQ_PARAMS (81): sent by TWS for every reqMktData before the first tick. */
export function tickReqParams(
  reqId: number,
  minTick: number,
  bboExchange: string,
  snapshotPermissions: number,
): string {
  return new Msg(O.TICK_REQ_PARAMS).int(reqId).num(minTick).str(bboExchange).int(snapshotPermissions).done();
}

export function tickSnapshotEnd(reqId: number): string {
  return new Msg(O.TICK_SNAPSHOT_END).int(1).int(reqId).done();
}

export function marketDataType(reqId: number, type: number): string {
  return new Msg(O.MARKET_DATA_TYPE).int(1).int(reqId).int(type).done();
}

export function historicalDataUpdate(
  reqId: number,
  barCount: number,
  date: string,
  open: number,
  close: number,
  high: number,
  low: number,
  wap: number,
  volume: number,
): string {
  // HISTORICAL_DATA_UPDATE (90): note the order open, close, high, low, then WAP before volume.
  return new Msg(O.HISTORICAL_DATA_UPDATE)
    .int(reqId)
    .int(barCount)
    .str(date)
    .num(open)
    .num(close)
    .num(high)
    .num(low)
    .num(wap)
    .num(volume)
    .done();
}

export function headTimestamp(reqId: number, stamp: string): string {
  return new Msg(O.HEAD_TIMESTAMP).int(reqId).str(stamp).done();
}

export function realtimeBar(
  reqId: number,
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  wap: number,
  count: number,
): string {
  return new Msg(O.REAL_TIME_BARS)
    .int(3)
    .int(reqId)
    .int(time)
    .num(open)
    .num(high)
    .num(low)
    .num(close)
    .num(volume)
    .num(wap)
    .int(count)
    .done();
}

export function scannerParameters(xml: string): string {
  return new Msg(O.SCANNER_PARAMETERS).int(1).str(xml).done();
}

export interface OrderStatusFields {
  orderId: number;
  status: string;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  permId: number;
  parentId: number;
  lastFillPrice: number;
  clientId: number;
  whyHeld: string;
  mktCapPrice: number;
}

/** ORDER_STATUS (3): no version field from MARKET_CAP_PRICE (131), which also added mktCapPrice at the end. */
export function orderStatus(s: OrderStatusFields): string {
  return new Msg(O.ORDER_STATUS)
    .int(s.orderId)
    .str(s.status)
    .num(s.filled)
    .num(s.remaining)
    .num(s.avgFillPrice)
    .int(s.permId)
    .int(s.parentId)
    .num(s.lastFillPrice)
    .int(s.clientId)
    .str(s.whyHeld)
    .num(s.mktCapPrice)
    .done();
}

export function openOrderEnd(): string {
  return new Msg(O.OPEN_ORDER_END).int(1).done();
}

export interface ExecutionFields {
  execId: string;
  time: string;
  account: string;
  exchange: string;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  permId: number;
  clientId: number;
  orderId: number;
  cumQty: number;
  avgPrice: number;
  orderRef: string;
  /** 1 added liquidity, 2 removed. */
  lastLiquidity: number;
}

/** EXECUTION_DATA (11): no version field from LAST_LIQUIDITY (136). */
export function execDetails(v: number, reqId: number, inst: Instrument, e: ExecutionFields): string {
  const m = new Msg(O.EXECUTION_DATA);
  m.int(reqId).int(e.orderId);
  heldContract(m, inst, e.exchange);
  m.str(e.execId).str(e.time).str(e.account).str(e.exchange).str(e.side).num(e.shares).num(e.price);
  m.int(e.permId).int(e.clientId).int(0);
  m.num(e.cumQty).num(e.avgPrice).str(e.orderRef);
  m.str('').str(''); // evRule, evMultiplier
  m.str(''); // modelCode (MODELS_SUPPORT, 103)
  if (v >= MIN_SERVER_VER_LAST_LIQUIDITY) m.int(e.lastLiquidity);
  if (v >= MIN_SERVER_VER_PENDING_PRICE_REVISION) m.bool(false);
  return m.done();
}

export function execDetailsEnd(reqId: number): string {
  return new Msg(O.EXECUTION_DATA_END).int(1).int(reqId).done();
}

/** COMMISSION_REPORT (59): realized P&L and yield are Double.MAX_VALUE when not applicable, as TWS sends them. */
export function commissionReport(
  execId: string,
  commission: number,
  currency: string,
  realizedPnl: number | undefined,
): string {
  return new Msg(O.COMMISSION_REPORT)
    .int(1)
    .str(execId)
    .num(commission)
    .str(currency)
    .numOrMax(realizedPnl)
    .numOrMax(undefined)
    .int(0)
    .done();
}

/** POSITION_DATA (61), version 3 (tradingClass from 2, avgCost from 3). */
export function position(account: string, inst: Instrument, pos: number, avgCost: number): string {
  const m = new Msg(O.POSITION_DATA).int(3).str(account);
  return heldContract(m, inst, inst.primaryExchange).num(pos).num(avgCost).done();
}

export function positionEnd(): string {
  return new Msg(O.POSITION_END).int(1).done();
}

/**
 * POSITION_MULTI (71), version 1: reqId, account, the contract (conId … tradingClass, with the listing exchange in
 * the exchange field as for POSITION_DATA), position, avgCost, modelCode (ibapi processPositionMultiMsg).
 */
export function positionMulti(
  reqId: number,
  account: string,
  inst: Instrument,
  pos: number,
  avgCost: number,
  modelCode: string,
): string {
  const m = new Msg(O.POSITION_MULTI).int(1).int(reqId).str(account);
  return heldContract(m, inst, inst.primaryExchange).num(pos).num(avgCost).str(modelCode).done();
}

/** POSITION_MULTI_END (72), version 1: reqId. */
export function positionMultiEnd(reqId: number): string {
  return new Msg(O.POSITION_MULTI_END).int(1).int(reqId).done();
}

/** ACCOUNT_UPDATE_MULTI (73), version 1: reqId, account, modelCode, key, value, currency (EWrapper.accountUpdateMulti). */
export function accountUpdateMulti(
  reqId: number,
  account: string,
  modelCode: string,
  key: string,
  value: string,
  currency: string,
): string {
  return new Msg(O.ACCOUNT_UPDATE_MULTI)
    .int(1)
    .int(reqId)
    .str(account)
    .str(modelCode)
    .str(key)
    .str(value)
    .str(currency)
    .done();
}

/** ACCOUNT_UPDATE_MULTI_END (74), version 1: reqId. */
export function accountUpdateMultiEnd(reqId: number): string {
  return new Msg(O.ACCOUNT_UPDATE_MULTI_END).int(1).int(reqId).done();
}

export function accountSummary(
  reqId: number,
  account: string,
  tag: string,
  value: string,
  currency: string,
): string {
  return new Msg(O.ACCOUNT_SUMMARY).int(1).int(reqId).str(account).str(tag).str(value).str(currency).done();
}

export function accountSummaryEnd(reqId: number): string {
  return new Msg(O.ACCOUNT_SUMMARY_END).int(1).int(reqId).done();
}

export function accountValue(key: string, value: string, currency: string, account: string): string {
  return new Msg(O.ACCT_VALUE).int(2).str(key).str(value).str(currency).str(account).done();
}

/** PORTFOLIO_VALUE (7), version 8 (multiplier and primaryExchange from 7, tradingClass from 8). */
export function portfolioValue(
  inst: Instrument,
  pos: number,
  marketPrice: number,
  marketValue: number,
  avgCost: number,
  unrealized: number,
  realized: number,
  account: string,
): string {
  return heldContract(new Msg(O.PORTFOLIO_VALUE).int(8), inst, inst.primaryExchange)
    .num(pos)
    .num(marketPrice)
    .num(marketValue)
    .num(avgCost)
    .num(unrealized)
    .num(realized)
    .str(account)
    .done();
}

export function accountUpdateTime(hhmm: string): string {
  return new Msg(O.ACCT_UPDATE_TIME).int(1).str(hhmm).done();
}

export function accountDownloadEnd(account: string): string {
  return new Msg(O.ACCT_DOWNLOAD_END).int(1).str(account).done();
}

/** PNL (94): unrealized from UNREALIZED_PNL (129), realized from REALIZED_PNL (135). */
export function pnl(v: number, reqId: number, daily: number, unrealized: number, realized: number): string {
  const m = new Msg(O.PNL).int(reqId).num(daily);
  if (v >= MIN_SERVER_VER_UNREALIZED_PNL) m.num(unrealized);
  if (v >= MIN_SERVER_VER_REALIZED_PNL) m.num(realized);
  return m.done();
}

export function pnlSingle(
  v: number,
  reqId: number,
  pos: number,
  daily: number,
  unrealized: number,
  realized: number,
  value: number,
): string {
  const m = new Msg(O.PNL_SINGLE).int(reqId).num(pos).num(daily);
  if (v >= MIN_SERVER_VER_UNREALIZED_PNL) m.num(unrealized);
  if (v >= MIN_SERVER_VER_REALIZED_PNL) m.num(realized);
  m.num(value);
  return m.done();
}

export function completedOrdersEnd(): string {
  return new Msg(O.COMPLETED_ORDERS_END).done();
}

export function familyCodes(codes: readonly [string, string][]): string {
  const m = new Msg(O.FAMILY_CODES).int(codes.length);
  for (const [account, code] of codes) m.str(account).str(code);
  return m.done();
}

export function softDollarTiers(reqId: number): string {
  return new Msg(O.SOFT_DOLLAR_TIERS).int(reqId).int(0).done();
}

export function smartComponents(reqId: number): string {
  return new Msg(O.SMART_COMPONENTS).int(reqId).int(0).done();
}

export function userInfo(reqId: number, whiteBrandingId: string): string {
  return new Msg(O.USER_INFO).int(reqId).str(whiteBrandingId).done();
}

export function marketRule(id: number, increments: readonly [number, number][]): string {
  const m = new Msg(O.MARKET_RULE).int(id).int(increments.length);
  for (const [lowEdge, increment] of increments) m.num(lowEdge).num(increment);
  return m.done();
}

export function secDefOptParamsEnd(reqId: number): string {
  return new Msg(O.SECURITY_DEFINITION_OPTION_PARAMETER_END).int(reqId).done();
}

export function displayGroupList(reqId: number, groups: string): string {
  return new Msg(O.DISPLAY_GROUP_LIST).int(1).int(reqId).str(groups).done();
}

/** Contract multiplier as TWS reports it: empty for stocks and FX, the number for futures and options. */
export function multiplierText(inst: Instrument): string {
  return inst.multiplier === 1 ? '' : String(inst.multiplier);
}

/**
 * The contract of a held position or a fill (POSITION_DATA, POSITION_MULTI, PORTFOLIO_VALUE, EXECUTION_DATA): conId,
 * symbol, secType, lastTradeDate, strike and right (0 and '' but for options), multiplier, `exchange` (the listing
 * exchange, or where the fill was reported), currency, localSymbol, tradingClass.
 */
function heldContract(m: Msg, inst: Instrument, exchange: string): Msg {
  m.int(inst.conId).str(inst.symbol).str(inst.secType).str(inst.lastTradeDate);
  m.num(inst.strike ?? 0).str(inst.right ?? '');
  return m
    .str(multiplierText(inst))
    .str(exchange)
    .str(inst.currency)
    .str(inst.localSymbol)
    .str(inst.tradingClass);
}

/** Prices on the hot path: already rounded to the tick; integers print without a decimal point. */
function fmtPrice(p: number): string {
  return Number.isInteger(p) ? String(p) : String(Math.round(p * 1e8) / 1e8);
}
