import { describe, expect, it } from 'vitest';
import { BENCH_STAMP_TICK } from '../../../src-shared/bench-probe';
import { createRecordingLink } from '../../../tests/support/recording-api';
import { createStreams, type MarketDataSink } from './streams';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

function quoteLine(opts: { benchProbe?: boolean; delayed?: boolean } = {}) {
  const rec = createRecordingLink();
  const got: unknown[][] = [];
  const sink: MarketDataSink = {
    tick: (...a) => void got.push(['tick', ...a]),
    probe: (...a) => void got.push(['probe', ...a]),
    dataType: (...a) => void got.push(['dataType', ...a]),
    error: () => 'keep',
  };
  createStreams(rec.link, { benchProbe: opts.benchProbe }).marketData(
    AAPL,
    { delayed: () => opts.delayed ?? false },
    sink,
  );
  return { rec, got, line: rec.streams[0]! };
}

describe('adapter streams', () => {
  it('give every quote line the same handler (no closures per line), each line reading into its own sink', () => {
    const rec = createRecordingLink();
    const got: unknown[][] = [];
    const sinkOf = (symbol: string): MarketDataSink => ({
      tick: (...a) => void got.push([symbol, ...a]),
      dataType: () => undefined,
      error: () => 'keep',
    });
    const streams = createStreams(rec.link);
    streams.marketData(AAPL, { delayed: () => false }, sinkOf('AAPL'));
    streams.marketData({ ...AAPL, conId: 272093, symbol: 'MSFT' }, { delayed: () => false }, sinkOf('MSFT'));
    const [aapl, msft] = rec.streams;
    expect(aapl!.spec.onEvent).toBe(msft!.spec.onEvent);
    expect([aapl!.spec.label, msft!.spec.label, aapl!.spec.kind]).toEqual([
      'quotes AAPL',
      'quotes MSFT',
      'quotes',
    ]);
    msft!.event('tickPrice', [msft!.reqId, 2, 410.5]);
    aapl!.event('tickSize', [aapl!.reqId, 0, 300]);
    expect(got).toEqual([
      ['MSFT', 'ask', 410.5, false],
      ['AAPL', 'bidSize', 300, false],
    ]);
  });

  it('read ticks into quote fields, delayed twins flagged, TWS’s −1 "no value" dropped but a negative close kept', () => {
    const { got, line } = quoteLine();
    line.event('tickPrice', [line.reqId, 1, 99.5]);
    line.event('tickSize', [line.reqId, 69, 300]);
    line.event('tickPrice', [line.reqId, 2, -1]);
    line.event('tickPrice', [line.reqId, 9, -0.25]);
    line.event('tickPrice', [line.reqId, 45, 123]); // a tick type the app does not show
    line.event('marketDataType', [line.reqId, 3]);
    expect(got).toEqual([
      ['tick', 'bid', 99.5, false],
      ['tick', 'bidSize', 300, true],
      ['tick', 'close', -0.25, false],
      ['dataType', 3],
    ]);
  });

  it('ask for delayed data around the request when the line is delayed', () => {
    const { line } = quoteLine({ delayed: true });
    expect(line.calls.map((c) => [c.method, c.args[0]])).toEqual([
      ['reqMarketDataType', 3],
      ['reqMktData', line.reqId],
      ['reqMarketDataType', 1],
    ]);
  });

  it('ask an option line for its open interest (generic tick 101) and read it; a stock line asks for none', () => {
    const rec = createRecordingLink();
    const got: unknown[][] = [];
    const option = { ...AAPL, conId: 9001, secType: 'OPT' as const, strike: 200, right: 'C' as const };
    const sink: MarketDataSink = {
      tick: (...a) => void got.push(a),
      dataType: () => undefined,
      error: () => 'keep',
    };
    const streams = createStreams(rec.link);
    streams.marketData(option, { delayed: () => false }, sink);
    streams.marketData(AAPL, { delayed: () => false }, sink);
    const [opt, stk] = rec.streams;
    expect(opt!.calls[0]).toMatchObject({
      method: 'reqMktData',
      args: [opt!.reqId, {}, '101', false, false],
    });
    expect(stk!.calls[0]).toMatchObject({ method: 'reqMktData', args: [stk!.reqId, {}, '', false, false] });
    opt!.event('tickSize', [opt!.reqId, 27, 1234]);
    expect(got).toEqual([['openInterest', 1234, false]]);
  });

  it('read the demo gateway’s bench stamps only with benchProbe, and only from its private tick', () => {
    const off = quoteLine();
    off.line.event('tickString', [off.line.reqId, BENCH_STAMP_TICK, '41;1700000000123.5']);
    expect(off.got).toEqual([]);
    const on = quoteLine({ benchProbe: true });
    on.line.event('tickString', [on.line.reqId, BENCH_STAMP_TICK, '42;1700000000123.5']);
    on.line.event('tickString', [on.line.reqId, 45, '42;1700000000123.5']);
    on.line.event('tickString', [on.line.reqId, BENCH_STAMP_TICK, 'garbage']);
    expect(on.got).toEqual([['probe', 42, 1_700_000_000_123.5]]);
  });

  it('hand a scanner’s rows over once per TWS snapshot, ranked, each snapshot whole', () => {
    const rec = createRecordingLink();
    const snapshots: number[][] = [];
    createStreams(rec.link).scanner(
      {
        scanCode: 'TOP_PERC_GAIN',
        instrument: 'STK',
        location: 'STK.US.MAJOR',
        rows: 10,
        filters: { x: true },
      },
      { rows: (rows) => snapshots.push(rows.map((r) => r.contract.conId)), error: () => 'keep' },
    );
    const s = rec.streams[0]!;
    expect(s.calls[0]!.args[3]).toEqual([{ tag: 'x', value: '1' }]);
    s.event('scannerData', [s.reqId, 1, { contract: { conId: 2, symbol: 'B' } }, '', '', '']);
    s.event('scannerData', [s.reqId, 0, { contract: { conId: 1, symbol: 'A' } }, '', '', '']);
    s.event('scannerDataEnd', [s.reqId]);
    s.event('scannerData', [s.reqId, 0, { contract: { conId: 3, symbol: 'C' } }, '', '', '']);
    s.event('scannerDataEnd', [s.reqId]);
    expect(snapshots).toEqual([[1, 2], [3]]);
  });

  it('give live bars their initial set once complete, then one update per bar', () => {
    const rec = createRecordingLink();
    const got: string[] = [];
    createStreams(rec.link).historyLive(
      { contract: AAPL, barSize: '1 min', duration: '1 D', whatToShow: 'TRADES', useRTH: false },
      {
        initial: (bars) => got.push(`initial ${bars.length}`),
        update: (bar) => got.push(`update ${bar.close}`),
        error: () => undefined,
      },
    );
    const s = rec.streams[0]!;
    expect(s.calls[0]).toMatchObject({
      method: 'reqHistoricalData',
      args: [s.reqId, {}, '', '1 D', '1 min', 'TRADES', 0, 2, true],
    });
    s.event('historicalDataUpdate', [s.reqId, '1800000000', 1, 2, 0.5, 1.5, 10, 1, 1]); // before the initial set
    s.event('historicalData', [s.reqId, '1800000000', 1, 2, 0.5, 1.5, 10, 1, 1]);
    s.event('historicalData', [s.reqId, 'finished-20270101-20270102', 0, 0, 0, 0, 0, 0, 0]);
    s.event('historicalDataUpdate', [s.reqId, '1800000060', 1.5, 2, 1, 1.75, 5, 1, 1]);
    expect(got).toEqual(['initial 1', 'update 1.75']);
    expect(s.historyDone).toBe(1);
  });

  it('read positions and account updates into the app’s types', () => {
    const rec = createRecordingLink();
    const got: unknown[] = [];
    const streams = createStreams(rec.link);
    streams.positions({
      position: (p) => got.push(p),
      end: () => got.push('end'),
      starting: () => undefined,
    });
    streams.accountUpdates('DU1', {
      value: () => undefined,
      portfolio: (p) => got.push(p),
      end: () => got.push('download end'),
    });
    rec.streams[0]!.event('position', ['DU1', { conId: 7, symbol: 'X' }, '25', 10.5]);
    rec.streams[0]!.event('positionEnd', []);
    rec.streams[1]!.event('updatePortfolio', [{ conId: 7, symbol: 'X' }, 25, 11, 275, 10.5, 12.5, 0, 'DU1']);
    rec.streams[1]!.event('accountDownloadEnd', ['DU1']);
    expect(got).toEqual([
      { account: 'DU1', contract: expect.objectContaining({ conId: 7 }), position: 25, avgCost: 10.5 },
      'end',
      expect.objectContaining({ account: 'DU1', position: 25, marketValue: 275, unrealizedPnl: 12.5 }),
      'download end',
    ]);
  });
});
