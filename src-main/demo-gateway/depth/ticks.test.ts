import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import { Prng } from '../model/rng';
import type { Instrument } from '../model/instrument';
import { Tape } from './tape';
import {
  TICK_BY_TICK_CODE,
  TickByTickStream,
  TickModel,
  emptyCursor,
  historicalBidAskMask,
  lastMask,
  parseTickByTickType,
  tickByTickBidAskMask,
} from './ticks';
import type { BidAskTick, TickByTick, TickByTickType, TradeTick } from './ticks';

const T = Date.UTC(2026, 10, 24, 16, 7, 0); // Tuesday 11:07 ET
const universe = buildUniverse(T);
const bySymbol = (s: string): Instrument => universe.bySymbol(s)[0] as Instrument;
const aapl = bySymbol('AAPL');
const es = universe.instruments.find((i) => i.secType === 'FUT' && i.symbol === 'ES') as Instrument;
const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;

describe('tick-by-tick', () => {
  it('BidAsk: a tick whenever the L1 quote changes, each equal to Market.quote at its instant, none missed', () => {
    const model = new TickModel(new Market(universe, 3, false));
    const reference = new Market(universe, 3, false);
    const q = emptyQuote();
    const rng = new Prng(4);
    for (const inst of [aapl, es, eur, bySymbol('KO')]) {
      const from = T;
      const to = T + 20_000;
      const cursor = emptyCursor();
      model.prime(inst, from, cursor);
      const ticks = model.quotes(inst, from, to, false, cursor);
      expect(ticks.length).toBeGreaterThan(20);
      let prev: BidAskTick | undefined;
      for (const t of ticks) {
        reference.quote(inst, t.timeMs, q);
        expect([t.bidPrice, t.askPrice, t.bidSize, t.askSize]).toEqual([q.bid, q.ask, q.bidSize, q.askSize]);
        expect(t.bidPastLow).toBe(q.bid < q.low);
        expect(t.askPastHigh).toBe(q.ask > q.high);
        expect(t.time).toBe(Math.floor(t.timeMs / 1000));
        if (prev) {
          expect([t.bidPrice, t.askPrice, t.bidSize, t.askSize]).not.toEqual([
            prev.bidPrice,
            prev.askPrice,
            prev.bidSize,
            prev.askSize,
          ]);
        }
        prev = t;
      }
      // At any instant, the latest tick is the quote the L1 stream shows.
      const samples = Array.from({ length: 200 }, () => from + Math.floor(rng.next() * (to - from))).sort(
        (a, b) => a - b,
      );
      for (const s of samples) {
        const latest = ticks.filter((t) => t.timeMs <= s).pop();
        reference.quote(inst, s, q);
        if (!latest) continue;
        expect(
          [latest.bidPrice, latest.askPrice, latest.bidSize, latest.askSize],
          `${inst.localSymbol} ${s}`,
        ).toEqual([q.bid, q.ask, q.bidSize, q.askSize]);
      }
    }
  });

  it('BidAsk with ignoreSize only ticks on price changes; MidPoint on midpoint changes', () => {
    const model = new TickModel(new Market(universe, 3, false));
    const all = model.quotes(aapl, T, T + 30_000, false, emptyCursor());
    const prices = model.quotes(aapl, T, T + 30_000, true, emptyCursor());
    expect(prices.length).toBeLessThan(all.length);
    for (let i = 1; i < prices.length; i++) {
      const a = prices[i - 1] as BidAskTick;
      const b = prices[i] as BidAskTick;
      expect(a.bidPrice !== b.bidPrice || a.askPrice !== b.askPrice).toBe(true);
    }
    const mids = model.midpoints(aapl, T, T + 30_000, emptyCursor());
    const expected: number[] = [];
    for (const t of all) {
      const mid = Math.round(((t.bidPrice + t.askPrice) / 2) * 1e9) / 1e9;
      if (expected[expected.length - 1] !== mid) expected.push(mid);
    }
    expect(mids.map((m) => m.midPoint)).toEqual(expected);
  });

  it('Last is the reported prints of the tape, AllLast all of them; FX has no trades', () => {
    const market = new Market(universe, 6, false);
    const model = new TickModel(market);
    const tape = new Tape(market).prints(aapl, T, T + 60_000);
    const all = model.trades(aapl, T, T + 60_000, true);
    const last = model.trades(aapl, T, T + 60_000, false);
    expect(all.map((t) => [t.timeMs, t.price, t.size, t.exchange])).toEqual(
      tape.map((p) => [p.timeMs, p.price, p.size, p.exchange]),
    );
    expect(last.length).toBeLessThan(all.length);
    expect(last).toEqual(all.filter((t) => !t.unreported));
    expect(model.trades(eur, T, T + 60_000, true)).toEqual([]);
  });

  it('streams the same ticks whatever the polling, and starts with recent ticks or the quote in force', () => {
    const model = new TickModel(new Market(universe, 8, false));
    const rng = new Prng(2);
    for (const type of ['Last', 'AllLast', 'BidAsk', 'MidPoint'] as TickByTickType[]) {
      const stream = new TickByTickStream(model, aapl, type, false);
      const first = stream.start(T, 0);
      if (type === 'BidAsk') {
        expect(first).toEqual([model.quoteAt(aapl, T)]);
      } else if (type === 'MidPoint') {
        expect(first.length).toBe(1);
      } else {
        expect(first).toEqual([]);
      }
      const got: TickByTick[] = [];
      let now = T;
      while (now < T + 15_000) {
        now += 1 + Math.floor(rng.next() * 700);
        for (const t of stream.poll(now)) got.push(t);
      }
      const cursor = emptyCursor();
      model.prime(aapl, T + 1, cursor);
      const once =
        type === 'Last' || type === 'AllLast'
          ? model.trades(aapl, T + 1, now + 1, type === 'AllLast')
          : type === 'BidAsk'
            ? model.quotes(aapl, T + 1, now + 1, false, cursor)
            : model.midpoints(aapl, T + 1, now + 1, cursor);
      expect(got, type).toEqual(once);
      expect(got.length).toBeGreaterThan(10);
    }
    // numberOfTicks: the most recent ticks before now, finished to the whole second.
    const stream = new TickByTickStream(model, aapl, 'AllLast', false);
    const recent = stream.start(T, 50) as TradeTick[];
    expect(recent.length).toBeGreaterThanOrEqual(50);
    expect((recent[recent.length - 1] as TradeTick).timeMs).toBeLessThanOrEqual(T);
    const firstSecond = (recent[0] as TradeTick).time;
    const before = model.trades(aapl, firstSecond * 1000, T + 1, true);
    expect(recent).toEqual(before);
  });

  it('sends nothing while the market is closed', () => {
    const model = new TickModel(new Market(universe, 8, true));
    const night = Date.UTC(2026, 10, 25, 3); // 22:00 ET
    for (const type of ['AllLast', 'BidAsk', 'MidPoint'] as TickByTickType[]) {
      const stream = new TickByTickStream(model, aapl, type, false);
      expect(stream.start(night, 0)).toEqual([]);
      expect(stream.poll(night + 60_000)).toEqual([]);
    }
  });

  it('speaks the wire: tickType strings and codes, TickAttribLast and the two TickAttribBidAsk bit orders', () => {
    expect(parseTickByTickType('AllLast')).toBe('AllLast');
    expect(parseTickByTickType('alllast')).toBeUndefined();
    expect(parseTickByTickType('toString')).toBeUndefined();
    expect(TICK_BY_TICK_CODE).toEqual({ Last: 1, AllLast: 2, BidAsk: 3, MidPoint: 4 });
    expect(lastMask({ pastLimit: true, unreported: false })).toBe(1);
    expect(lastMask({ pastLimit: false, unreported: true })).toBe(2);
    expect(tickByTickBidAskMask({ bidPastLow: true, askPastHigh: false })).toBe(1);
    expect(historicalBidAskMask({ bidPastLow: true, askPastHigh: false })).toBe(2);
    expect(historicalBidAskMask({ bidPastLow: false, askPastHigh: true })).toBe(1);
  });

  it('flags bid past low / ask past high when the quote sits beyond the session extremes', () => {
    const model = new TickModel(new Market(universe, 1, false));
    let flagged = 0;
    let total = 0;
    for (const inst of universe.instruments.filter((_, i) => i % 50 === 0)) {
      const ticks = model.quotes(inst, T - 3_600_000, T - 3_540_000, true, emptyCursor());
      total += ticks.length;
      flagged += ticks.filter((t) => t.bidPastLow || t.askPastHigh).length;
    }
    expect(total).toBeGreaterThan(100);
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(total / 4);
  });
});
