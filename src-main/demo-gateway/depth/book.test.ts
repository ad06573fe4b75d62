import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { Market, emptyQuote } from '../model/market';
import { Prng } from '../model/rng';
import type { Instrument } from '../model/instrument';
import { defaultTicket, newOrderRecord } from '../orders/order-types';
import type { OrderRecord } from '../orders/order-types';
import { BookModel, exchangeRows, restingOrders, smartRows } from './book';
import type { BookLevel, OrderBook } from './book';
import { DepthView } from './depth-diff';
import type { DepthOp, DepthRow, DepthSide } from './depth-diff';
import { resolveDepthRequest, venuesOf } from './venues';
import type { Venue } from './venues';

const T = Date.UTC(2026, 10, 24, 16, 7, 13, 250); // Tuesday 11:07:13 ET
const universe = buildUniverse(T);
const bySymbol = (s: string): Instrument => universe.bySymbol(s)[0] as Instrument;
const aapl = bySymbol('AAPL');
const es = universe.instruments.find((i) => i.secType === 'FUT' && i.symbol === 'ES') as Instrument;
const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;

function ticksOf(inst: Instrument, price: number): number {
  return Math.round(price / inst.minTick);
}

function checkSide(inst: Instrument, levels: readonly BookLevel[], dir: 1 | -1): void {
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i] as BookLevel;
    expect(Math.abs(l.price / inst.minTick - ticksOf(inst, l.price))).toBeLessThan(1e-6);
    expect(l.size).toBe(l.venues.reduce((a, v) => a + v.size, 0));
    expect(l.size).toBeGreaterThan(0);
    for (const v of l.venues) expect(v.size).toBeGreaterThan(0);
    if (i > 0)
      expect(
        dir * (ticksOf(inst, l.price) - ticksOf(inst, (levels[i - 1] as BookLevel).price)),
      ).toBeGreaterThan(0);
  }
}

describe('book', () => {
  it('puts the L1 quote at the top of every book, at many random times (nights and weekends included)', () => {
    for (const realHours of [false, true]) {
      // One Market for both: the book reads no session statistics, Market.quote keeps its own.
      const market = new Market(universe, 11, realHours);
      const model = new BookModel(market);
      const q = emptyQuote();
      const rng = new Prng(realHours ? 21 : 12);
      for (const inst of universe.instruments.filter((_, i) => i % 2 === (realHours ? 1 : 0))) {
        const times = Array.from({ length: 4 }, () => T - Math.floor(rng.next() * 4 * 86_400_000)).sort(
          (a, b) => a - b,
        );
        for (const t of times) {
          const b = model.book(inst, t);
          market.quote(inst, t, q);
          const bid = b.bids[0] as BookLevel;
          const ask = b.asks[0] as BookLevel;
          expect([bid.price, bid.size, ask.price, ask.size, b.live], `${inst.localSymbol} at ${t}`).toEqual([
            q.bid,
            q.bidSize,
            q.ask,
            q.askSize,
            q.live,
          ]);
        }
      }
    }
  });

  it('has 10–20 levels a side on the tick grid, ordered, never crossed, each the sum of its venues', () => {
    const model = new BookModel(new Market(universe, 3, false));
    const counts = new Set<number>();
    for (const inst of universe.instruments.filter((_, i) => i % 7 === 0)) {
      const n = model.levelsOf(inst);
      counts.add(n);
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(20);
      for (let k = 0; k < 5; k++) {
        const b = model.book(inst, T + k * 37_000);
        expect(b.bids.length).toBe(n);
        expect(b.asks.length).toBe(n);
        checkSide(inst, b.bids, -1);
        checkSide(inst, b.asks, 1);
        expect((b.bids[0] as BookLevel).price).toBeLessThan((b.asks[0] as BookLevel).price);
      }
    }
    expect(counts.size).toBeGreaterThan(5);
  });

  it('is a pure function of seed and time: two models agree, another seed differs', () => {
    const a = new BookModel(new Market(universe, 5, false));
    const b = new BookModel(new Market(universe, 5, false));
    const c = new BookModel(new Market(universe, 6, false));
    // Asked in different orders and at different rates, the same instant gives the same book.
    for (let k = 0; k < 50; k++) a.book(aapl, T + k * 10);
    expect(a.book(aapl, T + 777)).toEqual(b.book(aapl, T + 777));
    expect(c.book(aapl, T + 777)).not.toEqual(a.book(aapl, T + 777));
  });

  it('moves like a book: sizes wander per level, levels come and go, the book shifts with the quote', () => {
    const model = new BookModel(new Market(universe, 8, false));
    let changedSizes = 0;
    let sameSizes = 0;
    let vanished = 0;
    let kept = 0;
    let prev = model.book(aapl, T);
    for (let k = 1; k <= 600; k++) {
      const b = model.book(aapl, T + k * 100);
      for (const side of ['bids', 'asks'] as const) {
        const before = new Map(prev[side].slice(1, -1).map((l) => [l.price, l.size]));
        const after = new Map(b[side].slice(1).map((l) => [l.price, l.size]));
        for (const [price, size] of before) {
          const now = after.get(price);
          const inside =
            side === 'bids' ? price < (b.bids[0] as BookLevel).price : price > (b.asks[0] as BookLevel).price;
          if (!inside) continue;
          if (now === undefined) vanished++;
          else if (now === size) sameSizes++;
          else changedSizes++;
          if (now !== undefined) kept++;
        }
      }
      prev = b;
    }
    // Every 100 ms a minority of levels changes size and a few drop out; most stay as they were.
    expect(changedSizes).toBeGreaterThan(sameSizes * 0.02);
    expect(changedSizes).toBeLessThan(sameSizes * 0.5);
    expect(vanished).toBeGreaterThan(0);
    expect(vanished).toBeLessThan(kept * 0.05);
    // Consecutive epochs share two of three draws: a level's size wanders (log sizes a second apart correlate).
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const t = T + k * 1000;
      const price = Math.round(((model.book(aapl, t).bids[0] as BookLevel).price - 0.08) * 100) / 100;
      const a = model.book(aapl, t).bids.find((l) => l.price === price);
      const b = model.book(aapl, t + 1000).bids.find((l) => l.price === price);
      if (a && b) {
        xs.push(Math.log(a.size));
        ys.push(Math.log(b.size));
      }
    }
    expect(xs.length).toBeGreaterThan(500);
    expect(correlation(xs, ys)).toBeGreaterThan(0.3);
    expect(correlation(xs, ys)).toBeLessThan(0.95);
  });

  it('splits stock levels over several venues (home venue first), futures and FX over their one exchange', () => {
    const model = new BookModel(new Market(universe, 2, false));
    const b = model.book(aapl, T);
    const mms = new Set<string>();
    let multi = 0;
    for (const l of [...b.bids, ...b.asks]) {
      for (const v of l.venues) mms.add(v.venue.marketMaker);
      if (l.venues.length > 1) multi++;
      const order = l.venues.map((v) => venuesOf(aapl).venues.indexOf(v.venue));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    expect(multi).toBeGreaterThan(5);
    expect(mms.size).toBeGreaterThan(3);
    expect(venuesOf(aapl).venues[0]?.marketMaker).toBe('NSDQ');
    for (const inst of [es, eur]) {
      const fb = model.book(inst, T);
      for (const l of [...fb.bids, ...fb.asks])
        expect(l.venues.map((v) => v.venue.exchange)).toEqual([inst.exchange]);
    }
  });

  it("shows the demo clients' resting orders at their prices under the home venue, not through the touch", () => {
    const model = new BookModel(new Market(universe, 4, false));
    const plain = model.book(aapl, T);
    const bid = plain.bids[0] as BookLevel;
    const ask = plain.asks[0] as BookLevel;
    const existing = plain.bids[3] as BookLevel;
    const deep = Math.round((bid.price - 0.5) * 100) / 100;
    model.setResting(aapl.conId, [
      { side: 'BUY', price: existing.price, size: 300 },
      { side: 'BUY', price: existing.price, size: 200 },
      { side: 'BUY', price: deep, size: 100 },
      { side: 'BUY', price: ask.price, size: 900 }, // marketable: being filled, not displayed
      { side: 'SELL', price: Math.round((ask.price + 0.01) * 100) / 100, size: 700 },
    ]);
    const b = model.book(aapl, T);
    const at = b.bids.find((l) => l.price === existing.price) as BookLevel;
    expect(at.size).toBe(existing.size + 500);
    expect(at.own).toBe(500);
    expect(at.venues[0]?.venue.marketMaker).toBe('NSDQ');
    const nsdqBefore = existing.venues.find((v) => v.venue.marketMaker === 'NSDQ')?.size ?? 0;
    expect(at.venues[0]?.size).toBe(nsdqBefore + 500);
    const mine = b.bids.find((l) => l.price === deep) as BookLevel;
    expect(mine.own).toBe(100);
    expect(b.bids.find((l) => l.price >= ask.price)).toBeUndefined();
    const sell = b.asks.find((l) => l.price === Math.round((ask.price + 0.01) * 100) / 100) as BookLevel;
    expect(sell.own).toBe(700);
    // The L1 quote ignores client orders: with none at or inside the touch, the top is still the quote.
    expect(b.bids[0]).toEqual(bid);
    checkSide(aapl, b.bids, -1);
    checkSide(aapl, b.asks, 1);
    model.setResting(aapl.conId, []);
    expect(model.book(aapl, T)).toEqual(plain);
  });

  it('takes displayed orders from the matching engine: working, transmitted limit orders, icebergs at display size', () => {
    const order = (patch: Partial<OrderRecord>, ticket: Partial<OrderRecord['ticket']>): OrderRecord =>
      newOrderRecord({
        orderId: 1,
        clientId: 0,
        permId: 1,
        account: 'DU1',
        inst: aapl,
        ticket: {
          ...defaultTicket(),
          action: 'BUY',
          totalQuantity: 500,
          orderType: 'LMT',
          lmtPrice: 100,
          ...ticket,
        },
        status: 'Submitted',
        transmitted: true,
        ...patch,
      });
    const shown = restingOrders([
      order({ filled: 100 }, {}),
      order({}, { action: 'SELL', lmtPrice: 101, displaySize: 100 }),
      order({}, { hidden: true }),
      order({ status: 'PreSubmitted' }, {}),
      order({ transmitted: false }, {}),
      order({}, { orderType: 'MKT', lmtPrice: undefined }),
      order({}, { orderType: 'STP LMT', auxPrice: 99 }),
      order({ triggered: true }, { orderType: 'STP LMT', auxPrice: 99, lmtPrice: 98 }),
      order({ status: 'Filled', filled: 500 }, {}),
    ]);
    expect(shown.get(aapl.conId)).toEqual([
      { side: 'BUY', price: 100, size: 400 },
      { side: 'SELL', price: 101, size: 100 },
      { side: 'BUY', price: 98, size: 500 },
    ]);
  });

  it('streams SMART and single-exchange depth that a client rebuilds exactly, row by row', () => {
    const model = new BookModel(new Market(universe, 6, false));
    const smart = resolveDepthRequest(aapl, 'SMART', true);
    const island = resolveDepthRequest(aapl, 'ISLAND', false);
    const cme = resolveDepthRequest(es, 'CME', false);
    expect(smart.kind).toBe('smart');
    expect(island.kind).toBe('exchange');
    expect(cme.kind).toBe('exchange');
    const venueOf = (m: ReturnType<typeof resolveDepthRequest>): Venue =>
      (m as { kind: 'exchange'; venue: Venue }).venue;
    const cases: [Instrument, (b: OrderBook, side: DepthSide, n: number) => DepthRow[], number][] = [
      [aapl, smartRows, 20],
      [aapl, (b, s, n) => exchangeRows(b, s, n, venueOf(island)), 10],
      [es, (b, s, n) => exchangeRows(b, s, n, venueOf(cme)), 5],
    ];
    for (const [inst, rowsOf, numRows] of cases) {
      const view = new DepthView<OrderBook>(numRows, rowsOf);
      const client: [DepthRow[], DepthRow[]] = [[], []];
      let ops = 0;
      for (let k = 0; k < 300; k++) {
        const b = model.book(inst, T + k * 100);
        for (const o of view.update(b)) {
          applyOp(client, o);
          ops++;
        }
        expect(client).toEqual([rowsOf(b, 0, numRows), rowsOf(b, 1, numRows)]);
      }
      expect(ops).toBeLessThan(300 * numRows * 2);
    }
    // The single-venue futures book is the L1 quote at the top, without market makers.
    const b = model.book(es, T);
    expect(exchangeRows(b, 1, 5, venueOf(cme))[0]).toEqual({
      price: b.bids[0]?.price,
      size: b.bids[0]?.size,
      marketMaker: '',
    });
  });
});

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function applyOp(client: [DepthRow[], DepthRow[]], o: DepthOp): void {
  const rows = client[o.side];
  const row = { price: o.price, size: o.size, marketMaker: o.marketMaker };
  if (o.operation === 0) rows.splice(o.position, 0, row);
  else if (o.operation === 1) rows[o.position] = row;
  else rows.splice(o.position, 1);
}
