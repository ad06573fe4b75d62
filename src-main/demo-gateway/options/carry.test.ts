import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { dividendYield } from './carry';

describe('dividend yields', () => {
  const u = buildUniverse(Date.UTC(2026, 10, 24, 16));
  const q = (s: string): number => dividendYield(u.bySymbol(s)[0]!);

  it('uses known yields, 0 for non-payers, sector levels otherwise', () => {
    expect(q('AAPL')).toBe(0.0045);
    expect(q('SPY')).toBe(0.012);
    for (const s of ['AMZN', 'TSLA', 'NFLX', 'BRK B', 'GLD', 'ARKK']) expect(q(s), s).toBe(0);
    for (const s of ['DUK', 'SO', 'AEP']) {
      expect(q(s)).toBeGreaterThanOrEqual(0.028);
      expect(q(s)).toBeLessThanOrEqual(0.042);
    }
    expect(q('TLT')).toBeGreaterThan(0.03);
  });

  it('gives every stock and ETF a plausible yield, the same on every call', () => {
    let payers = 0;
    for (const inst of u.stocks) {
      const y = dividendYield(inst);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(0.08);
      expect(dividendYield(inst)).toBe(y);
      if (y > 0) payers++;
    }
    expect(payers / u.stocks.length).toBeGreaterThan(0.6);
    expect(payers).toBeLessThan(u.stocks.length);
  });
});
