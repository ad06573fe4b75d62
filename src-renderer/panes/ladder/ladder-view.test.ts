// The ladder's rows: tick grid, book sizes summed per price, working orders at their price (not filled or
// cancelled ones, not another instrument's), the centre and the auto-centre's edge.
import { describe, expect, it } from 'vitest';
import type { DepthBook } from '../../../src-shared/domain/depth';
import { item, order } from '../../../tests/support/renderer/fixtures';
import { centrePrice, dragModify, ladderRows, recentred, tickIndex } from './ladder-view';

const book: DepthBook = {
  conId: 1,
  bids: [
    { price: 100.0, size: 200, maker: 'ARCA' },
    { price: 100.0, size: 100, maker: 'IEX' },
    { price: 99.99, size: 50, maker: 'ARCA' },
  ],
  asks: [{ price: 100.02, size: 300, maker: 'ARCA' }],
  state: 'live',
  updatedAt: 1,
};

/** Five rows around a last trade at 100.01 over the book above, no orders. */
const fiveRowsAround10001 = {
  centre: tickIndex(100.01, 0.01),
  half: 2,
  minTick: 0.01,
  book,
  orders: [],
  conId: 1,
  last: 100.01,
};

describe('ladder view', () => {
  it('lays prices on the tick grid, highest first, with book sizes summed per price and the last marked', () => {
    const rows = ladderRows(fiveRowsAround10001);
    expect(rows.map((r) => r.price)).toEqual([100.03, 100.02, 100.01, 100, 99.99]);
    expect(rows.map((r) => [r.bidSize, r.askSize])).toEqual([
      [null, null],
      [null, 300],
      [null, null],
      [300, null],
      [50, null],
    ]);
    expect(rows.map((r) => r.last)).toEqual([false, false, true, false, false]);
  });

  it('shows the volume traded at each price, prices that round to one tick summed, none where nothing traded', () => {
    const rows = ladderRows({
      ...fiveRowsAround10001,
      // 100.0100000001: a price as a float sum may come; it is the 100.01 tick. 101 is outside the window.
      volume: { '100.01': 300, '100.0100000001': 100, '99.99': 50, '101': 900 },
    });
    expect(rows.map((r) => r.volume)).toEqual([null, null, 400, null, 50]);
    expect(
      ladderRows({ centre: 10_000, half: 1, minTick: 0.01, book, orders: [], conId: 1, last: null }).map(
        (r) => r.volume,
      ),
    ).toEqual([null, null, null]);
  });

  it('puts working orders of this instrument at their limit or stop price, by side', () => {
    const mine = order(1, { limitPrice: 100 });
    const stop = order(2, { action: 'SELL', orderType: 'STP', limitPrice: null, stopPrice: 99.99 });
    const filled = order(3, { status: 'Filled' });
    const other = order(4, { contract: item(2, 'MSFT') });
    const rows = ladderRows({
      centre: tickIndex(100, 0.01),
      half: 1,
      minTick: 0.01,
      book: undefined,
      orders: [mine, stop, filled, other],
      conId: 1,
      last: null,
    });
    expect(rows.map((r) => [r.buys.map((o) => o.orderId), r.sells.map((o) => o.orderId)])).toEqual([
      [[], []],
      [[1], []],
      [[], [2]],
    ]);
  });

  it('centres on the last trade, else the middle of the quote, and moves only near the edge', () => {
    expect(centrePrice({ last: 10, bid: 9, ask: 11 })).toBe(10);
    expect(centrePrice({ last: null, bid: 9, ask: 11 })).toBe(10);
    expect(centrePrice({ last: null, bid: null, ask: 11 })).toBe(11);
    expect(centrePrice(undefined)).toBeNull();
    expect(recentred(null, 500, 10)).toBe(500);
    expect(recentred(500, 507, 10)).toBe(500);
    expect(recentred(500, 508, 10)).toBe(508);
    expect(recentred(500, null, 10)).toBe(500);
  });
});

describe('dragModify', () => {
  it("moves a limit's limit, a stop's trigger and a stop limit's both by the ticks it was dragged", () => {
    const lmt = order(5, { orderType: 'LMT', limitPrice: 100.02, status: 'Submitted' });
    expect(dragModify(lmt, 100.01, 0.01)).toEqual({ orderId: 5, limitPrice: 100.01 });
    const stp = order(6, { orderType: 'STP', limitPrice: null, stopPrice: 99.5, status: 'Submitted' });
    expect(dragModify(stp, 99.75, 0.25)).toEqual({ orderId: 6, stopPrice: 99.75 });
    const stpLmt = order(7, {
      orderType: 'STP LMT',
      limitPrice: 101,
      stopPrice: 100.9,
      status: 'PreSubmitted',
    });
    // The ladder shows a stop limit at its limit: that is what moves to the drop, the stop keeps its distance.
    expect(dragModify(stpLmt, 100.8, 0.01)).toEqual({ orderId: 7, stopPrice: 100.7, limitPrice: 100.8 });
  });

  it('does nothing for the same price, a finished order or one the ladder cannot move', () => {
    const lmt = order(5, { orderType: 'LMT', limitPrice: 100.02, status: 'Submitted' });
    expect(dragModify(lmt, 100.02, 0.01)).toBeNull();
    expect(dragModify({ ...lmt, status: 'Filled' }, 100.01, 0.01)).toBeNull();
    expect(dragModify({ ...lmt, orderType: 'TRAIL', limitPrice: null }, 100.01, 0.01)).toBeNull();
  });
});
