// Record → replay over TCP: a demo gateway session recorded through the recording proxy (on a 5x clock, so a few
// seconds hold ~20 s of market), then replayed to @stoqey/ib clients. A client sees the recorded prices in the
// recorded order at the recorded times (1x and 20x), under its own request ids; a seek rebuilds the state at the
// target time; history, real-time bars, the scan and contract details come from the recording; orders fill at the
// replayed prices; several clients share one replay; a cut, damaged or foreign file is a typed error at start.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventName } from '@stoqey/ib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src-shared/clock';
import { openRecording } from '../../../src-main/recorder/format';
import type { IncomingRecord } from '../../../src-main/recorder/format';
import { ReplayClock } from '../../../src-main/demo-gateway/replay/replay-clock';
import { reqIdField } from '../../../src-main/demo-gateway/replay/stream-kinds';
import { recordDemoSession } from '../../../tools/record-demo';
import type { RecordedSession } from '../../../tools/record-demo';
import { connect, order, startGateway, stock, until } from './helpers';
import { RawClient } from './raw-client';
import type { Client } from './helpers';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import type { DemoGatewayOptions } from '../../../src-main/demo-gateway/gateway-options';

const SPEEDUP = 5;

interface Tick {
  t: number;
  type: number;
  value: number;
}

let dir: string;
let session: RecordedSession;
/** The recorded AAPL prices: tickPrice as (time, type, price). (Sizes are left out: @stoqey/ib makes a tickSize
 *  event of every size a tickPrice carries, so its size events are not one per message.) */
let aapl: Tick[];
let firstTime: number;
let lastTime: number;
/** Every recorded message that answers a request, by the recording's request id. */
const byReq = new Map<number, { t: number; fields: readonly string[] }[]>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-replay-'));
  const clock = new ReplayClock(systemClock, Date.UTC(2026, 6, 8, 15, 0), SPEEDUP);
  clock.play();
  session = await recordDemoSession({
    file: path.join(dir, 'session.ibdrec'),
    seconds: 4,
    buyAfter: 1,
    serverVersion: 176,
    clock,
    checkpointMs: 5_000,
  });
  const r = await openRecording(session.file);
  firstTime = r.firstTime;
  lastTime = r.lastTime;
  aapl = [];
  const id = String(session.ids.quotes.AAPL);
  for await (const e of r.entries()) {
    if (e.type !== 'in') continue;
    const f = (e as IncomingRecord).fields;
    if (f[0] === '1' && f[2] === id) aapl.push({ t: e.t, type: Number(f[3]), value: Number(f[4]) });
    const at = reqIdField(Number(f[0]), r.meta.serverVersion);
    if (at === undefined) continue;
    const list = byReq.get(Number(f[at])) ?? [];
    list.push({ t: e.t, fields: f });
    byReq.set(Number(f[at]), list);
  }
  await r.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every tickPrice a client received on one line, with the real time it came. */
/** Runs `test` on a gateway replaying with `replay` and a client of it (id 1); both closed whatever happens. */
async function onReplay(
  replay: DemoGatewayOptions['replay'],
  test: (gw: DemoGateway, c: Client) => Promise<void>,
): Promise<void> {
  const gw = await startGateway({ replay });
  let c: Client | undefined;
  try {
    c = await connect(gw, 1);
    await test(gw, c);
  } finally {
    c?.close();
    await gw.close();
  }
}

function ticksOf(c: Client, reqId: number): (Tick & { at: number })[] {
  return c.events
    .filter((e) => e.name === EventName.tickPrice && e.args[0] === reqId)
    .map((e) => ({ t: 0, type: e.args[1] as number, value: e.args[2] as number, at: e.at }));
}

describe('replay of a recorded demo session', () => {
  it('records quotes, a chart, bars, a scan, contract details and an order', () => {
    expect(aapl.length).toBeGreaterThan(20);
    expect(lastTime - firstTime).toBeGreaterThan(15_000);
  });

  it('plays the recorded prices in the recorded order at the recorded times (1x, from a start time)', async () => {
    // From just before the line's first prices (after the recording's first requests).
    const from = aapl[0]!.t - 1;
    await onReplay({ file: session.file, paused: true, from }, async (gw, c) => {
      expect(gw.replay!.status().time).toBe(from);
      const line = c.nextReqId();
      c.ib.reqMktData(line, stock('AAPL'), '', false, false);
      await until(() => gw.received(1).some((m) => m.msgId === 1), 'the request at the gateway');
      const start = Date.now();
      gw.replay!.play();
      await new Promise((r) => setTimeout(r, 3000));
      gw.replay!.pause();
      const played = gw.replay!.status().time;
      const want = aapl.filter((x) => x.t <= played);
      expect(want.length).toBeGreaterThan(3);
      await c.waitFor(() => ticksOf(c, line).length >= want.length, 'the ticks played');
      const got = ticksOf(c, line);
      expect(got.map((x) => [x.type, x.value])).toEqual(want.map((x) => [x.type, x.value]));
      for (let i = 0; i < got.length; i++)
        expect(Math.abs(got[i]!.at - start - (want[i]!.t - from))).toBeLessThan(250);
    });
  });

  it('plays all of it at 20x, and pauses at its end', async () => {
    await onReplay({ file: session.file, paused: true, speed: 20 }, async (gw, c) => {
      const line = c.nextReqId();
      c.ib.reqMktData(line, stock('AAPL'), '', false, false);
      await until(() => gw.received(1).some((m) => m.msgId === 1), 'the request at the gateway');
      const start = Date.now();
      gw.replay!.play();
      await until(
        () => gw.replay!.status().ended,
        'the end of the recording',
        (lastTime - firstTime) / 20 + 5000,
      );
      await c.waitFor(() => ticksOf(c, line).length >= aapl.length, 'the last ticks');
      const got = ticksOf(c, line);
      expect(got.map((x) => [x.type, x.value])).toEqual(aapl.map((x) => [x.type, x.value]));
      for (let i = 0; i < got.length; i++)
        expect(Math.abs(got[i]!.at - start - (aapl[i]!.t - firstTime) / 20)).toBeLessThan(120);
      const end = gw.replay!.status();
      expect(end.playing).toBe(false);
      expect(end.time).toBe(lastTime);
    });
  });

  it('seeks: the line gets the state at the target time, and reqCurrentTime answers the replay clock', async () => {
    await onReplay({ file: session.file, paused: true }, async (gw, c) => {
      const line = c.nextReqId();
      c.ib.reqMktData(line, stock('AAPL'), '', false, false);
      for (const target of [firstTime + 12_000, firstTime + 3_000]) {
        const before = c.events.length;
        await gw.replay!.seek(target);
        const want = new Map<number, number>();
        for (const x of aapl) if (x.t <= target) want.set(x.type, x.value);
        await c.waitFor(
          () => c.events.slice(before).filter((e) => e.name === EventName.tickPrice).length >= want.size,
          'the state after the seek',
        );
        const got = new Map<number, number>();
        for (const e of c.events.slice(before))
          if (e.name === EventName.tickPrice && e.args[0] === line)
            got.set(e.args[1] as number, e.args[2] as number);
        expect(got).toEqual(want);
        c.ib.reqCurrentTime();
        const [t] = (await c.waitEvent(EventName.currentTime)) as [number];
        expect(t).toBe(Math.floor(target / 1000));
      }
    });
  });

  it('serves history, 5-second bars, the scan and contract details from the recording; the model answers the rest', async () => {
    await onReplay({ file: session.file, paused: true }, async (gw, c) => {
      await gw.replay!.seek(lastTime - 2_000);
      const now = gw.replay!.status().time;
      // History: the recorded 1-minute bars (first answer, then updates up to now) for the same day.
      const chart = byReq.get(session.ids.chart)!.filter((m) => m.t <= now);
      const first = chart.find((m) => m.fields[0] === '17')!.fields;
      const recordedBars = new Map<string, string[]>();
      for (let k = 0; k < Number(first[4]); k++)
        recordedBars.set(first[5 + k * 8]!, first.slice(6 + k * 8, 10 + k * 8) as string[]);
      for (const u of chart.filter((m) => m.fields[0] === '90')) {
        const f = u.fields;
        recordedBars.set(f[3]!, [f[4]!, f[6]!, f[7]!, f[5]!]);
      }
      const h = c.nextReqId();
      c.ib.reqHistoricalData(h, stock('AAPL'), '', '1 D', '1 min' as never, 'TRADES' as never, 0, 1, false);
      await c.waitEvent(EventName.historicalData, (a) => a[0] === h && String(a[1]).startsWith('finished'));
      const bars = c.of(EventName.historicalData, h).filter((a) => !String(a[1]).startsWith('finished'));
      expect(bars.length).toBe(recordedBars.size);
      for (const b of bars)
        expect(recordedBars.get(b[1] as string)?.map(Number)).toEqual([b[2], b[3], b[4], b[5]]);
      // Two days: the recording's day as recorded, the day before from the model.
      const h2 = c.nextReqId();
      c.ib.reqHistoricalData(h2, stock('AAPL'), '', '2 D', '5 mins' as never, 'TRADES' as never, 0, 1, false);
      await c.waitEvent(EventName.historicalData, (a) => a[0] === h2 && String(a[1]).startsWith('finished'));
      expect(c.of(EventName.historicalData, h2).length).toBeGreaterThan(288);

      // The scan as it was last recorded.
      const scans = byReq.get(session.ids.scan)!.filter((m) => m.fields[0] === '20' && m.t <= now);
      const last = scans[scans.length - 1]!.fields;
      const s1 = c.nextReqId();
      c.ib.reqScannerSubscription(
        s1,
        {
          instrument: 'STK',
          locationCode: 'STK.US.MAJOR',
          scanCode: 0 /* TOP_PERC_GAIN */,
          numberOfRows: 10,
        } as never,
        [],
        [],
      );
      await c.waitEvent(EventName.scannerDataEnd, (a) => a[0] === s1);
      const rows = c
        .of(EventName.scannerData, s1)
        .map((a) => (a[2] as { contract: { conId: number } }).contract.conId);
      expect(rows).toEqual(Array.from({ length: Number(last[3]) }, (_, k) => Number(last[5 + k * 16])));

      // Contract details as recorded, under the client's id (CONTRACT_DATA at 176: no version field, so conId is
      // field 12 and longName field 19).
      const d = c.nextReqId();
      c.ib.reqContractDetails(d, stock('AAPL'));
      const [, details] = (await c.waitEvent(EventName.contractDetails, (a) => a[0] === d)) as [
        number,
        { contract: { conId: number }; longName: string },
      ];
      const cd = byReq.get(session.ids.details)!.find((m) => m.fields[0] === '10')!.fields;
      expect(details.contract.conId).toBe(Number(cd[12]));
      expect(details.longName).toBe(cd[19]);

      // 5-second bars of MSFT as they play.
      const rt = c.nextReqId();
      c.ib.reqRealTimeBars(rt, stock('MSFT'), 5, 'TRADES' as never, false);
      gw.replay!.play();
      const recorded = byReq.get(session.ids.bars)!.filter((m) => m.t > now);
      await c.waitFor(
        () => c.of(EventName.realtimeBar, rt).length >= recorded.length,
        'the recorded 5-second bars',
        8000,
      );
      expect(c.of(EventName.realtimeBar, rt).map((a) => [a[1], a[2], a[5]])).toEqual(
        recorded.map((m) => [Number(m.fields[3]), Number(m.fields[4]), Number(m.fields[7])]),
      );

      // Not in the recording: quotes from the model at the replay clock; an unknown symbol is TWS's 200.
      const ibm = c.nextReqId();
      c.ib.reqMktData(ibm, stock('IBM'), '', false, false);
      await c.waitEvent(EventName.tickPrice, (a) => a[0] === ibm);
      const bad = c.nextReqId();
      c.ib.reqMktData(bad, stock('NOSUCH'), '', false, false);
      await c.waitCode(200, bad);
    });
  });

  it('fills an order at the replayed ask, and positions follow', async () => {
    await onReplay({ file: session.file, paused: true }, async (gw, c) => {
      await gw.replay!.seek(firstTime + 8_000);
      const now = gw.replay!.status().time;
      const ask = [...aapl].reverse().find((x) => x.type === 2 && x.t <= now)!.value;
      const nextId = c.of(EventName.nextValidId)[0]![0] as number;
      c.ib.placeOrder(nextId, stock('AAPL'), order({ action: 'BUY', orderType: 'MKT', totalQuantity: 10 }));
      const [, , exec] = (await c.waitEvent(EventName.execDetails)) as [
        number,
        unknown,
        { price: number; shares: number },
      ];
      expect(exec.price).toBe(ask);
      expect(exec.shares).toBe(10);
      const [report] = (await c.waitFor(() => c.of(EventName.commissionReport)[0], 'the commission')) as [
        { commission: number },
      ];
      // IB's average cost holds the commission (accounts/ledger.ts): the replayed ask plus commission per share.
      const avgCost = (ask * 10 + report.commission) / 10;
      expect(gw.positions().find((p) => p.symbol === 'AAPL')).toMatchObject({ position: 10 });
      expect(gw.positions().find((p) => p.symbol === 'AAPL')!.avgCost).toBeCloseTo(avgCost, 9);
      c.ib.reqPositions();
      const [, , pos, cost] = (await c.waitEvent(EventName.position)) as [string, unknown, number, number];
      expect(pos).toBe(10);
      expect(cost).toBeCloseTo(avgCost, 6);
    });
  });

  it('serves several clients at once, each under its own ids and server version (157: sizes in lots)', async () => {
    const gw = await startGateway({ replay: { file: session.file, paused: true, speed: 20 } });
    const a = await connect(gw, 1);
    const b = await connect(gw, 2);
    // An old client at 157 (raw bytes: @stoqey/ib always offers 193).
    const old = await RawClient.started(gw.port, 3, 'v100..157');
    try {
      a.ib.reqMktData(7, stock('AAPL'), '', false, false);
      b.ib.reqMktData(4242, stock('AAPL'), '', false, false);
      old.reqStockMktData(900, 0, 'AAPL');
      // Paused at the recording's start: nothing is due yet, so wait for the three requests to arrive.
      await until(
        () => [1, 2, 3].every((id) => gw.received(id).some((m) => m.msgId === 1)),
        'the three requests at the gateway',
      );
      gw.replay!.play();
      await until(() => gw.replay!.status().ended, 'the end', 5000);
      for (const [c, id] of [
        [a, 7],
        [b, 4242],
      ] as const)
        await c.waitFor(() => ticksOf(c, id).length >= aapl.length, `client ${c.clientId}`);
      await old.until(() => old.of(1).length >= aapl.length, 'the old client');
      expect(ticksOf(a, 7).map((x) => x.value)).toEqual(aapl.map((x) => x.value));
      expect(ticksOf(b, 4242).map((x) => x.value)).toEqual(aapl.map((x) => x.value));
      expect(old.of(1).map((f) => [f[2], Number(f[4])])).toEqual(aapl.map((x) => ['900', x.value]));
      // tickSize of the bid: shares at 176 and 193, round lots at 157.
      const bidSizes = byReq
        .get(session.ids.quotes.AAPL!)!
        .filter((m) => m.fields[0] === '2' && m.fields[3] === '0')
        .map((m) => Number(m.fields[4]));
      expect(
        old
          .of(2)
          .filter((f) => f[3] === '0')
          .map((f) => Number(f[4])),
      ).toEqual(bidSizes.map((x) => Math.round(x / 100)));
      expect(a.decodeErrors()).toEqual([]);
      expect(b.decodeErrors()).toEqual([]);
    } finally {
      a.close();
      b.close();
      old.close();
      await gw.close();
    }
  });

  it('replays the shipped recording (quotes, a chart, bars, a scan, an order), and a file cut inside a block up to its last whole block', async () => {
    const shipped = path.join(__dirname, '../../fixtures/recordings/demo-session.ibdrec');
    expect((await stat(shipped)).size).toBeLessThan(1024 * 1024);
    const r = await openRecording(shipped);
    const kinds = new Set<string>();
    const aaplPrices: number[] = [];
    let aaplId = '';
    let fills = 0;
    for await (const e of r.entries()) {
      if (e.type === 'req') {
        kinds.add(e.kind);
        if (e.kind === 'reqMktData' && e.contract?.symbol === 'AAPL') aaplId = String(e.reqId);
      } else if (e.type === 'in') {
        if (e.fields[0] === '11') fills++;
        if (e.fields[0] === '1' && e.fields[2] === aaplId && e.fields[3] === '4')
          aaplPrices.push(Number(e.fields[4]));
      }
    }
    const { firstTime: first, blocks } = r;
    await r.close();
    for (const k of [
      'reqMktData',
      'reqHistoricalData',
      'reqRealTimeBars',
      'reqScannerSubscription',
      'placeOrder',
    ])
      expect(kinds).toContain(k);
    expect(fills).toBeGreaterThan(0);
    expect(aaplPrices.length).toBeGreaterThan(20);

    await onReplay({ file: shipped, paused: true, speed: 60 }, async (gw, c) => {
      const line = c.nextReqId();
      c.ib.reqMktData(line, stock('AAPL'), '', false, false);
      await until(() => gw.received(1).some((m) => m.msgId === 1), 'the request at the gateway');
      gw.replay!.play();
      const lasts = (): number[] =>
        c
          .of(EventName.tickPrice, line)
          .filter((a) => a[1] === 4)
          .map((a) => a[2] as number);
      await c.waitFor(() => lasts().length >= 20, 'twenty last prices');
      expect(lasts().slice(0, 20)).toEqual(aaplPrices.slice(0, 20));
    });

    // Cut in the middle of its second block: the first block plays, the status says the file is truncated.
    expect(blocks.length).toBeGreaterThan(2);
    const cut = path.join(dir, 'cut.ibdrec');
    const bytes = await readFile(shipped);
    await writeFile(cut, bytes.subarray(0, blocks[1]!.offset + 60));
    const cutGw = await startGateway({ replay: { file: cut, paused: true } });
    try {
      const st = cutGw.replay!.status();
      expect(st).toMatchObject({ truncated: true, firstTime: first, lastTime: blocks[0]!.lastTime });
    } finally {
      await cutGw.close();
    }
  });
});
