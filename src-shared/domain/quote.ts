// Level-1 quotes: the latest state per instrument, coalesced in main and sent to windows once per frame.
import { z } from 'zod';
import { QuoteProbe } from '../bench-probe';
import { OptionGreeks } from './option';

/**
 * Where a quote's numbers come from. `live`/`frozen`/`delayed`/`delayed-frozen` follow TWS's market data type;
 * `stale` = no tick for a while on a live line; `no-line` = over the market-data line budget; `error` = TWS refused.
 */
export const QuoteState = z.enum([
  'live',
  'frozen',
  'delayed',
  'delayed-frozen',
  'stale',
  'no-line',
  'error',
  'pending',
]);
export type QuoteState = z.infer<typeof QuoteState>;

const Price = z.number().nullable();

export const Quote = z.object({
  conId: z.number().int(),
  bid: Price,
  ask: Price,
  last: Price,
  bidSize: Price,
  askSize: Price,
  lastSize: Price,
  volume: Price,
  high: Price,
  low: Price,
  open: Price,
  /** Previous session close: the base of change and change %. */
  close: Price,
  state: QuoteState,
  /** Epoch ms of the last tick received from TWS for this instrument (null before the first). */
  updatedAt: z.number().nullable(),
  /** Plain-language reason when `state` is `error` or `no-line`. */
  note: z.string().optional(),
  /** An option line's open interest (generic tick 101: TWS's tick 27 or 28); absent on other instruments. */
  openInterest: Price.optional(),
  /** An option line's model greeks (TWS's tickOptionComputation); absent on other instruments. */
  greeks: OptionGreeks.optional(),
});
export type Quote = z.infer<typeof Quote>;

/**
 * One message carries every quote that changed since the previous frame (latest state only), and with the bench
 * probe on (npm run bench), the demo gateway's stamps of the instruments among them.
 */
export const QuoteBatch = z.object({ quotes: z.array(Quote), probe: z.array(QuoteProbe).optional() });
export type QuoteBatch = z.infer<typeof QuoteBatch>;

export function emptyQuote(conId: number, state: QuoteState = 'pending'): Quote {
  return {
    conId,
    bid: null,
    ask: null,
    last: null,
    bidSize: null,
    askSize: null,
    lastSize: null,
    volume: null,
    high: null,
    low: null,
    open: null,
    close: null,
    state,
    updatedAt: null,
  };
}

/** Which of a quote's prices is the reference of an order ticket (its price band says which). */
export type ReferenceSource = 'last' | 'mid' | 'close';

/**
 * A copy of a quote with its fields written out in one order: every copy has the same hidden class, so the hot path
 * that copies a quote once per batch and then writes ticks into it stays monomorphic (a spread copy and a keyed
 * `q[field] = v` store cost main a tenth of its ingest rate).
 */
export function copyQuote(q: Quote): Quote {
  const c: Quote = {
    conId: q.conId,
    bid: q.bid,
    ask: q.ask,
    last: q.last,
    bidSize: q.bidSize,
    askSize: q.askSize,
    lastSize: q.lastSize,
    volume: q.volume,
    high: q.high,
    low: q.low,
    open: q.open,
    close: q.close,
    state: q.state,
    updatedAt: q.updatedAt,
  };
  if (q.openInterest !== undefined) c.openInterest = q.openInterest;
  if (q.note !== undefined) c.note = q.note;
  if (q.greeks !== undefined) c.greeks = q.greeks;
  return c;
}

/** The numeric fields a tick writes. */
export type QuoteField =
  | 'bid'
  | 'ask'
  | 'last'
  | 'bidSize'
  | 'askSize'
  | 'lastSize'
  | 'volume'
  | 'high'
  | 'low'
  | 'open'
  | 'close'
  | 'openInterest';

/** Writes one tick's value with a named store per field (see copyQuote). */
export function setQuoteField(q: Quote, field: QuoteField, value: number): void {
  switch (field) {
    case 'bid':
      q.bid = value;
      return;
    case 'ask':
      q.ask = value;
      return;
    case 'last':
      q.last = value;
      return;
    case 'bidSize':
      q.bidSize = value;
      return;
    case 'askSize':
      q.askSize = value;
      return;
    case 'lastSize':
      q.lastSize = value;
      return;
    case 'volume':
      q.volume = value;
      return;
    case 'high':
      q.high = value;
      return;
    case 'low':
      q.low = value;
      return;
    case 'open':
      q.open = value;
      return;
    case 'close':
      q.close = value;
      return;
    case 'openInterest':
      q.openInterest = value;
      return;
  }
}

/**
 * The price an order ticket starts from and is checked against, and which price it is: the last trade, else the
 * mid, else the previous close. An option's mid comes first: options trade seldom, so their last is often far behind
 * the market (a buy at the ask would fail a price band drawn around a stale last). Zero and negative values are
 * TWS's "no price" (a quiet instrument, an empty side), never a reference.
 */
export function quoteReference(
  q: Pick<Quote, 'last' | 'bid' | 'ask' | 'close'> | undefined,
  secType?: string,
): { price: number; source: ReferenceSource } | null {
  if (!q) return null;
  const mid = q.bid !== null && q.ask !== null && q.bid > 0 && q.ask > 0 ? (q.bid + q.ask) / 2 : null;
  if (secType === 'OPT' && mid !== null) return { price: mid, source: 'mid' };
  if (q.last !== null && q.last > 0) return { price: q.last, source: 'last' };
  if (mid !== null) return { price: mid, source: 'mid' };
  return q.close !== null && q.close > 0 ? { price: q.close, source: 'close' } : null;
}

/** The reference price alone (see quoteReference). */
export function referencePrice(
  q: Pick<Quote, 'last' | 'bid' | 'ask' | 'close'> | undefined,
  secType?: string,
): number | null {
  return quoteReference(q, secType)?.price ?? null;
}

export function quoteChange(q: Pick<Quote, 'last' | 'close'>): {
  change: number | null;
  changePct: number | null;
} {
  if (q.last === null || q.close === null || q.close === 0) return { change: null, changePct: null };
  const change = q.last - q.close;
  return { change, changePct: (change / q.close) * 100 };
}
