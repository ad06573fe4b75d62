import { describe, expect, it } from 'vitest';
import { priceFromValue } from './portfolio';

const pos = (position: number, multiplier?: number) => ({
  position,
  contract: {
    conId: 1,
    symbol: 'X',
    secType: 'STK' as const,
    exchange: 'SMART',
    currency: 'USD',
    ...(multiplier ? { multiplier } : {}),
  },
});

describe('priceFromValue', () => {
  it('prices a position of another account from its market value', () => {
    expect(priceFromValue(pos(40), 16_800)).toBe(420);
    expect(priceFromValue(pos(-10), -2_300.5)).toBe(230.05);
    expect(priceFromValue(pos(2, 50), 600_000)).toBe(6000);
  });

  it('has no price without a value or a quantity', () => {
    expect(priceFromValue(pos(40), null)).toBeNull();
    expect(priceFromValue(pos(0), 100)).toBeNull();
    expect(priceFromValue(pos(5), Number.NaN)).toBeNull();
  });
});
