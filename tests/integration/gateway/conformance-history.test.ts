// Conformance of historical data at every negotiated version: bar sizes, durations, data types, date formats,
// useRTH, keepUpToDate updates, head timestamp, cancellation, pacing (162) and real-time 5-second bars.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { VERSIONS, conformanceSuite, stock } from './helpers';
import type { Client } from './helpers';

interface Bar {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  count: number;
  wap: number;
}

async function history(
  c: Client,
  contract: Contract,
  end: string,
  duration: string,
  barSize: string,
  what: string,
  useRth: 0 | 1,
  formatDate: 1 | 2,
  keepUpToDate = false,
): Promise<{ id: number; bars: Bar[]; finished: string }> {
  const id = c.nextReqId();
  c.ib.reqHistoricalData(
    id,
    contract,
    end,
    duration,
    barSize as never,
    what as never,
    useRth,
    formatDate,
    keepUpToDate,
  );
  // @stoqey/ib reports the end of the data as a final historicalData whose time starts with "finished".
  const last = await c.waitFor(
    () =>
      c.of(EventName.historicalData, id).find((a) => String(a[1]).startsWith('finished')) ??
      (c.errors(id)[0] ? [id, 'error'] : undefined),
    `history ${id}`,
  );
  if (last[1] === 'error') throw new Error(`history error ${JSON.stringify(c.errors(id))}`);
  const bars = c
    .of(EventName.historicalData, id)
    .filter((a) => !String(a[1]).startsWith('finished'))
    .map((a) => ({
      time: a[1] as string,
      open: a[2] as number,
      high: a[3] as number,
      low: a[4] as number,
      close: a[5] as number,
      volume: a[6] as number,
      count: a[7] as number,
      wap: a[8] as number,
    }));
  return { id, bars, finished: last[1] as string };
}

describe.each(VERSIONS)('server version %i', (version) => {
  const suite = conformanceSuite({ maxServerVersion: version, seed: 3 });

  it('serves every bar size with well-formed bars, and the last bar agrees with the live quote', async () => {
    const c = await suite.connect(1);
    const cases: [string, string][] = [
      ['1800 S', '1 secs'],
      ['3600 S', '5 secs'],
      ['1 D', '15 secs'],
      ['1 D', '30 secs'],
      ['1 D', '1 min'],
      ['2 D', '5 mins'],
      ['5 D', '30 mins'],
      ['2 W', '1 hour'],
      ['1 M', '4 hours'],
      ['6 M', '1 day'],
      ['1 Y', '1 week'],
      ['2 Y', '1 month'],
    ];
    for (const [duration, size] of cases) {
      const { bars, finished } = await history(c, stock('AAPL'), '', duration, size, 'TRADES', 0, 1);
      expect(bars.length, `${duration} of ${size}`).toBeGreaterThan(0);
      expect(finished).toMatch(/^finished-\d{8} /);
      for (const b of bars) {
        expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
        expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
        expect(b.volume).toBeGreaterThanOrEqual(0);
      }
      const daily = size.includes('day') || size.includes('week') || size.includes('month');
      expect(bars[0]?.time).toMatch(daily ? /^\d{8}$/ : /^\d{8} \d{2}:\d{2}:\d{2} US\/Eastern$/);
    }
    const { bars } = await history(c, stock('AAPL'), '', '1 D', '1 day', 'TRADES', 0, 1);
    const q = suite.gw.quote(265598);
    const today = bars[bars.length - 1] as Bar;
    expect(Math.abs(today.close - (q?.last as number))).toBeLessThan(1.5);
    expect(today.high).toBeGreaterThanOrEqual(today.close);
  });

  it('honours formatDate 2 (epoch seconds), useRTH, MIDPOINT/BID/ASK/BID_ASK and an end date', async () => {
    const c = await suite.connect(2);
    const epoch = await history(c, stock('MSFT'), '', '3600 S', '1 min', 'TRADES', 1, 2);
    expect(epoch.bars[0]?.time).toMatch(/^\d{10}$/);
    const mid = await history(c, stock('MSFT'), '', '1800 S', '1 min', 'MIDPOINT', 0, 1);
    expect(mid.bars[0]?.volume).toBe(-1);
    const bid = await history(c, stock('MSFT'), '', '1800 S', '1 min', 'BID', 0, 1);
    const ask = await history(c, stock('MSFT'), '', '1800 S', '1 min', 'ASK', 0, 1);
    expect((ask.bars[0]?.close as number) - (bid.bars[0]?.close as number)).toBeGreaterThan(0);
    const ba = await history(c, stock('MSFT'), '', '1800 S', '1 min', 'BID_ASK', 0, 1);
    expect(ba.bars.length).toBeGreaterThan(0);
    const fx = await history(
      c,
      { symbol: 'EUR', secType: 'CASH' as Contract['secType'], exchange: 'IDEALPRO', currency: 'USD' },
      '',
      '1 D',
      '1 hour',
      'MIDPOINT',
      0,
      1,
    );
    expect(fx.bars.length).toBeGreaterThan(0);
    const end = new Date(Date.now() - 3 * 86_400_000);
    const p = (n: number): string => String(n).padStart(2, '0');
    const endText = `${end.getUTCFullYear()}${p(end.getUTCMonth() + 1)}${p(end.getUTCDate())}-16:00:00`;
    const past = await history(c, stock('MSFT'), endText, '2 D', '1 hour', 'TRADES', 0, 1);
    expect(past.bars.length).toBeGreaterThan(0);
  });

  it('keeps the last bar up to date and stops on cancel with 162 "query cancelled"', async () => {
    const c = await suite.connect(3);
    const { id } = await history(c, stock('NVDA'), '', '600 S', '5 secs', 'TRADES', 0, 1, true);
    const [, date, open, high, low, close] = (await c.waitEvent(
      EventName.historicalDataUpdate,
      (a) => a[0] === id,
    )) as [number, string, number, number, number, number];
    expect(date).toMatch(/^\d{8} \d{2}:\d{2}:\d{2} US\/Eastern$/);
    expect(high).toBeGreaterThanOrEqual(Math.max(open, close));
    expect(low).toBeLessThanOrEqual(Math.min(open, close));
    c.ib.cancelHistoricalData(id);
    expect(await c.waitCode(162, id)).toContain('API historical data query cancelled');
  });

  it('rejects bad requests with the TWS error codes', async () => {
    const c = await suite.connect(4);
    const check = async (
      size: string,
      duration: string,
      what: string,
      end: string,
      keep: boolean,
      code: number,
      text: RegExp,
    ): Promise<void> => {
      const id = c.nextReqId();
      c.ib.reqHistoricalData(id, stock('AAPL'), end, duration, size as never, what as never, 0, 1, keep);
      expect(await c.waitCode(code, id)).toMatch(text);
    };
    await check('7 mins', '1 D', 'TRADES', '', false, 321, /bar size setting is invalid/);
    await check('1 min', 'ten days', 'TRADES', '', false, 321, /duration/);
    await check('1 secs', '1 D', 'TRADES', '', false, 162, /Time length exceed max/);
    await check(
      '1 min',
      '1 D',
      'TRADES',
      '20200101-10:00:00',
      true,
      321,
      /End date not supported with live updates/,
    );
    await check('1 min', '1 D', 'OPTION_IMPLIED_VOLATILITY', '', false, 162, /No historical market data/);
    const id = c.nextReqId();
    c.ib.reqHistoricalData(id, stock('NOPE'), '', '1 D', '1 min' as never, 'TRADES', 0, 1, false);
    await c.waitCode(200, id);
  });

  it('enforces TWS pacing for small bars: an identical request within 15 s gets 162', async () => {
    const c = await suite.connect(5);
    await history(c, stock('TSLA'), '', '300 S', '5 secs', 'TRADES', 0, 1);
    const id = c.nextReqId();
    c.ib.reqHistoricalData(id, stock('TSLA'), '', '300 S', '5 secs' as never, 'TRADES', 0, 1, false);
    expect(await c.waitCode(162, id)).toBe(
      'Historical Market Data Service error message:Historical data request pacing violation',
    );
  });

  it('answers reqHeadTimeStamp', async () => {
    const c = await suite.connect(6);
    const id = c.nextReqId();
    c.ib.reqHeadTimestamp(id, stock('AAPL'), 'TRADES', false, 1);
    const [, stamp] = (await c.waitEvent(EventName.headTimestamp, (a) => a[0] === id)) as [number, string];
    expect(stamp).toMatch(/^\d{8}-\d{2}:\d{2}:\d{2}$/);
  });

  it('streams real-time 5-second bars until cancelled', async () => {
    const c = await suite.connect(7);
    const id = c.nextReqId();
    c.ib.reqRealTimeBars(id, stock('AMZN'), 5, 'TRADES' as never, false);
    const [, time, open, high, low, close, volume] = (await c.waitEvent(
      EventName.realtimeBar,
      (a) => a[0] === id,
      12_000,
    )) as number[];
    expect((time as number) % 5).toBe(0);
    expect(high).toBeGreaterThanOrEqual(Math.max(open as number, close as number));
    expect(low).toBeLessThanOrEqual(Math.min(open as number, close as number));
    expect(volume).toBeGreaterThanOrEqual(0);
    c.ib.cancelRealTimeBars(id);
    expect(suite.gw.subscriptions().realTimeBars).toBeGreaterThanOrEqual(0);
  });
});
