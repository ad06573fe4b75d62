import { describe, expect, it } from 'vitest';
import { buildUniverse } from './universe';
import type { Instrument } from './instrument';
import { stockContract } from './stock-contract';

describe('stockContract', () => {
  it('names a universe stock as STK on SMART with its listing exchange', () => {
    const msft = buildUniverse(Date.UTC(2026, 10, 24)).bySymbol('MSFT')[0] as Instrument;
    expect(stockContract(msft)).toEqual({
      conId: 272093,
      symbol: 'MSFT',
      secType: 'STK',
      exchange: 'SMART',
      primaryExchange: 'NASDAQ',
      currency: 'USD',
    });
  });

  it('leaves the primary exchange out when the caller has none', () => {
    expect(stockContract({ conId: 1001, symbol: 'S1', currency: 'USD' })).toEqual({
      conId: 1001,
      symbol: 'S1',
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
    });
  });
});
