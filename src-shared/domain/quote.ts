// Level-1 quotes: the latest state per instrument, coalesced in main and sent to windows once per frame.
import { z } from 'zod';

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
  /** Demo gateway only: id of the last tick, carried to the DOM to time tick → paint. */
  tickId: z.number().optional(),
  /** Demo gateway only: when the gateway sent tick `tickId` (epoch ms, fractional). */
  tickAt: z.number().optional(),
});
export type Quote = z.infer<typeof Quote>;

/** One message carries every quote that changed since the previous frame (latest state only). */
export const QuoteBatch = z.object({ quotes: z.array(Quote) });
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

export function quoteChange(q: Pick<Quote, 'last' | 'close'>): {
  change: number | null;
  changePct: number | null;
} {
  if (q.last === null || q.close === null || q.close === 0) return { change: null, changePct: null };
  const change = q.last - q.close;
  return { change, changePct: (change / q.close) * 100 };
}
