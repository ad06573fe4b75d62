import { describe, expect, it } from 'vitest';
import type { ContractRef, Instrument } from '../../../src-shared/domain/instrument';
import { aaplChain, optionFixture } from '../../../tests/support/domain-fixtures';
import { silentLogger } from '../../../src-shared/logger';
import { AppError } from '../../../src-shared/result';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { OptionParamsRow } from '../../ib/adapter';
import { createOptions } from './index';

// 2026-01-05 15:00 UTC, a Monday.
const NOW = Date.UTC(2026, 0, 5, 15);
const AAPL = { conId: 265598, symbol: 'aapl' };

const option = optionFixture;

function setup(rows: OptionParamsRow[], details: (ref: Partial<ContractRef>) => Instrument[] | AppError) {
  const clock = createManualClock(NOW);
  const asked: Partial<ContractRef>[] = [];
  let chainCalls = 0;
  const options = createOptions({
    clock,
    log: silentLogger,
    tws: {
      optionParams: async () => {
        chainCalls++;
        return rows;
      },
      contractDetails: async (ref) => {
        asked.push(ref);
        const r = details(ref);
        if (r instanceof AppError) throw r;
        return r;
      },
    },
  });
  return { options, clock, asked, chainCalls: () => chainCalls };
}

const row = (over: Partial<OptionParamsRow>): OptionParamsRow => ({
  exchange: 'SMART',
  tradingClass: 'AAPL',
  multiplier: 100,
  expirations: ['20260116', '20260109', '20260102'],
  strikes: [155, 150, 145, 150],
  ...over,
});

describe('options service', () => {
  it('takes the SMART row of the underlying’s own class, drops passed expiries, sorts and dedupes', async () => {
    const { options } = setup(
      [row({ exchange: 'CBOE', strikes: [1] }), row({ tradingClass: 'AAPL7' }), row({})],
      () => [],
    );
    await expect(options.chain(AAPL)).resolves.toEqual(aaplChain({ strikes: [145, 150, 155] }));
  });

  it('asks TWS for a chain once in ten minutes, and says NOT_FOUND for an underlying without options', async () => {
    const s = setup([row({})], () => []);
    await s.options.chain(AAPL);
    await s.options.chain(AAPL);
    expect(s.chainCalls()).toBe(1);
    s.clock.advance(10 * 60_000);
    await s.options.chain(AAPL);
    expect(s.chainCalls()).toBe(2);
    const none = setup([], () => []);
    await expect(none.options.chain({ conId: 1, symbol: 'XYZ' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pairs the listed calls and puts of one expiry by strike, asking with strike and right open', async () => {
    const listed = [
      option(150, 'P'),
      option(145, 'C'),
      option(150, 'C'),
      option(155, 'C'),
      option(150, 'C', '20260123'),
    ];
    const { options, asked } = setup([row({})], () => listed);
    const e = await options.expiry({ ...AAPL, expiry: '20260116', tradingClass: 'AAPL' });
    expect(asked).toEqual([
      {
        symbol: 'AAPL',
        secType: 'OPT',
        exchange: 'SMART',
        currency: 'USD',
        lastTradeDateOrContractMonth: '20260116',
        tradingClass: 'AAPL',
      },
    ]);
    expect(e.daysToExpiry).toBe(11);
    expect(e.multiplier).toBe(100);
    expect(e.rows.map((r) => [r.strike, r.call?.right ?? null, r.put?.right ?? null])).toEqual([
      [145, 'C', null],
      [150, 'C', 'P'],
      [155, 'C', null],
    ]);
  });

  it('shows an expiry TWS answers 200 for as empty, refuses a passed one, and passes other errors on', async () => {
    const gone = setup([row({})], () => new AppError('NOT_FOUND', 'none', { twsCode: 200 }));
    await expect(gone.options.expiry({ ...AAPL, expiry: '20260116' })).resolves.toMatchObject({ rows: [] });
    await expect(gone.options.expiry({ ...AAPL, expiry: '20260102' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const down = setup([row({})], () => new AppError('NOT_CONNECTED', 'down'));
    await expect(down.options.expiry({ ...AAPL, expiry: '20260116' })).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
    });
  });
});
