import { describe, expect, it } from 'vitest';
import { DecodeError, FieldReader } from './field-reader';
import { readContract } from './decode-contract';

describe('readContract', () => {
  it('reads the twelve fields of the contract block and leaves what follows', () => {
    const r = new FieldReader('1|265598|AAPL|STK||0|||SMART|NASDAQ|USD|AAPL|NMS|next'.split('|'));
    expect(readContract(r)).toEqual({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      lastTradeDateOrContractMonth: '',
      strike: 0,
      right: '',
      multiplier: '',
      exchange: 'SMART',
      primaryExchange: 'NASDAQ',
      currency: 'USD',
      localSymbol: 'AAPL',
      tradingClass: 'NMS',
      includeExpired: false,
      secIdType: '',
      secId: '',
      issuerId: '',
    });
    expect(r.remaining).toBe(1);
  });

  it('throws a DecodeError on a conId or strike that is not a number', () => {
    expect(() => readContract(new FieldReader(['1', 'x', 'AAPL']))).toThrow(DecodeError);
    const badStrike = '1|0|SPY|OPT|20261218|high|C|100|SMART||USD||'.split('|');
    expect(() => readContract(new FieldReader(badStrike))).toThrow(DecodeError);
  });
});
