// The ladder's book shows other clients' resting orders, over TCP with @stoqey/ib on both sides at server versions
// 176 and 193: one trading core (client A) places a demo limit buy through the contract's `orders.place`; another
// (client B, its own connection) holds AAPL's depth through the depth service (reqMktDepth, SMART). B's book equals
// the gateway model's book with A's order resting in it, row for row (price, size, market maker), and without it
// once A cancels. The gateway runs on a manual clock so that its book at each beat is known exactly; the trading
// cores run on the system clock as the app does. (conformance-depth.test drives raw IBApi clients; this drives the
// app's own adapter and service.)
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DepthBook, DepthRow } from '../../src-shared/domain/depth';
import { DEFAULT_LIMITS } from '../../src-shared/domain/settings';
import { silentLogger } from '../../src-shared/logger';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { tradingRequests } from '../../src-main/api/request-table';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { BookModel, smartRows, type RestingOrder } from '../../src-main/demo-gateway/depth/book';
import { Market } from '../../src-main/demo-gateway/model/market';
import type { Instrument } from '../../src-main/demo-gateway/model/instrument';
import { createManualClock } from '../support/manual-clock';
import { AAPL, tradingScene } from '../support/trading-harness';
import { waitFor } from '../support/wait';

/** A Tuesday in regular hours (UTC ms). */
const T0 = Date.UTC(2026, 10, 24, 16, 0, 0);
const SEED = 5;

const scene = tradingScene();
afterEach(() => scene.clear());

describe.each([176, 193])('resting orders in the depth book at server version %i', (v) => {
  it("shows client A's resting limit buy in the book client B holds, and takes it out when cancelled", async () => {
    const clock = createManualClock(T0);
    const gw = await scene.startGateway({ maxServerVersion: v, seed: SEED, clock, maxRequestsPerSecond: 0 });
    const inst = gw.universe.bySymbol('AAPL')[0] as Instrument;
    const model = new BookModel(new Market(gw.universe, SEED, false));
    /** The bids a client is shown at the gateway's instant with `resting` in the book (sizes in shares: ≥ 159). */
    const bidsAt = (resting: readonly RestingOrder[]): DepthRow[] => {
      model.setResting(inst.conId, resting);
      return smartRows(model.book(inst, clock.now()), 1, 20).map((r) => ({
        price: r.price,
        size: r.size,
        maker: r.marketMaker,
      }));
    };

    const a = await scene.startTrading();
    await a.trading.orders.open(
      createOrderJournal({
        dir: path.join(await scene.tempDir('ibdesk-depth-orders-'), 'journal'),
        name: 'a',
      }),
      { id: 'a', readOnly: false, limits: DEFAULT_LIMITS, demo: true },
    );
    await a.connect(gw);
    await a.trading.orders.settled();
    const b = await scene.startTrading();
    await b.connect(gw);
    expect(a.clientId).not.toBe(b.clientId);

    b.trading.depth.subscribe('ladder', AAPL);
    const books = () => b.events.filter((e) => e.event === 'depth').map((e) => e.payload as DepthBook);
    const shows = (bids: DepthRow[]) => () =>
      books()
        .findLast((x) => x.conId === AAPL.conId)
        ?.bids.every((r, i) => sameRow(r, bids[i])) === true && books().at(-1)!.bids.length === bids.length;
    await waitFor(shows(bidsAt([])), "the model's book at B", 10_000);

    // Two ticks under the best bid: inside the book, never filled while the gateway's clock stands still.
    const price = Math.round((bidsAt([])[0]!.price - 2 * inst.minTick) * 100) / 100;
    const d = createDispatcher({ log: silentLogger, validateResults: true });
    d.register(tradingRequests(a.trading));
    const placed = await d.dispatch(
      'orders.place',
      {
        contract: { symbol: 'AAPL' },
        action: 'BUY',
        quantity: 300,
        orderType: 'LMT',
        limitPrice: price,
      },
      { clientId: 'a' },
    );
    expect(placed).toMatchObject({ ok: true });
    const orderId = (placed as { ok: true; value: { orderIds: number[] } }).value.orderIds[0]!;
    const status = () => a.trading.orders.list().find((o) => o.orderId === orderId)?.status;
    await waitFor(() => status() === 'Submitted', 'the buy working at the gateway', 10_000);

    // The next beat shows it: B's book is the model's with the order resting at its price.
    clock.advance(250);
    const withOrder = bidsAt([{ side: 'BUY', price, size: 300 }]);
    await waitFor(shows(withOrder), 'the order in B’s book', 10_000);
    const sizeAt = (rows: DepthRow[]) =>
      rows.filter((r) => r.price === price).reduce((s, r) => s + r.size, 0);
    expect(sizeAt(withOrder) - sizeAt(bidsAt([]))).toBe(300);

    expect(await d.dispatch('orders.cancel', { orderId }, { clientId: 'a' })).toMatchObject({ ok: true });
    await waitFor(() => status() === 'Cancelled', 'the buy cancelled', 10_000);
    clock.advance(250);
    await waitFor(shows(bidsAt([])), 'B’s book without the order', 10_000);
  }, 40_000);
});

function sameRow(r: DepthRow, want: DepthRow | undefined): boolean {
  return want !== undefined && r.price === want.price && r.size === want.size && r.maker === want.maker;
}
