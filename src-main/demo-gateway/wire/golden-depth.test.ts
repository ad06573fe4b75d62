// Golden frames of the depth and tick messages at server versions 157, 176 and 193. Each expected field list is the
// worked example of /work/notes/protocol-golden-examples.md, written from IB's own decoder (ibapi/decoder.py:
// processMktDepthExchangesMsg, processMarketDepthMsg, processMarketDepthL2Msg, processTickByTickMsg,
// processHistoricalTicks*, processErrorMsg) and checked there against the official and @stoqey/ib decoders, so a
// change of layout in our encoders shows up here and not in a client.
import { describe, expect, it } from 'vitest';
import { splitBody } from './fields';
import { errorMessage } from './encoder';
import {
  historicalTicksBidAsk,
  historicalTicksLast,
  historicalTicksMid,
  mktDepthExchanges,
  tickByTickBidAsk,
  tickByTickLast,
  tickByTickMidPoint,
  updateMktDepth,
  updateMktDepthL2,
} from './encode-depth';
import type { DepthOp } from '../depth/depth-diff';
import type { BidAskTick, TradeTick } from '../depth/ticks';

const VERSIONS = [157, 176, 193] as const;

const op = (o: Partial<DepthOp>): DepthOp => ({
  position: 0,
  operation: 0,
  side: 1,
  price: 150.24,
  size: 300,
  marketMaker: '',
  ...o,
});

const trade = (t: Partial<TradeTick>): TradeTick => ({
  kind: 'trade',
  time: 1768573800,
  timeMs: 1768573800_000,
  price: 150.25,
  size: 100,
  exchange: 'NASDAQ',
  specialConditions: '',
  pastLimit: false,
  unreported: false,
  ...t,
});

const bidAsk: BidAskTick = {
  kind: 'bidAsk',
  time: 1768573800,
  timeMs: 1768573800_000,
  bidPrice: 150.24,
  askPrice: 150.26,
  bidSize: 300,
  askSize: 200,
  bidPastLow: false,
  askPastHigh: false,
};

// None of these messages has a field gated inside 157…193 (their gates are 120, 130, 137, 146): one set of bytes
// for 157, 176 and 193 alike. The size unit is chosen per version by the handlers (handlers/depth.ts).
describe('depth and tick golden frames at server versions 157, 176 and 193', () => {
  it('MKT_DEPTH_EXCHANGES (80): count, then exchange, secType, listingExch, serviceDataType, aggGroup', () => {
    const body = mktDepthExchanges([
      { exchange: 'ISLAND', secType: 'STK', listingExch: 'NASDAQ', serviceDataType: 'Deep2', aggGroup: 1 },
      { exchange: 'ARCA', secType: 'STK', listingExch: 'NYSE', serviceDataType: 'Deep2', aggGroup: 1 },
      { exchange: 'CME', secType: 'FUT', listingExch: '', serviceDataType: 'Deep', aggGroup: 2147483647 },
    ]);
    expect(splitBody(body)).toEqual([
      '80',
      '3',
      'ISLAND',
      'STK',
      'NASDAQ',
      'Deep2',
      '1',
      'ARCA',
      'STK',
      'NYSE',
      'Deep2',
      '1',
      'CME',
      'FUT',
      '',
      'Deep',
      '2147483647',
    ]);
  });

  it('MARKET_DEPTH (12) and MARKET_DEPTH_L2 (13)', () => {
    expect(splitBody(updateMktDepth(7001, op({}), 300))).toEqual([
      '12',
      '1',
      '7001',
      '0',
      '0',
      '1',
      '150.24',
      '300',
    ]);
    expect(splitBody(updateMktDepthL2(7002, op({ marketMaker: 'ARCA' }), 300, true))).toEqual([
      '13',
      '1',
      '7002',
      '0',
      'ARCA',
      '0',
      '1',
      '150.24',
      '300',
      '1',
    ]);
  });

  it('TICK_BY_TICK (99): Last, AllLast, BidAsk, MidPoint', () => {
    expect(splitBody(tickByTickLast(5001, 1, trade({})))).toEqual([
      '99',
      '5001',
      '1',
      '1768573800',
      '150.25',
      '100',
      '0',
      'NASDAQ',
      '',
    ]);
    expect(
      splitBody(
        tickByTickLast(
          5002,
          2,
          trade({ time: 1768573801, price: 150.26, size: 7, exchange: 'FINRA', unreported: true }),
        ),
      ),
    ).toEqual(['99', '5002', '2', '1768573801', '150.26', '7', '2', 'FINRA', '']);
    expect(splitBody(tickByTickBidAsk(5003, bidAsk, 300, 200))).toEqual([
      '99',
      '5003',
      '3',
      '1768573800',
      '150.24',
      '150.26',
      '300',
      '200',
      '0',
    ]);
    expect(splitBody(tickByTickMidPoint(5004, 1768573800, 150.25))).toEqual([
      '99',
      '5004',
      '4',
      '1768573800',
      '150.25',
    ]);
  });

  it('TICK_BY_TICK (99) BidAsk mask: bit 0 bidPastLow, bit 1 askPastHigh', () => {
    const low = tickByTickBidAsk(1, { ...bidAsk, bidPastLow: true }, 300, 200);
    const high = tickByTickBidAsk(1, { ...bidAsk, askPastHigh: true }, 300, 200);
    expect(splitBody(low).at(-1)).toBe('1');
    expect(splitBody(high).at(-1)).toBe('2');
  });

  it('HISTORICAL_TICKS (96) MIDPOINT: time, the unused field, price, size per tick, then done', () => {
    const body = historicalTicksMid(
      6001,
      [
        { time: 1768573800, price: 150.25, size: 0 },
        { time: 1768573801, price: 150.255, size: 0 },
      ],
      true,
    );
    expect(splitBody(body)).toEqual([
      '96',
      '6001',
      '2',
      '1768573800',
      '0',
      '150.25',
      '0',
      '1768573801',
      '0',
      '150.255',
      '0',
      '1',
    ]);
  });

  it('HISTORICAL_TICKS_BID_ASK (97): mask bit 0 askPastHigh (the reverse of TICK_BY_TICK)', () => {
    const body = historicalTicksBidAsk(
      6002,
      [
        {
          time: 1768573800,
          askPastHigh: false,
          bidPastLow: false,
          priceBid: 150.24,
          priceAsk: 150.26,
          sizeBid: 300,
          sizeAsk: 200,
        },
        {
          time: 1768573801,
          askPastHigh: true,
          bidPastLow: false,
          priceBid: 150.25,
          priceAsk: 150.27,
          sizeBid: 100,
          sizeAsk: 400,
        },
        {
          time: 1768573802,
          askPastHigh: false,
          bidPastLow: true,
          priceBid: 150.2,
          priceAsk: 150.22,
          sizeBid: 100,
          sizeAsk: 400,
        },
      ],
      true,
    );
    expect(splitBody(body)).toEqual([
      '97',
      '6002',
      '3',
      '1768573800',
      '0',
      '150.24',
      '150.26',
      '300',
      '200',
      '1768573801',
      '1',
      '150.25',
      '150.27',
      '100',
      '400',
      '1768573802',
      '2',
      '150.2',
      '150.22',
      '100',
      '400',
      '1',
    ]);
  });

  it('HISTORICAL_TICKS_LAST (98): time, mask, price, size, exchange, specialConditions, then done', () => {
    const body = historicalTicksLast(
      6003,
      [
        {
          time: 1768573800,
          pastLimit: false,
          unreported: false,
          price: 150.25,
          size: 100,
          exchange: 'NASDAQ',
          specialConditions: '',
        },
        {
          time: 1768573801,
          pastLimit: false,
          unreported: true,
          price: 150.26,
          size: 7,
          exchange: 'FINRA',
          specialConditions: '',
        },
      ],
      true,
    );
    expect(splitBody(body)).toEqual([
      '98',
      '6003',
      '2',
      '1768573800',
      '0',
      '150.25',
      '100',
      'NASDAQ',
      '',
      '1768573801',
      '2',
      '150.26',
      '7',
      'FINRA',
      '',
      '1',
    ]);
    expect(splitBody(historicalTicksLast(6004, [], true))).toEqual(['98', '6004', '0', '1']);
  });
});

describe.each(VERSIONS)('depth and tick errors at server version %i', (v) => {
  it('ERR_MSG (4) 309, 317, 10092, 10190: the advanced-reject field from 166', () => {
    const cases: [number, number, string][] = [
      [7003, 309, 'Max number (3) of market depth requests has been reached'],
      [
        7002,
        317,
        'Market depth data has been RESET. Please empty deep book contents before applying any new entries.',
      ],
      [7004, 10092, 'Deep market data is not supported for this combination of security type/exchange'],
      [5005, 10190, 'Max number of tick-by-tick requests has been reached.'],
    ];
    for (const [id, code, text] of cases) {
      const head = ['4', '2', String(id), String(code), text];
      expect(splitBody(errorMessage(v, id, code, text))).toEqual(v >= 166 ? [...head, ''] : head);
    }
  });
});
