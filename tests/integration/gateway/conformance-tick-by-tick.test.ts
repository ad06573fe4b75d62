// Tick-by-tick data over TCP at server versions 157, 176 and 193, driving @stoqey/ib against a demo gateway on a
// manual clock: Last/AllLast prints are the model's tape and agree with the L1 stream (each at an L1 last price of
// its second, a second's prints adding up to the L1 volume's growth), BidAsk and MidPoint are the L1 quote after
// every beat, numberOfTicks sends recent ticks first, and TWS's limit (10190) and refusals (10189, 200) hold.
// @stoqey/ib hands the tick time over as a string (Python and Java: an int); the tests read it with Number().
import { describe, expect, it } from 'vitest';
import { EventName, TickByTickDataType as T } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { conformanceSuite, stock } from './helpers';
import type { Client } from './helpers';
import { expectDataLossForgets, expectSilentAfterCancel, step, sync, withClient } from './depth-client';
import { createManualClock } from '../../support/manual-clock';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import { Market } from '../../../src-main/demo-gateway/model/market';
import type { Instrument } from '../../../src-main/demo-gateway/model/instrument';
import { TickModel } from '../../../src-main/demo-gateway/depth/ticks';
import { emptyTop, l1Top } from '../../../src-main/demo-gateway/depth/l1-view';

/** A Tuesday in regular hours (UTC ms). */
const T0 = Date.UTC(2026, 10, 24, 16, 0, 0);
const SEED = 5;
const TICK = { BID: 1, ASK: 2, LAST: 4, VOLUME: 8 } as const;

interface Print {
  time: number;
  price: number;
  size: number;
  pastLimit: boolean;
  unreported: boolean;
  exchange: string;
  specialConditions: string;
}

function prints(c: Client, reqId: number): Print[] {
  return c.of(EventName.tickByTickAllLast, reqId).map((a) => {
    expect(typeof a[2]).toBe('string');
    const attribs = a[5] as { pastLimit: boolean; unreported: boolean };
    return {
      time: Number(a[2]),
      price: a[3] as number,
      size: a[4] as number,
      pastLimit: attribs.pastLimit,
      unreported: attribs.unreported,
      exchange: a[6] as string,
      specialConditions: a[7] as string,
    };
  });
}

/** The model's prints in [from, to) as the wire carries them. */
function modelPrints(gw: DemoGateway, inst: Instrument, from: number, to: number, all: boolean): Print[] {
  const model = new TickModel(new Market(gw.universe, SEED, false));
  return model.trades(inst, from, to, all).map((t) => ({
    time: t.time,
    price: t.price,
    size: t.size,
    pastLimit: t.pastLimit,
    unreported: t.unreported,
    exchange: t.exchange,
    specialConditions: t.specialConditions,
  }));
}

const find = (gw: DemoGateway, pick: (i: Instrument) => boolean): Instrument =>
  gw.universe.instruments.find(pick) as Instrument;

describe.each([157, 176, 193])('tick-by-tick at server version %i', (v) => {
  const clock = createManualClock(T0);

  const suite = conformanceSuite({ maxServerVersion: v, seed: SEED, clock, maxRequestsPerSecond: 0 });

  it('Last prints are the tape, each at an L1 last price of its second, in order', async () => {
    const c = await suite.connect(1);
    const inst = suite.gw.universe.bySymbol('AAPL')[0] as Instrument;
    const from = clock.now() + 1;
    c.ib.reqTickByTickData(5001, stock('AAPL'), T.Last, 0, false);
    await sync(c);
    for (let k = 0; k < 40; k++) await step(clock, c, 250);
    const got = prints(c, 5001);
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(modelPrints(suite.gw, inst, from, clock.now() + 1, false));
    expect(got.every((p) => !p.unreported)).toBe(true);
    expect(c.of(EventName.tickByTickAllLast, 5001).every((a) => a[1] === 1)).toBe(true);
    // Against the L1 stream's last price, millisecond by millisecond: each print's price is an L1 last of its
    // second, later prints of one second never at an earlier instant than the ones before them.
    const market = new Market(suite.gw.universe, SEED, false);
    const top = emptyTop();
    let at = 0;
    let sec = -1;
    for (const p of got) {
      if (p.time !== sec) {
        sec = p.time;
        at = sec * 1000;
      }
      while (at < sec * 1000 + 1000 && l1Top(market, inst, at, top).last !== p.price) at++;
      expect(at, `print ${JSON.stringify(p)}`).toBeLessThan(sec * 1000 + 1000);
    }
    c.ib.cancelTickByTickData(5001);
    await expectSilentAfterCancel(suite.gw, clock, c, {
      event: EventName.tickByTickAllLast,
      reqId: 5001,
      stream: 'tickByTick',
    });
  });

  it("AllLast prints of each second add up to the L1 volume's growth over it; odd lots are unreported", async () => {
    const c = await suite.connect(2);
    const es = find(suite.gw, (i) => i.secType === 'FUT' && i.symbol === 'ES');
    const contract = { conId: es.conId, exchange: es.exchange } as Contract;
    c.ib.reqMktData(5101, contract, '', false, false);
    c.ib.reqTickByTickData(5102, contract, T.AllLast, 0, false);
    const aapl = suite.gw.universe.bySymbol('AAPL')[0] as Instrument;
    const from = clock.now() + 1;
    c.ib.reqTickByTickData(5103, stock('AAPL'), T.AllLast, 0, false);
    await sync(c);
    // The beat runs every 250 ms from a whole second: the L1 VOLUME after every fourth beat is the volume at a
    // whole second.
    const volumeAt = new Map<number, number>();
    const latestVolume = (): number =>
      c
        .of(EventName.tickSize, 5101)
        .filter((a) => a[1] === TICK.VOLUME)
        .at(-1)?.[2] as number;
    const first = Math.floor(clock.now() / 1000) + 1;
    await step(clock, c, first * 1000 - clock.now());
    volumeAt.set(first, latestVolume());
    for (let sec = first + 1; sec <= first + 10; sec++) {
      for (let k = 0; k < 4; k++) await step(clock, c, 250);
      volumeAt.set(sec, latestVolume());
    }
    const got = prints(c, 5102);
    for (let sec = first; sec < first + 10; sec++) {
      const traded = got.filter((p) => p.time === sec).reduce((a, p) => a + p.size, 0);
      expect(traded, `second ${sec}`).toBe((volumeAt.get(sec + 1) as number) - (volumeAt.get(sec) as number));
    }
    expect(got.every((p) => p.exchange === es.exchange)).toBe(true);
    expect(c.of(EventName.tickByTickAllLast, 5102).every((a) => a[1] === 2)).toBe(true);
    const stockPrints = prints(c, 5103);
    expect(stockPrints.some((p) => p.unreported && p.size < 100 && p.specialConditions.includes('I'))).toBe(
      true,
    );
    expect(stockPrints.some((p) => p.exchange === 'FINRA')).toBe(true);
    expect(stockPrints).toEqual(modelPrints(suite.gw, aapl, from, clock.now() + 1, true));
    c.ib.cancelMktData(5101);
    c.ib.cancelTickByTickData(5102);
    c.ib.cancelTickByTickData(5103);
    await sync(c);
  });

  it('BidAsk and MidPoint follow the L1 quote: after every beat the newest tick is the quote TWS streams', async () => {
    const c = await suite.connect(3);
    const inst = suite.gw.universe.bySymbol('MSFT')[0] as Instrument;
    c.ib.reqMktData(5201, stock('MSFT'), '', false, false);
    c.ib.reqTickByTickData(5202, stock('MSFT'), T.BidAsk, 0, false);
    c.ib.reqTickByTickData(5203, stock('MSFT'), T.MidPoint, 0, false);
    await sync(c);
    const lot = v < 159 ? 100 : 1;
    const l1 = (type: number): number =>
      c
        .of(EventName.tickPrice, 5201)
        .filter((a) => a[1] === type)
        .at(-1)?.[2] as number;
    for (let k = 0; k < 24; k++) {
      if (k > 0) await step(clock, c, 250);
      const q = suite.gw.quote(inst.conId);
      const ba = c.of(EventName.tickByTickBidAsk, 5202).at(-1) as unknown[];
      const [, time, bid, ask, bidSize, askSize] = ba;
      expect(Number(time)).toBeLessThanOrEqual(Math.floor(clock.now() / 1000));
      expect([bid, ask]).toEqual([l1(TICK.BID), l1(TICK.ASK)]);
      expect([bid, ask, bidSize, askSize]).toEqual([
        q?.bid,
        q?.ask,
        (q?.bidSize ?? 0) / lot,
        (q?.askSize ?? 0) / lot,
      ]);
      const mid = c.of(EventName.tickByTickMidPoint, 5203).at(-1)?.[2] as number;
      expect(mid).toBeCloseTo((l1(TICK.BID) + l1(TICK.ASK)) / 2, 9);
    }
    const quotes = c.of(EventName.tickByTickBidAsk, 5202);
    expect(quotes.length).toBeGreaterThan(10);
    expect(c.of(EventName.tickByTickMidPoint, 5203).length).toBeGreaterThan(5);
    for (const id of [5202, 5203]) c.ib.cancelTickByTickData(id);
    c.ib.cancelMktData(5201);
    await sync(c);
  });

  it('numberOfTicks sends that many recent ticks first (plus the rest of their second)', async () => {
    const c = await suite.connect(4);
    const inst = suite.gw.universe.bySymbol('AAPL')[0] as Instrument;
    c.ib.reqTickByTickData(5301, stock('AAPL'), T.AllLast, 50, false);
    await sync(c);
    const got = prints(c, 5301);
    const recent = modelPrints(suite.gw, inst, clock.now() - 120_000, clock.now() + 1, true);
    expect(got.length).toBeGreaterThanOrEqual(50);
    expect(got).toEqual(recent.slice(recent.length - got.length));
    // Whole seconds only: the tick before the first one sent is of an earlier second.
    expect(recent[recent.length - got.length - 1]?.time).toBeLessThan(got[0]?.time as number);
    expect(got.filter((p) => p.time !== got[0]?.time).length).toBeLessThan(50);
    c.ib.cancelTickByTickData(5301);
    await sync(c);
  });

  it('refuses as TWS does: 10190 past 3 distinct requests, 10189 for bad types and FX trades, 200', async () => {
    const c = await suite.connect(5);
    const other = await suite.connect(6);
    c.ib.reqTickByTickData(5401, stock('AAPL'), T.Last, 0, false);
    c.ib.reqTickByTickData(5402, stock('AAPL'), T.BidAsk, 0, false);
    c.ib.reqTickByTickData(5403, stock('MSFT'), T.MidPoint, 0, false);
    other.ib.reqTickByTickData(5404, stock('AAPL'), T.Last, 0, false);
    c.ib.reqTickByTickData(5405, stock('NVDA'), T.AllLast, 0, false);
    expect(await c.waitCode(10190, 5405)).toBe('Max number of tick-by-tick requests has been reached.');
    await sync(other);
    expect(other.errors(5404)).toEqual([]);
    c.ib.cancelTickByTickData(5403);
    c.ib.reqTickByTickData(5406, stock('NVDA'), T.AllLast, 0, false);
    await step(clock, c, 1000);
    expect(c.errors(5406)).toEqual([]);
    const eur = find(suite.gw, (i) => i.localSymbol === 'EUR.USD');
    c.ib.reqTickByTickData(5407, { conId: eur.conId, exchange: 'IDEALPRO' } as Contract, T.Last, 0, false);
    expect(await c.waitCode(10189, 5407)).toBe(
      'Failed to request tick-by-tick data:Last tick-by-tick requests are not supported for EUR.USD',
    );
    c.ib.reqTickByTickData(5408, stock('AAPL'), 'last' as never, 0, false);
    expect(await c.waitCode(10189, 5408)).toBe('Failed to request tick-by-tick data:Invalid tick type last');
    c.ib.reqTickByTickData(5409, stock('NOPE'), T.Last, 0, false);
    await c.waitCode(200, 5409);
    for (const id of [5401, 5402, 5406]) c.ib.cancelTickByTickData(id);
    other.ib.cancelTickByTickData(5404);
    await sync(c);
    await sync(other);
    expect(suite.gw.subscriptions().tickByTick).toBe(0);
    other.close();
  });
});

describe('tick-by-tick across a connectivity loss', () => {
  it('sends nothing of the outage afterwards (1102), and ends with the data (1101)', async () => {
    const clock = createManualClock(T0);
    await withClient({ seed: SEED, clock, maxRequestsPerSecond: 0 }, async (gw, c) => {
      c.ib.reqTickByTickData(5601, stock('AAPL'), T.AllLast, 0, false);
      await sync(c);
      await step(clock, c, 2000);
      const before = prints(c, 5601).length;
      expect(before).toBeGreaterThan(0);
      gw.faults.connectivityLoss('data-maintained', 3000);
      const lost = clock.now();
      await step(clock, c, 2000);
      expect(prints(c, 5601).length).toBe(before);
      await step(clock, c, 4000);
      await c.waitCode(1102);
      const after = prints(c, 5601).slice(before);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((p) => p.time * 1000 >= lost + 3000 - 1000)).toBe(true);
      await expectDataLossForgets(gw, clock, c, 'tickByTick');
    });
  });
});

describe('tick-by-tick without live data permissions', () => {
  it('is refused with 10189 naming the listing venue', async () => {
    await withClient({ liveData: false }, async (gw, c) => {
      c.ib.reqTickByTickData(5501, stock('AAPL'), T.Last, 0, false);
      expect(await c.waitCode(10189, 5501)).toBe(
        'Failed to request tick-by-tick data.No market data permissions for ISLAND STK.',
      );
    });
  });
});
