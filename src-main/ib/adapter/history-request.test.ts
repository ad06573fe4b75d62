import { describe, expect, it } from 'vitest';
import { recordingApi, type ApiCall } from '../../../tests/support/recording-api';
import { historyContractKey, historySignature, requestHistory, type HistorySpec } from './history-request';

const spec: HistorySpec = {
  contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  barSize: '5 mins',
  duration: '2 D',
  endTime: 1_800_000_000,
  whatToShow: 'TRADES',
  useRTH: true,
};

describe('a history request', () => {
  it("is sent with TWS's arguments in order, epoch-second bar times", () => {
    const calls: ApiCall[] = [];
    requestHistory(recordingApi(calls), 42, spec, '20270115-08:00:00', false);
    expect(calls).toEqual([
      {
        method: 'reqHistoricalData',
        args: [
          42,
          expect.objectContaining({ conId: 265598, symbol: 'AAPL' }),
          '20270115-08:00:00',
          '2 D',
          '5 mins',
          'TRADES',
          1,
          2,
          false,
        ],
      },
    ]);
  });

  it('is identical to another for TWS’s 15-second rule only with every argument the same', () => {
    const base = historySignature(spec, false);
    expect(historySignature({ ...spec }, false)).toBe(base);
    expect(historySignature(spec, true)).not.toBe(base);
    expect(historySignature({ ...spec, endTime: undefined }, false)).not.toBe(base);
    expect(historySignature({ ...spec, useRTH: false }, false)).not.toBe(base);
    expect(historyContractKey(spec)).toBe('265598|SMART|TRADES');
    expect(historyContractKey({ ...spec, duration: '1 W' })).toBe(historyContractKey(spec));
  });
});
