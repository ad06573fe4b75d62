// USD per unit of a currency, read off the universe's FX pairs (EUR.USD direct, USD.JPY inverted): what turns a
// JPY-quoted fill or position into the USD account's money. Cached for a second, as every fill and valuation asks.
import type { Universe } from '../model/universe';
import type { Market } from '../model/market';
import { emptyQuote } from '../model/market';

export type UsdRate = (currency: string, t: number) => number;

export function createUsdRates(universe: Universe, market: Market): UsdRate {
  const cache = new Map<string, { at: number; rate: number }>();
  return (currency, t) => {
    if (currency === 'USD') return 1;
    const hit = cache.get(currency);
    if (hit && Math.abs(hit.at - t) < 1000) return hit.rate;
    const q = emptyQuote();
    let rate = 1;
    const direct = universe.instruments.find(
      (i) => i.secType === 'CASH' && i.symbol === currency && i.currency === 'USD',
    );
    const inverse = universe.instruments.find(
      (i) => i.secType === 'CASH' && i.symbol === 'USD' && i.currency === currency,
    );
    if (direct) rate = market.quote(direct, t, q).last;
    else if (inverse) rate = 1 / market.quote(inverse, t, q).last;
    cache.set(currency, { at: t, rate });
    return rate;
  };
}
