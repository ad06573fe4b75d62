// Which recorded stream a new request gets: a quote line and the app's news line ("mdoff,292:…", no quotes) of the
// same instrument are different streams, whatever else their generic tick lists say.
import { describe, expect, it } from 'vitest';
import { Universe } from '../model/universe';
import { emptyContractRequest } from '../orders/order-types';
import { StreamKeys } from './stream-keys';

const keys = new StreamKeys(new Universe([]));
const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', currency: 'USD' };
const mkt = (genericTickList: string) => keys.groupKey('reqMktData', undefined, { genericTickList });
const mktOf = (genericTickList: string) =>
  keys.groupKey('reqMktData', { ...emptyContractRequest(), ...AAPL }, { genericTickList });

describe('stream keys', () => {
  it('keeps a market-data line without quotes (mdoff) apart from the quote lines of the same instrument', () => {
    expect(mktOf('')).toBe('reqMktData|s:AAPL/STK/USD|');
    expect(mktOf('233,236')).toBe(mktOf(''));
    expect(mktOf('mdoff,292:BRFG+DJNL')).toBe('reqMktData|s:AAPL/STK/USD|MDOFF');
    expect(mktOf('292, MDOFF')).toBe(mktOf('mdoff,292:BRFG+DJNL'));
    expect(mktOf('mdoffx')).toBe(mktOf(''));
    expect(mkt('')).toBe('reqMktData||');
  });

  it('leaves the keys of other kinds as their parameters make them', () => {
    expect(keys.groupKey('reqHistoricalData', undefined, { whatToShow: 'trades' })).toBe(
      'reqHistoricalData||TRADES',
    );
  });
});
