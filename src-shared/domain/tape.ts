// Time and sales: the trades of an instrument as the tape shows them, with where each printed against the quote
// of that moment (at the ask = bought, at the bid = sold), and the gaps a reconnect leaves.
import { z } from 'zod';

export const Print = z.object({
  /** Epoch ms (TWS sends whole seconds). */
  time: z.number(),
  price: z.number(),
  size: z.number().nonnegative(),
  exchange: z.string(),
  /** Against the quote when the print arrived: at or above the ask, at or below the bid, between; null unknown. */
  at: z.enum(['ask', 'bid', 'between']).nullable(),
});
export type Print = z.infer<typeof Print>;

export const TapeBatch = z.object({
  conId: z.number().int().positive(),
  /** Oldest first. */
  prints: z.array(Print),
  /** The stream restarted (a reconnect): prints between the last one before and the first one here are missing. */
  gap: z.boolean(),
});
export type TapeBatch = z.infer<typeof TapeBatch>;

/** Where a trade printed against the quote. */
export function printSide(price: number, bid: number | null, ask: number | null): Print['at'] {
  if (ask !== null && price >= ask) return 'ask';
  if (bid !== null && price <= bid) return 'bid';
  return bid !== null && ask !== null ? 'between' : null;
}
