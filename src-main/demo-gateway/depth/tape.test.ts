import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import { HistoryEngine } from '../model/history';
import { parseBarSize } from '../model/bar-spec';
import type { BarSize } from '../model/bar-spec';
import { Prng } from '../model/rng';
import type { Instrument } from '../model/instrument';
import { Tape } from './tape';
import type { Print } from './tape';

const T = Date.UTC(2026, 10, 24, 16, 7, 0); // Tuesday 11:07 ET
const universe = buildUniverse(T);
const minute = parseBarSize('1 min') as BarSize;
const traded = universe.instruments.filter((i) => i.secType !== 'CASH');
const bySymbol = (s: string): Instrument => universe.bySymbol(s)[0] as Instrument;
/** Liquid names in regular hours, where every second trades. */
const liquid = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'SPY', 'QQQ'].map(bySymbol);
const RTH_OPEN = Date.UTC(2026, 10, 24, 14, 30);

describe('tape', () => {
  for (const [seed, realHours] of [
    [1, false],
    [7, true],
  ] as const) {
    it(`adds up to the 1-minute history bars: open, high, low, close and volume (seed ${seed}, realHours ${realHours})`, () => {
      const market = new Market(universe, seed, realHours);
      const history = new HistoryEngine(market);
      const tape = new Tape(market);
      const rng = new Prng(seed);
      let exact = 0;
      let thin = 0;
      for (let k = 0; k < 400; k++) {
        const inst = traded[Math.floor(rng.next() * traded.length)] as Instrument;
        const ms0 = T - Math.floor(rng.next() * 4 * 1440) * 60_000;
        const bar = history.bars(inst, ms0, ms0 + 60_000, minute, false, 'TRADES');
        const prints = tape.prints(inst, ms0, ms0 + 60_000);
        if (bar.time.length === 0) {
          // Outside the session: no bar, no prints.
          expect(prints).toEqual([]);
          continue;
        }
        const [o, h, l, c, v] = [bar.open, bar.high, bar.low, bar.close, bar.volume].map(
          (x) => x[0] as number,
        ) as [number, number, number, number, number];
        expect(
          prints.reduce((a, p) => a + p.size, 0),
          `${inst.localSymbol} ${ms0}`,
        ).toBe(v);
        if (v === 0) continue;
        const prices = prints.map((p) => p.price);
        const agg = [prices[0], Math.max(...prices), Math.min(...prices), prices[prices.length - 1]];
        // A minute needs one share per distinct open/high/low/close price to print them all.
        const distinct = 2 + (h !== o && h !== c ? 1 : 0) + (l !== o && l !== c ? 1 : 0);
        if (v >= distinct) {
          expect(agg, `${inst.localSymbol} ${new Date(ms0).toISOString()}`).toEqual([o, h, l, c]);
          exact++;
        } else thin++;
        for (let i = 1; i < prints.length; i++) {
          expect((prints[i] as Print).timeMs).toBeGreaterThanOrEqual((prints[i - 1] as Print).timeMs);
        }
        expect(prints.every((p) => p.timeMs >= ms0 && p.timeMs < ms0 + 60_000 && p.size >= 1)).toBe(true);
      }
      expect(exact).toBeGreaterThan(100);
      expect(thin).toBeLessThan(exact / 10);
    });
  }

  it("prints at the L1 last price of its millisecond (a minute's closing print at the bar's close)", () => {
    const market = new Market(universe, 3, false);
    const reference = new Market(universe, 3, false);
    const history = new HistoryEngine(new Market(universe, 3, false));
    const tape = new Tape(market);
    const q = emptyQuote();
    let checked = 0;
    let closeOff = 0;
    for (const inst of [...liquid, ...traded.filter((_, i) => i % 97 === 5)]) {
      const from = T - 20 * 60_000;
      const prints = tape.prints(inst, from, from + 6 * 60_000);
      for (const p of prints) {
        reference.quote(inst, p.timeMs, q);
        const closing = p.timeMs % 60_000 === 59_999;
        if (closing) {
          const ms0 = p.timeMs - 59_999;
          const bar = history.bars(inst, ms0, ms0 + 60_000, minute, false, 'TRADES');
          expect(p.price).toBe(bar.close[0]);
          if (p.price !== q.last) closeOff++;
          expect(p.pastLimit).toBe(p.price < q.bid || p.price > q.ask);
        } else {
          expect(p.price, `${inst.localSymbol} ${p.timeMs}`).toBe(q.last);
          expect(p.pastLimit).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(closeOff).toBeLessThan(3);
  });

  it('trades each second the L1 volume growth, opening the second at the L1 last price and size', () => {
    const market = new Market(universe, 5, false);
    const reference = new Market(universe, 5, false);
    const tape = new Tape(market);
    const q = emptyQuote();
    let seconds = 0;
    let volumeExact = 0;
    let opensAtL1 = 0;
    let latestIsLast = 0;
    let probes = 0;
    const rng = new Prng(9);
    for (const inst of liquid) {
      const from = RTH_OPEN + 60 * 60_000;
      const prints = tape.prints(inst, from, from + 3 * 60_000);
      reference.quote(inst, from, q);
      let volume = q.volume;
      for (let s = from; s < from + 3 * 60_000; s += 1000) {
        const inSecond = prints.filter((p) => p.timeMs >= s && p.timeMs < s + 1000);
        reference.quote(inst, s, q);
        const first = inSecond[0];
        if (first && first.timeMs === s && first.price === q.last && first.size === q.lastSize) opensAtL1++;
        reference.quote(inst, s + 1000, q);
        const traded = inSecond.reduce((a, p) => a + p.size, 0);
        // Off only where a minute moved a share into its open/high/low/close second.
        expect(Math.abs(traded - (q.volume - volume))).toBeLessThanOrEqual(4);
        if (traded === q.volume - volume) volumeExact++;
        volume = q.volume;
        seconds++;
        // The latest print at a random instant of the second has the price the L1 shows then.
        const t = s + Math.floor(rng.next() * 1000);
        const latest = prints.filter((p) => p.timeMs <= t).pop();
        reference.quote(inst, t, q);
        if (latest && latest.price === q.last) latestIsLast++;
        probes++;
      }
    }
    expect(volumeExact / seconds).toBeGreaterThan(0.99);
    expect(opensAtL1 / seconds).toBeGreaterThan(0.95);
    expect(latestIsLast / probes).toBeGreaterThan(0.98);
  });

  it('marks odd lots beyond the price-marking prints as unreported (condition I), extended-hours prints T', () => {
    const market = new Market(universe, 2, true);
    const tape = new Tape(market);
    const aapl = bySymbol('AAPL');
    const rth = tape.prints(aapl, RTH_OPEN + 3_600_000, RTH_OPEN + 3_660_000);
    const pre = tape.prints(aapl, RTH_OPEN - 3_600_000, RTH_OPEN - 3_300_000);
    expect(rth.some((p) => p.unreported)).toBe(true);
    for (const p of rth) {
      expect(p.specialConditions).toBe(p.unreported ? 'I' : '');
      if (p.unreported) expect(p.size).toBeLessThan(100);
    }
    expect(pre.length).toBeGreaterThan(0);
    for (const p of pre) expect(p.specialConditions.startsWith('T')).toBe(true);
    const exchanges = new Set(rth.map((p) => p.exchange));
    expect(exchanges.has('NASDAQ')).toBe(true);
    expect(exchanges.has('FINRA')).toBe(true);
    // Closed: nothing at night, nothing on Saturday; FX never trades.
    expect(tape.prints(aapl, Date.UTC(2026, 10, 25, 3), Date.UTC(2026, 10, 25, 4))).toEqual([]);
    expect(tape.prints(aapl, Date.UTC(2026, 10, 28, 15), Date.UTC(2026, 10, 28, 16))).toEqual([]);
    const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;
    expect(tape.prints(eur, RTH_OPEN, RTH_OPEN + 60_000)).toEqual([]);
  });

  it('is a pure function of seed and time', () => {
    const aapl = bySymbol('AAPL');
    const a = new Tape(new Market(universe, 4, false)).prints(aapl, T - 120_000, T);
    const b = new Tape(new Market(universe, 4, false)).prints(aapl, T - 120_000, T);
    const c = new Tape(new Market(universe, 5, false)).prints(aapl, T - 120_000, T);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});
