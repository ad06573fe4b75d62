// Order tickets that must never reach TWS, through the contract boundary (the dispatcher both hosts use) against
// the demo gateway over TCP: negative, zero, NaN, infinite and huge quantities and prices, off-tick prices, unknown
// symbols, wrong sides, types and TIFs, missing or inverted bracket prices, stops on the wrong side of the market.
// Each gets a typed error; the gateway, asked at the end, received no placeOrder. Then the guards of the profile:
// read-only sends no order and no cancel at all; a live account needs the typed confirmation first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import { createDispatcher, type Dispatcher } from '../../src-main/api/dispatcher';
import { tradingRequests } from '../../src-main/api/request-table';
import { createOrderJournal } from '../../src-main/services/orders/journal';
import { DEFAULT_LIMITS } from '../../src-shared/domain/settings';
import { AAPL, tradingScene, type TradingHarness } from '../support/trading-harness';
import { waitFor } from '../support/wait';

const scene = tradingScene();
afterEach(() => scene.clear());

const ctx = { clientId: 'w1' };
const PLACE_ORDER = 3;
const CANCEL_ORDER = 4;
const GLOBAL_CANCEL = 58;

async function setup(profile: { readOnly?: boolean; demo?: boolean; accounts?: string[] } = {}): Promise<{
  h: TradingHarness;
  d: Dispatcher;
  last: number;
  journalFile: string;
}> {
  const gw = await scene.startGateway(profile.accounts ? { accounts: profile.accounts } : {});
  const dir = await scene.tempDir('ibdesk-tickets-');
  const h = await scene.startTrading();
  const journal = createOrderJournal({ dir: path.join(dir, 'journal'), name: 'tickets' });
  await h.trading.orders.open(journal, {
    id: 'tickets',
    readOnly: profile.readOnly ?? false,
    limits: DEFAULT_LIMITS,
    demo: profile.demo ?? true,
  });
  await h.connect(gw);
  await h.trading.orders.settled();
  const d = createDispatcher({ log: silentLogger, validateResults: true });
  d.register(tradingRequests(h.trading));
  // A live quote, so the price band and the stop side are checked against a known last price.
  h.trading.marketData.subscribe({ key: 'w1', clientId: 'w1' }, [AAPL]);
  const q = await waitFor(
    () => h.quotes.find((x) => x.quote.conId === AAPL.conId && x.quote.last !== null)?.quote,
    'an AAPL quote',
  );
  return { h, d, last: q.last!, journalFile: journal.file };
}

const sent = (clientId: number, msgId: number) =>
  scene.gw.received(clientId).filter((m) => m.msgId === msgId).length;
const tick = (p: number) => Math.round(p * 100) / 100;
/** A valid ticket: BUY 1 AAPL LMT 1 % under the last price. */
const oneShareBelow = (last: number) => ({
  contract: { symbol: 'AAPL' },
  action: 'BUY',
  quantity: 1,
  orderType: 'LMT',
  limitPrice: tick(last * 0.99),
});

describe('order tickets that must not reach TWS', () => {
  it('answers every bad ticket with a typed error, and the gateway receives no order', async () => {
    const { h, d, last, journalFile } = await setup();
    const base = {
      contract: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
      action: 'BUY',
      quantity: 10,
      orderType: 'LMT',
      limitPrice: tick(last * 0.99),
      tif: 'DAY',
    };
    const below = tick(last * 0.97);
    const above = tick(last * 1.03);
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['negative quantity', { quantity: -10 }, ['VALIDATION']],
      ['zero quantity', { quantity: 0 }, ['VALIDATION']],
      ['NaN quantity', { quantity: Number.NaN }, ['VALIDATION']],
      ['infinite quantity', { quantity: Number.POSITIVE_INFINITY }, ['VALIDATION']],
      ['-infinite quantity', { quantity: Number.NEGATIVE_INFINITY }, ['VALIDATION']],
      ['huge quantity', { quantity: 1e15 }, ['VALIDATION']],
      ['quantity over the profile limit', { quantity: 5000 }, ['LIMIT']],
      ['fractional shares', { quantity: 1.5 }, ['VALIDATION']],
      ['quantity as text', { quantity: '10' }, ['VALIDATION']],
      ['quantity null', { quantity: null }, ['VALIDATION']],
      ['notional over the limit', { quantity: 999, limitPrice: tick(last * 1.01) }, ['LIMIT']],
      ['negative price', { limitPrice: -5 }, ['VALIDATION']],
      ['zero price', { limitPrice: 0 }, ['VALIDATION']],
      ['NaN price', { limitPrice: Number.NaN }, ['VALIDATION']],
      ['infinite price', { limitPrice: Number.POSITIVE_INFINITY }, ['VALIDATION']],
      ['huge price', { limitPrice: 1e12 }, ['VALIDATION']],
      ['off-tick price', { limitPrice: tick(last * 0.99) + 0.005 }, ['VALIDATION']],
      ['price far from the market', { limitPrice: tick(last * 0.5) }, ['LIMIT']],
      ['unknown symbol', { contract: { symbol: 'ZZZZQX' } }, ['NOT_FOUND']],
      ['empty symbol', { contract: { symbol: '' } }, ['VALIDATION']],
      ['unknown security type', { contract: { symbol: 'AAPL', secType: 'XYZ' } }, ['VALIDATION']],
      ['no contract', { contract: undefined }, ['VALIDATION']],
      ['lower-case side', { action: 'buy' }, ['VALIDATION']],
      ['unknown side', { action: 'SHORT' }, ['VALIDATION']],
      ['no side', { action: undefined }, ['VALIDATION']],
      ['unknown order type', { orderType: 'LIMIT' }, ['VALIDATION']],
      ['unsupported order type', { orderType: 'MOC' }, ['VALIDATION']],
      ['unknown TIF', { tif: 'GTD' }, ['VALIDATION']],
      ['FOK TIF', { tif: 'FOK' }, ['VALIDATION']],
      ['MKT GTC', { orderType: 'MKT', limitPrice: undefined, tif: 'GTC' }, ['VALIDATION']],
      ['LMT without a price', { limitPrice: undefined }, ['VALIDATION']],
      ['MKT with a limit price', { orderType: 'MKT' }, ['VALIDATION']],
      ['STP without a stop', { orderType: 'STP', limitPrice: undefined }, ['VALIDATION']],
      [
        'STP LMT without a limit',
        { orderType: 'STP LMT', limitPrice: undefined, stopPrice: above },
        ['VALIDATION'],
      ],
      ['TRAIL without an amount', { orderType: 'TRAIL', limitPrice: undefined }, ['VALIDATION']],
      [
        'TRAIL with amount and percent',
        { orderType: 'TRAIL', limitPrice: undefined, trailingAmount: 1, trailingPercent: 1 },
        ['VALIDATION'],
      ],
      [
        'trailing percent over 100',
        { orderType: 'TRAIL', limitPrice: undefined, trailingPercent: 150 },
        ['VALIDATION'],
      ],
      [
        'BUY stop below the market',
        { orderType: 'STP', limitPrice: undefined, stopPrice: below },
        ['VALIDATION'],
      ],
      [
        'SELL stop above the market',
        { action: 'SELL', orderType: 'STP', limitPrice: undefined, stopPrice: above },
        ['VALIDATION'],
      ],
      [
        'BUY stop-limit below the market',
        { orderType: 'STP LMT', limitPrice: below, stopPrice: below },
        ['VALIDATION'],
      ],
      ['bracket without a take-profit', { bracket: { stopLoss: below } }, ['VALIDATION']],
      ['bracket without a stop-loss', { bracket: { takeProfit: above } }, ['VALIDATION']],
      ['bracket with prices swapped', { bracket: { takeProfit: below, stopLoss: above } }, ['VALIDATION']],
      [
        'bracket on a STP parent',
        {
          orderType: 'STP',
          limitPrice: undefined,
          stopPrice: above,
          bracket: { takeProfit: tick(last * 1.06), stopLoss: below },
        },
        ['VALIDATION'],
      ],
      [
        'bracket whose entry is outside it',
        { limitPrice: tick(last * 0.96), bracket: { takeProfit: above, stopLoss: tick(last * 0.98) } },
        ['VALIDATION'],
      ],
      [
        'MKT bracket whose stop-loss is above the market',
        {
          orderType: 'MKT',
          limitPrice: undefined,
          bracket: { takeProfit: tick(last * 1.06), stopLoss: tick(last * 1.02) },
        },
        ['VALIDATION'],
      ],
      ['an unknown field', { evil: true }, ['VALIDATION']],
      ['an account id of 100 characters', { account: 'D'.repeat(100) }, ['VALIDATION']],
      ['a note of 1000 characters', { note: 'x'.repeat(1000) }, ['VALIDATION']],
      ['outsideRth as text', { outsideRth: 'yes' }, ['VALIDATION']],
    ];
    const seen: string[] = [];
    for (const [name, patch, codes] of cases) {
      const ticket = { ...base, ...patch };
      for (const [k, v] of Object.entries(patch))
        if (v === undefined) delete (ticket as Record<string, unknown>)[k];
      const r = await d.dispatch('orders.place', ticket, ctx);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(codes, `${name}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
      expect(r.error.message.length, name).toBeGreaterThan(10);
      seen.push(r.error.code);
    }

    // Random bad numbers: every double that is not a usable quantity or price.
    const badNumber = fc.oneof(
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0),
      fc.double({ max: 0, noNaN: true }),
      fc.double({ min: 1e8, noNaN: true }),
    );
    let fuzzed = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('quantity', 'limitPrice'), badNumber, async (field, value) => {
        fuzzed++;
        const r = await d.dispatch('orders.place', { ...base, [field]: value }, ctx);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['VALIDATION', 'LIMIT']).toContain(r.error.code);
      }),
      { numRuns: 200 },
    );

    expect(sent(h.clientId, PLACE_ORDER), 'placeOrder messages at the gateway').toBe(0);
    expect(scene.gw.ordersReceived()).toHaveLength(0);
    const journal = await readFile(journalFile, 'utf8').catch(() => '');
    expect(journal).not.toContain('"t":"intent"');

    // The same path does send a good ticket: the checks above were not refusing everything.
    const good = await d.dispatch('orders.place', base, ctx);
    expect(good).toMatchObject({ ok: true });
    await waitFor(() => scene.gw.ordersReceived().length === 1, 'the good order at the gateway');
    console.log(
      `bad tickets: ${cases.length} named cases (${[...new Set(seen)].join(', ')}), ${fuzzed} random bad numbers; 0 reached the gateway, the good one did`,
    );
  }, 60_000);
});

describe('profile guards over TCP', () => {
  it('a read-only profile sends no order, no modify and no cancel', async () => {
    const { h, d, last } = await setup({ readOnly: true });
    const ticket = oneShareBelow(last);
    const results = [
      await d.dispatch('orders.place', ticket, ctx),
      await d.dispatch('orders.modify', { orderId: 1, quantity: 2 }, ctx),
      await d.dispatch('orders.cancel', { orderId: 1 }, ctx),
      await d.dispatch('orders.cancelAll', {}, ctx),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(sent(h.clientId, PLACE_ORDER)).toBe(0);
    expect(sent(h.clientId, CANCEL_ORDER)).toBe(0);
    expect(sent(h.clientId, GLOBAL_CANCEL)).toBe(0);
  });

  it('a live account (not "D…") needs the typed account id before the first order of the session', async () => {
    const { h, d, last } = await setup({ demo: false, accounts: ['U7654321'] });
    expect(h.trading.link.status().accounts).toEqual(['U7654321']);
    const ticket = oneShareBelow(last);
    expect(await d.dispatch('orders.place', ticket, ctx)).toMatchObject({
      ok: false,
      error: { code: 'CONFIRM_REQUIRED' },
    });
    expect(await d.dispatch('orders.confirmLive', { typed: 'yes' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await d.dispatch('orders.confirmLive', { typed: 'U765432' }, ctx)).toMatchObject({ ok: false });
    expect(sent(h.clientId, PLACE_ORDER)).toBe(0);
    expect(await d.dispatch('orders.confirmLive', { typed: 'u7654321' }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(await d.dispatch('orders.place', ticket, ctx)).toMatchObject({ ok: true });
    await waitFor(() => sent(h.clientId, PLACE_ORDER) === 1, 'the confirmed order at the gateway');
    // The confirmation lasts for the session only: after a disconnect it is asked again.
    h.trading.link.disconnect('test');
    await waitFor(() => h.trading.link.status().state === 'disconnected', 'disconnected');
    await h.connect(scene.gw);
    expect(await d.dispatch('orders.place', ticket, ctx)).toMatchObject({
      ok: false,
      error: { code: 'CONFIRM_REQUIRED' },
    });
    expect(sent(h.clientId, PLACE_ORDER)).toBe(1);
  });
});
