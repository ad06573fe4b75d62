import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import type { Instrument } from '../model/instrument';
import { OFF_EXCHANGE, depthExchanges, printExchange, resolveDepthRequest, venuesOf } from './venues';

const universe = buildUniverse(Date.UTC(2026, 10, 24, 16));
const bySymbol = (s: string): Instrument => universe.bySymbol(s)[0] as Instrument;
const aapl = bySymbol('AAPL'); // NASDAQ
const ko = bySymbol('KO'); // NYSE
const es = universe.instruments.find((i) => i.secType === 'FUT' && i.symbol === 'ES') as Instrument;
const eur = universe.instruments.find((i) => i.localSymbol === 'EUR.USD') as Instrument;

describe('venues', () => {
  it('lists a stock’s listing venue first, NYSE only for its own listings, one exchange for futures and FX', () => {
    expect(venuesOf(aapl).venues[0]?.exchange).toBe('ISLAND');
    expect(venuesOf(aapl).venues[0]?.marketMaker).toBe('NSDQ');
    expect(venuesOf(aapl).venues.some((v) => v.exchange === 'NYSE')).toBe(false);
    expect(venuesOf(ko).venues[0]?.exchange).toBe('NYSE');
    for (const inst of universe.instruments.filter((i) => i.secType === 'STK')) {
      const n = venuesOf(inst).venues.length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(10);
    }
    expect(venuesOf(es).venues.map((v) => v.marketMaker)).toEqual(['CME']);
    expect(venuesOf(eur).venues.map((v) => v.exchange)).toEqual(['IDEALPRO']);
  });

  it('spreads stock prints over the venues and FINRA, futures prints on their exchange', () => {
    const v = venuesOf(aapl);
    const seen = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const ex = printExchange(v, (i + 0.5) / 1000);
      seen.set(ex, (seen.get(ex) ?? 0) + 1);
    }
    expect(seen.get(OFF_EXCHANGE)).toBeGreaterThan(250);
    expect(seen.get('NASDAQ')).toBeGreaterThan(100);
    expect(printExchange(venuesOf(es), 0.99)).toBe('CME');
  });

  it('resolves reqMktDepth: SMART needs isSmartDepth (10092 otherwise), a named venue streams its own levels', () => {
    expect(resolveDepthRequest(aapl, 'SMART', true)).toEqual({ kind: 'smart' });
    expect(resolveDepthRequest(aapl, 'SMART', false)).toMatchObject({ kind: 'refused', code: 10092 });
    expect(resolveDepthRequest(aapl, 'ISLAND', false)).toMatchObject({
      kind: 'exchange',
      venue: { exchange: 'ISLAND' },
    });
    expect(resolveDepthRequest(aapl, 'nasdaq', false)).toMatchObject({
      kind: 'exchange',
      venue: { exchange: 'ISLAND' },
    });
    expect(resolveDepthRequest(aapl, 'NYSE', false)).toMatchObject({ kind: 'refused', code: 10092 });
    expect(resolveDepthRequest(es, 'CME', false)).toMatchObject({
      kind: 'exchange',
      venue: { exchange: 'CME' },
    });
    expect(resolveDepthRequest(eur, 'IDEALPRO', true)).toMatchObject({ kind: 'exchange' });
  });

  it('answers reqMktDepthExchanges with every stock venue and each futures/FX exchange once', () => {
    const rows = depthExchanges(universe.instruments);
    const keys = rows.map((r) => `${r.exchange}/${r.secType}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows).toContainEqual({
      exchange: 'ISLAND',
      secType: 'STK',
      listingExch: 'NASDAQ',
      serviceDataType: 'Deep',
      aggGroup: 1,
    });
    expect(rows).toContainEqual({
      exchange: 'CME',
      secType: 'FUT',
      listingExch: '',
      serviceDataType: 'Deep',
      aggGroup: 2147483647,
    });
    expect(keys).toContain('IDEALPRO/CASH');
  });
});
