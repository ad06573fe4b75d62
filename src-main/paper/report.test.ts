import { describe, expect, it } from 'vitest';
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import { progressLine, renderReport, summaryLine, verdict, type PaperReport } from './report';

const account = (
  netLiquidation: number,
  realizedPnl: number | null,
): PortfolioSnapshot['accounts'][number] => ({
  account: 'DU1234567',
  currency: 'USD',
  netLiquidation,
  buyingPower: netLiquidation * 4,
  availableFunds: netLiquidation,
  totalCash: netLiquidation,
  grossPositionValue: 0,
  dailyPnl: null,
  unrealizedPnl: null,
  realizedPnl,
  values: {},
  updatedAt: 0,
});

const base: PaperReport = {
  ibdeskVersion: '0.1.0',
  target: '127.0.0.1:7497, client id 99 (IBDESK_PAPER)',
  startedAt: Date.UTC(2026, 10, 24, 15, 0, 0),
  finishedAt: Date.UTC(2026, 10, 24, 15, 0, 42),
  serverVersion: 187,
  accounts: ['DU1234567'],
  market: 'skipped: market closed (AAPL regular hours: market closed)',
  results: [
    {
      id: 'connect',
      title: 'Connect: server version and accounts',
      outcome: 'pass',
      ms: 310,
      details: ['server version 187; managed accounts DU1234567'],
      reason: null,
    },
    {
      id: 'history',
      title: 'History at three bar sizes',
      outcome: 'fail',
      ms: 2_400,
      details: [],
      reason: 'history.get failed: No market data permissions (TWS 162)',
    },
    {
      id: 'order-fill',
      title: '1-share MKT order filled, then closed',
      outcome: 'skip',
      ms: 0,
      details: [],
      reason: 'skipped: market closed (AAPL regular hours: market closed)',
    },
  ],
  before: { positions: [], accounts: [account(1_000_000, null)] },
  after: {
    positions: [
      {
        account: 'DU1234567',
        contract: { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
        position: 1,
        avgCost: 210,
        marketPrice: null,
        marketValue: null,
        unrealizedPnl: null,
        realizedPnl: null,
        dailyPnl: null,
      },
    ],
    accounts: [account(999_997.99, -2.01)],
  },
  stopped: null,
  cleanup: [],
  files: ['/tmp/x/paper-report.md'],
};

describe('paper report', () => {
  it('lists every scenario with its result and time, the server version and the account before and after', () => {
    const md = renderReport(base);
    expect(md).toMatch(/^# IBDesk paper-trading acceptance report/);
    expect(md).toContain('**FAILED: 1 passed, 1 failed, 1 skipped in 42.0 s**');
    expect(md).toContain('- Server version: 187');
    expect(md).toContain('| 1 | Connect: server version and accounts (`connect`) | PASS | 0.3 s |');
    expect(md).toContain('| 2 | History at three bar sizes (`history`) | FAIL | 2.4 s |');
    expect(md).toContain('| 3 | 1-share MKT order filled, then closed (`order-fill`) | SKIP | 0.0 s |');
    expect(md).toContain('Failed: history.get failed: No market data permissions (TWS 162)');
    expect(md).toContain('Skipped: skipped: market closed (AAPL regular hours: market closed)');
    expect(md).toContain('| Net liquidation | 1,000,000.00 | 999,997.99 |');
    expect(md).toContain('| Realized P&L | - | -2.01 |');
    expect(md).toContain('| Positions | none | AAPL 1 |');
  });

  it('says PASSED with skips, REFUSED for a live account, and prints one line per scenario', () => {
    const ok = { ...base, results: base.results.filter((r) => r.outcome !== 'fail') };
    expect(verdict(ok)).toBe('PASSED');
    expect(summaryLine(ok)).toBe('PASSED: 1 passed, 0 failed, 1 skipped in 42.0 s');
    expect(verdict({ results: [], stopped: 'refused: account U1 is not paper' })).toBe('REFUSED');
    expect(renderReport({ ...base, before: null, after: null, stopped: 'refused: x' })).toContain(
      'Not read (the suite stopped before).',
    );
    expect(progressLine(base.results[0]!)).toBe(
      'PASS  connect           0.3 s  server version 187; managed accounts DU1234567',
    );
    expect(progressLine(base.results[2]!)).toBe(
      'SKIP  order-fill        0.0 s  skipped: market closed (AAPL regular hours: market closed)',
    );
    expect(progressLine(base.results[1]!)).toMatch(/^FAIL {2}history .* failed: history.get failed/);
  });
});
