import { describe, expect, it } from 'vitest';
import { buildUniverse } from './universe';

describe('universe', () => {
  const u = buildUniverse(Date.UTC(2026, 10, 24, 15));

  it('lists at least 500 instruments with unique conIds and sane parameters', () => {
    expect(u.instruments.length).toBeGreaterThanOrEqual(500);
    expect(new Set(u.instruments.map((i) => i.conId)).size).toBe(u.instruments.length);
    for (const i of u.instruments) {
      expect(i.refPrice, i.symbol).toBeGreaterThan(0);
      expect(i.minTick).toBeGreaterThan(0);
      expect(i.avgVolume).toBeGreaterThan(0);
    }
    expect(u.bySymbol('AAPL')[0]).toMatchObject({
      conId: 265598,
      primaryExchange: 'NASDAQ',
      marketName: 'NMS',
    });
    expect(u.bySymbol('SPY')[0]).toMatchObject({ stockType: 'ETF', primaryExchange: 'ARCA' });
  });

  it('lists the next two expiries of each future, and the major FX pairs on IDEALPRO', () => {
    const es = u.bySymbol('ES').filter((i) => i.secType === 'FUT');
    expect(es.map((i) => i.localSymbol)).toEqual(['ESZ6', 'ESH7']);
    expect(es[0]?.lastTradeDate).toBe('20261218'); // third Friday of December 2026
    const cl = u.bySymbol('CL').filter((i) => i.secType === 'FUT');
    expect(cl[0]?.contractMonth).toBe('202701');
    expect(u.instruments.filter((i) => i.secType === 'CASH').map((i) => i.localSymbol)).toContain('EUR.USD');
  });

  it('keeps conIds stable across dates and runs', () => {
    const later = buildUniverse(Date.UTC(2027, 5, 1));
    expect(later.bySymbol('MSFT')[0]?.conId).toBe(u.bySymbol('MSFT')[0]?.conId);
  });
});
