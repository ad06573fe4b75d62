import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src-shared/domain/portfolio';
import { portfolioDelta, positionDelta } from './positions-view';

const position = (
  conId: number,
  secType: 'STK' | 'OPT' | 'CASH',
  qty: number,
  multiplier?: number,
): Position => ({
  account: 'DU1',
  contract: {
    conId,
    symbol: 'AAPL',
    secType,
    exchange: 'SMART',
    currency: 'USD',
    ...(multiplier ? { multiplier } : {}),
  },
  position: qty,
  avgCost: 1,
  marketPrice: null,
  marketValue: null,
  unrealizedPnl: null,
  realizedPnl: null,
  dailyPnl: null,
});

describe('position deltas', () => {
  it('is delta × contracts × multiplier for an option, the shares for a stock', () => {
    expect(positionDelta(position(1, 'OPT', 2, 100), 0.55)).toBeCloseTo(110);
    expect(positionDelta(position(1, 'OPT', -3, 100), -0.4)).toBeCloseTo(120);
    expect(positionDelta(position(1, 'OPT', 2, 100), null)).toBeNull();
    expect(positionDelta(position(1, 'OPT', 2), 0.5)).toBeNull();
    expect(positionDelta(position(2, 'STK', -50), undefined)).toBe(-50);
    expect(positionDelta(position(3, 'CASH', 1000), 1)).toBeNull();
  });

  it('sums the portfolio’s delta and counts the options it could not price yet', () => {
    const deltas: Record<number, number> = { 1: 0.5 };
    const r = portfolioDelta(
      [position(1, 'OPT', 1, 100), position(2, 'STK', -20), position(4, 'OPT', 1, 100)],
      (id) => deltas[id],
    );
    expect(r.delta).toBeCloseTo(30);
    expect(r.missing).toBe(1);
  });
});
