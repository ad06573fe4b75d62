// Golden frames: the exact bytes of key messages at several server versions. Each expected field list was written
// by walking IB's own decoder (ibapi/decoder.py + orderdecoder.py, read field by field with its
// `serverVersion >= MIN_SERVER_VER_…` conditions), so a change in layout shows up here first.
import { describe, expect, it } from 'vitest';
import { frame, payloadFields } from './framing';
import { decodeRequestChecked } from './decoder';
import { splitBody } from './fields';
import {
  accountUpdateMulti,
  accountUpdateMultiEnd,
  commissionReport,
  errorMessage,
  execDetails,
  nextValidId,
  orderStatus,
  pnl,
  positionMulti,
  positionMultiEnd,
  serverVersionFrame,
  tickPrice,
  tickSize,
} from './encoder';
import { contractData, scannerData, symbolSamples } from './encode-contract';
import { completedOrder, openOrder } from './encode-order';
import type { Instrument } from '../model/instrument';
import { defaultTicket, newOrderRecord } from '../orders/order-types';
import type { OrderRecord } from '../orders/order-types';
import { HistoryService } from '../handlers/history';
import type { GatewayContext } from '../context';
import type { Bars } from '../model/history';

const AAPL: Instrument = {
  index: 0,
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  currency: 'USD',
  exchange: 'SMART',
  primaryExchange: 'NASDAQ',
  localSymbol: 'AAPL',
  tradingClass: 'NMS',
  marketName: 'NMS',
  multiplier: 1,
  minTick: 0.01,
  longName: 'Apple Inc',
  industry: 'Technology',
  category: 'Computers',
  subcategory: 'Computers',
  stockType: 'COMMON',
  lastTradeDate: '',
  contractMonth: '',
  underConId: 0,
  underSymbol: '',
  underSecType: '',
  validExchanges: 'SMART,NASDAQ',
  orderTypes: 'LMT,MKT',
  marketRuleId: 26,
  timeZoneId: 'US/Eastern',
  sector: 'IT',
  refPrice: 230,
  dailyVol: 0.02,
  avgVolume: 50_000_000,
  marketCap: 3.45e12,
  avgTradeSize: 150,
  lotSize: 100,
};
const HOURS = { tradingHours: '20261124:0000-20261125:0000', liquidHours: '20261124:0000-20261125:0000' };

/** The order state of a working order with no commission yet (openOrder's OrderState fields). */
const SUBMITTED = {
  status: 'Submitted',
  commission: undefined,
  minCommission: undefined,
  maxCommission: undefined,
  commissionCurrency: '',
  warningText: '',
};

function lmtOrder(): OrderRecord {
  return newOrderRecord({
    orderId: 12,
    clientId: 3,
    permId: 1234567890,
    account: 'DU1234567',
    inst: AAPL,
    ticket: {
      ...defaultTicket(),
      action: 'BUY',
      totalQuantity: 100,
      orderType: 'LMT',
      lmtPrice: 180.5,
      tif: 'DAY',
      account: 'DU1234567',
      orderRef: 'r1',
    },
    status: 'Submitted',
    transmitted: true,
  });
}

const M = '1.7976931348623157E308';
const I = '2147483647';

describe('golden frames', () => {
  it('handshake reply: "<version>\\0<connTime>\\0" in one frame, no message id', () => {
    const bytes = frame(serverVersionFrame(176, '20261124 23:40:00 EST'));
    expect(bytes.toString('hex')).toBe(
      Buffer.concat([
        Buffer.from([0, 0, 0, 26]),
        Buffer.from('176\x0020261124 23:40:00 EST\0', 'latin1'),
      ]).toString('hex'),
    );
  });

  it('nextValidId: 9|1|orderId', () => {
    expect(frame(nextValidId(1)).toString('hex')).toBe(
      '00000006' + Buffer.from('9\x001\x001\0').toString('hex'),
    );
  });

  it('error: 4|2|id|code|msg, plus advancedOrderRejectJson from ADVANCED_ORDER_REJECT (166)', () => {
    // processErrorMsg: version, reqId, errorCode, errorString, [≥166 advancedOrderRejectJson]
    expect(splitBody(errorMessage(165, -1, 2104, 'Market data farm connection is OK:usfarm'))).toEqual([
      '4',
      '2',
      '-1',
      '2104',
      'Market data farm connection is OK:usfarm',
    ]);
    expect(
      splitBody(errorMessage(166, 7, 200, 'No security definition has been found for the request')),
    ).toEqual(['4', '2', '7', '200', 'No security definition has been found for the request', '']);
    expect(frame(errorMessage(193, 5, 202, 'Order Canceled - reason:')).toString('latin1')).toBe(
      '\0\0\0\x244\x002\x005\x00202\x00Order Canceled - reason:\0\0',
    );
  });

  it('tickPrice: 1|6|reqId|tickType|price|size|attrMask; tickSize: 2|6|reqId|tickType|size', () => {
    // processTickPriceMsg: version, reqId, tickType, price, size (ver 2), attrMask (ver 3)
    expect(splitBody(tickPrice(5, 1, 230.5, 300, 1))).toEqual(['1', '6', '5', '1', '230.5', '300', '1']);
    expect(splitBody(tickSize(5, 8, 12345678))).toEqual(['2', '6', '5', '8', '12345678']);
  });

  it('contractData at 157: version 8 first, mdSizeMultiplier, no stockType-era size rules', () => {
    // processContractDataMsg, serverVersion 157 (< SIZE_RULES): version, reqId, symbol, secType,
    // lastTradeDateOrContractMonth, strike, right, exchange, currency, localSymbol, marketName, tradingClass, conId,
    // minTick, mdSizeMultiplier (MD_SIZE_MULTIPLIER ≤ v < SIZE_RULES), multiplier, orderTypes, validExchanges,
    // priceMagnifier, underConId, longName, primaryExchange, contractMonth, industry, category, subcategory,
    // timeZoneId, tradingHours, liquidHours, evRule, evMultiplier, secIdListCount, aggGroup (121), underSymbol,
    // underSecType (122), marketRuleIds (126), realExpirationDate (134), stockType (152).
    // prettier-ignore
    expect(splitBody(contractData(157, 9, AAPL, HOURS))).toEqual([
      '10', '8', '9', 'AAPL', 'STK', '', '0', '', 'SMART', 'USD', 'AAPL', 'NMS', 'NMS', '265598', '0.01', '100', '',
      'LMT,MKT', 'SMART,NASDAQ', '1', '0', 'Apple Inc', 'NASDAQ', '', 'Technology', 'Computers', 'Computers',
      'US/Eastern', HOURS.tradingHours, HOURS.liquidHours, '', '', '0', '1', '', '', '26,26', '', 'COMMON',
    ]);
  });

  it('contractData at 176 and 193: no version; size rules (164); lastTradeDate (182); ineligibility (186)', () => {
    const common = ['AAPL', 'STK', ''];
    // prettier-ignore
    const mid = ['0', '', 'SMART', 'USD', 'AAPL', 'NMS', 'NMS', '265598', '0.01', '', 'LMT,MKT', 'SMART,NASDAQ', '1', '0', 'Apple Inc', 'NASDAQ', '', 'Technology', 'Computers', 'Computers', 'US/Eastern', HOURS.tradingHours, HOURS.liquidHours, '', '', '0', '1', '', '', '26,26', '', 'COMMON', '0.0001', '0.0001', '100'];
    expect(splitBody(contractData(176, 9, AAPL, HOURS))).toEqual(['10', '9', ...common, ...mid]);
    expect(splitBody(contractData(193, 9, AAPL, HOURS))).toEqual(['10', '9', ...common, '', ...mid, '0']);
  });

  it('symbolSamples: description and issuerId from BOND_ISSUERID (176)', () => {
    expect(splitBody(symbolSamples(175, 4, [AAPL]))).toEqual([
      '79',
      '4',
      '1',
      '265598',
      'AAPL',
      'STK',
      'NASDAQ',
      'USD',
      '5',
      'CFD',
      'OPT',
      'IOPT',
      'WAR',
      'BAG',
    ]);
    expect(splitBody(symbolSamples(176, 4, [AAPL])).slice(-2)).toEqual(['Apple Inc', '']);
  });

  it('orderStatus: no version (MARKET_CAP_PRICE 131) and mktCapPrice last', () => {
    const body = orderStatus({
      orderId: 12,
      status: 'Filled',
      filled: 100,
      remaining: 0,
      avgFillPrice: 230.01,
      permId: 1234567890,
      parentId: 0,
      lastFillPrice: 230.01,
      clientId: 3,
      whyHeld: '',
      mktCapPrice: 0,
    });
    expect(splitBody(body)).toEqual([
      '3',
      '12',
      'Filled',
      '100',
      '0',
      '230.01',
      '1234567890',
      '0',
      '230.01',
      '3',
      '',
      '0',
    ]);
  });

  it('openOrder at 193 (field by field through orderdecoder.py)', () => {
    const fields = splitBody(openOrder(193, lmtOrder(), SUBMITTED));
    // prettier-ignore
    const expected = [
      '5', '12',
      // decodeContractFields
      '265598', 'AAPL', 'STK', '', '0', '', '', 'SMART', 'USD', 'AAPL', 'NMS',
      // action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, openClose, origin, orderRef
      'BUY', '100', 'LMT', '180.5', '', 'DAY', '', 'DU1234567', '', '0', 'r1',
      // clientId, permId, outsideRth, hidden, discretionaryAmt, goodAfterTime, sharesAllocation
      '3', '1234567890', '0', '0', '0', '', '',
      // faGroup, faMethod, faPercentage (no faProfile from 177), modelCode
      '', '', '', '',
      // goodTillDate, rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode
      '', '', '', '', '0', '', '-1',
      // auctionStrategy, startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper, displaySize
      '0', '', '', '', '', '', '',
      // blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap
      '0', '0', '0', '', '0', '0', '0', '',
      // parentId, triggerMethod
      '0', '0',
      // volatility, volatilityType, deltaNeutralOrderType, deltaNeutralAuxPrice, continuousUpdate, referencePriceType
      '', '0', '', '', '0', '0',
      // trailStopPrice, trailingPercent, basisPoints, basisPointsType
      '', '', '', '',
      // comboLegsDescrip, comboLegsCount, orderComboLegsCount, smartComboRoutingParamsCount
      '', '0', '0', '0',
      // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement, hedgeType, optOutSmartRouting
      '', '', '', '', '0',
      // clearingAccount, clearingIntent, notHeld, deltaNeutralContract present, algoStrategy, solicited
      '', '', '0', '0', '', '0',
      // whatIf, status, 6 what-if ext fields (142), initMarginAfter, maintMarginAfter, equityWithLoanAfter
      '0', 'Submitted', '', '', '', '', '', '', '', '', '',
      // commission, minCommission, maxCommission, commissionCurrency, warningText
      M, M, M, '', '',
      // randomizeSize, randomizePrice, conditions count
      '0', '0', '0',
      // adjustedOrderType, triggerPrice, trailStopPrice, lmtPriceOffset, adjustedStopPrice, adjustedStopLimitPrice,
      // adjustedTrailingAmount, adjustableTrailingUnit
      '', M, M, M, M, M, M, '0',
      // softDollarTier name/value/displayName, cashQty, dontUseAutoPriceForHedge, isOmsContainer,
      // discretionaryUpToLimitPrice, usePriceMgmtAlgo
      '', '', '', M, '0', '0', '0', '0',
      // duration (158), postToAts (160), autoCancelParent (162)
      I, I, '0',
      // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf (170)
      I, I, M, M, M,
      // customerAccount (183), professionalCustomer (184), bondAccruedInterest (185), includeOvernight (189)
      '', '0', '', '0',
      // extOperator, manualOrderIndicator (CME_TAGGING_FIELDS_IN_OPEN_ORDER, 193)
      '', I,
    ];
    expect(fields).toEqual(expected);
  });

  it('openOrder across versions: faProfile below 177, tails per version', () => {
    const at193 = splitBody(openOrder(193, lmtOrder(), SUBMITTED));
    const at187 = splitBody(openOrder(187, lmtOrder(), SUBMITTED));
    const at176 = splitBody(openOrder(176, lmtOrder(), SUBMITTED));
    const at157 = splitBody(openOrder(157, lmtOrder(), SUBMITTED));
    expect(at187).toEqual(at193.slice(0, -3)); // no includeOvernight (189), no CME tagging (193)
    // 176: faProfile after faPercentage; no customerAccount (183), professionalCustomer (184), bondAccruedInterest (185)
    expect(at176.length).toBe(at187.length + 1 - 3);
    expect(at176[38]).toBe(''); // faProfile
    expect(at176.slice(-8)).toEqual([I, I, '0', I, I, M, M, M]);
    // 157: no duration (158), postToAts (160), autoCancelParent (162), PEG offsets (170)
    expect(at157.length).toBe(at176.length - 3 - 5);
    expect(at157.slice(-5)).toEqual([M, '0', '0', '0', '0']); // cashQty … usePriceMgmtAlgo (151)
  });

  it('completedOrder: faProfile below 177 (ibapi reads it by server version)', () => {
    const o = {
      ...lmtOrder(),
      status: 'Filled' as const,
      filled: 100,
      completedAt: Date.UTC(2026, 10, 24, 20, 59, 58),
      completedStatus: 'Filled Size: 100',
    };
    const at177 = splitBody(completedOrder(177, o));
    const at176 = splitBody(completedOrder(176, o));
    expect(at176.length).toBe(at177.length + 1);
    // After contract (11), action…orderRef (11), permId…goodAfterTime (5), faGroup/faMethod/faPercentage: faProfile.
    expect(at176.slice(0, 31)).toEqual(at177.slice(0, 31));
    expect(at176[31]).toBe('');
    // completedTime and completedStatus, then the PEG BEST/MID fields (170); customerAccount only from 183.
    expect(at177.slice(-7)).toEqual([
      '20261124 15:59:58 America/New_York',
      'Filled Size: 100',
      I,
      I,
      M,
      M,
      M,
    ]);
    expect(splitBody(completedOrder(193, o)).slice(-2)).toEqual(['', '0']);
  });

  it('execDetails: lastLiquidity (136) and pendingPriceRevision (178)', () => {
    const e = {
      execId: '0000e0d5.6b062a11.01.01',
      time: '20261124 09:30:00 US/Eastern',
      account: 'DU1234567',
      exchange: 'ISLAND',
      side: 'BOT' as const,
      shares: 100,
      price: 230.01,
      permId: 1234567890,
      clientId: 3,
      orderId: 12,
      cumQty: 100,
      avgPrice: 230.01,
      orderRef: 'r1',
      lastLiquidity: 2,
    };
    // prettier-ignore
    const base = ['11', '-1', '12', '265598', 'AAPL', 'STK', '', '0', '', '', 'ISLAND', 'USD', 'AAPL', 'NMS', e.execId, e.time, 'DU1234567', 'ISLAND', 'BOT', '100', '230.01', '1234567890', '3', '0', '100', '230.01', 'r1', '', '', '', '2'];
    expect(splitBody(execDetails(177, -1, AAPL, e))).toEqual(base);
    expect(splitBody(execDetails(178, -1, AAPL, e))).toEqual([...base, '0']);
  });

  it('commissionReport: unset realized P&L and yield travel as Double.MAX_VALUE', () => {
    expect(splitBody(commissionReport('x.1', 1, 'USD', undefined))).toEqual([
      '59',
      '1',
      'x.1',
      '1',
      'USD',
      M,
      M,
      '0',
    ]);
    expect(splitBody(commissionReport('x.2', 1.25, 'USD', -3.5))).toEqual([
      '59',
      '1',
      'x.2',
      '1.25',
      'USD',
      '-3.5',
      M,
      '0',
    ]);
  });

  it('pnl: reqId, daily, unrealized (129), realized (135)', () => {
    expect(splitBody(pnl(193, 8, -12.5, 40, 3))).toEqual(['94', '8', '-12.5', '40', '3']);
  });

  it('historicalData: reqId, start, end, count, then 8 fields per bar (no version from 124)', () => {
    const ctx = {
      market: { etDayOf: (t: number) => Math.floor((t - 5 * 3_600_000) / 86_400_000) },
    } as unknown as GatewayContext;
    const svc = new HistoryService(ctx);
    const t0 = Date.UTC(2026, 10, 24, 14, 30);
    const bars: Bars = {
      time: [t0, t0 + 60_000],
      open: [230, 230.1],
      high: [230.2, 230.3],
      low: [229.9, 230],
      close: [230.1, 230.25],
      volume: [12000, 9000],
      wap: [230.05, 230.15],
      count: [80, 60],
      daily: false,
    };
    const fields = splitBody(svc.encode(193, 7, AAPL, bars, t0, t0 + 120_000, 1));
    // prettier-ignore
    expect(fields).toEqual([
      '17', '7', '20261124 09:30:00 US/Eastern', '20261124 09:32:00 US/Eastern', '2',
      '20261124 09:30:00 US/Eastern', '230', '230.2', '229.9', '230.1', '12000', '230.05', '80',
      '20261124 09:31:00 US/Eastern', '230.1', '230.3', '230', '230.25', '9000', '230.15', '60',
    ]);
    // Below HMDS_MARKET_DATA_IN_SHARES (175) stock volumes are in round lots.
    // prettier-ignore
    expect(splitBody(svc.encode(174, 7, AAPL, bars, t0, t0 + 120_000, 2))).toEqual([
      '17', '7', String(t0 / 1000), String((t0 + 120_000) / 1000), '2',
      String(t0 / 1000), '230', '230.2', '229.9', '230.1', '120', '230.05', '80',
      String((t0 + 60_000) / 1000), '230.1', '230.3', '230', '230.25', '90', '230.15', '60',
    ]);
  });

  it('scannerData: 20|3|reqId|count, 16 fields per row (conId from version 3, legsStr last)', () => {
    expect(
      splitBody(scannerData(12, [{ rank: 0, inst: AAPL, distance: '', benchmark: '', projection: '' }])),
    ).toEqual([
      '20',
      '3',
      '12',
      '1',
      '0',
      '265598',
      'AAPL',
      'STK',
      '',
      '0',
      '',
      'SMART',
      'USD',
      'AAPL',
      'NMS',
      'NMS',
      '',
      '',
      '',
      '',
    ]);
  });
});

/** A frame as ibapi's comm.make_msg builds it: 4-byte big-endian length, then each field and a NUL. */
function officialFrame(fields: readonly string[]): Buffer {
  const body = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

// The *_MULTI family (MODELS_SUPPORT, 103). No MIN_SERVER_VER condition of ibapi touches these layouts between 157
// and 193, so both ends of the range must give the same bytes. Requests: client.py's reqPositionsMulti (74),
// cancelPositionsMulti (75), reqAccountUpdatesMulti (76), cancelAccountUpdatesMulti (77), each `VERSION = 1`
// and make_field (a bool as 1/0). Answers: decoder.py's processPositionMultiMsg (71), and the wrapper-signature
// messages POSITION_MULTI_END (72), ACCOUNT_UPDATE_MULTI (73), ACCOUNT_UPDATE_MULTI_END (74), whose fields after
// the id and the version are exactly the EWrapper method's parameters.
describe.each([157, 193])('golden frames of the *_MULTI messages at %i', (v) => {
  const read = (fields: string[]) => {
    const bytes = officialFrame(fields);
    const { req, leftover } = decodeRequestChecked(payloadFields(bytes.subarray(4)), v);
    expect(leftover).toBe(0);
    return req;
  };

  it('reads the four requests as ibapi writes them', () => {
    expect(read(['74', '1', '9001', 'DU2222222', ''])).toEqual({
      kind: 'reqPositionsMulti',
      reqId: 9001,
      account: 'DU2222222',
      modelCode: '',
    });
    expect(read(['75', '1', '9001'])).toEqual({ kind: 'cancelPositionsMulti', reqId: 9001 });
    expect(read(['76', '1', '9002', 'All', '', '1'])).toEqual({
      kind: 'reqAccountUpdatesMulti',
      reqId: 9002,
      account: 'All',
      modelCode: '',
      ledgerAndNLV: true,
    });
    expect(read(['76', '1', '9003', 'DU1111111', 'MODEL1', '0'])).toMatchObject({
      account: 'DU1111111',
      modelCode: 'MODEL1',
      ledgerAndNLV: false,
    });
    expect(read(['77', '1', '9002'])).toEqual({ kind: 'cancelAccountUpdatesMulti', reqId: 9002 });
  });

  it('positionMulti: 71|1|reqId|account|conId..tradingClass|position|avgCost|modelCode', () => {
    // prettier-ignore
    const expected = officialFrame([
      '71', '1', '9001', 'DU2222222',
      '265598', 'AAPL', 'STK', '', '0', '', '', 'NASDAQ', 'USD', 'AAPL', 'NMS',
      '100', '230.51', '',
    ]);
    expect(frame(positionMulti(9001, 'DU2222222', AAPL, 100, 230.51, '')).toString('hex')).toBe(
      expected.toString('hex'),
    );
    expect(frame(positionMultiEnd(9001)).toString('hex')).toBe(
      officialFrame(['72', '1', '9001']).toString('hex'),
    );
  });

  it('accountUpdateMulti: 73|1|reqId|account|modelCode|key|value|currency, then 74|1|reqId', () => {
    expect(
      frame(accountUpdateMulti(9002, 'DU1111111', '', 'NetLiquidation', '1000000.00', 'USD')).toString('hex'),
    ).toBe(
      officialFrame(['73', '1', '9002', 'DU1111111', '', 'NetLiquidation', '1000000.00', 'USD']).toString(
        'hex',
      ),
    );
    expect(frame(accountUpdateMultiEnd(9002)).toString('hex')).toBe(
      officialFrame(['74', '1', '9002']).toString('hex'),
    );
  });
});
