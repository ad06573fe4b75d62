import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { GatewayContext } from '../context';
import type { Session } from '../connections/session';
import { buildUniverse } from '../model/universe';
import { Market } from '../model/market';
import { createOptionMarket } from '../options/option-market';
import { OptionInstruments } from '../options/option-instruments';
import { emptyContractRequest } from '../orders/order-types';
import type { ContractRequest } from '../orders/order-types';
import { splitBody } from '../wire/fields';
import {
  handleCalculation,
  handleOptionDetails,
  handleSecDefOptParams,
  namesOption,
  resolveOption,
} from './options';

const T = Date.UTC(2026, 10, 24, 16, 7, 13); // Tuesday 24 Nov 2026, 11:07:13 ET
const universe = buildUniverse(T);
const market = new Market(universe, 1, false);
const optionInstruments = new OptionInstruments(createOptionMarket({ market, seed: 1 }), market);
market.attachDerivatives(optionInstruments);
const ctx = { clock: createManualClock(T), universe, market, optionInstruments } as unknown as GatewayContext;
const chains = optionInstruments.model.chains;
const AAPL = 265598;

/** A session that records what it was sent. */
function session(version = 193): {
  s: Session;
  frames: string[][];
  errors: [number, number, string][];
} {
  const frames: string[][] = [];
  const errors: [number, number, string][] = [];
  const s = {
    version,
    send: (body: string) => frames.push(splitBody(body)),
    error: (id: number, code: number, text: string) => errors.push([id, code, text]),
  } as unknown as Session;
  return { s, frames, errors };
}

const opt = (over: Partial<ContractRequest>): ContractRequest => ({
  ...emptyContractRequest(),
  symbol: 'AAPL',
  secType: 'OPT',
  exchange: 'SMART',
  currency: 'USD',
  ...over,
});

/** An expiry/strike pair of the union of strikes that the expiry does not list. */
function missingPair(): { expiry: string; strike: number } {
  const chain = chains.chain(universe.byConId(AAPL)!, T);
  const union = chain.strikeUnion(T);
  for (const e of chain.live(T)) {
    const listed = new Set([...e.strikes].map((k) => chain.dollars(k)));
    const k = union.find((x) => !listed.has(x));
    if (k !== undefined) return { expiry: e.expiration.ymd, strike: k };
  }
  throw new Error('every expiry lists every strike');
}

describe('option requests', () => {
  it('tell an option contract from the rest', () => {
    const c = chains.find('AAPL', { expiry: '20261218' }, T)[0]!;
    expect(namesOption(opt({}))).toBe(true);
    expect(namesOption({ ...emptyContractRequest(), conId: c.conId })).toBe(true);
    expect(namesOption({ ...emptyContractRequest(), conId: AAPL })).toBe(false);
    expect(namesOption({ ...emptyContractRequest(), localSymbol: c.localSymbol })).toBe(true);
    expect(namesOption({ ...emptyContractRequest(), symbol: 'AAPL', secType: 'STK' })).toBe(false);
    expect(namesOption({ ...emptyContractRequest(), secType: 'STK', conId: c.conId })).toBe(false);
  });

  it('resolve one option by its parts, conId or OCC symbol; 321 when underspecified, 200 when not listed', () => {
    const c = chains.find('AAPL', { expiry: '20261218', right: 'C' }, T)[12]!;
    const byParts = resolveOption(
      ctx,
      opt({ lastTradeDateOrContractMonth: '20261218', right: 'C', strike: c.strike }),
    );
    expect(byParts).toEqual({ ok: true, inst: optionInstruments.instrument(c) });
    expect(resolveOption(ctx, { ...emptyContractRequest(), conId: c.conId })).toEqual(byParts);
    expect(resolveOption(ctx, opt({ symbol: '', localSymbol: c.localSymbol }))).toEqual(byParts);
    expect(resolveOption(ctx, opt({ localSymbol: c.localSymbol.replace(/ /g, '') }))).toEqual(byParts);
    expect(
      resolveOption(ctx, opt({ lastTradeDateOrContractMonth: '20261218', strike: c.strike })),
    ).toMatchObject({
      ok: false,
      code: 321,
      text: expect.stringContaining('please fill the following fields (right, strike, expiry)'),
    });
    const gap = missingPair();
    expect(
      resolveOption(ctx, opt({ lastTradeDateOrContractMonth: gap.expiry, right: 'P', strike: gap.strike })),
    ).toEqual({
      ok: false,
      code: 200,
      text: 'No security definition has been found for the request',
    });
    expect(resolveOption(ctx, opt({ localSymbol: 'AAPL  261218X00150000' }))).toMatchObject({
      ok: false,
      code: 200,
    });
    expect(resolveOption(ctx, opt({ symbol: 'MSFT', localSymbol: c.localSymbol }))).toMatchObject({
      code: 200,
    });
    expect(resolveOption(ctx, { ...emptyContractRequest(), symbol: 'AAPL', secType: 'STK' })).toBeUndefined();
  });

  it('list contract details with the parts left open, in the layout of the version; 200 for nothing', () => {
    const { s, frames, errors } = session(176);
    expect(
      handleOptionDetails(ctx, s, 7, opt({ lastTradeDateOrContractMonth: '20261218', right: 'P' })),
    ).toBe(true);
    const listed = chains.find('AAPL', { expiry: '20261218', right: 'P' }, T);
    expect(frames).toHaveLength(listed.length + 1);
    expect(frames.at(-1)).toEqual(['52', '1', '7']);
    // 176: reqId, symbol, secType, expiry, strike, right, exchange, currency, localSymbol …
    expect(frames[0]?.slice(0, 10)).toEqual([
      '10',
      '7',
      'AAPL',
      'OPT',
      '20261218',
      String(listed[0]!.strike),
      'P',
      'SMART',
      'USD',
      listed[0]!.localSymbol,
    ]);
    expect(errors).toEqual([]);

    const cboe = session(176);
    handleOptionDetails(ctx, cboe.s, 8, opt({ exchange: 'CBOE', conId: listed[3]!.conId }));
    expect(cboe.frames.map((f) => f[7])).toEqual(['CBOE', undefined]);

    const gap = missingPair();
    const none = session(157);
    handleOptionDetails(
      ctx,
      none.s,
      9,
      opt({ lastTradeDateOrContractMonth: gap.expiry, strike: gap.strike }),
    );
    expect(none.frames).toEqual([]);
    expect(none.errors).toEqual([[9, 200, 'No security definition has been found for the request']]);
    expect(
      handleOptionDetails(ctx, none.s, 10, { ...emptyContractRequest(), symbol: 'AAPL', secType: 'STK' }),
    ).toBe(false);
  });

  it('answer reqSecDefOptParams with a row per exchange (or the one asked for), then the end', () => {
    const base = {
      kind: 'reqSecDefOptParams' as const,
      reqId: 3,
      underlyingSymbol: 'AAPL',
      futFopExchange: '',
      underlyingSecType: 'STK',
      underlyingConId: AAPL,
    };
    const all = session();
    handleSecDefOptParams(ctx, all.s, base);
    expect(all.frames).toHaveLength(21);
    expect(all.frames.map((f) => f[2]).slice(0, 4)).toEqual(['SMART', 'AMEX', 'CBOE', 'PHLX']);
    expect(all.frames.at(-1)).toEqual(['76', '3']);
    const one = session();
    handleSecDefOptParams(ctx, one.s, { ...base, futFopExchange: 'cboe' });
    expect(one.frames.map((f) => f.slice(0, 3))).toEqual([
      ['75', '3', 'CBOE'],
      ['76', '3'],
    ]);
    for (const wrong of [
      { underlyingConId: 1 },
      { underlyingSymbol: 'MSFT' },
      { underlyingSecType: 'IND' },
      { underlyingConId: universe.instruments.find((i) => i.secType === 'FUT')!.conId, underlyingSymbol: '' },
    ]) {
      const x = session();
      handleSecDefOptParams(ctx, x.s, { ...base, ...wrong });
      expect(x.frames).toEqual([['76', '3']]);
    }
    const bySymbol = session();
    handleSecDefOptParams(ctx, bySymbol.s, { ...base, underlyingConId: 0 });
    expect(bySymbol.frames).toHaveLength(21);
  });

  it('answer the calculations with one tick 53, and bad input with an error', () => {
    const c = chains.find('AAPL', { expiry: '20261218', right: 'C' }, T)[12]!;
    const { s, frames, errors } = session();
    const contract = { ...emptyContractRequest(), conId: c.conId };
    handleCalculation(ctx, s, {
      kind: 'calculateOptionPrice',
      reqId: 4,
      contract,
      value: 0.3,
      underPrice: 230,
    });
    const price = optionInstruments.model.calculateOptionPrice(c, 0.3, 230, T);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.slice(0, 5)).toEqual(['21', '4', '53', '0', '0.3']);
    expect(Number(frames[0]?.[6])).toBeCloseTo(price.optPrice, 6);
    handleCalculation(ctx, s, {
      kind: 'calculateImpliedVolatility',
      reqId: 5,
      contract,
      value: price.optPrice,
      underPrice: 230,
    });
    expect(Number(frames[1]?.[4])).toBeCloseTo(0.3, 6);
    handleCalculation(ctx, s, {
      kind: 'calculateOptionPrice',
      reqId: 6,
      contract,
      value: 0,
      underPrice: 230,
    });
    handleCalculation(ctx, s, {
      kind: 'calculateOptionPrice',
      reqId: 7,
      contract: { ...emptyContractRequest(), conId: AAPL },
      value: 0.3,
      underPrice: 230,
    });
    expect(errors.map(([id, code]) => [id, code])).toEqual([
      [6, 321],
      [7, 200],
    ]);
    expect(frames).toHaveLength(2);
  });
});
