import { describe, expect, it } from 'vitest';
import { item, quote } from '../../../tests/support/renderer/fixtures';
import {
  buildTicket,
  initialForm,
  optionPremium,
  seedPrices,
  ticketBlockedReason,
  ticketSummary,
  ticketWarnings,
  type TicketForm,
} from './ticket-form';

const AAPL = item(1, 'AAPL');
const limits = { maxQuantity: 1000, maxNotional: 100_000, priceBandPct: 10 };
const form = (patch: Partial<TicketForm> = {}): TicketForm => ({ ...initialForm(100, 0.01), ...patch });

describe('ticket form', () => {
  it('shows an option’s premium × multiplier per contract and for the quantity (a long option’s max loss)', () => {
    const form = { ...initialForm(2.35, 0.01), quantity: '3' };
    expect(optionPremium(form, 100)).toEqual({ perContract: 235, total: 705 });
    expect(optionPremium({ ...form, limitPrice: '' }, 100)).toBeNull();
    expect(optionPremium({ ...form, quantity: '0' }, 100)).toBeNull();
  });

  it('starts as a LMT at the reference price on the tick grid', () => {
    expect(initialForm(187.456, 0.01)).toMatchObject({
      orderType: 'LMT',
      limitPrice: '187.46',
      quantity: '100',
      tif: 'DAY',
    });
  });

  it('fills empty prices once a price is known, keeping what the trader typed', () => {
    const empty = initialForm(null, 0.01);
    expect(seedPrices(empty, 50.004, 0.01)).toMatchObject({ limitPrice: '50', stopPrice: '50' });
    expect(seedPrices({ ...empty, limitPrice: '49' }, 50, 0.01)).toMatchObject({
      limitPrice: '49',
      stopPrice: '50',
    });
  });

  it('builds a LMT buy', () => {
    const r = buildTicket(form({ limitPrice: '99.5' }), AAPL, 'BUY');
    expect(r).toEqual({
      ok: true,
      ticket: {
        contract: AAPL,
        action: 'BUY',
        quantity: 100,
        orderType: 'LMT',
        limitPrice: 99.5,
        tif: 'DAY',
        outsideRth: false,
      },
    });
  });

  it('builds a MKT, a STP LMT, a TRAIL by percent and a bracket', () => {
    const mkt = buildTicket(form({ orderType: 'MKT' }), AAPL, 'SELL');
    expect(mkt.ok && mkt.ticket).toMatchObject({ orderType: 'MKT', action: 'SELL' });
    expect(mkt.ok && 'limitPrice' in mkt.ticket).toBe(false);
    const stpLmt = buildTicket(
      form({ orderType: 'STP LMT', stopPrice: '98', limitPrice: '97.5' }),
      AAPL,
      'SELL',
    );
    expect(stpLmt.ok && stpLmt.ticket).toMatchObject({ stopPrice: 98, limitPrice: 97.5 });
    const trail = buildTicket(form({ orderType: 'TRAIL', trailMode: 'percent', trail: '2' }), AAPL, 'SELL');
    expect(trail.ok && trail.ticket).toMatchObject({ trailingPercent: 2 });
    const br = buildTicket(form({ bracket: true, takeProfit: '110', stopLoss: '95' }), AAPL, 'BUY');
    expect(br.ok && br.ticket.bracket).toEqual({ takeProfit: 110, stopLoss: 95 });
  });

  it('names the field that is wrong', () => {
    expect(buildTicket(form({ quantity: '' }), AAPL, 'BUY')).toEqual({
      ok: false,
      errors: { quantity: 'quantity is required' },
    });
    expect(buildTicket(form({ limitPrice: 'x' }), AAPL, 'BUY')).toEqual({
      ok: false,
      errors: { limitPrice: 'limit price must be a number' },
    });
    const frac = buildTicket(form({ quantity: '1.5' }), AAPL, 'BUY');
    expect(!frac.ok && frac.errors.quantity).toMatch(/whole number/);
    const gtc = buildTicket(form({ orderType: 'MKT', tif: 'GTC' }), AAPL, 'BUY');
    expect(!gtc.ok && gtc.errors.tif).toMatch(/cannot be GTC/);
    const br = buildTicket(form({ bracket: true, takeProfit: '90', stopLoss: '95' }), AAPL, 'BUY');
    expect(!br.ok && br.errors.takeProfit).toMatch(/above the stop-loss/);
  });

  it('draws an option’s price band around its mid, not a stale last, and counts its value × the multiplier', () => {
    const option = { ...AAPL, conId: 7, secType: 'OPT' as const, strike: 150, right: 'C' as const };
    const built = buildTicket(form({ quantity: '2', limitPrice: '6.25' }), option, 'BUY');
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const opts = {
      minTick: 0.01,
      multiplier: 100,
      currency: 'USD',
      limits,
      quote: quote(7, { last: 5.65, bid: 6.15, ask: 6.25 }),
    };
    expect(ticketWarnings(built.ticket, { ...opts, secType: 'OPT' })).toMatchObject({
      problems: [],
      notional: 1250,
    });
    // Drawn around the last, the same ask would be 10.6 % off.
    expect(ticketWarnings(built.ticket, opts).problems[0]).toMatch(/away from the last price/);
    // Off the option's band, the refusal names the mid it was drawn around, not "the last price".
    const far = buildTicket(form({ quantity: '1', limitPrice: '7.5' }), option, 'BUY');
    if (!far.ok) throw new Error(JSON.stringify(far.errors));
    expect(ticketWarnings(far.ticket, { ...opts, secType: 'OPT' }).problems[0]).toBe(
      "7.5 is 21.0 % away from the mid 6.2, beyond this profile's band of 10 %",
    );
  });

  it('warns before sending: limits, price band, tick grid, marketable limits', () => {
    const q = quote(1, { last: 100, bid: 99.9, ask: 100.1 });
    const t = (p: Partial<TicketForm>, action: 'BUY' | 'SELL' = 'BUY') => {
      const r = buildTicket(form(p), AAPL, action);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return ticketWarnings(r.ticket, { minTick: 0.01, currency: 'USD', limits, quote: q });
    };
    expect(t({ limitPrice: '99' })).toEqual({ problems: [], warnings: [], notional: 9900 });
    const big = t({ quantity: '2000', limitPrice: '99' }).problems;
    expect(big).toHaveLength(2);
    expect(big[0]).toMatch(/quantity 2000 is above this profile's limit of 1000/);
    expect(big[1]).toMatch(/above this profile's limit of 100000/);
    expect(t({ limitPrice: '80' }).problems[0]).toMatch(/20.0 % away from the last price/);
    expect(t({ limitPrice: '99.005' }).problems[0]).toMatch(/not on the price grid/);
    expect(t({ limitPrice: '100.2' }).warnings).toEqual([
      'The limit is at or above the ask: it will likely fill at once',
    ]);
    expect(t({ orderType: 'MKT' }).notional).toBe(10000);
  });

  it('summarises a ticket for the confirmation', () => {
    const r = buildTicket(form({ limitPrice: '99.5', outsideRth: true }), AAPL, 'BUY');
    expect(r.ok && ticketSummary(r.ticket, 'AAPL')).toBe('BUY 100 AAPL LMT @ 99.5 · DAY · outside RTH');
    // With several accounts the ticket names one, and the confirmation says which.
    expect(r.ok && ticketSummary({ ...r.ticket, account: 'DU2222222' }, 'AAPL')).toBe(
      'BUY 100 AAPL LMT @ 99.5 · DAY · outside RTH · account DU2222222',
    );
  });

  it('says why orders cannot be sent', () => {
    const ready = { state: 'ready' as const, readOnly: false, reason: null };
    expect(ticketBlockedReason(true, ready)).toBeNull();
    expect(ticketBlockedReason(false, ready)).toBe('Not connected to the IBDesk host');
    expect(ticketBlockedReason(true, { ...ready, readOnly: true })).toMatch(/read-only/);
    expect(
      ticketBlockedReason(true, { state: 'reconnecting', readOnly: false, reason: 'socket closed' }),
    ).toBe('Not connected to TWS (Reconnecting: socket closed)');
  });
});
