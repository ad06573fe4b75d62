import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import { HistoryEngine } from '../model/history';
import { parseBarSize } from '../model/bar-spec';
import type { BarSize } from '../model/bar-spec';
import type { Instrument } from '../model/instrument';
import { HistoricalTicksError, historicalTicks } from './historical-ticks';
import type { HistoricalTickBidAsk, HistoricalTickLast, HistoricalTicksQuery } from './historical-ticks';
import { TickModel, emptyCursor } from './ticks';
import { thrownBy } from '../../../tests/support/thrown';

const NOW = Date.UTC(2026, 10, 24, 18, 31, 42, 500); // Tuesday 13:31:42.5 ET
const universe = buildUniverse(NOW);
const bySymbol = (s: string): Instrument => universe.bySymbol(s)[0] as Instrument;
const aapl = bySymbol('AAPL');
const ko = bySymbol('KO');
const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;
const et = (day: number, h: number, m: number, s = 0): number => Date.UTC(2026, 10, day, h + 5, m, s);

function query(patch: Partial<HistoricalTicksQuery>): HistoricalTicksQuery {
  return {
    inst: aapl,
    numberOfTicks: 1000,
    whatToShow: 'TRADES',
    useRth: false,
    ignoreSize: false,
    now: NOW,
    ...patch,
  };
}

describe('historical ticks', () => {
  it('TRADES ticks add up to the 1-minute history bars (paging forward through an hour, 1,000 at a time)', () => {
    const market = new Market(universe, 4, false);
    const model = new TickModel(market);
    const history = new HistoryEngine(new Market(universe, 4, false));
    for (const inst of [aapl, ko]) {
      const from = et(23, 10, 0);
      const to = et(23, 11, 0);
      const ticks: HistoricalTickLast[] = [];
      let start = from;
      let short = 0;
      for (let page = 0; page < 400; page++) {
        const r = historicalTicks(model, query({ inst, start, now: to }));
        if (r.whatToShow !== 'TRADES') throw new Error('wrong kind');
        if (r.ticks.length === 0) break;
        // Only the page that reaches `now` may hold fewer than 1,000.
        if (r.ticks.length < 1000) short++;
        for (const t of r.ticks) ticks.push(t);
        const lastSecond = (r.ticks[r.ticks.length - 1] as HistoricalTickLast).time;
        start = (lastSecond + 1) * 1000;
      }
      expect(short).toBe(1);
      const bars = history.bars(inst, from, to, parseBarSize('1 min') as BarSize, false, 'TRADES');
      expect(bars.time.length).toBe(60);
      for (let b = 0; b < 60; b++) {
        const t0 = (bars.time[b] as number) / 1000;
        const inBar = ticks.filter((t) => t.time >= t0 && t.time < t0 + 60);
        const prices = inBar.map((t) => t.price);
        expect(
          [
            prices[0],
            Math.max(...prices),
            Math.min(...prices),
            prices[prices.length - 1],
            inBar.reduce((a, t) => a + t.size, 0),
          ],
          `${inst.symbol} bar ${b}`,
        ).toEqual([bars.open[b], bars.high[b], bars.low[b], bars.close[b], bars.volume[b]]);
      }
    }
  });

  it('gives 1,000 ticks forward from start or backward from end, plus the rest of the boundary second', () => {
    const model = new TickModel(new Market(universe, 2, false));
    const start = et(24, 11, 0);
    for (const whatToShow of ['TRADES', 'BID_ASK', 'MIDPOINT']) {
      const fwd = historicalTicks(model, query({ start, whatToShow }));
      const n = fwd.ticks.length;
      expect(n, whatToShow).toBeGreaterThanOrEqual(1000);
      const times = fwd.ticks.map((t) => t.time);
      const last = times[n - 1] as number;
      expect(times.indexOf(last)).toBeLessThan(1000);
      expect(times[0]).toBeGreaterThanOrEqual(start / 1000);
      for (let i = 1; i < n; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
      expect(times.every((t) => Number.isInteger(t))).toBe(true);
      // Backward from just after the forward page's last second returns the same page's tail.
      const back = historicalTicks(model, query({ end: (last + 1) * 1000, whatToShow, numberOfTicks: 300 }));
      const m = back.ticks.length;
      expect(m).toBeGreaterThanOrEqual(300);
      // The first second is whole: the page is exactly the forward page's tail from that second on.
      expect(back.ticks).toEqual(fwd.ticks.slice(n - m));
      expect(fwd.ticks[n - m - 1]?.time).toBeLessThan(back.ticks[0]?.time as number);
      // Beyond the 300 asked for, only ticks of the first tick's second.
      expect(back.ticks[m - 300]?.time).toBe(back.ticks[0]?.time);
    }
    // More than 1,000 asked: 1,000 (and the rest of the second).
    const big = historicalTicks(model, query({ start, numberOfTicks: 5000 }));
    const lastTime = big.ticks[big.ticks.length - 1]?.time;
    expect(big.ticks.findIndex((t) => t.time === lastTime)).toBeLessThan(1000);
  });

  it('BID_ASK ticks are quote changes with the historical attribute order, ignoreSize drops size-only changes', () => {
    const market = new Market(universe, 2, false);
    const model = new TickModel(market);
    const start = et(24, 11, 0);
    const r = historicalTicks(model, query({ start, whatToShow: 'BID_ASK', numberOfTicks: 200 }));
    const priced = historicalTicks(
      model,
      query({ start, whatToShow: 'BID_ASK', numberOfTicks: 200, ignoreSize: true }),
    );
    const cursor = emptyCursor();
    model.prime(aapl, start, cursor);
    const live = model.quotes(aapl, start, start + 120_000, false, cursor);
    const ticks = r.ticks as HistoricalTickBidAsk[];
    expect(ticks.slice(0, 50)).toEqual(
      live.slice(0, 50).map((t) => ({
        time: t.time,
        askPastHigh: t.askPastHigh,
        bidPastLow: t.bidPastLow,
        priceBid: t.bidPrice,
        priceAsk: t.askPrice,
        sizeBid: t.bidSize,
        sizeAsk: t.askSize,
      })),
    );
    const p = priced.ticks as HistoricalTickBidAsk[];
    for (let i = 1; i < p.length; i++) {
      const a = p[i - 1] as HistoricalTickBidAsk;
      const b = p[i] as HistoricalTickBidAsk;
      expect(a.priceBid !== b.priceBid || a.priceAsk !== b.priceAsk).toBe(true);
    }
    const mid = historicalTicks(model, query({ start, whatToShow: 'MIDPOINT', numberOfTicks: 20 }));
    expect(mid.ticks.every((t) => 'size' in t && t.size === 0)).toBe(true);
  });

  it('never crosses a session: forward stops at the close (regular hours with useRth), backward at the open', () => {
    const model = new TickModel(new Market(universe, 5, true));
    const late = historicalTicks(model, query({ start: et(23, 15, 59, 30), useRth: true }));
    expect(late.ticks.length).toBeGreaterThan(0);
    expect(late.ticks.length).toBeLessThan(1000);
    expect(late.ticks.every((t) => t.time < et(23, 16, 0) / 1000)).toBe(true);
    const ext = historicalTicks(model, query({ start: et(23, 19, 59, 0) }));
    expect(ext.ticks.every((t) => t.time < et(23, 20, 0) / 1000)).toBe(true);
    const early = historicalTicks(model, query({ end: et(24, 9, 30, 20), useRth: true }));
    expect(early.ticks.length).toBeGreaterThan(0);
    expect(
      early.ticks.every((t) => t.time >= et(24, 9, 30) / 1000 && t.time < et(24, 9, 30, 20) / 1000),
    ).toBe(true);
    // From the night: the next session's open; from a Saturday backwards: Friday's session.
    const night = historicalTicks(model, query({ start: et(24, 2, 0), numberOfTicks: 10 }));
    expect(night.ticks[0]?.time).toBeGreaterThanOrEqual(et(24, 4, 0) / 1000);
    const weekend = historicalTicks(
      model,
      query({ end: et(21, 12, 0), numberOfTicks: 10, now: et(21, 12, 0) }),
    );
    expect(weekend.ticks[weekend.ticks.length - 1]?.time).toBeLessThan(et(20, 20, 0) / 1000);
    expect(weekend.ticks[0]?.time).toBeGreaterThanOrEqual(et(20, 4, 0) / 1000);
    // Nothing after now.
    const future = historicalTicks(model, query({ start: NOW - 5_000 }));
    expect(future.ticks.every((t) => t.time * 1000 <= NOW)).toBe(true);
    expect(historicalTicks(model, query({ start: NOW + 60_000 })).ticks).toEqual([]);
  });

  it('is deterministic per seed', () => {
    const a = historicalTicks(
      new TickModel(new Market(universe, 3, false)),
      query({ start: et(24, 12, 0), numberOfTicks: 100 }),
    );
    const b = historicalTicks(
      new TickModel(new Market(universe, 3, false)),
      query({ start: et(24, 12, 0), numberOfTicks: 100 }),
    );
    const c = historicalTicks(
      new TickModel(new Market(universe, 4, false)),
      query({ start: et(24, 12, 0), numberOfTicks: 100 }),
    );
    expect(a).toEqual(b);
    expect(c.ticks).not.toEqual(a.ticks);
  });

  it('refuses what TWS refuses with a typed error carrying 10187', () => {
    const model = new TickModel(new Market(universe, 1, false));
    const cases: [Partial<HistoricalTicksQuery>, string][] = [
      [{ start: NOW - 60_000, end: NOW }, 'BAD_TIMES'],
      [{}, 'BAD_TIMES'],
      [{ start: NOW - 60_000, numberOfTicks: 0 }, 'BAD_COUNT'],
      [{ start: NOW - 60_000, whatToShow: 'BID' }, 'BAD_WHAT_TO_SHOW'],
      [{ start: NOW - 60_000, inst: eur }, 'NO_TRADES'],
    ];
    for (const [patch, code] of cases) {
      const err = thrownBy(() => historicalTicks(model, query(patch)), HistoricalTicksError);
      expect(err.code).toBe(code);
      expect(err.twsCode).toBe(10187);
    }
    expect(
      historicalTicks(model, query({ start: NOW - 60_000, inst: eur, whatToShow: 'MIDPOINT' })).ticks.length,
    ).toBeGreaterThan(0);
  });
});
