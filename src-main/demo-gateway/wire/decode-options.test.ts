import { describe, expect, it } from 'vitest';
import { decodeRequestChecked } from './decoder';
import { DecodeError } from './field-reader';

/**
 * The frames of /work/notes/protocol-golden-examples.md ("stoqey" rows were produced by running its Encoder): the
 * version-2 form ends with the options string alone, the version-3 form with a count and the options string.
 */
const frames = {
  secDefOptParams: '78|3|AAPL||STK|265598',
  ivStoqey: '54|2|11|700000001|AAPL|OPT|20260116|150|C|100|SMART||USD|AAPL  260116C00150000|AAPL|3.1|150.25|',
  ivOfficial:
    '54|3|11|700000001|AAPL|OPT|20260116|150.0|C|100|SMART||USD|AAPL  260116C00150000|AAPL|3.1|150.25|0|',
  priceStoqey:
    '55|2|12|700000001|AAPL|OPT|20260116|150|C|100|SMART||USD|AAPL  260116C00150000|AAPL|0.3|150.25|',
  priceOfficial:
    '55|3|12|700000001|AAPL|OPT|20260116|150.0|C|100|SMART||USD|AAPL  260116C00150000|AAPL|0.3|150.25|0|',
};

function decode(text: string, v: number): unknown {
  // The notes write a frame as its fields joined by "|": a trailing "|" is an empty last field.
  const fields = text.split('|');
  const { req, leftover } = decodeRequestChecked(fields, v);
  expect(leftover).toBe(0);
  return req;
}

describe.each([157, 176, 193])('option requests at server version %i', (v) => {
  it('reads reqSecDefOptParams whole: symbol, futFopExchange, secType, conId (no version field)', () => {
    expect(decode(frames.secDefOptParams, v)).toEqual({
      kind: 'reqSecDefOptParams',
      reqId: 3,
      underlyingSymbol: 'AAPL',
      futFopExchange: '',
      underlyingSecType: 'STK',
      underlyingConId: 265598,
    });
  });

  it('reads calculateImpliedVolatility and calculateOptionPrice in @stoqey/ib’s version 2 and IB’s version 3', () => {
    const iv = { kind: 'calculateImpliedVolatility', reqId: 11, value: 3.1, underPrice: 150.25 };
    const contract = {
      conId: 700000001,
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: '20260116',
      strike: 150,
      right: 'C',
      multiplier: '100',
      localSymbol: 'AAPL  260116C00150000',
      tradingClass: 'AAPL',
    };
    expect(decode(frames.ivStoqey, v)).toMatchObject({ ...iv, contract });
    expect(decode(frames.ivOfficial, v)).toMatchObject({ ...iv, contract });
    const price = { kind: 'calculateOptionPrice', reqId: 12, value: 0.3, underPrice: 150.25 };
    expect(decode(frames.priceStoqey, v)).toMatchObject({ ...price, contract });
    expect(decode(frames.priceOfficial, v)).toMatchObject({ ...price, contract });
    // An official client with options: a count, then "tag=value;" pairs in one field.
    expect(decode(frames.priceOfficial.replace(/0\|$/, '1|a=b;'), v)).toMatchObject(price);
  });

  it('reads the cancels (version 1, reqId)', () => {
    expect(decode('56|1|11', v)).toEqual({ kind: 'cancelCalculateImpliedVolatility', reqId: 11 });
    expect(decode('57|1|12', v)).toEqual({ kind: 'cancelCalculateOptionPrice', reqId: 12 });
  });

  it('answers a price that is not a number with a DecodeError (error 320)', () => {
    const bad = frames.ivOfficial.replace('|3.1|', '|cheap|');
    expect(() => decode(bad, v)).toThrow(DecodeError);
  });
});
