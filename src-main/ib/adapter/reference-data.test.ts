import { describe, expect, it } from 'vitest';
import { createRecordingLink } from '../../../tests/support/recording-api';
import { createReferenceData } from './reference-data';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

describe('adapter reference data', () => {
  it('pages history through the pacing queue and ends at TWS’s "finished" marker', async () => {
    const rec = createRecordingLink();
    const page = createReferenceData(rec.link).history({
      contract: AAPL,
      barSize: '1 hour',
      duration: '5 D',
      endTime: 1_800_000_000,
      whatToShow: 'MIDPOINT',
      useRTH: false,
    });
    const r = rec.requests[0]!;
    expect(r.spec.history?.contractKey).toBe('265598|SMART|MIDPOINT');
    expect(r.spec.retryOnReconnect).toBe(true);
    expect(r.calls[0]!.args.slice(2, 6)).toEqual(['20270115-08:00:00', '5 D', '1 hour', 'MIDPOINT']);
    r.event('historicalData', [r.reqId, '1799996400', 1, 2, 0.5, 1.5, 100, 3, 1.2]);
    r.event('historicalData', [r.reqId, 'garbage', 1, 2, 0.5, 1.5, 100, 3, 1.2]);
    r.event('historicalData', [r.reqId, 'finished', 0, 0, 0, 0, 0, 0, 0]);
    await expect(page).resolves.toEqual([
      { time: 1_799_996_400, open: 1, high: 2, low: 0.5, close: 1.5, volume: 100, count: 3, wap: 1.2 },
    ]);
  });

  it('calls a history request TWS has no data for NOT_FOUND, and a pacing violation PACING', async () => {
    const rec = createRecordingLink();
    const ref = createReferenceData(rec.link);
    const spec = {
      contract: AAPL,
      barSize: '1 day' as const,
      duration: '1 Y' as const,
      whatToShow: 'TRADES' as const,
      useRTH: true,
    };
    const empty = ref.history(spec);
    rec.requests[0]!.error(162, 'HMDS query returned no data');
    await expect(empty).rejects.toMatchObject({ code: 'NOT_FOUND', twsCode: 162 });
    const paced = ref.history(spec);
    rec.requests[1]!.error(162, 'Historical data request pacing violation');
    await expect(paced).rejects.toMatchObject({ code: 'PACING' });
  });

  it('asks again for delayed data when a snapshot is refused for want of a subscription', async () => {
    const rec = createRecordingLink();
    const snap = createReferenceData(rec.link).snapshot(AAPL);
    rec.requests[0]!.error(354, 'Requested market data is not subscribed');
    await Promise.resolve();
    await Promise.resolve();
    const again = rec.requests[1]!;
    expect(again.calls.map((c) => [c.method, c.args[0]])).toEqual([
      ['reqMarketDataType', 3],
      ['reqMktData', again.reqId],
      ['reqMarketDataType', 1],
    ]);
    again.event('tickPrice', [again.reqId, 68, 101.25]);
    again.event('tickSnapshotEnd', [again.reqId]);
    await expect(snap).resolves.toEqual({ delayed: true, last: 101.25 });
  });

  it('says NOT_FOUND when TWS knows no instrument, naming what was asked', async () => {
    const rec = createRecordingLink();
    const details = createReferenceData(rec.link).contractDetails({ symbol: 'NOPE' });
    rec.requests[0]!.error(200, 'No security definition has been found for the request');
    await expect(details).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'TWS knows no instrument matching NOPE',
    });
  });

  it('collects reqSecDefOptParams rows until the end, strikes as numbers', async () => {
    const rec = createRecordingLink();
    const chain = createReferenceData(rec.link).optionParams({ symbol: 'AAPL', conId: 265598 });
    const r = rec.requests[0]!;
    expect(r.calls[0]!.args).toEqual([r.reqId, 'AAPL', '', 'STK', 265598]);
    r.event('securityDefinitionOptionParameter', [
      r.reqId,
      'SMART',
      265598,
      'AAPL',
      100,
      ['20260116'],
      [150, 155],
    ]);
    r.event('securityDefinitionOptionParameter', [
      r.reqId,
      'CBOE',
      265598,
      'AAPL',
      '100',
      ['20260116'],
      [150],
    ]);
    r.event('securityDefinitionOptionParameterEnd', [r.reqId]);
    await expect(chain).resolves.toEqual([
      {
        exchange: 'SMART',
        tradingClass: 'AAPL',
        multiplier: 100,
        expirations: ['20260116'],
        strikes: [150, 155],
      },
      { exchange: 'CBOE', tradingClass: 'AAPL', multiplier: 100, expirations: ['20260116'], strikes: [150] },
    ]);
  });
});
