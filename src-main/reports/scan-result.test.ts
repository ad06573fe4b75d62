// The seed's scan table from scanner rows: a snapshot quote per row, the listing exchange from the contract
// details when the row names only the routing one, and "-" where a snapshot or the details failed.
import { describe, expect, it } from 'vitest';
import { emptyQuote, type Quote } from '../../src-shared/domain/quote';
import type { ScanRow } from '../../src-shared/domain/scanner';
import type { Trading } from '../trading';
import { formatScanTable, scanResultRows, type ScanResultRow } from './scan-result';

const row = (rank: number, conId: number, symbol: string, primaryExchange?: string): ScanRow => ({
  rank,
  contract: {
    conId,
    symbol,
    secType: 'STK',
    exchange: 'SMART',
    currency: 'USD',
    ...(primaryExchange ? { primaryExchange } : {}),
  },
  distance: '',
  benchmark: '',
  projection: '',
});

function fakeTrading(quotes: Map<number, Quote>, listings: Map<number, string>) {
  const asked: number[] = [];
  const t = {
    marketData: {
      snapshot: async (c: { conId?: number }) => {
        const q = quotes.get(c.conId ?? 0);
        if (!q) throw new Error('no snapshot');
        return q;
      },
    },
    contracts: {
      details: async (ref: { conId?: number }) => {
        asked.push(ref.conId ?? 0);
        const listing = listings.get(ref.conId ?? 0);
        if (listing === undefined) throw new Error('no details');
        return [{ primaryExchange: listing }];
      },
    },
  };
  return { t: t as unknown as Pick<Trading, 'marketData' | 'contracts'>, asked };
}

/** AAPL quoted at 110 against a close of 100, listed on NASDAQ. */
const AAPL_ROW: ScanResultRow = {
  rank: 1,
  symbol: 'AAPL',
  exchange: 'NASDAQ',
  currency: 'USD',
  last: 110,
  changePct: 10,
  volume: 1_234_567,
};
const unquoted = (rank: number, symbol: string, exchange: string): ScanResultRow => ({
  rank,
  symbol,
  exchange,
  currency: 'USD',
  last: null,
  changePct: null,
  volume: null,
});

describe('scanResultRows', () => {
  it('ranks from 1, quotes each row, and looks up the listing exchange only where the row lacks it', async () => {
    const aapl = { ...emptyQuote(1, 'live'), last: 110, close: 100, volume: 1_234_567 };
    const { t, asked } = fakeTrading(new Map([[1, aapl]]), new Map([[2, 'ARCA']]));
    const rows = await scanResultRows(t, [row(0, 1, 'AAPL', 'NASDAQ'), row(1, 2, 'SPY'), row(2, 3, 'XYZ')]);
    expect(asked).toEqual([2, 3]);
    expect(rows).toEqual([
      AAPL_ROW,
      unquoted(2, 'SPY', 'ARCA'),
      // Neither a snapshot nor details: the row's own (routing) exchange and no numbers.
      unquoted(3, 'XYZ', 'SMART'),
    ]);
  });
});

describe('formatScanTable', () => {
  it('prints the seed script’s columns in its order', () => {
    const text = formatScanTable([AAPL_ROW]);
    expect(text.split('\n')).toEqual([
      'Rank  Symbol  Exchange  Currency    Last  Change %     Volume',
      '----  ------  --------  --------  ------  --------  ---------',
      '   1  AAPL    NASDAQ    USD       110.00   +10.00%  1,234,567',
      '',
    ]);
  });
});
