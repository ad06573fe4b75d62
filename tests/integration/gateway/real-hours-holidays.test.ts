// With US market hours (--real-hours), stocks and options do not trade on NYSE holidays, as at TWS: the contract
// details' hours say CLOSED that day, and daily history has no bar for it; futures keep their session (CME's
// calendar is its own). Around the clock (the default) every day trades, holidays included.
import { describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import type { Contract, ContractDetails } from '@stoqey/ib';
import { withClient } from './depth-client';
import { stock, type Client } from './helpers';
import { createManualClock } from '../../support/manual-clock';

/** Tuesday 2026-12-01, 11:00 ET: Thanksgiving (Thursday 2026-11-26) is in the daily bars of the last two weeks. */
const AFTER_THANKSGIVING = Date.UTC(2026, 11, 1, 16, 0, 0);
/** Tuesday 2026-11-24, 11:00 ET: Thanksgiving is in the next seven days' hours. */
const BEFORE_THANKSGIVING = Date.UTC(2026, 10, 24, 16, 0, 0);

async function details(c: Client, contract: Contract): Promise<ContractDetails> {
  const id = c.nextReqId();
  c.ib.reqContractDetails(id, contract);
  await c.waitEvent(EventName.contractDetailsEnd, (a) => a[0] === id);
  return c.of(EventName.contractDetails, id).map((a) => a[1] as ContractDetails)[0]!;
}

/** The hours string's entry for one date ("YYYYMMDD:…"). */
const hoursOn = (hours: string | undefined, ymd: string): string | undefined =>
  hours?.split(';').find((h) => h.startsWith(`${ymd}:`));

async function dailyBarDates(c: Client, contract: Contract): Promise<string[]> {
  const id = c.nextReqId();
  c.ib.reqHistoricalData(id, contract, '', '2 W', '1 day' as never, 'TRADES' as never, 1, 1, false);
  await c.waitFor(
    () =>
      c.of(EventName.historicalData, id).find((a) => String(a[1]).startsWith('finished')) ??
      (c.errors(id)[0] ? [id, 'error'] : undefined),
    `history ${id}`,
  );
  expect(c.errors(id)).toEqual([]);
  return c
    .of(EventName.historicalData, id)
    .map((a) => String(a[1]))
    .filter((t) => !t.startsWith('finished'));
}

const ES: Contract = {
  symbol: 'ES',
  secType: 'FUT' as Contract['secType'],
  exchange: 'CME',
  currency: 'USD',
};

describe('NYSE holidays', () => {
  it('with real hours, stocks are CLOSED on Thanksgiving in the contract details, futures are not', async () => {
    await withClient(
      { seed: 3, clock: createManualClock(BEFORE_THANKSGIVING), realHours: true },
      async (_gw, c) => {
        const aapl = await details(c, stock('AAPL'));
        expect(hoursOn(aapl.tradingHours, '20261125')).toBe('20261125:0400-20261125:2000');
        expect(hoursOn(aapl.tradingHours, '20261126')).toBe('20261126:CLOSED');
        expect(hoursOn(aapl.liquidHours, '20261126')).toBe('20261126:CLOSED');
        expect(hoursOn(aapl.tradingHours, '20261127')).toBe('20261127:0400-20261127:2000');
        const es = await details(c, ES);
        // The trade date of Thanksgiving: from 18:00 the evening before to 17:00.
        expect(es.tradingHours?.split(';')).toContain('20261125:1800-20261126:1700');
      },
    );
  });

  it('with real hours, daily history has no Thanksgiving bar; around the clock it has one', async () => {
    for (const realHours of [true, false])
      await withClient(
        { seed: 3, clock: createManualClock(AFTER_THANKSGIVING), realHours },
        async (_gw, c) => {
          const dates = await dailyBarDates(c, stock('AAPL'));
          expect(dates).toContain('20261125');
          expect(dates).toContain('20261127');
          expect(dates.includes('20261126')).toBe(!realHours);
        },
      );
  });
});
