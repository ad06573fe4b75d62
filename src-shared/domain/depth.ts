// Market depth (level 2): the book of one instrument as main keeps it from TWS's inserts, updates and deletes by
// position, and as windows receive it (coalesced, whole: a ladder of 10–20 rows a side is small).
import { z } from 'zod';
import { QuoteProbe } from '../bench-probe';

export const DepthRow = z.object({
  price: z.number(),
  size: z.number().nonnegative(),
  /** The exchange (SMART depth) or market maker holding the row; empty when TWS names none. */
  maker: z.string(),
});
export type DepthRow = z.infer<typeof DepthRow>;

/**
 * `pending` until the first row after a (re)start (a reconnect empties the book: never old and new rows mixed);
 * `stale` when no update came for a while; `error` when TWS refused (`note` says why; the line is closed).
 */
const DepthState = z.enum(['pending', 'live', 'stale', 'error']);

export const DepthBook = z.object({
  conId: z.number().int().positive(),
  /** Best first. */
  bids: z.array(DepthRow),
  asks: z.array(DepthRow),
  state: DepthState,
  note: z.string().optional(),
  /** Epoch ms of the last change TWS sent (null before the first). */
  updatedAt: z.number().nullable(),
});
export type DepthBook = z.infer<typeof DepthBook>;

/**
 * The `depth` event: a book, and with the bench probe on (npm run bench) the demo gateway's stamps of the changes
 * it is the first to include (as QuoteBatch carries the stamps of its quotes).
 */
export const DepthEvent = DepthBook.extend({ probe: z.array(QuoteProbe).optional() });
export type DepthEvent = z.infer<typeof DepthEvent>;

/** Rows a side the app asks for (TWS sends what exists up to it). */
export const DEPTH_ROWS = 20;

export type DepthOperation = 'insert' | 'update' | 'delete';

/** One of TWS's depth messages as the app reads it: a row of one side, by position (0 = best). */
export type DepthChange = {
  side: 'bid' | 'ask';
  position: number;
  operation: DepthOperation;
  price: number;
  size: number;
  maker: string;
};
