import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { defaultTicket } from './order-types';
import type { OrderTicket } from './order-types';
import { activeType, elects, executionExchange, fillPrice, ratchet, trailStopAt } from './fill-rules';

const t = (x: Partial<OrderTicket>): OrderTicket => ({ ...defaultTicket(), action: 'BUY', ...x });
const cents = (p: number): number => Math.round(p * 100) / 100;

describe('fill rules', () => {
  it('puts a trailing stop the trail amount, or the trail percent, away from the last price', () => {
    expect(trailStopAt(t({ action: 'BUY', auxPrice: 1.5 }), 100, cents)).toBe(101.5);
    expect(trailStopAt(t({ action: 'SELL', auxPrice: 1.5 }), 100, cents)).toBe(98.5);
    expect(trailStopAt(t({ action: 'SELL', auxPrice: undefined, trailingPercent: 2 }), 50.5, cents)).toBe(
      49.49,
    );
  });

  it('ratchets a trailing stop toward the market only', () => {
    expect(ratchet('SELL', undefined, 95)).toBe(95);
    expect(ratchet('SELL', 95, 96)).toBe(96);
    expect(ratchet('SELL', 96, 94)).toBe(96);
    expect(ratchet('BUY', 105, 104)).toBe(104);
    expect(ratchet('BUY', 104, 106)).toBe(104);
  });

  it('elects a stop when the last price reaches it', () => {
    expect(elects('BUY', 100, 100)).toBe(true);
    expect(elects('BUY', 99.99, 100)).toBe(false);
    expect(elects('SELL', 100, 100)).toBe(true);
    expect(elects('SELL', 100.01, 100)).toBe(false);
  });

  it('turns elected stops into market or limit orders', () => {
    expect(['STP', 'TRAIL', 'STP LMT', 'LMT', 'MKT'].map(activeType)).toEqual([
      'MKT',
      'MKT',
      'LMT',
      'LMT',
      'MKT',
    ]);
  });

  it('fills a market order at the touch; a limit at the touch on arrival, else at its limit once marketable', () => {
    expect(fillPrice('MKT', t({}), 10.02, false)).toEqual({ price: 10.02, liquidity: 2 });
    const buy = t({ lmtPrice: 10 });
    expect(fillPrice('LMT', buy, 10.01, true)).toBeUndefined();
    expect(fillPrice('LMT', buy, 9.98, true)).toEqual({ price: 9.98, liquidity: 2 });
    expect(fillPrice('LMT', buy, 9.98, false)).toEqual({ price: 10, liquidity: 1 });
    const sell = t({ action: 'SELL', lmtPrice: 10 });
    expect(fillPrice('LMT', sell, 9.99, false)).toBeUndefined();
    expect(fillPrice('LMT', sell, 10, false)).toEqual({ price: 10, liquidity: 1 });
  });

  it('reports stock fills on the listing exchange (NASDAQ as ISLAND) and others on their exchange', () => {
    const u = buildUniverse(Date.UTC(2026, 10, 24));
    const one = (f: (i: Instrument) => boolean): Instrument => u.instruments.find(f) as Instrument;
    expect(executionExchange(one((i) => i.symbol === 'MSFT'))).toBe('ISLAND');
    expect(executionExchange(one((i) => i.symbol === 'IBM'))).toBe('NYSE');
    expect(executionExchange(one((i) => i.secType === 'FUT' && i.symbol === 'ES'))).toBe('CME');
    // TWS reports an option fill on the exchange that filled it, never SMART.
    expect(executionExchange({ ...one((i) => i.symbol === 'MSFT'), secType: 'OPT', exchange: 'SMART' })).toBe(
      'CBOE',
    );
  });
});
