// PLACE_ORDER (3) as the client writes it at each server version (ibapi's EClient.placeOrder; the field-by-field
// map is in ibapi/client.py). Everything up to the order flags must parse; trailing parts a client of another
// vintage omits are tolerated and reported as warnings.
import { DecodeError } from './field-reader';
import type { FieldReader } from './field-reader';
import {
  MIN_SERVER_VER_ADVANCED_ORDER_REJECT,
  MIN_SERVER_VER_AUTO_CANCEL_PARENT,
  MIN_SERVER_VER_CME_TAGGING_FIELDS,
  MIN_SERVER_VER_CUSTOMER_ACCOUNT,
  MIN_SERVER_VER_D_PEG_ORDERS,
  MIN_SERVER_VER_DURATION,
  MIN_SERVER_VER_FA_PROFILE_DESUPPORT,
  MIN_SERVER_VER_INCLUDE_OVERNIGHT,
  MIN_SERVER_VER_MANUAL_ORDER_TIME,
  MIN_SERVER_VER_ORDER_CONTAINER,
  MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS,
  MIN_SERVER_VER_POST_TO_ATS,
  MIN_SERVER_VER_PRICE_MGMT_ALGO,
  MIN_SERVER_VER_PROFESSIONAL_CUSTOMER,
  MIN_SERVER_VER_RFQ_FIELDS,
  MIN_SERVER_VER_UNDO_RFQ_FIELDS,
} from './server-versions';
import { defaultTicket } from '../orders/order-types';
import { readContract } from './decode-contract';
import type { ContractRequest, OrderTicket } from '../orders/order-types';
import type { Request } from './requests';

/** Below these the gateway never negotiates; the client then omitted fields we therefore always expect. */
const MIN_SERVER_VER_ORDER_COMBO_LEGS_PRICE = 61;

export function decodePlaceOrder(r: FieldReader, v: number): Extract<Request, { kind: 'placeOrder' }> {
  if (v < MIN_SERVER_VER_ORDER_CONTAINER) r.int(); // message version
  const orderId = r.int();
  const c: ContractRequest = readContract(r);
  c.secIdType = r.str();
  c.secId = r.str();

  const t: OrderTicket = defaultTicket();
  t.action = r.str();
  t.totalQuantity = r.float();
  t.orderType = r.str();
  t.lmtPrice = r.floatMax();
  t.auxPrice = r.floatMax();
  t.tif = r.str();
  t.ocaGroup = r.str();
  t.account = r.str();
  t.openClose = r.str();
  t.origin = r.int();
  t.orderRef = r.str();
  t.transmit = r.bool();
  t.parentId = r.int();
  t.blockOrder = r.bool();
  t.sweepToFill = r.bool();
  t.displaySize = r.intMax();
  t.triggerMethod = r.int();
  t.outsideRth = r.bool();
  t.hidden = r.bool();

  const warnings: string[] = [];
  try {
    decodeRest(r, v, c, t);
    if (r.remaining > 0) warnings.push(`${r.remaining} unexpected trailing field(s)`);
  } catch (err) {
    if (!(err instanceof DecodeError) || !err.message.startsWith('underrun')) throw err;
    warnings.push(`order fields after position ${r.position} missing (${err.message})`);
  }
  return { kind: 'placeOrder', orderId, contract: c, ticket: t, warnings };
}

function decodeRest(r: FieldReader, v: number, c: ContractRequest, t: OrderTicket): void {
  if (c.secType === 'BAG') {
    t.unsupportedFeature = 'combo (BAG) orders';
    const legs = r.int();
    for (let i = 0; i < legs; i++) for (let k = 0; k < 8; k++) r.str();
    if (v >= MIN_SERVER_VER_ORDER_COMBO_LEGS_PRICE) {
      const n = r.int();
      for (let i = 0; i < n; i++) r.str();
    }
    const n = r.int();
    r.skip(2 * n);
  }
  r.str(); // sharesAllocation (deprecated)
  t.discretionaryAmt = r.float();
  t.goodAfterTime = r.str();
  t.goodTillDate = r.str();
  t.faGroup = r.str();
  t.faMethod = r.str();
  t.faPercentage = r.str();
  if (v < MIN_SERVER_VER_FA_PROFILE_DESUPPORT) r.str(); // faProfile
  t.modelCode = r.str();
  t.shortSaleSlot = r.int();
  t.designatedLocation = r.str();
  t.exemptCode = r.int();
  t.ocaType = r.int();
  t.rule80A = r.str();
  t.settlingFirm = r.str();
  t.allOrNone = r.bool();
  t.minQty = r.intMax();
  t.percentOffset = r.floatMax();
  r.bool(); // eTradeOnly
  r.bool(); // firmQuoteOnly
  r.floatMax(); // nbboPriceCap
  r.intMax(); // auctionStrategy
  r.floatMax(); // startingPrice
  r.floatMax(); // stockRefPrice
  r.floatMax(); // delta
  r.floatMax(); // stockRangeLower
  r.floatMax(); // stockRangeUpper
  r.bool(); // overridePercentageConstraints
  const volatility = r.floatMax();
  r.intMax(); // volatilityType
  const dnOrderType = r.str();
  r.floatMax(); // deltaNeutralAuxPrice
  if (volatility !== undefined) t.unsupportedFeature ||= 'volatility (VOL) orders';
  if (dnOrderType !== '') {
    t.unsupportedFeature ||= 'delta-neutral orders';
    for (let k = 0; k < 8; k++) r.str(); // DELTA_NEUTRAL_CONID (58) and DELTA_NEUTRAL_OPEN_CLOSE (66) fields
  }
  r.bool(); // continuousUpdate
  r.intMax(); // referencePriceType
  t.trailStopPrice = r.floatMax();
  t.trailingPercent = r.floatMax();
  r.intMax(); // scaleInitLevelSize
  r.intMax(); // scaleSubsLevelSize
  const scaleIncrement = r.floatMax();
  if (scaleIncrement !== undefined && scaleIncrement > 0) {
    t.unsupportedFeature ||= 'scale orders';
    for (let k = 0; k < 7; k++) r.str();
  }
  r.str(); // scaleTable
  r.str(); // activeStartTime
  r.str(); // activeStopTime
  t.hedgeType = r.str();
  if (t.hedgeType !== '') {
    t.unsupportedFeature ||= 'hedge orders';
    r.str(); // hedgeParam
  }
  r.bool(); // optOutSmartRouting
  r.str(); // clearingAccount
  r.str(); // clearingIntent
  t.notHeld = r.bool();
  if (r.bool()) {
    t.unsupportedFeature ||= 'delta-neutral contracts';
    r.skip(3);
  }
  t.algoStrategy = r.str();
  if (t.algoStrategy !== '') {
    t.unsupportedFeature ||= 'algo orders';
    const n = r.int();
    r.skip(2 * n);
  }
  r.str(); // algoId
  t.whatIf = r.bool();
  r.str(); // orderMiscOptions
  r.bool(); // solicited
  r.bool(); // randomizeSize
  r.bool(); // randomizePrice
  // PEGGED_TO_BENCHMARK (102)
  if (t.orderType === 'PEG BENCH' || t.orderType === 'PEGBENCH') {
    for (let k = 0; k < 5; k++) r.str();
  }
  t.conditionsCount = r.int();
  if (t.conditionsCount > 0) {
    t.unsupportedFeature ||= 'conditional orders';
    for (let i = 0; i < t.conditionsCount; i++) skipCondition(r);
    r.bool(); // conditionsIgnoreRth
    r.bool(); // conditionsCancelOrder
  }
  r.str(); // adjustedOrderType
  r.floatMax(); // triggerPrice
  r.floatMax(); // lmtPriceOffset
  r.floatMax(); // adjustedStopPrice
  r.floatMax(); // adjustedStopLimitPrice
  r.floatMax(); // adjustedTrailingAmount
  r.intMax(); // adjustableTrailingUnit
  r.str(); // extOperator (EXT_OPERATOR, 105)
  r.str(); // softDollarTier name
  r.str(); // softDollarTier value
  t.cashQty = r.floatMax(); // CASH_QTY (111)
  r.str(); // mifid2DecisionMaker (DECISION_MAKER, 138)
  r.str(); // mifid2DecisionAlgo
  r.str(); // mifid2ExecutionTrader (MIFID_EXECUTION, 139)
  r.str(); // mifid2ExecutionAlgo
  r.bool(); // dontUseAutoPriceForHedge (141)
  r.bool(); // isOmsContainer (ORDER_CONTAINER, 145)
  if (v >= MIN_SERVER_VER_D_PEG_ORDERS) r.bool(); // discretionaryUpToLimitPrice
  if (v >= MIN_SERVER_VER_PRICE_MGMT_ALGO) r.intMax(); // usePriceMgmtAlgo (empty = unset)
  if (v >= MIN_SERVER_VER_DURATION) r.intMax();
  if (v >= MIN_SERVER_VER_POST_TO_ATS) r.intMax();
  if (v >= MIN_SERVER_VER_AUTO_CANCEL_PARENT) t.autoCancelParent = r.bool();
  if (v >= MIN_SERVER_VER_ADVANCED_ORDER_REJECT) r.str(); // advancedErrorOverride
  if (v >= MIN_SERVER_VER_MANUAL_ORDER_TIME) r.str(); // manualOrderTime
  if (v >= MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS) {
    if (c.exchange === 'IBKRATS') r.intMax(); // minTradeQty
    let midOffsets = false;
    if (t.orderType === 'PEG BEST' || t.orderType === 'PEGBEST') {
      r.intMax(); // minCompeteSize
      const offset = r.floatMax(); // competeAgainstBestOffset: Infinity means "up to mid"
      midOffsets = offset === Number.POSITIVE_INFINITY;
    } else if (t.orderType === 'PEG MID' || t.orderType === 'PEGMID') {
      midOffsets = true;
    }
    if (midOffsets) r.skip(2);
  }
  if (v >= MIN_SERVER_VER_CUSTOMER_ACCOUNT) r.str();
  if (v >= MIN_SERVER_VER_PROFESSIONAL_CUSTOMER) r.bool();
  if (v >= MIN_SERVER_VER_RFQ_FIELDS && v < MIN_SERVER_VER_UNDO_RFQ_FIELDS) {
    r.str(); // externalUserId
    r.intMax(); // manualOrderIndicator
  }
  if (v >= MIN_SERVER_VER_INCLUDE_OVERNIGHT) r.bool();
  if (v >= MIN_SERVER_VER_CME_TAGGING_FIELDS) r.intMax(); // manualOrderIndicator
}

/** Order conditions (ibapi/order_condition.py): type, conjunction, then the type's fields. */
function skipCondition(r: FieldReader): void {
  const type = r.int();
  r.str(); // "a" / "o"
  switch (type) {
    case 5: // Execution: secType, exchange, symbol
      r.skip(3);
      return;
    case 4: // Margin: isMore, percent
    case 3: // Time: isMore, time
      r.skip(2);
      return;
    case 1: // Price: isMore, price, conId, exchange, triggerMethod
      r.skip(5);
      return;
    case 6: // Volume
    case 7: // PercentChange: isMore, value, conId, exchange
      r.skip(4);
      return;
    default:
      throw new DecodeError(`unknown order condition type ${type}`, r.position);
  }
}
