import { ScanCode } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import {
  formatTwsUtc,
  fromIbContract,
  parseBarTime,
  parseExecTime,
  scanCodeToken,
  toBar,
  toIbContract,
  toInstrument,
} from './convert';

describe('convert', () => {
  it('formats and parses TWS times', () => {
    expect(formatTwsUtc(Date.UTC(2026, 10, 24, 14, 30, 5) / 1000)).toBe('20261124-14:30:05');
    expect(parseBarTime('1764000000')).toBe(1764000000);
    expect(parseBarTime('20261124')).toBe(Date.UTC(2026, 10, 24) / 1000);
    expect(parseBarTime('20261124 09:30:00')).toBe(Date.UTC(2026, 10, 24, 9, 30) / 1000);
    expect(parseBarTime('finished-x')).toBeNull();
    expect(parseExecTime('20261124  14:30:05')).toBe(Date.UTC(2026, 10, 24, 14, 30, 5));
    expect(parseExecTime('20261124 09:30:05 America/New_York')).toBe(Date.UTC(2026, 10, 24, 14, 30, 5));
  });

  it('builds bars and drops unreadable ones', () => {
    expect(toBar('1764000000', 1, 2, 0.5, 1.5, 100, 7, 1.2)).toEqual({
      time: 1764000000,
      open: 1,
      high: 2,
      low: 0.5,
      close: 1.5,
      volume: 100,
      wap: 1.2,
      count: 7,
    });
    expect(toBar('nope', 1, 2, 0.5, 1.5, 100, 7, 1.2)).toBeNull();
  });

  it('maps contracts both ways', () => {
    expect(
      toIbContract({ conId: 265598, symbol: 'aapl', secType: 'STK', exchange: 'SMART', currency: 'USD' }),
    ).toEqual({ conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' });
    expect(toInstrument({ contract: { conId: 1, symbol: 'X', secType: 'BOND' as never } })).toBeNull();
    const i = toInstrument({
      contract: { conId: 1, symbol: 'X', secType: 'STK' as never, exchange: 'SMART', currency: 'USD' },
      minTick: 0.01,
      longName: 'X Corp',
    });
    expect(i?.minTick).toBe(0.01);
    expect(i?.longName).toBe('X Corp');
  });

  it('maps an option both ways with its strike, right and multiplier', () => {
    const ref = {
      symbol: 'AAPL',
      secType: 'OPT' as const,
      exchange: 'SMART',
      currency: 'USD',
      lastTradeDateOrContractMonth: '20260116',
      strike: 150,
      right: 'C' as const,
    };
    expect(toIbContract(ref)).toMatchObject({ secType: 'OPT', strike: 150, right: 'C' });
    const opt = toInstrument({
      contract: {
        conId: 700000001,
        symbol: 'AAPL',
        secType: 'OPT' as never,
        lastTradeDateOrContractMonth: '20260116',
        strike: 150,
        right: 'PUT' as never,
        multiplier: '100' as never,
        exchange: 'SMART',
        currency: 'USD',
        localSymbol: 'AAPL  260116P00150000',
      },
      minTick: 0.01,
    });
    expect(opt).toMatchObject({ secType: 'OPT', strike: 150, right: 'P', multiplier: 100 });
    // A stock's right is TWS's `?`: no option fields on it.
    const stock = fromIbContract({
      conId: 2,
      symbol: 'X',
      secType: 'STK' as never,
      strike: 0,
      right: '?' as never,
    });
    expect(stock).not.toHaveProperty('strike');
    expect(stock).not.toHaveProperty('right');
  });

  it('makes any scan code sendable, including codes the library enum lacks', () => {
    const known = scanCodeToken('TOP_PERC_GAIN');
    expect(known).toBe(ScanCode.TOP_PERC_GAIN);
    const fresh = scanCodeToken('SOME_CODE_FROM_THE_XML');
    expect((ScanCode as unknown as Record<number, string>)[fresh]).toBe('SOME_CODE_FROM_THE_XML');
    expect(scanCodeToken('SOME_CODE_FROM_THE_XML')).toBe(fresh);
  });
});
