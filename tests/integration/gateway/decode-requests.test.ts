// The gateway reads every request exactly as clients write it at each server version: requests are encoded by
// @stoqey/ib's own Encoder (and, for the main ones, field by field as ibapi's EClient writes them) and must decode
// with no field left over.
import { describe, expect, it } from 'vitest';
import { Encoder } from '@stoqey/ib/dist/core/io/encoder';
import type { Contract, Order } from '@stoqey/ib';
import { decodeRequestChecked } from '../../../src-main/demo-gateway/wire/decoder';
import type { Request } from '../../../src-main/demo-gateway/wire/requests';
import { VERSIONS, stock } from './helpers';

/** Runs one @stoqey/ib encoder call and returns the fields it would put on the wire. */
function encode(version: number, call: (e: Encoder) => void): string[][] {
  const out: string[][] = [];
  const errors: string[] = [];
  const e = new Encoder({
    serverVersion: version,
    sendMsg: (tokens: unknown[]) => {
      const flat = (tokens as unknown[]).flat(Infinity as 1) as unknown[];
      out.push(
        flat.map((t) =>
          t === true ? '1' : t === false ? '0' : t === undefined || t === null ? '' : String(t),
        ),
      );
    },
    emitError: (msg: string) => errors.push(msg),
    emitInfo: () => undefined,
  } as never);
  call(e);
  if (errors.length) throw new Error(errors.join('; '));
  return out;
}

function decode(version: number, call: (e: Encoder) => void): Request {
  const [fields] = encode(version, call);
  const { req, leftover } = decodeRequestChecked(fields as string[], version);
  expect(leftover, `${req.kind} leftover fields at ${version}`).toBe(0);
  return req;
}

describe.each(VERSIONS)('requests as @stoqey/ib writes them at %i', (v) => {
  it('reads market data, contract, history, scanner and real-time bar requests', () => {
    const md = decode(v, (e) =>
      e.reqMktData(11, { ...stock('AAPL'), conId: 265598 }, '233,236', false, true),
    );
    expect(md).toMatchObject({
      kind: 'reqMktData',
      reqId: 11,
      genericTickList: '233,236',
      snapshot: false,
      regulatorySnapshot: true,
    });
    expect(md.kind === 'reqMktData' && md.contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
    });
    expect(decode(v, (e) => e.cancelMktData(11))).toEqual({ kind: 'cancelMktData', reqId: 11 });
    expect(
      decode(v, (e) => e.reqContractDetails(7, { ...stock('MSFT'), primaryExch: 'NASDAQ' })),
    ).toMatchObject({
      kind: 'reqContractDetails',
      reqId: 7,
      contract: { symbol: 'MSFT', primaryExchange: 'NASDAQ' },
    });
    expect(decode(v, (e) => e.reqMatchingSymbols(8, 'AAP'))).toEqual({
      kind: 'reqMatchingSymbols',
      reqId: 8,
      pattern: 'AAP',
    });
    expect(
      decode(v, (e) =>
        e.reqHistoricalData(10, stock('AAPL'), '', '1 D', '1 min' as never, 'TRADES', 1, 1, true),
      ),
    ).toMatchObject({
      kind: 'reqHistoricalData',
      reqId: 10,
      endDateTime: '',
      duration: '1 D',
      barSize: '1 min',
      useRth: true,
      whatToShow: 'TRADES',
      formatDate: 1,
      keepUpToDate: true,
    });
    expect(decode(v, (e) => e.cancelHistoricalData(10))).toEqual({ kind: 'cancelHistoricalData', reqId: 10 });
    expect(decode(v, (e) => e.reqHeadTimestamp(9, stock('AAPL'), 'TRADES' as never, true, 2))).toMatchObject({
      kind: 'reqHeadTimestamp',
      reqId: 9,
      useRth: true,
      formatDate: 2,
    });
    expect(
      decode(v, (e) => e.reqRealTimeBars(12, stock('AAPL'), 5, 'MIDPOINT' as never, false, [])),
    ).toMatchObject({
      kind: 'reqRealTimeBars',
      reqId: 12,
      barSize: 5,
      whatToShow: 'MIDPOINT',
      useRth: false,
    });
    const scan = decode(v, (e) =>
      e.reqScannerSubscription(
        13,
        {
          numberOfRows: 25,
          instrument: 'STK',
          locationCode: 'STK.US.MAJOR',
          scanCode: 0,
          abovePrice: 5,
          aboveVolume: 1000,
        } as never,
        [],
        [{ tag: 'marketCapAbove1e6', value: '1000' }],
      ),
    );
    expect(scan).toMatchObject({
      kind: 'reqScannerSubscription',
      reqId: 13,
      filterOptions: [{ tag: 'marketCapAbove1e6', value: '1000' }],
    });
    expect(scan.kind === 'reqScannerSubscription' && scan.subscription).toMatchObject({
      numberOfRows: 25,
      scanCode: 'TOP_PERC_GAIN',
      abovePrice: 5,
      aboveVolume: 1000,
    });
    expect(decode(v, (e) => e.reqScannerParameters())).toEqual({ kind: 'reqScannerParameters' });
    expect(decode(v, (e) => e.cancelScannerSubscription(13))).toEqual({
      kind: 'cancelScannerSubscription',
      reqId: 13,
    });
  });

  it('reads the *_MULTI account requests and their cancels (version 2 from @stoqey/ib, 1 from ibapi)', () => {
    expect(decode(v, (e) => e.reqPositionsMulti(31, 'DU2222222', ''))).toEqual({
      kind: 'reqPositionsMulti',
      reqId: 31,
      account: 'DU2222222',
      modelCode: '',
    });
    expect(decode(v, (e) => e.cancelPositionsMulti(31))).toEqual({ kind: 'cancelPositionsMulti', reqId: 31 });
    expect(decode(v, (e) => e.reqAccountUpdatesMulti(32, 'All', '', true))).toEqual({
      kind: 'reqAccountUpdatesMulti',
      reqId: 32,
      account: 'All',
      modelCode: '',
      ledgerAndNLV: true,
    });
    expect(decode(v, (e) => e.cancelAccountUpdatesMulti(32))).toEqual({
      kind: 'cancelAccountUpdatesMulti',
      reqId: 32,
    });
  });

  it('reads the option requests: chains, option contracts, the calculations and their cancels', () => {
    // Every field read (decode() checks nothing is left over; the layout is pinned in wire/decode-options.test.ts).
    expect(decode(v, (e) => e.reqSecDefOptParams(3, 'AAPL', 'CBOE', 'STK', 265598))).toMatchObject({
      futFopExchange: 'CBOE',
      underlyingConId: 265598,
    });
    const month = {
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: '202601',
      exchange: 'SMART',
    };
    expect(
      decode(v, (e) => e.reqContractDetails(7, { ...month, currency: 'USD' } as Contract)),
    ).toMatchObject({
      kind: 'reqContractDetails',
      contract: { secType: 'OPT', lastTradeDateOrContractMonth: '202601', strike: 0, right: '' },
    });
    const option = {
      ...stock('AAPL'),
      secType: 'OPT',
      conId: 700000001,
      lastTradeDateOrContractMonth: '20260116',
      strike: 150,
      right: 'C',
      multiplier: 100,
      localSymbol: 'AAPL  260116C00150000',
      tradingClass: 'AAPL',
    } as Contract;
    // @stoqey/ib writes version 2: the options string follows the underlying's price without a count.
    expect(decode(v, (e) => e.calculateImpliedVolatility(11, option, 3.1, 150.25))).toMatchObject({
      kind: 'calculateImpliedVolatility',
      reqId: 11,
      value: 3.1,
      underPrice: 150.25,
      contract: { conId: 700000001, strike: 150, right: 'C', multiplier: '100' },
    });
    expect(decode(v, (e) => e.calculateOptionPrice(12, option, 0.3, 150.25))).toMatchObject({
      kind: 'calculateOptionPrice',
      value: 0.3,
    });
    expect(decode(v, (e) => e.cancelCalculateImpliedVolatility(11))).toEqual({
      kind: 'cancelCalculateImpliedVolatility',
      reqId: 11,
    });
    expect(decode(v, (e) => e.cancelCalculateOptionPrice(12))).toEqual({
      kind: 'cancelCalculateOptionPrice',
      reqId: 12,
    });
  });

  it('reads order, account and connection requests', () => {
    const lmt = {
      action: 'BUY',
      orderType: 'LMT',
      totalQuantity: 100,
      lmtPrice: 187.5,
      tif: 'GTC',
      transmit: true,
      outsideRth: true,
      account: 'DU1234567',
      orderRef: 'abc',
    } as Order;
    const placed = decode(v, (e) => e.placeOrder(1001, stock('AAPL'), lmt));
    expect(placed.kind === 'placeOrder' && placed.warnings).toEqual([]);
    expect(placed).toMatchObject({ kind: 'placeOrder', orderId: 1001, contract: { symbol: 'AAPL' } });
    // Every field the order was sent with reads back as sent.
    expect(placed.kind === 'placeOrder' && placed.ticket).toMatchObject(lmt);
    const child = decode(v, (e) =>
      e.placeOrder(1003, stock('AAPL'), {
        action: 'SELL',
        orderType: 'TRAIL',
        totalQuantity: 100,
        trailingPercent: 2,
        parentId: 1001,
        transmit: true,
      } as Order),
    );
    expect(child.kind === 'placeOrder' && child.ticket).toMatchObject({
      orderType: 'TRAIL',
      trailingPercent: 2,
      parentId: 1001,
    });
    const stpLmt = decode(v, (e) =>
      e.placeOrder(1004, stock('AAPL'), {
        action: 'SELL',
        orderType: 'STP LMT',
        totalQuantity: 10,
        lmtPrice: 99,
        auxPrice: 100,
        ocaGroup: 'g',
        ocaType: 1,
        transmit: true,
      } as Order),
    );
    expect(stpLmt.kind === 'placeOrder' && stpLmt.ticket).toMatchObject({
      lmtPrice: 99,
      auxPrice: 100,
      ocaGroup: 'g',
      ocaType: 1,
    });
    expect(decode(v, (e) => e.cancelOrder(1001, {} as never))).toMatchObject({
      kind: 'cancelOrder',
      orderId: 1001,
    });
    expect(decode(v, (e) => e.reqGlobalCancel({} as never))).toEqual({ kind: 'reqGlobalCancel' });
    expect(decode(v, (e) => e.reqOpenOrders())).toEqual({ kind: 'reqOpenOrders' });
    expect(decode(v, (e) => e.reqAllOpenOrders())).toEqual({ kind: 'reqAllOpenOrders' });
    expect(decode(v, (e) => e.reqAutoOpenOrders(true))).toEqual({
      kind: 'reqAutoOpenOrders',
      autoBind: true,
    });
    expect(decode(v, (e) => e.reqIds(1))).toEqual({ kind: 'reqIds', numIds: 1 });
    expect(decode(v, (e) => e.reqExecutions(14, { symbol: 'AAPL', side: 'BUY' }))).toMatchObject({
      kind: 'reqExecutions',
      reqId: 14,
      filter: { symbol: 'AAPL', side: 'BUY' },
    });
    expect(decode(v, (e) => e.reqCompletedOrders(true))).toEqual({
      kind: 'reqCompletedOrders',
      apiOnly: true,
    });
    expect(decode(v, (e) => e.reqPositions())).toEqual({ kind: 'reqPositions' });
    expect(decode(v, (e) => e.cancelPositions())).toEqual({ kind: 'cancelPositions' });
    expect(decode(v, (e) => e.reqAccountSummary(15, 'All', 'NetLiquidation,$LEDGER'))).toEqual({
      kind: 'reqAccountSummary',
      reqId: 15,
      group: 'All',
      tags: 'NetLiquidation,$LEDGER',
    });
    expect(decode(v, (e) => e.cancelAccountSummary(15))).toEqual({ kind: 'cancelAccountSummary', reqId: 15 });
    expect(decode(v, (e) => e.reqAccountUpdates(true, 'DU1234567'))).toEqual({
      kind: 'reqAccountUpdates',
      subscribe: true,
      account: 'DU1234567',
    });
    expect(decode(v, (e) => e.reqPnL(16, 'DU1234567', ''))).toEqual({
      kind: 'reqPnL',
      reqId: 16,
      account: 'DU1234567',
      modelCode: '',
    });
    expect(decode(v, (e) => e.reqPnLSingle(17, 'DU1234567', '', 265598))).toEqual({
      kind: 'reqPnLSingle',
      reqId: 17,
      account: 'DU1234567',
      modelCode: '',
      conId: 265598,
    });
    expect(decode(v, (e) => e.cancelPnL(16))).toEqual({ kind: 'cancelPnL', reqId: 16 });
    expect(decode(v, (e) => e.reqCurrentTime())).toEqual({ kind: 'reqCurrentTime' });
    expect(decode(v, (e) => e.reqMarketDataType(3))).toEqual({
      kind: 'reqMarketDataType',
      marketDataType: 3,
    });
    expect(decode(v, (e) => e.reqManagedAccts())).toEqual({ kind: 'reqManagedAccts' });
  });
});

/** placeOrder for a plain LMT order as ibapi 10.30's EClient.placeOrder writes it (client.py, field by field). */
function ibapiPlaceOrder(
  v: number,
  orderId: number,
  c: Contract,
  o: {
    action: string;
    qty: number;
    type: string;
    lmt: number;
    tif: string;
    transmit: boolean;
    parentId: number;
  },
): string[] {
  const f: (string | number)[] = [
    3,
    orderId,
    c.conId ?? 0,
    c.symbol ?? '',
    c.secType ?? '',
    '',
    0,
    '',
    '',
    c.exchange ?? '',
    '',
    c.currency ?? '',
    '',
    '',
  ];
  f.push('', ''); // secIdType, secId (SEC_ID_TYPE)
  f.push(o.action, o.qty, o.type, o.lmt, ''); // lmtPrice, auxPrice via make_field_handle_empty
  f.push(o.tif, '', '', '', 0, '', o.transmit ? 1 : 0, o.parentId, 0, 0, 0, 0, 0, 0);
  f.push('', 0, '', '', '', '', ''); // sharesAllocation, discretionaryAmt, goodAfterTime, goodTillDate, faGroup, faMethod, faPercentage
  if (v < 177) f.push(''); // faProfile until FA_PROFILE_DESUPPORT
  f.push(''); // modelCode
  f.push(0, '', -1); // shortSaleSlot, designatedLocation, exemptCode
  f.push(0); // ocaType
  f.push('', '', 0, '', '', 0, 0, '', '', '', '', '', '', '', 0, '', '', '', ''); // rule80A … deltaNeutralAuxPrice
  f.push(0, '', '', ''); // continuousUpdate, referencePriceType, trailStopPrice, trailingPercent
  f.push('', '', ''); // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
  f.push('', '', ''); // scaleTable, activeStartTime, activeStopTime
  f.push(''); // hedgeType
  f.push(0, '', '', 0, 0, ''); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld, deltaNeutralContract, algoStrategy
  f.push('', 0, '', 0, 0, 0); // algoId, whatIf, orderMiscOptions, solicited, randomizeSize, randomizePrice
  f.push(0); // conditions count
  f.push('', '', '', '', '', '', 0); // adjusted order params (make_field of unset values)
  f.push('', '', '', ''); // extOperator, softDollarTier name/value, cashQty
  f.push('', '', '', ''); // MiFID II fields
  f.push(0, 0, 0, ''); // dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice, usePriceMgmtAlgo (unset)
  if (v >= 158) f.push(2147483647); // duration
  if (v >= 160) f.push(2147483647); // postToAts
  if (v >= 162) f.push(0); // autoCancelParent
  if (v >= 166) f.push(''); // advancedErrorOverride
  if (v >= 169) f.push(''); // manualOrderTime
  if (v >= 183) f.push('');
  if (v >= 184) f.push(0);
  if (v >= 187) f.push('', 2147483647); // externalUserId, manualOrderIndicator (RFQ_FIELDS)
  return f.map(String);
}

describe('requests as ibapi writes them', () => {
  it.each([157, 176, 187])('reads ibapi placeOrder and cancelOrder at %i', (v) => {
    const fields = ibapiPlaceOrder(
      v,
      5,
      {
        conId: 265598,
        symbol: 'AAPL',
        secType: 'STK' as Contract['secType'],
        exchange: 'SMART',
        currency: 'USD',
      },
      {
        action: 'BUY',
        qty: 100,
        type: 'LMT',
        lmt: 231.25,
        tif: 'DAY',
        transmit: true,
        parentId: 0,
      },
    );
    const { req, leftover } = decodeRequestChecked(fields, v);
    expect(leftover).toBe(0);
    expect(req.kind === 'placeOrder' && req.warnings).toEqual([]);
    expect(req.kind === 'placeOrder' && req.ticket).toMatchObject({
      action: 'BUY',
      totalQuantity: 100,
      orderType: 'LMT',
      lmtPrice: 231.25,
      transmit: true,
      exemptCode: -1,
    });
    // cancelOrder: version field, orderId, manualOrderCancelTime (169), extOperator/externalUserId/manualOrderIndicator (187)
    const cancel = ['4', '1', '5', ...(v >= 169 ? [''] : []), ...(v >= 187 ? ['', '', '2147483647'] : [])];
    expect(decodeRequestChecked(cancel, v)).toEqual({
      req: { kind: 'cancelOrder', orderId: 5, manualOrderCancelTime: '' },
      leftover: 0,
    });
  });
});
