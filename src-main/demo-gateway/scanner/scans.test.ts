import { describe, expect, it } from 'vitest';
import { runScan } from './scans';
import { scannerParametersXml } from './params-xml';
import { SCAN_TYPES } from './scan-catalog';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import type { ScannerSubscription } from '../wire/requests';

const T = Date.UTC(2026, 10, 24, 17, 0);
const universe = buildUniverse(T);
const market = new Market(universe, 2, false);

function sub(s: Partial<ScannerSubscription>): ScannerSubscription {
  return {
    numberOfRows: 10,
    instrument: 'STK',
    locationCode: 'STK.US.MAJOR',
    scanCode: 'TOP_PERC_GAIN',
    abovePrice: undefined,
    belowPrice: undefined,
    aboveVolume: undefined,
    marketCapAbove: undefined,
    marketCapBelow: undefined,
    averageOptionVolumeAbove: undefined,
    scannerSettingPairs: '',
    stockTypeFilter: '',
    ...s,
  };
}

describe('scans', () => {
  it('ranks by the scan measure', () => {
    const out = runScan(market, universe, sub({ scanCode: 'TOP_PERC_GAIN', numberOfRows: 20 }), [], T);
    if (!out.ok) throw new Error(out.text);
    const change = (conId: number): number => {
      const q = market.quote(universe.byConId(conId)!, T, emptyQuote());
      return (q.last - q.close) / q.close;
    };
    const values = out.rows.map((r) => change(r.inst.conId));
    expect(values.every((v) => v > 0)).toBe(true);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });

  it('runs every advertised scan code', () => {
    for (const t of SCAN_TYPES) {
      const out = runScan(market, universe, sub({ scanCode: t.code }), [], T);
      expect(out.ok && out.rows.length > 0, t.code).toBe(true);
      expect(scannerParametersXml()).toContain(`<scanCode>${t.code}</scanCode>`);
    }
  });

  it('filters by location, price, volume and market cap, and caps rows at 50', () => {
    const nasdaq = runScan(
      market,
      universe,
      sub({ scanCode: 'MOST_ACTIVE', locationCode: 'STK.NASDAQ', numberOfRows: 50 }),
      [],
      T,
    );
    expect(nasdaq.ok && nasdaq.rows.every((r) => r.inst.primaryExchange === 'NASDAQ')).toBe(true);
    const cheap = runScan(
      market,
      universe,
      sub({ scanCode: 'MOST_ACTIVE', belowPrice: 30, numberOfRows: 50 }),
      [],
      T,
    );
    expect(cheap.ok && cheap.rows.every((r) => market.quote(r.inst, T, emptyQuote()).last < 30)).toBe(true);
    const big = runScan(
      market,
      universe,
      sub({ scanCode: 'MOST_ACTIVE' }),
      [{ tag: 'marketCapAbove1e6', value: '1000000' }],
      T,
    );
    expect(big.ok && big.rows.every((r) => r.inst.marketCap > 1e12)).toBe(true);
    const legacyCap = runScan(
      market,
      universe,
      sub({ scanCode: 'MOST_ACTIVE', marketCapAbove: 1e12 }),
      [],
      T,
    );
    expect(legacyCap.ok && legacyCap.rows.map((r) => r.inst.symbol)).toEqual(
      big.ok && big.rows.map((r) => r.inst.symbol),
    );
    const all = runScan(market, universe, sub({ scanCode: 'MOST_ACTIVE', numberOfRows: 500 }), [], T);
    expect(all.ok && all.rows.length).toBe(50);
    const etf = runScan(market, universe, sub({ scanCode: 'MOST_ACTIVE', stockTypeFilter: 'ETF' }), [], T);
    expect(etf.ok && etf.rows.every((r) => r.inst.stockType === 'ETF')).toBe(true);
  });

  it('refuses unknown scan codes, instruments and locations with 162', () => {
    expect(runScan(market, universe, sub({ scanCode: 'NOPE' }), [], T)).toMatchObject({
      ok: false,
      code: 162,
    });
    expect(runScan(market, universe, sub({ instrument: 'BOND' }), [], T)).toMatchObject({
      ok: false,
      code: 162,
    });
    expect(runScan(market, universe, sub({ locationCode: 'STK.EU' }), [], T)).toMatchObject({
      ok: false,
      code: 162,
    });
  });
});
