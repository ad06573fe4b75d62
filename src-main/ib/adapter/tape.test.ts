// The adapter's tape: AllLast tick-by-tick asked and cancelled, its string times read as epoch ms, junk dropped;
// historical trades asked up to a UTC time and gathered until `done`.
import { describe, expect, it } from 'vitest';
import { createRecordingLink, recordingApi, type ApiCall } from '../../../tests/support/recording-api';
import { createTapeStreams, twsUtc, type Trade } from './tape';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

describe('adapter tape', () => {
  it('streams AllLast trades with times in ms and cancels by id', () => {
    const rec = createRecordingLink();
    const got: Trade[] = [];
    createTapeStreams(rec.link).tape(AAPL, {
      starting: () => undefined,
      trade: (t) => void got.push(t),
      error: () => 'keep',
    });
    const line = rec.streams[0]!;
    expect(line.calls[0]).toMatchObject({
      method: 'reqTickByTickData',
      args: [line.reqId, { conId: 265598 }, 'AllLast', 0, false],
    });
    line.event('tickByTickAllLast', [line.reqId, 2, '1768573800', 150.25, 100, {}, 'NASDAQ', '']);
    line.event('tickByTickAllLast', [line.reqId, 2, 'x', 150.25, 100, {}, 'NASDAQ', '']);
    expect(got).toEqual([{ time: 1_768_573_800_000, price: 150.25, size: 100, exchange: 'NASDAQ' }]);
    const cancel: ApiCall[] = [];
    line.spec.close(recordingApi(cancel), line.reqId);
    expect(cancel).toEqual([{ method: 'cancelTickByTickData', args: [line.reqId] }]);
  });

  it('asks TRADES up to a UTC end time and gathers the ticks until done', async () => {
    const rec = createRecordingLink();
    const answer = createTapeStreams(rec.link).recentTrades(AAPL, 500, Date.UTC(2026, 0, 16, 14, 30, 5));
    const req = rec.requests[0]!;
    expect(req.calls[0]!.args.slice(2)).toEqual(['', '20260116-14:30:05', 500, 'TRADES', 0, false]);
    req.event('historicalTicksLast', [req.reqId, [{ time: 1, price: 2, size: 3, exchange: 'IEX' }], false]);
    req.event('historicalTicksLast', [req.reqId, [{ time: 2, price: 2.5, exchange: 'IEX' }], true]);
    expect(await answer).toEqual([
      { time: 1000, price: 2, size: 3, exchange: 'IEX' },
      { time: 2000, price: 2.5, size: 0, exchange: 'IEX' },
    ]);
    expect(twsUtc(0)).toBe('19700101-00:00:00');
  });
});
