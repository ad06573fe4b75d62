// OPEN_ORDER (5) and COMPLETED_ORDER (101): the longest messages, field by field as ibapi's decoder.processOpenOrder
// and processCompletedOrderMsg (with orderdecoder.py) read them at each server version. The demo never sends combo
// legs, delta-neutral, algo, scale, hedge or condition parts, so their counts and flags are zero/empty.
import { Msg } from './fields';
import { Outgoing as O } from './message-ids';
import {
  MIN_SERVER_VER_AUTO_CANCEL_PARENT,
  MIN_SERVER_VER_BOND_ACCRUED_INTEREST,
  MIN_SERVER_VER_CME_TAGGING_FIELDS_IN_OPEN_ORDER,
  MIN_SERVER_VER_CUSTOMER_ACCOUNT,
  MIN_SERVER_VER_D_PEG_ORDERS,
  MIN_SERVER_VER_DURATION,
  MIN_SERVER_VER_FA_PROFILE_DESUPPORT,
  MIN_SERVER_VER_INCLUDE_OVERNIGHT,
  MIN_SERVER_VER_ORDER_CONTAINER,
  MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS,
  MIN_SERVER_VER_POST_TO_ATS,
  MIN_SERVER_VER_PRICE_MGMT_ALGO,
  MIN_SERVER_VER_PROFESSIONAL_CUSTOMER,
  MIN_SERVER_VER_WHAT_IF_EXT_FIELDS,
} from './server-versions';
import { multiplierText } from './encoder';
import type { OrderRecord } from '../orders/order-types';
import { etWall, hms, ymd } from './tws-time';

export interface OrderStateFields {
  status: string;
  initMarginBefore?: string;
  maintMarginBefore?: string;
  equityWithLoanBefore?: string;
  initMarginChange?: string;
  maintMarginChange?: string;
  equityWithLoanChange?: string;
  initMarginAfter?: string;
  maintMarginAfter?: string;
  equityWithLoanAfter?: string;
  commission: number | undefined;
  minCommission: number | undefined;
  maxCommission: number | undefined;
  commissionCurrency: string;
  warningText: string;
}

function contractFields(m: Msg, o: OrderRecord): void {
  const i = o.inst;
  m.int(i.conId).str(i.symbol).str(i.secType).str(i.lastTradeDate);
  m.num(i.strike ?? 0).str(i.right ?? ''); // an option's strike and right; 0 and '' for the rest
  m.str(multiplierText(i))
    .str(i.secType === 'STK' ? 'SMART' : i.exchange)
    .str(i.currency)
    .str(i.localSymbol);
  m.str(i.tradingClass);
}

export function openOrder(v: number, o: OrderRecord, state: OrderStateFields): string {
  const t = o.ticket;
  // No version field from ORDER_CONTAINER (145): the decoder uses the server version as the message version.
  const m = new Msg(O.OPEN_ORDER);
  m.int(o.orderId);
  contractFields(m, o);
  m.str(t.action).num(t.totalQuantity).str(t.orderType).num(t.lmtPrice).num(t.auxPrice);
  m.str(t.tif).str(t.ocaGroup).str(o.account).str(t.openClose).int(t.origin).str(t.orderRef);
  m.int(o.clientId)
    .int(o.permId)
    .bool(t.outsideRth)
    .bool(t.hidden)
    .num(t.discretionaryAmt)
    .str(t.goodAfterTime);
  m.str(''); // sharesAllocation (deprecated)
  m.str(t.faGroup).str(t.faMethod).str(t.faPercentage);
  if (v < MIN_SERVER_VER_FA_PROFILE_DESUPPORT) m.str(''); // faProfile, removed at FA_PROFILE_DESUPPORT (177)
  m.str(t.modelCode); // MODELS_SUPPORT (103)
  m.str(t.goodTillDate).str(t.rule80A).num(t.percentOffset).str(t.settlingFirm);
  m.int(t.shortSaleSlot).str(t.designatedLocation).int(t.exemptCode);
  m.int(0); // auctionStrategy
  m.num(undefined).num(undefined).num(undefined); // startingPrice, stockRefPrice, delta
  m.num(undefined).num(undefined); // stockRangeLower, stockRangeUpper
  m.intOpt(t.displaySize);
  m.bool(t.blockOrder).bool(t.sweepToFill).bool(t.allOrNone).intOpt(t.minQty).int(t.ocaType);
  m.bool(false).bool(false).num(undefined); // eTradeOnly, firmQuoteOnly, nbboPriceCap (deprecated)
  m.int(t.parentId).int(t.triggerMethod);
  // Volatility order params: volatility, volatilityType, deltaNeutralOrderType (empty: no delta-neutral fields),
  // deltaNeutralAuxPrice, continuousUpdate, referencePriceType.
  m.num(undefined).int(0).str('').num(undefined).bool(false).int(0);
  m.num(trailStop(o)).num(t.trailingPercent);
  m.num(undefined).intOpt(undefined); // basisPoints, basisPointsType
  m.str('').int(0).int(0); // comboLegsDescrip, comboLegs count, orderComboLegs count
  m.int(0); // smartComboRoutingParams count
  m.intOpt(undefined).intOpt(undefined).num(undefined); // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
  m.str(t.hedgeType); // hedgeType (empty: no hedgeParam)
  m.bool(false); // optOutSmartRouting
  m.str('').str(''); // clearingAccount, clearingIntent
  m.bool(t.notHeld);
  m.bool(false); // deltaNeutralContract present
  m.str(''); // algoStrategy (empty: no algo params)
  m.bool(false); // solicited
  m.bool(t.whatIf).str(state.status);
  if (v >= MIN_SERVER_VER_WHAT_IF_EXT_FIELDS) {
    m.str(state.initMarginBefore).str(state.maintMarginBefore).str(state.equityWithLoanBefore);
    m.str(state.initMarginChange).str(state.maintMarginChange).str(state.equityWithLoanChange);
  }
  m.str(state.initMarginAfter).str(state.maintMarginAfter).str(state.equityWithLoanAfter);
  m.numOrMax(state.commission).numOrMax(state.minCommission).numOrMax(state.maxCommission);
  m.str(state.commissionCurrency).str(state.warningText);
  m.bool(false).bool(false); // randomizeSize, randomizePrice
  // PEGGED_TO_BENCHMARK (102): peg-bench fields only for PEG BENCH orders; conditions count; adjusted order params.
  m.int(0);
  // adjustedOrderType, triggerPrice, then trailStopPrice again (decoders overwrite order.trailStopPrice with this
  // one, so it repeats the trail params' value), lmtPriceOffset, adjusted stop/stop-limit/trailing amount, unit.
  m.str('').numOrMax(undefined).numOrMax(trailStop(o)).numOrMax(undefined);
  m.numOrMax(undefined).numOrMax(undefined).numOrMax(undefined).int(0);
  m.str('').str('').str(''); // softDollarTier name, value, displayName (SOFT_DOLLAR_TIER, 106)
  m.numOrMax(t.cashQty); // CASH_QTY (111)
  m.bool(false); // dontUseAutoPriceForHedge (AUTO_PRICE_FOR_HEDGE, 141)
  if (v >= MIN_SERVER_VER_ORDER_CONTAINER) m.bool(false); // isOmsContainer
  if (v >= MIN_SERVER_VER_D_PEG_ORDERS) m.bool(false); // discretionaryUpToLimitPrice
  if (v >= MIN_SERVER_VER_PRICE_MGMT_ALGO) m.bool(false); // usePriceMgmtAlgo
  if (v >= MIN_SERVER_VER_DURATION) m.intOrMax(undefined); // duration
  if (v >= MIN_SERVER_VER_POST_TO_ATS) m.intOrMax(undefined); // postToAts
  if (v >= MIN_SERVER_VER_AUTO_CANCEL_PARENT) m.bool(t.autoCancelParent);
  if (v >= MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS) {
    // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
    m.intOrMax(undefined).intOrMax(undefined).numOrMax(undefined).numOrMax(undefined).numOrMax(undefined);
  }
  if (v >= MIN_SERVER_VER_CUSTOMER_ACCOUNT) m.str('');
  if (v >= MIN_SERVER_VER_PROFESSIONAL_CUSTOMER) m.bool(false);
  if (v >= MIN_SERVER_VER_BOND_ACCRUED_INTEREST) m.str('');
  if (v >= MIN_SERVER_VER_INCLUDE_OVERNIGHT) m.bool(false);
  if (v >= MIN_SERVER_VER_CME_TAGGING_FIELDS_IN_OPEN_ORDER) m.str('').intOrMax(undefined); // extOperator, manualOrderIndicator
  return m.done();
}

/** COMPLETED_ORDER (101): the decoder reads it with version UNSET_INTEGER, so every version-gated field is present. */
export function completedOrder(v: number, o: OrderRecord): string {
  const t = o.ticket;
  const m = new Msg(O.COMPLETED_ORDER);
  contractFields(m, o);
  m.str(t.action).num(t.totalQuantity).str(t.orderType).num(t.lmtPrice).num(t.auxPrice);
  m.str(t.tif).str(t.ocaGroup).str(o.account).str(t.openClose).int(t.origin).str(t.orderRef);
  m.int(o.permId).bool(t.outsideRth).bool(t.hidden).num(t.discretionaryAmt).str(t.goodAfterTime);
  m.str(t.faGroup).str(t.faMethod).str(t.faPercentage);
  // faProfile below FA_PROFILE_DESUPPORT (177). ibapi reads it here by server version; @stoqey/ib 1.6.10 does not
  // (it gates on the message version, which is "unset" for completed orders), so it mis-reads this below 177.
  if (v < MIN_SERVER_VER_FA_PROFILE_DESUPPORT) m.str('');
  m.str(t.modelCode).str(t.goodTillDate).str(t.rule80A).num(t.percentOffset).str(t.settlingFirm);
  m.int(t.shortSaleSlot).str(t.designatedLocation).int(t.exemptCode);
  m.num(undefined).num(undefined).num(undefined); // startingPrice, stockRefPrice, delta
  m.num(undefined).num(undefined); // stockRangeLower, stockRangeUpper
  m.intOpt(t.displaySize).bool(t.sweepToFill).bool(t.allOrNone).intOpt(t.minQty).int(t.ocaType);
  m.int(t.triggerMethod);
  m.num(undefined).int(0).str('').num(undefined).bool(false).int(0); // volatility params, no delta-neutral
  m.num(trailStop(o)).num(t.trailingPercent);
  m.str('').int(0).int(0).int(0); // combo legs description/count, order combo legs, smart combo routing params
  m.intOpt(undefined).intOpt(undefined).num(undefined); // scale params
  m.str(t.hedgeType).str('').str('').bool(t.notHeld).bool(false).str('').bool(false);
  m.str(o.status === 'Filled' ? 'Filled' : 'Cancelled');
  m.bool(false).bool(false); // randomizeSize, randomizePrice
  m.int(0); // conditions count
  m.numOrMax(trailStop(o)).numOrMax(undefined); // trailStopPrice (again), lmtPriceOffset
  m.numOrMax(t.cashQty).bool(false).bool(false); // cashQty, dontUseAutoPriceForHedge, isOmsContainer
  m.str('').num(o.filled).int(0).bool(t.autoCancelParent); // autoCancelDate, filledQuantity, refFuturesConId
  m.str('').bool(false).bool(false).intOpt(undefined); // shareholder, imbalanceOnly, routeMarketableToBbo, parentPermId
  m.str(completedTime(o.completedAt)).str(o.completedStatus);
  if (v >= MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS) {
    m.intOrMax(undefined).intOrMax(undefined).numOrMax(undefined).numOrMax(undefined).numOrMax(undefined);
  }
  if (v >= MIN_SERVER_VER_CUSTOMER_ACCOUNT) m.str('');
  if (v >= MIN_SERVER_VER_PROFESSIONAL_CUSTOMER) m.bool(false);
  return m.done();
}

/** A trailing order's current stop (or the stop the client set). */
function trailStop(o: OrderRecord): number | undefined {
  return o.ticket.orderType === 'TRAIL' ? o.trailStop : o.ticket.trailStopPrice;
}

/** completedTime as TWS writes it: "20261124 15:59:58 America/New_York". */
function completedTime(t: number): string {
  if (!t) return '';
  const w = etWall(t);
  return `${ymd(w)} ${hms(w)} America/New_York`;
}
