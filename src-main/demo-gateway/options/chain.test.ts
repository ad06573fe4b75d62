import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { PathModel } from '../model/price-path';
import type { Instrument } from '../model/instrument';
import { etDay, etTime } from '../wire/tws-time';
import { OptionChains } from './chain';
import { OPTION_CONID_BASE, optionConId } from './con-id';
import { OPTION_EXCHANGES } from './contract';
import { OptionModelError } from './errors';

const T = Date.UTC(2026, 10, 24, 16, 7); // Tuesday 24 Nov 2026, 11:07 ET
const universe = buildUniverse(T);
const sym = (s: string): Instrument => universe.bySymbol(s).find((i) => i.secType === 'STK')!;
const chainsFor = (seed: number): OptionChains => new OptionChains(universe, new PathModel(seed));
const chains = chainsFor(1);
const aapl = sym('AAPL');

describe('option chains', () => {
  it('lists every stock and ETF of the universe and nothing else', () => {
    const under = chains.underlyings();
    expect(under.length).toBe(universe.stocks.length);
    expect(under.length).toBeGreaterThanOrEqual(500);
    const es = universe.instruments.find((i) => i.secType === 'FUT')!;
    expect(() => chains.chain(es, T)).toThrow(OptionModelError);
    expect(chains.secDefOptParams(es.conId, T)).toEqual([]);
  });

  it('lists strikes around the spot at listing, further out for longer series', () => {
    const c = chains.chain(aapl, T);
    expect(c.live(T).length).toBeGreaterThanOrEqual(15);
    for (const e of c.live(T)) {
      const lo = c.dollars(e.strikes[0]!);
      const hi = c.dollars(e.strikes[e.strikes.length - 1]!);
      expect(lo).toBeLessThan(e.listingSpot * 0.95);
      expect(hi).toBeGreaterThan(e.listingSpot * 1.05);
    }
    const weekly = c.live(T).find((e) => e.expiration.weekly)!;
    const last = c.live(T).at(-1)!;
    const width = (s: Int32Array): number => c.dollars(s[s.length - 1]!) - c.dollars(s[0]!);
    expect(width(last.strikes) / last.listingSpot).toBeGreaterThan(
      width(weekly.strikes) / weekly.listingSpot,
    );
  });

  it('has a strike below and above the current spot in every expiry of every underlying', () => {
    const paths = new PathModel(1);
    for (const inst of chains.underlyings()) {
      const spot = paths.dayClose(inst, etDay(T) - 1);
      const c = chains.chain(inst, T);
      for (const e of c.live(T)) {
        expect(c.dollars(e.strikes[0]!), `${inst.symbol} ${e.expiration.ymd}`).toBeLessThan(spot);
        expect(c.dollars(e.strikes[e.strikes.length - 1]!)).toBeGreaterThan(spot);
        expect(e.strikes.length).toBeGreaterThanOrEqual(10);
        expect(e.strikes.length).toBeLessThanOrEqual(300);
      }
    }
  });

  it('reports the union of strikes, so some expiry/strike pairs do not exist and are not found', () => {
    const rows = chains.secDefOptParams(aapl.conId, T);
    expect(rows.map((r) => r.exchange)).toEqual(OPTION_EXCHANGES);
    const row = rows[0]!;
    expect(row).toMatchObject({ underlyingConId: 265598, tradingClass: 'AAPL', multiplier: '100' });
    expect(row.expirations).toEqual([...row.expirations].sort());
    expect(row.strikes).toEqual([...row.strikes].sort((a, b) => a - b));
    const c = chains.chain(aapl, T);
    expect(row.expirations).toEqual(c.live(T).map((e) => e.expiration.ymd));
    let missing = 0;
    for (const ymd of row.expirations) {
      for (const k of row.strikes) {
        const found = c.get(ymd, 'C', k, T);
        const listed = c.select({ expiry: ymd, strike: k, right: 'C' }, T);
        expect(listed.length).toBe(found ? 1 : 0);
        if (!found) missing++;
      }
    }
    expect(missing).toBeGreaterThan(row.strikes.length);
  });

  it('builds contracts with every contract-details field (OCC localSymbol, class, multiplier, ticks)', () => {
    const c = chains.chain(aapl, T);
    const e = c.live(T).find((x) => x.expiration.ymd === '20261218')!;
    const k = e.strikes[Math.floor(e.strikes.length / 2)]!;
    const call = c.contract(e, 'C', k);
    const strike = c.dollars(k);
    expect(call).toMatchObject({
      symbol: 'AAPL',
      secType: 'OPT',
      lastTradeDateOrContractMonth: '20261218',
      lastTradeDate: '20261218',
      realExpirationDate: '20261218',
      contractMonth: '202612',
      strike,
      right: 'C',
      multiplier: '100',
      exchange: 'SMART',
      currency: 'USD',
      tradingClass: 'AAPL',
      marketName: 'AAPL',
      minTick: 0.01,
      underConId: 265598,
      underSymbol: 'AAPL',
      underSecType: 'STK',
      primaryExchange: '',
      timeZoneId: 'US/Eastern',
    });
    expect(call.localSymbol).toBe(`AAPL  261218C${String(strike * 1000).padStart(8, '0')}`);
    expect(call.marketRuleIds.split(',').length).toBe(call.validExchanges.split(',').length);
    const brk = chains.chain(sym('BRK B'), T);
    const b = brk.contract(brk.live(T)[0]!, 'P', brk.live(T)[0]!.strikes[0]!);
    expect(b.tradingClass).toBe('BRKB');
    expect(b.localSymbol.startsWith('BRKB  ')).toBe(true);
    expect(b.symbol).toBe('BRK B');
    expect(chains.byLocalSymbol(b.localSymbol, T)).toBe(b);
    const spy = chains.chain(sym('SPY'), T);
    expect(spy.contract(spy.live(T)[0]!, 'C', spy.live(T)[0]!.strikes[0]!).tickClass).toBe('penny-all');
    const zbra = chains.chain(sym('ZBRA'), T);
    expect(zbra.contract(zbra.live(T)[0]!, 'C', zbra.live(T)[0]!.strikes[0]!).minTick).toBe(0.05);
  });

  it('gives every option of every underlying a distinct conId, apart from the universe, within 32 bits', () => {
    const universeIds = new Set(universe.instruments.map((i) => i.conId));
    const seen = new Set<number>();
    let n = 0;
    let clashes = 0;
    for (const inst of chains.underlyings()) {
      const c = chains.chain(inst, T);
      for (const e of c.live(T)) {
        for (const k of e.strikes) {
          for (const right of ['C', 'P'] as const) {
            const id = optionConId(inst.index, e.expiration.day, right, k);
            if (seen.has(id) || universeIds.has(id)) clashes++;
            seen.add(id);
            n++;
          }
        }
      }
      // The contracts carry the same ids.
      const first = c.live(T)[0]!;
      expect(c.contract(first, 'P', first.strikes[0]!).conId).toBe(
        optionConId(inst.index, first.expiration.day, 'P', first.strikes[0]!),
      );
    }
    expect(clashes).toBe(0);
    expect(seen.size).toBe(n);
    expect(n).toBeGreaterThan(500_000);
    expect(Math.min(...universeIds)).toBeGreaterThan(0);
    expect(Math.max(...universeIds)).toBeLessThan(OPTION_CONID_BASE);
    let max = 0;
    for (const id of seen) if (id > max) max = id;
    expect(max).toBeLessThan(2 ** 31);
  });

  it('keeps conIds stable across runs and across the days of a contract, and per seed', () => {
    const ids = (cs: OptionChains, t: number): Map<string, number> => {
      const out = new Map<string, number>();
      for (const c of cs.chain(aapl, t).select({}, t)) out.set(c.localSymbol, c.conId);
      return out;
    };
    const a = ids(chains, T);
    const b = ids(chainsFor(1), T);
    expect(b).toEqual(a);
    const week = ids(chainsFor(1), T + 7 * 86_400_000);
    let shared = 0;
    for (const [occ, id] of week) {
      if (a.has(occ)) {
        expect(id).toBe(a.get(occ));
        shared++;
      }
    }
    expect(shared).toBeGreaterThan(1000);
    // Another seed lists strikes around another price path; a contract both list has the same conId.
    const other = ids(chainsFor(2), T);
    expect(other).not.toEqual(a);
    for (const [occ, id] of other) if (a.has(occ)) expect(id).toBe(a.get(occ));
  });

  it('finds contracts with any part left open, by conId and by OCC symbol', () => {
    const c = chains.chain(aapl, T);
    const all = c.select({}, T);
    expect(all.length).toBe(c.size(T));
    expect(new Set(all.map((x) => x.conId)).size).toBe(all.length);
    for (const x of all) {
      expect(chains.byConId(x.conId, T)).toBe(x);
      expect(chains.byLocalSymbol(x.localSymbol, T)).toBe(x);
    }
    const dec = chains.find('AAPL', { expiry: '20261218' }, T);
    expect(dec.length).toBe(2 * c.expiry('20261218', T)!.strikes.length);
    const month = chains.find('AAPL', { expiry: '202612' }, T);
    expect(new Set(month.map((x) => x.lastTradeDateOrContractMonth)).size).toBeGreaterThan(2);
    const puts = chains.find('aapl', { right: 'PUT' }, T);
    expect(puts.length).toBe(all.length / 2);
    expect(puts.every((x) => x.right === 'P')).toBe(true);
    const strike = dec[0]!.strike;
    const byStrike = chains.find('AAPL', { strike, right: 'C' }, T);
    expect(byStrike.every((x) => x.strike === strike && x.right === 'C')).toBe(true);
    expect(byStrike.length).toBeGreaterThan(1);
    expect(chains.find('AAPL', { strike: 0, expiry: '', right: '' }, T).length).toBe(all.length);
    expect(chains.find('AAPL', { strike: 1.7976931348623157e308, right: '?' }, T).length).toBe(all.length);
    expect(chains.find('AAPL', { localSymbol: dec[0]!.localSymbol }, T)).toEqual([dec[0]]);
    expect(chains.find('AAPL', { localSymbol: dec[0]!.localSymbol.replace(/ /g, '') }, T)).toEqual([dec[0]]);
    expect(chains.find('AAPL', { conId: dec[1]!.conId }, T)).toEqual([dec[1]]);
    expect(chains.find('AAPL', { tradingClass: 'AAPL', multiplier: '100', exchange: 'CBOE' }, T).length).toBe(
      all.length,
    );
    expect(chains.find('AAPL', { multiplier: '10' }, T)).toEqual([]);
    expect(chains.find('AAPL', { currency: 'EUR' }, T)).toEqual([]);
    expect(chains.find('AAPL', { expiry: '20261219' }, T)).toEqual([]); // a Saturday: no such expiry
    expect(chains.find('NOPE', {}, T)).toEqual([]);
    expect(() => chains.find('AAPL', { expiry: '2026-12-18' }, T)).toThrow(/YYYYMMDD/);
    expect(() => chains.find('AAPL', { right: 'X' }, T)).toThrow(OptionModelError);
    expect(() => chains.byLocalSymbol('AAPL 2612', T)).toThrow(OptionModelError);
    expect(chains.byConId(aapl.conId, T)).toBeUndefined();
    expect(chains.byConId(OPTION_CONID_BASE + 1, T)).toBeUndefined();
  });

  it('drops an expiry that passes during the session and lists new ones after midnight', () => {
    const friday = etDay(Date.UTC(2026, 10, 27, 17));
    const before = etTime(friday, 15 * 60 + 59);
    const after = etTime(friday, 16 * 60);
    const c = chains.chain(aapl, before);
    const expiring = c.select({ expiry: '20261127' }, before);
    expect(expiring.length).toBeGreaterThan(0);
    const probe = expiring[0]!;
    expect(chains.byConId(probe.conId, after)).toBeUndefined();
    expect(chains.byLocalSymbol(probe.localSymbol, after)).toBeUndefined();
    expect(chains.find('AAPL', { expiry: '20261127' }, after)).toEqual([]);
    expect(chains.secDefOptParams(aapl.conId, after)[0]!.expirations).not.toContain('20261127');
    expect(chains.secDefOptParams(aapl.conId, before)[0]!.expirations).toContain('20261127');
    const next = etTime(friday + 1, 1);
    expect(chains.secDefOptParams(aapl.conId, next)[0]!.expirations).toContain('20270129');
    expect(chains.secDefOptParams(aapl.conId, after)[0]!.expirations).not.toContain('20270129');
    // A contract listed on both days keeps its identity.
    const dec = chains.find('AAPL', { expiry: '20261218', right: 'C' }, before)[3]!;
    expect(chains.byConId(dec.conId, next)?.localSymbol).toBe(dec.localSymbol);
  });
});
