// Golden frames of the option messages at server versions 157, 176 and 193. Each expected field list was written
// from IB's own decoder (ibapi/decoder.py: processSecurityDefinitionOptionParameterMsg, processTickOption-
// ComputationMsg, processContractDataMsg, processPositionMultiMsg, orderdecoder.py's contract fields) with its
// MIN_SERVER_VER conditions, following the worked examples of /work/notes/protocol-golden-examples.md (values
// there are illustrative; the text forms pinned here are the gateway's: strikes "140.0" in 75 as Java prints them,
// "150" in CONTRACT_DATA as in the live frame, plain decimals elsewhere).
import { describe, expect, it } from 'vitest';
import { splitBody } from './fields';
import { securityDefinitionOptionParameter, tickOptionComputation } from './encode-options';
import { contractData } from './encode-contract';
import { execDetails, portfolioValue, position, positionMulti, secDefOptParamsEnd } from './encoder';
import { openOrder } from './encode-order';
import type { Instrument } from '../model/instrument';
import { defaultTicket, newOrderRecord } from '../orders/order-types';
import { emptyComputation } from '../options/quotes';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import { OptionChains } from '../options/chain';
import type { OptionContract } from '../options/contract';
import { optionInstrument } from '../options/option-instruments';

const VERSIONS = [157, 176, 193] as const;

// The option of the notes' worked example (AAPL 16 Jan 2026 150 call) as the option model lists it, with a
// shorter exchange list and fewer order types to keep the frames readable.
const ORDER_TYPES = 'ACTIVETIM,AD,ADJUST,ALERT,ALLOC,LMT,MKT,STP,STPLMT,TRAIL';
const T = Date.UTC(2026, 0, 5, 15); // Monday 5 Jan 2026, 10:00 ET
const universe = buildUniverse(T);
const chains = new OptionChains(universe, new Market(universe, 1, false).paths);
const [listed] = chains.find('AAPL', { expiry: '20260116', right: 'C', strike: 150 }, T);
const OPTION: Instrument = {
  ...optionInstrument(listed as OptionContract),
  validExchanges: 'SMART,AMEX,CBOE,PHLX,ISE,BOX',
  orderTypes: ORDER_TYPES,
};
const H = '20260115:0930-20260115:1600;20260116:0930-20260116:1600';
const HOURS = { tradingHours: H, liquidHours: H };

describe.each(VERSIONS)('option golden frames at server version %i', (v) => {
  it('SECURITY_DEFINITION_OPTION_PARAMETER (75): no version, strikes as Java doubles; END (76)', () => {
    // reqId, exchange, underlyingConId, tradingClass, multiplier, expCount, expirations…, strikeCount, strikes…
    const row = {
      exchange: 'SMART',
      underlyingConId: 265598,
      tradingClass: 'AAPL',
      multiplier: '100',
      expirations: ['20260116', '20260220', '20260320'],
      strikes: [140, 145, 150, 155, 160],
    };
    // prettier-ignore
    expect(splitBody(securityDefinitionOptionParameter(3, row))).toEqual([
      '75', '3', 'SMART', '265598', 'AAPL', '100', '3', '20260116', '20260220', '20260320',
      '5', '140.0', '145.0', '150.0', '155.0', '160.0',
    ]);
    expect(
      splitBody(securityDefinitionOptionParameter(3, { ...row, strikes: [257.5, 0.5] })).slice(-3),
    ).toEqual(['2', '257.5', '0.5']);
    expect(splitBody(secDefOptParamsEnd(3))).toEqual(['76', '3']);
  });

  it('TICK_OPTION_COMPUTATION (21): no version from PRICE_BASED_VOLATILITY (156), tickAttrib and all eight values', () => {
    // reqId, tickType, tickAttrib, impliedVol, delta, optPrice, pvDividend, gamma, vega, theta, undPrice
    const model = {
      tickAttrib: 1,
      impliedVol: 0.2513,
      delta: 0.5123,
      optPrice: 3.15,
      pvDividend: 0,
      gamma: 0.0312,
      vega: 0.1542,
      theta: -0.0871,
      undPrice: 150.25,
    };
    // prettier-ignore
    expect(splitBody(tickOptionComputation(42, 13, model))).toEqual([
      '21', '42', '13', '1', '0.2513', '0.5123', '3.15', '0', '0.0312', '0.1542', '-0.0871', '150.25',
    ]);
    // "Not computed" is −1 for values and −2 for greeks, never an empty field.
    expect(splitBody(tickOptionComputation(42, 10, emptyComputation()))).toEqual([
      '21',
      '42',
      '10',
      '0',
      '-1',
      '-2',
      '-1',
      '-1',
      '-2',
      '-2',
      '-2',
      '-1',
    ]);
    // calculateOptionPrice's answer (tick 53), as the live frame of the notes (values to 8 decimals).
    const cust = {
      ...model,
      tickAttrib: 0,
      impliedVol: 0.3,
      delta: 0.55794979,
      optPrice: 2.65969018,
      pvDividend: -1,
    };
    expect(splitBody(tickOptionComputation(6, 53, { ...cust, undPrice: 293.23 })).slice(1, 8)).toEqual([
      '6',
      '53',
      '0',
      '0.3',
      '0.55794979',
      '2.65969018',
      '-1',
    ]);
  });

  it('CONTRACT_DATA (10) of an option: strike, right, multiplier 100, OCC symbol, aggGroup 2, sizes 1', () => {
    const head = ['AAPL', 'OPT', '20260116'];
    // prettier-ignore
    const ident = ['150', 'C', 'SMART', 'USD', 'AAPL  260116C00150000', 'AAPL', 'AAPL', '701376300', '0.01'];
    // prettier-ignore
    const rest = [
      '100', ORDER_TYPES, 'SMART,AMEX,CBOE,PHLX,ISE,BOX', '1', '265598', 'Apple Inc', '', '202601', '', '', '',
      'US/Eastern', H, H, '', '', '0', '2', 'AAPL', 'STK', '32,32,32,32,32,32', '20260116', '',
    ];
    const body = splitBody(contractData(v, 7, OPTION, HOURS));
    if (v === 157) {
      // version 8 (below SIZE_RULES 164), then mdSizeMultiplier 1 after minTick (110 ≤ v < 164): 39 fields.
      expect(body).toEqual(['10', '8', '7', ...head, ...ident, '1', ...rest]);
    } else if (v === 176) {
      // no version; minSize, sizeIncrement, suggestedSizeIncrement (164): 40 fields.
      expect(body).toEqual(['10', '7', ...head, ...ident, ...rest, '1', '1', '1']);
    } else {
      // lastTradeDate after lastTradeDateOrContractMonth (182); ineligibilityReasonCount (186): 42 fields.
      expect(body).toEqual(['10', '7', ...head, '20260116', ...ident, ...rest, '1', '1', '1', '0']);
    }
  });

  it('positions, portfolio, executions and open orders carry the option’s strike, right and multiplier', () => {
    const contract = ['701376300', 'AAPL', 'OPT', '20260116', '150', 'C', '100'];
    const tail = ['USD', 'AAPL  260116C00150000', 'AAPL'];
    // POSITION_MULTI (71): version, reqId, account, conId … tradingClass (exchange: the listing one, none for an
    // option), position, avgCost, modelCode.
    expect(splitBody(positionMulti(1001, 'DU1234567', OPTION, 2, 310.5, ''))).toEqual([
      '71',
      '1',
      '1001',
      'DU1234567',
      ...contract,
      '',
      ...tail,
      '2',
      '310.5',
      '',
    ]);
    // POSITION_DATA (61), version 3: account, contract, position, avgCost.
    expect(splitBody(position('DU1234567', OPTION, -1, 420.65))).toEqual([
      '61',
      '3',
      'DU1234567',
      ...contract,
      '',
      ...tail,
      '-1',
      '420.65',
    ]);
    // PORTFOLIO_VALUE (7), version 8: contract, position, marketPrice, marketValue, avgCost, unrealized, realized, account.
    expect(splitBody(portfolioValue(OPTION, 2, 3.2, 640, 310.5, 19, 0, 'DU1234567'))).toEqual([
      '7',
      '8',
      ...contract,
      '',
      ...tail,
      '2',
      '3.2',
      '640',
      '310.5',
      '19',
      '0',
      'DU1234567',
    ]);
    // EXECUTION_DATA (11): reqId, orderId, contract with the execution exchange, then the execution.
    const exec = splitBody(
      execDetails(v, -1, OPTION, {
        execId: 'e1',
        time: '20260105 10:00:00 US/Eastern',
        account: 'DU1234567',
        exchange: 'CBOE',
        side: 'BOT',
        shares: 2,
        price: 3.1,
        permId: 5,
        clientId: 1,
        orderId: 9,
        cumQty: 2,
        avgPrice: 3.1,
        orderRef: '',
        lastLiquidity: 2,
      }),
    );
    expect(exec.slice(0, 15)).toEqual(['11', '-1', '9', ...contract, 'CBOE', ...tail, 'e1']);
    // OPEN_ORDER (5): orderId, then the contract with exchange SMART.
    const o = newOrderRecord({
      orderId: 9,
      clientId: 1,
      permId: 5,
      account: 'DU1234567',
      inst: OPTION,
      ticket: {
        ...defaultTicket(),
        action: 'BUY',
        totalQuantity: 2,
        orderType: 'LMT',
        lmtPrice: 3.1,
        tif: 'DAY',
      },
    });
    // A filled order reports its commission: $0.65 a contract.
    const state = {
      status: 'Filled',
      commission: 1.3,
      minCommission: undefined,
      maxCommission: undefined,
      commissionCurrency: 'USD',
      warningText: '',
    };
    expect(splitBody(openOrder(v, o, state)).slice(0, 17)).toEqual([
      '5',
      '9',
      ...contract,
      'SMART',
      ...tail,
      'BUY',
      '2',
      'LMT',
      '3.1',
    ]);
  });
});
