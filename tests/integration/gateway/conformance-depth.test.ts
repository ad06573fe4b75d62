// Market depth over TCP at server versions 157, 176 and 193, driving @stoqey/ib against a demo gateway on a manual
// clock: the book a client builds from the inserts, updates and deletes equals the model's book beat after beat
// (SMART depth with market makers, one venue's depth), resting client orders appear at their price, TWS's limits
// and errors (309, 310, 10092, 200, 354), RESET (317) at a new session and after a connectivity loss, and a fresh
// book after a reconnect.
import { describe, expect, it } from 'vitest';
import { EventName, TickByTickDataType } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { conformanceSuite, order, stock } from './helpers';
import {
  bookOf,
  expectDataLossForgets,
  expectSilentAfterCancel,
  step,
  sync,
  withClient,
} from './depth-client';
import type { ClientBook, Row } from './depth-client';
import { createManualClock } from '../../support/manual-clock';
import type { ManualClock } from '../../support/manual-clock';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import { Market } from '../../../src-main/demo-gateway/model/market';
import { BookModel, exchangeRows, smartRows } from '../../../src-main/demo-gateway/depth/book';
import type { RestingOrder } from '../../../src-main/demo-gateway/depth/book';
import { depthExchanges, venuesOf } from '../../../src-main/demo-gateway/depth/venues';
import type { Venue } from '../../../src-main/demo-gateway/depth/venues';
import type { Instrument } from '../../../src-main/demo-gateway/model/instrument';
import { etMidnight, etDay } from '../../../src-main/demo-gateway/wire/tws-time';

/** A Tuesday in regular hours (UTC ms). */
const T0 = Date.UTC(2026, 10, 24, 16, 0, 0);
const SEED = 5;

/** The model's rows as a client at version `v` sees them (stock sizes in round lots below 159). */
function expected(
  gw: DemoGateway,
  v: number,
  inst: Instrument,
  t: number,
  numRows: number,
  venue?: Venue,
  resting: readonly RestingOrder[] = [],
): [Row[], Row[]] {
  const model = new BookModel(new Market(gw.universe, SEED, false));
  model.setResting(inst.conId, resting);
  const book = model.book(inst, t);
  const lot = inst.secType === 'STK' && v < 159 ? inst.lotSize : 1;
  const rows = (side: 0 | 1): Row[] =>
    (venue ? exchangeRows(book, side, numRows, venue) : smartRows(book, side, numRows)).map((r) => ({
      price: r.price,
      size: lot === 1 ? r.size : Math.max(1, Math.round(r.size / lot)),
      marketMaker: r.marketMaker,
    }));
  return [rows(0), rows(1)];
}

function expectBook(book: ClientBook, want: [Row[], Row[]], what: string): void {
  expect(book.sides[0], `${what}: asks`).toEqual(want[0]);
  expect(book.sides[1], `${what}: bids`).toEqual(want[1]);
}

const aapl = (gw: DemoGateway): Instrument => gw.universe.bySymbol('AAPL')[0] as Instrument;

describe.each([157, 176, 193])('market depth at server version %i', (v) => {
  const clock = createManualClock(T0);

  const suite = conformanceSuite({ maxServerVersion: v, seed: SEED, clock, maxRequestsPerSecond: 0 });

  it('lists the depth venues (reqMktDepthExchanges → 80)', async () => {
    const c = await suite.connect(1);
    c.ib.reqMktDepthExchanges();
    const [rows] = (await c.waitEvent(EventName.mktDepthExchanges)) as [Record<string, unknown>[]];
    const want = depthExchanges(suite.gw.universe.instruments).map((r) => ({
      exchange: r.exchange,
      secType: r.secType,
      listingExch: r.listingExch,
      serviceDataType: r.serviceDataType,
      // @stoqey/ib reads 2147483647 (unset) as undefined.
      ...(r.aggGroup === 2147483647 ? {} : { aggGroup: r.aggGroup }),
    }));
    expect(rows).toEqual(want);
    expect(rows.some((r) => r.exchange === 'ISLAND' && r.secType === 'STK')).toBe(true);
    expect(rows.some((r) => r.secType === 'FUT')).toBe(true);
  });

  it('streams SMART depth: inserts first, then updates and deletes that keep the client on the model book', async () => {
    const c = await suite.connect(2);
    const inst = aapl(suite.gw);
    c.ib.reqMktDepth(7002, stock('AAPL'), 20, true);
    await sync(c);
    const first = c.of(EventName.updateMktDepthL2, 7002);
    expect(first.length).toBeGreaterThan(20);
    expect(first.every((a) => a[3] === 0 && a[7] === true)).toBe(true);
    expectBook(bookOf(c, 7002), expected(suite.gw, v, inst, clock.now(), 20), 'snapshot');
    for (let k = 0; k < 24; k++) {
      await step(clock, c, 250);
      expectBook(bookOf(c, 7002), expected(suite.gw, v, inst, clock.now(), 20), `beat ${k}`);
    }
    const book = bookOf(c, 7002);
    // Inserts, updates and deletes all happened, and SMART rows name the venues.
    expect(book.counts.every((n) => n > 0)).toBe(true);
    expect(new Set(book.sides[1].map((r) => r.marketMaker)).size).toBeGreaterThan(1);
    expect(book.sides[1][0]?.price).toBeLessThan(book.sides[0][0]?.price as number);
    c.ib.cancelMktDepth(7002, true);
    await expectSilentAfterCancel(suite.gw, clock, c, {
      event: EventName.updateMktDepthL2,
      reqId: 7002,
      stream: 'depth',
    });
  });

  it("streams one venue's levels as MARKET_DEPTH (12), without market makers", async () => {
    const c = await suite.connect(3);
    const inst = aapl(suite.gw);
    const island = venuesOf(inst).venues.find((x) => x.exchange === 'ISLAND') as Venue;
    c.ib.reqMktDepth(7010, { ...stock('AAPL'), exchange: 'ISLAND' }, 10, false);
    await sync(c);
    expect(c.of(EventName.updateMktDepthL2, 7010)).toEqual([]);
    expectBook(bookOf(c, 7010), expected(suite.gw, v, inst, clock.now(), 10, island), 'snapshot');
    for (let k = 0; k < 8; k++) {
      await step(clock, c, 250);
      expectBook(bookOf(c, 7010), expected(suite.gw, v, inst, clock.now(), 10, island), `beat ${k}`);
    }
    c.ib.cancelMktDepth(7010, false);
    await sync(c);
  });

  it('shows resting demo orders of every client at their price, and takes them out when cancelled', async () => {
    const c = await suite.connect(4);
    const trader = await suite.connect(5);
    const inst = aapl(suite.gw);
    c.ib.reqMktDepth(7020, stock('AAPL'), 20, true);
    await sync(c);
    const before = bookOf(c, 7020).sides[1];
    // Two ticks under the best bid: inside the book, never filled while the quote stays put.
    const price = Math.round(((before[0] as Row).price - 2 * inst.minTick) * 100) / 100;
    const id = (trader.of(EventName.nextValidId)[0]?.[0] as number) + 10;
    trader.ib.placeOrder(
      id,
      stock('AAPL'),
      order({ action: 'BUY', orderType: 'LMT', totalQuantity: 300, lmtPrice: price }),
    );
    await trader.waitFor(
      () => trader.of(EventName.orderStatus, id).some((a) => a[1] === 'Submitted'),
      'order submitted',
    );
    await step(clock, c, 250);
    const resting = [{ side: 'BUY' as const, price, size: 300 }];
    const want = expected(suite.gw, v, inst, clock.now(), 20, undefined, resting);
    expectBook(bookOf(c, 7020), want, 'with the order');
    const home = venuesOf(inst).venues[0] as Venue;
    const atPrice = bookOf(c, 7020).sides[1].filter((r) => r.price === price);
    const plain = expected(suite.gw, v, inst, clock.now(), 20)[1].filter((r) => r.price === price);
    const sum = (rows: Row[]): number => rows.reduce((a, r) => a + r.size, 0);
    expect(sum(atPrice) - sum(plain)).toBe(v < 159 ? 3 : 300);
    expect(atPrice.some((r) => r.marketMaker === home.marketMaker)).toBe(true);
    trader.ib.cancelOrder(id);
    await trader.waitFor(
      () => trader.of(EventName.orderStatus, id).some((a) => a[1] === 'Cancelled'),
      'order cancelled',
    );
    await step(clock, c, 250);
    expectBook(bookOf(c, 7020), expected(suite.gw, v, inst, clock.now(), 20), 'after the cancel');
    c.ib.cancelMktDepth(7020, true);
    trader.close();
  });

  it('refuses as TWS does: 309 past 3 distinct books, 10092, 200, 310; the same book again is no new line', async () => {
    const c = await suite.connect(6);
    const other = await suite.connect(7);
    c.ib.reqMktDepth(7031, stock('AAPL'), 10, true);
    c.ib.reqMktDepth(7032, stock('MSFT'), 10, true);
    c.ib.reqMktDepth(7033, { ...stock('AAPL'), exchange: 'ISLAND' }, 10, false);
    // The same SMART book from another client shares its line.
    other.ib.reqMktDepth(7034, stock('AAPL'), 5, true);
    c.ib.reqMktDepth(7035, stock('NVDA'), 10, true);
    expect(await c.waitCode(309, 7035)).toBe('Max number (3) of market depth requests has been reached');
    await sync(other);
    expect(other.of(EventName.updateMktDepthL2, 7034).length).toBeGreaterThan(0);
    expect(other.errors(7034)).toEqual([]);
    c.ib.cancelMktDepth(7032, true);
    c.ib.reqMktDepth(7036, stock('NVDA'), 10, true);
    await sync(c);
    expect(c.errors(7036)).toEqual([]);
    expect(c.of(EventName.updateMktDepthL2, 7036).length).toBeGreaterThan(0);
    c.ib.reqMktDepth(7037, stock('AAPL'), 10, false);
    expect(await c.waitCode(10092, 7037)).toBe(
      'Deep market data is not supported for this combination of security type/exchange',
    );
    c.ib.reqMktDepth(7038, { ...stock('AAPL'), exchange: 'XETRA' }, 10, false);
    await c.waitCode(10092, 7038);
    c.ib.reqMktDepth(7039, stock('NOPE'), 10, true);
    expect(await c.waitCode(200, 7039)).toBe('No security definition has been found for the request');
    c.ib.reqMktDepth(7040, stock('AAPL'), 0, true);
    expect(await c.waitCode(321, 7040)).toBe(
      "Error validating request.-'bY' : cause - numRows must be an integer from 1 to 100: 0",
    );
    c.ib.cancelMktDepth(7999, true);
    expect(await c.waitCode(310, 7999)).toBe("Can't find the subscribed market depth with tickerId:7999");
    for (const id of [7031, 7033, 7036]) c.ib.cancelMktDepth(id, id !== 7033);
    other.ib.cancelMktDepth(7034, true);
    await sync(c);
    await sync(other);
    expect(suite.gw.subscriptions().depth).toBe(0);
    other.close();
  });

  it('streams a future’s book from its exchange as MARKET_DEPTH (12)', async () => {
    const c = await suite.connect(8);
    const es = suite.gw.universe.instruments.find(
      (i) => i.secType === 'FUT' && i.symbol === 'ES',
    ) as Instrument;
    const contract: Contract = {
      conId: es.conId,
      exchange: es.exchange,
    } as Contract;
    c.ib.reqMktDepth(7040, contract, 10, false);
    await sync(c);
    const venue = venuesOf(es).venues[0] as Venue;
    expectBook(bookOf(c, 7040), expected(suite.gw, v, es, clock.now(), 10, venue), 'future');
    c.ib.cancelMktDepth(7040, false);
    await sync(c);
  });

  it('after a reconnect, a new request rebuilds the book from empty', async () => {
    let c = await suite.connect(9);
    const inst = aapl(suite.gw);
    c.ib.reqMktDepth(7050, stock('AAPL'), 10, true);
    await sync(c);
    await step(clock, c, 500);
    c.close();
    await c.disconnected();
    await step(clock, (c = await suite.connect(9)), 250);
    expect(suite.gw.subscriptions().depth).toBe(0);
    c.ib.reqMktDepth(7050, stock('AAPL'), 10, true);
    await sync(c);
    expect(c.of(EventName.updateMktDepthL2, 7050).every((a) => a[3] === 0)).toBe(true);
    expectBook(bookOf(c, 7050), expected(suite.gw, v, inst, clock.now(), 10), 'rebuilt');
    c.ib.cancelMktDepth(7050, true);
    await sync(c);
  });
});

describe.each([157, 193])('market depth RESET (317) at server version %i', (v) => {
  it('at a new session: 317, then the whole book again as inserts', async () => {
    // Five seconds before ET midnight: with the default hours every ET day is one session.
    const start = etMidnight(etDay(T0) + 1) - 5000;
    const clock: ManualClock = createManualClock(start);
    await withClient({ maxServerVersion: v, seed: SEED, clock, maxRequestsPerSecond: 0 }, async (gw, c) => {
      const inst = aapl(gw);
      c.ib.reqMktDepth(7060, stock('AAPL'), 10, true);
      await sync(c);
      for (let k = 0; k < 40; k++) await step(clock, c, 250);
      expect(await c.waitCode(317, 7060)).toBe(
        'Market depth data has been RESET. Please empty deep book contents before applying any new entries.',
      );
      expect(c.errors(7060).filter((e) => e.code === 317)).toHaveLength(1);
      expectBook(bookOf(c, 7060), expected(gw, v, inst, clock.now(), 10), 'after the reset');
    });
  });

  it('after a connectivity loss that kept the data (1102): 317 and the book again', async () => {
    const clock = createManualClock(T0);
    await withClient({ maxServerVersion: v, seed: SEED, clock, maxRequestsPerSecond: 0 }, async (gw, c) => {
      const inst = aapl(gw);
      c.ib.reqMktDepth(7070, stock('AAPL'), 10, true);
      await sync(c);
      await step(clock, c, 250);
      gw.faults.connectivityLoss('data-maintained', 2000);
      const during = c.of(EventName.updateMktDepthL2, 7070).length;
      await step(clock, c, 1000);
      expect(c.of(EventName.updateMktDepthL2, 7070).length).toBe(during);
      await step(clock, c, 1500);
      await c.waitCode(1102);
      await c.waitCode(317, 7070);
      expectBook(bookOf(c, 7070), expected(gw, v, inst, clock.now(), 10), 'after 1102');
      await expectDataLossForgets(gw, clock, c, 'depth');
    });
  });
});

describe('an account with more market data lines (depthLines 5)', () => {
  it('holds 5 distinct depth books and 5 tick-by-tick requests; the sixth gets 309 / 10190', async () => {
    await withClient({ depthLines: 5 }, async (_gw, c) => {
      const symbols = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'IBM'];
      symbols.forEach((sym, i) => c.ib.reqMktDepth(7090 + i, stock(sym), 5, true));
      expect(await c.waitCode(309, 7095)).toBe('Max number (5) of market depth requests has been reached');
      symbols.forEach((sym, i) =>
        c.ib.reqTickByTickData(7190 + i, stock(sym), TickByTickDataType.Last, 0, false),
      );
      expect(await c.waitCode(10190, 7195)).toBe('Max number of tick-by-tick requests has been reached.');
      await sync(c);
      expect(c.errors().filter((e) => e.code === 309 || e.code === 10190)).toHaveLength(2);
    });
  });
});

describe('market depth without live data permissions', () => {
  it('is refused with 354', async () => {
    await withClient({ liveData: false }, async (gw, c) => {
      c.ib.reqMktDepth(7080, stock('AAPL'), 10, true);
      expect(await c.waitCode(354, 7080)).toBe('Requested market data is not subscribed.');
    });
  });
});
