// The depth and tick requests as real clients put them on the wire (the client → server table of
// protocol-golden-examples.md: @stoqey/ib 1.6.10's Encoder run, and ibapi's EClient field by field), read with no
// field left over at every version in range.
import { describe, expect, it } from 'vitest';
import { decodeRequestChecked } from './decoder';
import { DecodeError } from './field-reader';

const frame = (text: string): string[] => text.split('|');

function decode(text: string, v: number): ReturnType<typeof decodeRequestChecked>['req'] {
  const { req, leftover } = decodeRequestChecked(frame(text), v);
  expect(leftover).toBe(0);
  return req;
}

describe.each([157, 176, 193])('depth and tick requests at %i', (v) => {
  it('reqMktDepth (10) from @stoqey/ib and from ibapi (strike 0.0, "" options)', () => {
    const stoqey = decode('10|5|7002|265598|AAPL|STK|||||SMART|NASDAQ|USD|||10|1|', v);
    expect(stoqey).toMatchObject({
      kind: 'reqMktDepth',
      reqId: 7002,
      numRows: 10,
      isSmartDepth: true,
      options: [],
    });
    expect(stoqey.kind === 'reqMktDepth' && stoqey.contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      primaryExchange: 'NASDAQ',
      currency: 'USD',
    });
    const official = decode('10|5|7002|265598|AAPL|STK||0.0|||SMART|NASDAQ|USD|||10|1|', v);
    expect(official).toEqual(stoqey);
    // @stoqey/ib sends "" for an unset isSmartDepth, and tag=value text for options.
    expect(decode('10|5|7003|0|ES|FUT|202612||||CME||USD|||5||a=1;b=2;', v)).toMatchObject({
      isSmartDepth: false,
      numRows: 5,
      options: [
        { tag: 'a', value: '1' },
        { tag: 'b', value: '2' },
      ],
    });
  });

  it('cancelMktDepth (11), reqTickByTickData (97), cancelTickByTickData (98)', () => {
    expect(decode('11|1|7002|1', v)).toEqual({ kind: 'cancelMktDepth', reqId: 7002, isSmartDepth: true });
    expect(decode('11|1|7002|', v)).toEqual({ kind: 'cancelMktDepth', reqId: 7002, isSmartDepth: false });
    const stoqey = decode('97|5001|265598|AAPL|STK|||||SMART|NASDAQ|USD|||Last|0|0', v);
    expect(stoqey).toMatchObject({
      kind: 'reqTickByTickData',
      reqId: 5001,
      tickType: 'Last',
      numberOfTicks: 0,
    });
    expect(decode('97|5001|265598|AAPL|STK||0.0|||SMART|NASDAQ|USD|||Last|0|0', v)).toEqual(stoqey);
    expect(decode('97|5002|265598|AAPL|STK|||||SMART|NASDAQ|USD|||BidAsk|25|1', v)).toMatchObject({
      tickType: 'BidAsk',
      numberOfTicks: 25,
      ignoreSize: true,
    });
    expect(decode('98|5001', v)).toEqual({ kind: 'cancelTickByTickData', reqId: 5001 });
  });

  it('reqHistoricalTicks (96): includeExpired, start, end, count, whatToShow, useRth, ignoreSize, miscOptions', () => {
    const req = decode(
      '96|6003|265598|AAPL|STK|||||SMART|NASDAQ|USD|||0|20260116 09:30:00 US/Eastern||1000|TRADES|1|1|',
      v,
    );
    expect(req).toMatchObject({
      kind: 'reqHistoricalTicks',
      reqId: 6003,
      startDateTime: '20260116 09:30:00 US/Eastern',
      endDateTime: '',
      numberOfTicks: 1000,
      whatToShow: 'TRADES',
      useRth: true,
      ignoreSize: true,
    });
  });

  it('refuses a request with a field that does not parse or is missing (error 320 upstream)', () => {
    expect(() =>
      decodeRequestChecked(frame('10|5|x|265598|AAPL|STK|||||SMART|NASDAQ|USD|||10|1|'), v),
    ).toThrow(DecodeError);
    expect(() =>
      decodeRequestChecked(frame('97|5001|265598|AAPL|STK|||||SMART|NASDAQ|USD|||Last|many|0'), v),
    ).toThrow(DecodeError);
    expect(() => decodeRequestChecked(frame('96|6003|265598|AAPL|STK|||||SMART|NASDAQ|USD|||0|'), v)).toThrow(
      DecodeError,
    );
  });
});
