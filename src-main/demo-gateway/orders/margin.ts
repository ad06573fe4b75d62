// Margin for a new order, at the rates the account values count (accounts/account-values.ts): whether available
// funds cover what the order adds (else error 201), and the what-if answer (margin before, change, after, and the
// commission).
import type { Instrument } from '../model/instrument';
import type { Market } from '../model/market';
import { emptyQuote } from '../model/market';
import type { Ledger } from '../accounts/ledger';
import { marginRates, valueAccount } from '../accounts/account-values';
import type { PriceOf } from '../accounts/account-values';
import { incrementalCommission } from '../accounts/commission';
import type { OrderRecord, OrderTicket } from './order-types';
import { marginRejection } from './validation';
import type { Rejection } from './validation';

export interface WhatIfFigures {
  initMarginBefore: number;
  maintMarginBefore: number;
  equityWithLoanBefore: number;
  initMarginChange: number;
  maintMarginChange: number;
  initMarginAfter: number;
  maintMarginAfter: number;
  commission: number;
}

export interface MarginDeps {
  market: Market;
  ledger: Ledger;
  usdRate(currency: string, t: number): number;
}

function priceOf(d: MarginDeps, now: number): PriceOf {
  return (inst) => {
    const q = d.market.quote(inst, now, emptyQuote());
    return { price: q.last, prevClose: q.close, usdRate: d.usdRate(inst.currency, now) };
  };
}

/** The order's limit price, or the last price for a market order. */
function orderPrice(d: MarginDeps, inst: Instrument, t: OrderTicket, now: number): number {
  return t.lmtPrice ?? d.market.quote(inst, now, emptyQuote()).last;
}

/** Margin needed to add this order's exposure, against the account's available funds. */
export function marginCheck(
  d: MarginDeps,
  account: string,
  inst: Instrument,
  t: OrderTicket,
  now: number,
): Rejection | undefined {
  const book = d.ledger.book(account);
  if (!book) return undefined;
  const pos = book.positions.get(inst.conId)?.qty ?? 0;
  const signed = t.action === 'BUY' ? t.totalQuantity : -t.totalQuantity;
  const added = Math.max(0, Math.abs(pos + signed) - Math.abs(pos));
  if (added === 0) return undefined;
  const px = orderPrice(d, inst, t, now);
  const [init] = marginRates(inst);
  const required = added * px * inst.multiplier * d.usdRate(inst.currency, now) * init;
  const n = valueAccount(book, priceOf(d, now));
  if (n.availableFunds - required >= 0) return undefined;
  return marginRejection(n.netLiquidation, n.initMargin + required);
}

export function whatIfFigures(d: MarginDeps, o: OrderRecord, now: number): WhatIfFigures {
  const book = d.ledger.book(o.account);
  const n = book ? valueAccount(book, priceOf(d, now)) : undefined;
  const px = orderPrice(d, o.inst, o.ticket, now);
  const [init, maint] = marginRates(o.inst);
  const rate = d.usdRate(o.inst.currency, now);
  const notional = o.ticket.totalQuantity * px * o.inst.multiplier * rate;
  const im = n?.initMargin ?? 0;
  const mm = n?.maintMargin ?? 0;
  return {
    initMarginBefore: im,
    maintMarginBefore: mm,
    equityWithLoanBefore: n?.netLiquidation ?? 0,
    initMarginChange: notional * init,
    maintMarginChange: notional * maint,
    initMarginAfter: im + notional * init,
    maintMarginAfter: mm + notional * maint,
    commission: incrementalCommission(o.inst, 0, o.ticket.totalQuantity, px, rate, 0),
  };
}
