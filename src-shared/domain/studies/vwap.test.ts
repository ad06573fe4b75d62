import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barSeriesArb, closeSeries, column } from '../../../tests/support/bars';
import type { Bar } from '../bar';
import type { SessionOf } from './study';
import { dailySession, vwap } from './vwap';

/** For each bar, walk back to its session's first bar and sum typical price × volume. */
function naiveVwap(bars: readonly Bar[], sessionOf: SessionOf): (number | null)[] {
  return bars.map((b, i) => {
    let pv = 0;
    let v = 0;
    for (let j = i; j >= 0 && sessionOf(bars[j]!.time) === sessionOf(b.time); j--) {
      const x = bars[j]!;
      pv += ((x.high + x.low + x.close) / 3) * x.volume;
      v += x.volume;
    }
    return v > 0 ? pv / v : null;
  });
}

describe('vwap (session)', () => {
  it('matches the per-session sums on random series, with the default and an injected session function', () => {
    const hourly: SessionOf = (t) => Math.floor(t / 3600);
    fc.assert(
      fc.property(barSeriesArb(), (bars) => {
        const day = column(vwap.compute(bars));
        expect(closeSeries(day, naiveVwap(bars, dailySession()))).toBe(null);
        const hour = column(vwap.compute(bars, {}, { sessionOf: hourly }));
        expect(closeSeries(hour, naiveVwap(bars, hourly))).toBe(null);
      }),
    );
  });

  it('resets at the session start given by offset and start minute (New York 09:30, EST)', () => {
    const nySession = dailySession(-300, 570);
    const at = (iso: string) => Date.parse(iso) / 1000;
    const bars: Bar[] = [
      { time: at('2024-01-02T20:59:00Z'), open: 10, high: 10, low: 10, close: 10, volume: 100 }, // 15:59 ET
      { time: at('2024-01-03T14:30:00Z'), open: 20, high: 20, low: 20, close: 20, volume: 100 }, // 09:30 ET
      { time: at('2024-01-03T14:31:00Z'), open: 30, high: 30, low: 30, close: 30, volume: 300 },
    ];
    expect(nySession(bars[0]!.time)).not.toBe(nySession(bars[1]!.time));
    const values = column(vwap.compute(bars, { utcOffsetMinutes: -300, startMinute: 570 }));
    expect(values).toEqual([10, 20, 27.5]);
  });

  it('is null until the session has volume', () => {
    const b: Bar = { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 0 };
    expect(column(vwap.compute([b]))).toEqual([null]);
  });
});
