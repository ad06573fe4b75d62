import { describe, expect, it } from 'vitest';
import { buildUniverse } from './universe';
import { Market, emptyQuote } from './market';
import { HistoryEngine } from './history';
import { parseBarSize, parseDuration } from './bar-spec';
import type { BarSize, Duration } from './bar-spec';
import type { Instrument } from './instrument';

const T = Date.UTC(2026, 10, 24, 18, 31, 42, 500); // 13:31:42.5 ET
const universe = buildUniverse(T);
const msft = universe.bySymbol('MSFT')[0] as Instrument;
const bar = (s: string): BarSize => parseBarSize(s) as BarSize;
const dur = (s: string): Duration => parseDuration(s) as Duration;

describe('history', () => {
  const market = new Market(universe, 3, false);
  const h = new HistoryEngine(market);

  it('ends at the live quote: the last bar closes at the last price, within the day high and low', () => {
    const q = market.quote(msft, T, emptyQuote());
    for (const size of ['5 secs', '1 min', '1 hour', '1 day']) {
      const start = h.startOf(msft, T, dur('1 D'), false);
      const b = h.bars(msft, start, T, bar(size), false, 'TRADES');
      const n = b.time.length - 1;
      expect(b.close[n], size).toBe(q.last);
      expect(b.high[n]).toBeLessThanOrEqual(q.high);
      expect(b.low[n]).toBeGreaterThanOrEqual(q.low);
    }
    const day = h.bars(msft, h.startOf(msft, T, dur('1 D'), false), T, bar('1 day'), false, 'TRADES');
    expect(day.high[0]).toBe(q.high);
    expect(day.low[0]).toBe(q.low);
    expect(day.volume[0]).toBe(q.volume);
    expect(day.open[0]).toBe(q.open);
  });

  it('agrees across bar sizes: an hour of minutes aggregates to the hourly bar', () => {
    const end = Date.UTC(2026, 10, 23, 16);
    const start = end - 3_600_000;
    const mins = h.bars(msft, start, end, bar('1 min'), false, 'TRADES');
    const hour = h.bars(msft, start, end, bar('1 hour'), false, 'TRADES');
    expect(mins.time.length).toBe(60);
    expect(hour.open[0]).toBe(mins.open[0]);
    expect(hour.close[0]).toBe(mins.close[59]);
    expect(hour.high[0]).toBe(Math.max(...mins.high));
    expect(hour.low[0]).toBe(Math.min(...mins.low));
    expect(hour.volume[0]).toBe(mins.volume.reduce((a, b) => a + b, 0));
    const secs = h.bars(msft, start, start + 60_000, bar('1 secs'), false, 'TRADES');
    expect(secs.high.length).toBe(60);
    expect(Math.max(...secs.high)).toBe(mins.high[0]);
    expect(secs.open[0]).toBe(mins.open[0]);
  });

  it('serves a year of daily bars and thirty days of minutes quickly, quote-based bars without volume', () => {
    const t0 = performance.now();
    const year = h.bars(msft, h.startOf(msft, T, dur('1 Y'), false), T, bar('1 day'), false, 'TRADES');
    const month = h.bars(msft, h.startOf(msft, T, dur('30 D'), false), T, bar('1 min'), false, 'MIDPOINT');
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(year.time.length).toBeGreaterThanOrEqual(365);
    expect(month.time.length).toBeGreaterThan(40_000);
    expect(month.volume[0]).toBe(-1);
  });

  it('keeps regular hours only when asked (real hours), and weekends out', () => {
    const real = new HistoryEngine(new Market(universe, 3, true));
    const start = real.startOf(msft, T, dur('5 D'), true);
    const b = real.bars(msft, start, T, bar('1 hour'), true, 'TRADES');
    for (const t of b.time) {
      const et = new Date(t - 5 * 3_600_000);
      const minutes = et.getUTCHours() * 60 + et.getUTCMinutes();
      expect(minutes).toBeGreaterThanOrEqual(570);
      expect(minutes).toBeLessThan(960);
      expect([0, 6]).not.toContain(et.getUTCDay());
    }
    const daily = real.bars(msft, real.startOf(msft, T, dur('1 M'), true), T, bar('1 day'), true, 'TRADES');
    expect(daily.time.length).toBeGreaterThan(18);
    expect(daily.time.length).toBeLessThan(25);
  });

  it('puts intraday bars on bar-size boundaries even when the requested start is mid-bar', () => {
    const start = h.startOf(msft, T, dur('1 W'), false); // 13:31:42.5 ET a week ago
    for (const size of ['1 hour', '5 mins', '30 secs']) {
      const b = h.bars(msft, start, T, bar(size), false, 'TRADES');
      const step = bar(size).seconds * 1000;
      for (const t of b.time) {
        // ET is UTC-5 in November: bar starts are whole steps from ET midnight.
        expect((t - 5 * 3_600_000) % step, `${size} bar at ${new Date(t).toISOString()}`).toBe(0);
      }
    }
  });

  it('parses bar sizes and durations as TWS spells them', () => {
    expect(parseBarSize('1 min')).toMatchObject({ unit: 'sec', seconds: 60 });
    expect(parseBarSize('4 hours')).toMatchObject({ unit: 'sec', seconds: 14_400 });
    expect(parseBarSize('1 month')).toMatchObject({ unit: 'month' });
    expect(parseBarSize('7 mins')).toBeUndefined();
    expect(parseDuration('30 D')).toEqual({ count: 30, unit: 'D' });
    expect(parseDuration('2 y')).toEqual({ count: 2, unit: 'Y' });
    expect(parseDuration('0 D')).toBeUndefined();
  });
});
