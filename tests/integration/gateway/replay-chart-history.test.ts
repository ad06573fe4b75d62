// A replaying gateway asked for a chart's history the way the app asks (ib/adapter/history-request.ts: the live
// 1-minute series of history.subscribe, 60000 S up to now, TRADES, all hours, epoch-second times, keepUpToDate)
// answers bars ending at the replay clock: the model's before the recording's chart started, the recording's after.
// (A chart that showed "No bars yet" in a replay was the app's doing: services/history.ts, its test beside it.)
import path from 'node:path';
import { EventName } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { openRecording } from '../../../src-main/recorder/format';
import { requestHistory } from '../../../src-main/ib/adapter/history-request';
import type { DemoGateway } from '../../../src-main/demo-gateway';
import { connect, startGateway } from './helpers';

const SHIPPED = path.join(process.cwd(), 'tests', 'fixtures', 'recordings', 'demo-session.ibdrec');
const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

/** When the recording's client asked for its AAPL chart. */
async function recordedChartAt(): Promise<number> {
  const r = await openRecording(SHIPPED);
  try {
    for await (const e of r.entries())
      if (e.type === 'req' && e.kind === 'reqHistoricalData' && e.contract?.symbol === 'AAPL') return e.t;
  } finally {
    await r.close();
  }
  throw new Error('the shipped recording has no AAPL chart');
}

/** The bar times (epoch seconds) the app's live request gets, and the end its answer names. */
async function askAsTheApp(gw: DemoGateway): Promise<{ times: number[]; end: number }> {
  const c = await connect(gw, 1);
  try {
    const id = c.nextReqId();
    requestHistory(
      c.ib,
      id,
      { contract: AAPL, barSize: '1 min', duration: '60000 S', whatToShow: 'TRADES', useRTH: false },
      '',
      true,
    );
    const [, marker] = (await c.waitEvent(
      EventName.historicalData,
      (a) => a[0] === id && String(a[1]).startsWith('finished'),
    )) as [number, string];
    const times = c
      .of(EventName.historicalData, id)
      .filter((a) => !String(a[1]).startsWith('finished'))
      .map((a) => Number(a[1]));
    return { times, end: Number(marker.split('-')[2]) };
  } finally {
    c.close();
  }
}

describe('a replay answers the app’s chart request', () => {
  for (const when of ['at the start (before the recorded chart)', 'after the recorded chart started'])
    it(`with bars up to the replay clock, ${when}`, async () => {
      const gw = await startGateway({ replay: { file: SHIPPED, paused: true } });
      try {
        if (when.startsWith('after')) await gw.replay!.seek((await recordedChartAt()) + 20_000);
        const clock = Math.floor(gw.replay!.status().time / 1000);
        const { times, end } = await askAsTheApp(gw);
        expect(end).toBe(clock);
        expect(times.length).toBeGreaterThan(900);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        // The last bar is the minute the replay clock is in; the first is 60000 s before it.
        expect(times.at(-1)).toBe(clock - (clock % 60));
        expect(times[0]).toBeGreaterThanOrEqual(clock - 60_000 - 60);
      } finally {
        await gw.close();
      }
    });
});
