import { describe, expect, it } from 'vitest';
import { instrumentLabel } from './instrument';

describe('instrumentLabel', () => {
  it('names an option by its OCC symbol, else by its description, never by its underlying alone', () => {
    const option = {
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: '20261218',
      strike: 190,
      right: 'C' as const,
    };
    expect(instrumentLabel({ ...option, localSymbol: 'AAPL  261218C00190000' })).toBe(
      'AAPL  261218C00190000',
    );
    expect(instrumentLabel(option)).toBe('AAPL 20261218 190 C');
    expect(instrumentLabel({ ...option, localSymbol: '' })).toBe('AAPL 20261218 190 C');
  });

  it('names a stock by its symbol, a pair as BASE.QUOTE and a future by its local symbol', () => {
    expect(instrumentLabel({ symbol: 'AAPL', secType: 'STK', localSymbol: 'AAPL' })).toBe('AAPL');
    expect(instrumentLabel({ symbol: 'EUR', secType: 'CASH', currency: 'USD' })).toBe('EUR.USD');
    expect(instrumentLabel({ symbol: 'ES', secType: 'FUT', localSymbol: 'ESZ6' })).toBe('ESZ6');
  });
});
