import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { Market, emptyQuote } from '../model/market';
import { createUsdRates } from './usd-rates';

const T = Date.UTC(2026, 10, 24, 16, 0, 0);
const universe = buildUniverse(T);
const pair = (symbol: string, currency: string): Instrument =>
  universe.instruments.find(
    (i) => i.secType === 'CASH' && i.symbol === symbol && i.currency === currency,
  ) as Instrument;

describe('createUsdRates', () => {
  const market = new Market(universe, 1, false);
  const last = (i: Instrument, t: number): number => market.quote(i, t, emptyQuote()).last;

  it('is 1 for USD, EUR.USD for euros and 1 / USD.JPY for yen', () => {
    const rate = createUsdRates(universe, market);
    expect(rate('USD', T)).toBe(1);
    expect(rate('EUR', T)).toBe(last(pair('EUR', 'USD'), T));
    expect(rate('JPY', T)).toBe(1 / last(pair('USD', 'JPY'), T));
    expect(rate('JPY', T)).toBeGreaterThan(0.004);
    expect(rate('JPY', T)).toBeLessThan(0.01);
  });

  it('answers from its cache within a second, and reads the pair again after', () => {
    const rate = createUsdRates(universe, market);
    const eur = pair('EUR', 'USD');
    const later = T + 60 * 60_000;
    expect(last(eur, later)).not.toBe(last(eur, T));
    const first = rate('EUR', T);
    expect(rate('EUR', T + 999)).toBe(first);
    expect(rate('EUR', later)).toBe(last(eur, later));
  });

  it('is 1 for a currency the universe has no USD pair for', () => {
    expect(createUsdRates(universe, market)('XYZ', T)).toBe(1);
  });
});
