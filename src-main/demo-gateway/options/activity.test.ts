import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { PathModel } from '../model/price-path';
import { etDay } from '../wire/tws-time';
import { buildActivityDay, optionActivityOf, optionVolumeRatio } from './activity';
import type { ActivityDay } from './activity';
import { OptionChains } from './chain';

const T = Date.UTC(2026, 10, 24, 16, 7);
const universe = buildUniverse(T);
const paths = new PathModel(1);
const chains = new OptionChains(universe, paths);
const aapl = universe.bySymbol('AAPL')[0]!;
const day = etDay(T);

describe('option activity', () => {
  it('sums per-option volume and open interest into the day totals, deterministically', () => {
    const chain = chains.chainForDay(aapl, day);
    const act = buildActivityDay(1, chain, paths.dayStart(aapl, day));
    expect(buildActivityDay(1, chain, paths.dayStart(aapl, day))).toEqual(act);
    let calls = 0;
    let putOi = 0;
    chain.forEach(T, ({ expiration }, k, right) => {
      const one = optionActivityOf(1, act, expiration, chain.dollars(k), k, right, aapl);
      if (right === 'C') calls += one.dayVolume;
      else putOi += one.openInterest;
    });
    expect(act.callVolume).toBe(calls);
    expect(act.putOpenInterest).toBe(putOi);
    // About the underlying's share of stock volume in contracts (±3 standard deviations of the day noise).
    const expected = aapl.avgVolume * optionVolumeRatio(aapl);
    expect(act.callVolume + act.putVolume).toBeGreaterThan(expected * 0.35);
    expect(act.callVolume + act.putVolume).toBeLessThan(expected * 2.5);
    expect(buildActivityDay(2, chain, paths.dayStart(aapl, day)).callVolume).not.toBe(act.callVolume);
  });

  it('builds open interest up over the ten days after listing', () => {
    const chain = chains.chainForDay(aapl, day);
    const e = chain.live(T).at(-1)!.expiration;
    const k = chain.live(T).at(-1)!.strikes[10]!;
    const at = (d: number): ActivityDay => ({
      ...buildActivityDay(1, chain, paths.dayStart(aapl, day)),
      day: d,
    });
    const oi = (d: number) => optionActivityOf(1, at(d), e, chain.dollars(k), k, 'C', aapl).openInterest;
    const first = oi(e.listDay);
    const tenth = oi(e.listDay + 9);
    expect(tenth).toBeGreaterThan(0);
    expect(first).toBeLessThan(tenth * 0.2);
  });
});
