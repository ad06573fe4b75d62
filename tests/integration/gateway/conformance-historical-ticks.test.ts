// Historical ticks over TCP at server versions 157, 176 and 193 against a demo gateway on a manual clock: the TRADES
// ticks of a minute, paged 1,000 at a time, add up to its 1-minute bar; BID_ASK and MIDPOINT are the model's ticks;
// one session per request, useRth, the errors TWS sends (10187, 200) and HMDS pacing (162) shared with bar requests.
// A raw client reads HISTORICAL_TICKS_BID_ASK (97) as IB's decoder does (mask bit 0 askPastHigh, bit 1 bidPastLow),
// because @stoqey/ib 1.6.10 reads it with the tick-by-tick order and reports the two flags swapped.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { conformanceSuite, stock } from './helpers';
import type { Client } from './helpers';
import { RawClient } from './raw-client';
import { withClient } from './depth-client';
import { createManualClock } from '../../support/manual-clock';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import { Market } from '../../../src-main/demo-gateway/model/market';
import type { Instrument } from '../../../src-main/demo-gateway/model/instrument';
import { TickModel } from '../../../src-main/demo-gateway/depth/ticks';
import { historicalTicks } from '../../../src-main/demo-gateway/depth/historical-ticks';
import type {
  HistoricalTickBidAsk,
  HistoricalTicksQuery,
} from '../../../src-main/demo-gateway/depth/historical-ticks';
import { etDay, etMidnight, etTime, utcDash } from '../../../src-main/demo-gateway/wire/tws-time';

/** A Tuesday in regular hours (UTC ms). */
const T0 = Date.UTC(2026, 10, 24, 16, 0, 0);
const SEED = 5;

interface Last {
  time: number;
  price: number;
  size: number;
}

/** One reqHistoricalTicks through @stoqey/ib: the ticks of its one message, or the error code. */
async function ticks(
  c: Client,
  event: string,
  contract: Contract,
  start: string,
  end: string,
  n: number,
  what: string,
  useRth = false,
): Promise<{ ticks: Record<string, unknown>[]; done: boolean } | { code: number; message: string }> {
  const id = c.nextReqId();
  c.ib.reqHistoricalTicks(id, contract, start, end, n, what as never, useRth, false);
  const got = await c.waitFor(
    () => c.of(event, id)[0] ?? (c.errors(id)[0] ? [id, 'error'] : undefined),
    `historical ticks ${id}`,
  );
  if (got[1] === 'error') {
    const e = c.errors(id)[0] as { code: number; message: string };
    return { code: e.code, message: e.message };
  }
  return { ticks: got[1] as Record<string, unknown>[], done: got[2] as boolean };
}

function ok(r: Awaited<ReturnType<typeof ticks>>): { ticks: Record<string, unknown>[]; done: boolean } {
  if ('code' in r) throw new Error(`error ${r.code}: ${r.message}`);
  return r;
}

function modelTicks(gw: DemoGateway, q: Omit<HistoricalTicksQuery, 'now'>, now: number): unknown[] {
  return historicalTicks(new TickModel(new Market(gw.universe, SEED, false)), { ...q, now }).ticks;
}

describe.each([157, 176, 193])('historical ticks at server version %i', (v) => {
  const clock = createManualClock(T0 + 500);

  const suite = conformanceSuite({
    maxServerVersion: v,
    seed: SEED,
    clock,
    maxRequestsPerSecond: 0,
    historicalPacing: 'off',
  });

  it('TRADES ticks of a minute, paged 1,000 at a time, add up to its 1-minute bar', async () => {
    const c = await suite.connect(1);
    const minute = Math.floor(T0 / 60_000) * 60_000 - 5 * 60_000;
    const got: Last[] = [];
    let start = minute;
    let pages = 0;
    while (start < minute + 60_000) {
      const page = ok(
        await ticks(c, EventName.historicalTicksLast, stock('AAPL'), utcDash(start), '', 1000, 'TRADES'),
      );
      expect(page.done).toBe(true);
      expect(page.ticks.length).toBeGreaterThanOrEqual(1000);
      pages++;
      for (const t of page.ticks)
        got.push({ time: t.time as number, price: t.price as number, size: t.size as number });
      // A page ends on a whole second: the next one starts at the following second.
      start = ((got.at(-1) as Last).time + 1) * 1000;
    }
    expect(pages).toBeGreaterThan(1);
    const inMinute = got.filter((t) => t.time * 1000 >= minute && t.time * 1000 < minute + 60_000);
    const id = c.nextReqId();
    c.ib.reqHistoricalData(id, stock('AAPL'), '', '900 S', '1 min' as never, 'TRADES', 0, 2, false);
    const bar = await c.waitFor(
      () => c.of(EventName.historicalData, id).find((a) => Number(a[1]) === minute / 1000),
      'the 1-min bar',
    );
    const [, , open, high, low, close, volume] = bar as [
      number,
      string,
      number,
      number,
      number,
      number,
      number,
    ];
    const prices = inMinute.map((t) => t.price);
    expect([inMinute[0]?.price, Math.max(...prices), Math.min(...prices), inMinute.at(-1)?.price]).toEqual([
      open,
      high,
      low,
      close,
    ]);
    // Tick sizes are shares at every version; stock bar volumes are round lots below 175.
    const shares = inMinute.reduce((a, t) => a + t.size, 0);
    expect(v < 175 ? Math.round(shares / 100) : shares).toBe(volume);
  });

  it('BID_ASK and MIDPOINT are the model’s ticks (MIDPOINT skips its placeholder field)', async () => {
    const c = await suite.connect(2);
    const inst = suite.gw.universe.bySymbol('MSFT')[0] as Instrument;
    const end = T0 - 60_000;
    const mid = ok(
      await ticks(c, EventName.historicalTicks, stock('MSFT'), '', utcDash(end), 300, 'MIDPOINT'),
    );
    const q = { inst, end, numberOfTicks: 300, useRth: false, ignoreSize: false };
    expect(mid.ticks).toEqual(modelTicks(suite.gw, { ...q, whatToShow: 'MIDPOINT' }, clock.now()));
    expect(mid.ticks.length).toBeGreaterThanOrEqual(300);
    const ba = ok(
      await ticks(c, EventName.historicalTicksBidAsk, stock('MSFT'), '', utcDash(end), 300, 'BID_ASK'),
    );
    const want = modelTicks(suite.gw, { ...q, whatToShow: 'BID_ASK' }, clock.now()) as HistoricalTickBidAsk[];
    expect(ba.ticks.map((t) => [t.time, t.priceBid, t.priceAsk, t.sizeBid, t.sizeAsk])).toEqual(
      want.map((t) => [t.time, t.priceBid, t.priceAsk, t.sizeBid, t.sizeAsk]),
    );
    expect((ba.ticks.at(-1)?.time as number) * 1000).toBeLessThan(end);
  });

  it('never crosses a session', async () => {
    const c = await suite.connect(3);
    const day = etDay(T0);
    // Thirty seconds into the day's session (every ET day is one session by default): nothing from the day before.
    const early = ok(
      await ticks(
        c,
        EventName.historicalTicksLast,
        stock('AAPL'),
        '',
        utcDash(etMidnight(day) + 30_000),
        1000,
        'TRADES',
      ),
    );
    expect(early.ticks.length).toBeGreaterThan(0);
    expect(early.ticks.length).toBeLessThan(1000);
    expect(early.ticks.every((t) => (t.time as number) * 1000 >= etMidnight(day))).toBe(true);
  });

  it('refuses as TWS does: 10187 for what it cannot serve, 200 for an unknown contract', async () => {
    const c = await suite.connect(4);
    const end = utcDash(T0 - 60_000);
    const fail = async (r: ReturnType<typeof ticks>, code: number, text: string): Promise<void> => {
      const got = await r;
      expect('code' in got && [got.code, got.message]).toEqual([code, text]);
    };
    const both =
      'Failed to request historical ticks:exactly one of start time and end time has to be defined';
    await fail(ticks(c, EventName.historicalTicksLast, stock('AAPL'), end, end, 10, 'TRADES'), 10187, both);
    await fail(ticks(c, EventName.historicalTicksLast, stock('AAPL'), '', '', 10, 'TRADES'), 10187, both);
    await fail(
      ticks(c, EventName.historicalTicksLast, stock('AAPL'), '', end, 10, 'BID'),
      10187,
      'Failed to request historical ticks:whatToShow BID is not supported',
    );
    const eur = {
      conId: suite.gw.universe.instruments.find((i) => i.localSymbol === 'EUR.USD')?.conId,
      exchange: 'IDEALPRO',
    };
    await fail(
      ticks(c, EventName.historicalTicksLast, eur as Contract, '', end, 10, 'TRADES'),
      10187,
      'Failed to request historical ticks:no TRADES data for EUR.USD on IDEALPRO',
    );
    await fail(
      ticks(c, EventName.historicalTicksLast, stock('AAPL'), '', 'yesterday', 10, 'TRADES'),
      10187,
      'Failed to request historical ticks:invalid date/time yesterday',
    );
    await fail(
      ticks(c, EventName.historicalTicksLast, stock('NOPE'), '', end, 10, 'TRADES'),
      200,
      'No security definition has been found for the request',
    );
  });

  it('a raw client reads 97 as IB does (bit 0 askPastHigh, bit 1 bidPastLow); @stoqey/ib swaps the two', async () => {
    const c = await suite.connect(5);
    const model = new TickModel(new Market(suite.gw.universe, SEED, false));
    const bidAsk = (inst: Instrument, end: number): HistoricalTickBidAsk[] =>
      historicalTicks(model, {
        inst,
        end,
        numberOfTicks: 1000,
        whatToShow: 'BID_ASK',
        useRth: false,
        ignoreSize: false,
        now: clock.now(),
      }).ticks as HistoricalTickBidAsk[];
    // Windows of the model where the bid went under the session low, or the ask over the high, on their own.
    const find = (flag: 'bidPastLow' | 'askPastHigh'): { inst: Instrument; end: number } => {
      for (const symbol of ['AAPL', 'KO', 'MSFT', 'NVDA']) {
        const inst = suite.gw.universe.bySymbol(symbol)[0] as Instrument;
        for (let k = 1; k <= 48; k++) {
          const end = T0 - k * 600_000;
          const r = bidAsk(inst, end);
          const other = flag === 'bidPastLow' ? 'askPastHigh' : 'bidPastLow';
          if (r.some((t) => t[flag] && !t[other])) return { inst, end };
        }
      }
      throw new Error(`no window with ${flag} alone`);
    };
    const raw = await RawClient.started(suite.gw.port, 77);
    try {
      for (const flag of ['bidPastLow', 'askPastHigh'] as const) {
        const { inst, end } = find(flag);
        const reqId = flag === 'bidPastLow' ? 6101 : 6102;
        // prettier-ignore
        raw.send(96, reqId, inst.conId, '', '', '', 0.0, '', '', 'SMART', '', '', '', '', 0, '', utcDash(end), 1000, 'BID_ASK', 0, 0, '');
        await raw.until(() => raw.of(97).some((f) => f[1] === String(reqId)), `97 for ${reqId}`);
        const f = raw.of(97).find((x) => x[1] === String(reqId)) as string[];
        // IB's decoder: reqId, tickCount, then time, mask, priceBid, priceAsk, sizeBid, sizeAsk; then done.
        const count = Number(f[2]);
        expect(f.length).toBe(3 + count * 6 + 1);
        expect(f.at(-1)).toBe('1');
        const official = Array.from({ length: count }, (_, i) => {
          const at = 3 + i * 6;
          const mask = Number(f[at + 1]);
          return { time: Number(f[at]), askPastHigh: (mask & 1) !== 0, bidPastLow: (mask & 2) !== 0 };
        });
        const want = bidAsk(inst, end).map((t) => ({
          time: t.time,
          askPastHigh: t.askPastHigh,
          bidPastLow: t.bidPastLow,
        }));
        expect(official).toEqual(want);
        expect(official.some((t) => t[flag])).toBe(true);
        // The same request through @stoqey/ib: its bidPastLow is IB's askPastHigh and the other way round.
        const viaStoqey = ok(
          await ticks(
            c,
            EventName.historicalTicksBidAsk,
            { conId: inst.conId, exchange: 'SMART' } as Contract,
            '',
            utcDash(end),
            1000,
            'BID_ASK',
          ),
        );
        const attribs = viaStoqey.ticks.map(
          (t) => t.tickAttribBidAsk as { bidPastLow: boolean; askPastHigh: boolean },
        );
        expect(attribs.map((a) => ({ askPastHigh: a.bidPastLow, bidPastLow: a.askPastHigh }))).toEqual(
          want.map((t) => ({ askPastHigh: t.askPastHigh, bidPastLow: t.bidPastLow })),
        );
      }
    } finally {
      raw.close();
    }
  });
});

describe('historical ticks with US market hours', () => {
  it('useRth keeps a request to regular hours, without it the extended session counts', async () => {
    const clock = createManualClock(T0);
    await withClient(
      {
        seed: SEED,
        clock,
        realHours: true,
        maxRequestsPerSecond: 0,
        historicalPacing: 'off',
      },
      async (gw, c) => {
        const day = etDay(T0);
        const from = utcDash(etTime(day, 9 * 60));
        const rth = ok(
          await ticks(c, EventName.historicalTicksLast, stock('AAPL'), from, '', 100, 'TRADES', true),
        );
        expect((rth.ticks[0]?.time as number) * 1000).toBeGreaterThanOrEqual(etTime(day, 9 * 60 + 30));
        const all = ok(
          await ticks(c, EventName.historicalTicksLast, stock('AAPL'), from, '', 100, 'TRADES', false),
        );
        expect((all.ticks[0]?.time as number) * 1000).toBeLessThan(etTime(day, 9 * 60 + 30));
      },
    );
  });
});

describe('historical ticks pacing (TWS HMDS rules, one log with bar requests)', () => {
  it('refuses an identical request within 15 s, and a sixth request for one contract and type within 2 s', async () => {
    const clock = createManualClock(T0);
    await withClient({ seed: SEED, clock, maxRequestsPerSecond: 0 }, async (gw, c) => {
      const end = (k: number): string => utcDash(T0 - 60_000 * k);
      const pacing = 'Historical Market Data Service error message:Historical data request pacing violation';
      ok(await ticks(c, EventName.historicalTicksLast, stock('IBM'), '', end(1), 10, 'TRADES'));
      const again = await ticks(c, EventName.historicalTicksLast, stock('IBM'), '', end(1), 10, 'TRADES');
      expect(again).toEqual({ code: 162, message: pacing });
      for (let k = 2; k <= 5; k++)
        ok(await ticks(c, EventName.historicalTicksLast, stock('IBM'), '', end(k), 10, 'TRADES'));
      // The sixth TRADES request for IBM in 2 s is a bar request: bars and ticks share TWS's pacing log.
      const id = c.nextReqId();
      c.ib.reqHistoricalData(id, stock('IBM'), '', '60 S', '1 secs' as never, 'TRADES', 0, 1, false);
      expect(await c.waitCode(162, id)).toBe(pacing);
      clock.advance(2_500);
      ok(await ticks(c, EventName.historicalTicksLast, stock('IBM'), '', end(6), 10, 'TRADES'));
    });
  });
});
