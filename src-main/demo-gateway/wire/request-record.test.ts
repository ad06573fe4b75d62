// What the recorder stores of the app's requests: decoded by the gateway's own decoder, as a replay reads them.
import { describe, expect, it } from 'vitest';
import { recordedRequest } from './request-record';

describe('recordedRequest', () => {
  it('stores reqMktData by kind, request id and contract, with the other fields as parameters', () => {
    // As @stoqey/ib sends reqMktData (version 11) at server version 176: AAPL by conId, generic ticks "233".
    const fields = '1|11|42|265598|AAPL|STK||0|||SMART|NASDAQ|USD|||0|233|0|0|'.split('|');
    const r = recordedRequest(fields, 176);
    expect(r).toMatchObject({
      kind: 'reqMktData',
      reqId: 42,
      contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
    });
    expect(r!.params).not.toHaveProperty('reqId');
    expect(r!.params).not.toHaveProperty('contract');
  });

  it('leaves out the API start message (session plumbing, not a request)', () => {
    expect(recordedRequest(['71', '2', '1', ''], 176)).toBeNull();
  });

  it('keeps a message the decoder cannot read by its id and raw fields', () => {
    expect(recordedRequest(['9999', 'x'], 176)).toEqual({
      kind: 'msg9999',
      reqId: null,
      params: { fields: ['9999', 'x'] },
    });
  });
});
