import { describe, expect, it } from 'vitest';
import { execution, order } from '../../../tests/support/renderer/fixtures';
import { legendText, localTickLabel, localTimeLabel, priceLinesFor, toVolume } from './chart-view';
import { CHART_BAR_SIZES } from './chart-view';

describe('chart view', () => {
  it('offers the bar sizes from 1 minute to 1 day, in order, without the odd ones', () => {
    expect(CHART_BAR_SIZES.join(', ')).toBe(
      '1 min, 2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 30 mins, 1 hour, 2 hours, 4 hours, 1 day',
    );
  });

  it('writes the OHLCV legend', () => {
    expect(legendText({ open: 1, high: 2, low: 0.5, close: 1.5, volume: 1_234_567 })).toBe(
      'O 1.00  H 2.00  L 0.50  C 1.50  V 1.23M',
    );
    expect(legendText(undefined)).toBe('No bars yet');
  });

  it('colours volume by the bar’s direction', () => {
    expect(toVolume({ time: 1, open: 1, high: 2, low: 0, close: 2, volume: 5 }, 'g', 'r')).toEqual({
      time: 1,
      value: 5,
      color: 'g',
    });
  });

  it('draws working orders of the charted instrument and its last fills', () => {
    const lines = priceLinesFor(
      1,
      [
        order(7, { limitPrice: 99 }),
        order(8, { orderType: 'STP LMT', limitPrice: 95, stopPrice: 96, action: 'SELL' }),
        order(9, { status: 'Cancelled' }),
        order(10, {
          contract: { conId: 2, symbol: 'MSFT', secType: 'STK', exchange: 'SMART', currency: 'USD' },
        }),
      ],
      [
        execution('e1', { price: 101, time: 5 }),
        execution('e2', { price: 102, time: 9, side: 'SELL', shares: 50 }),
      ],
    );
    expect(lines.map((l) => `${l.kind} ${l.price} ${l.title}`)).toEqual([
      'buy 99 BUY 100 LMT #7',
      'sell 95 SELL 100 STP LMT #8',
      'stop 96 SELL 100 stop #8',
      'fill 102 Sold 50',
      'fill 101 Bought 100',
    ]);
  });

  it('labels the time axis in local time', () => {
    const t = new Date(2026, 10, 25, 9, 5, 7).getTime() / 1000;
    expect(localTickLabel(t, 0)).toBe('2026');
    expect(localTickLabel(t, 1)).toBe('Nov');
    expect(localTickLabel(t, 2)).toBe('25 Nov');
    expect(localTickLabel(t, 3)).toBe('09:05');
    expect(localTickLabel(t, 4)).toBe('09:05:07');
    expect(localTimeLabel(t)).toBe('Wed 25 Nov 2026 09:05');
  });
});
