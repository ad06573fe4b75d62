// Options as the app sees them: an underlying's chain (the expirations and the union of strikes TWS lists), the
// option contracts that really exist for one expiry (calls and puts paired by strike), and the greeks TWS computes
// for an option line (tickOptionComputation).
import { z } from 'zod';
import { Instrument } from './instrument';

const Value = z.number().nullable();

/** TWS's model greeks of an option line; null where TWS sent its "not computed" value. */
export const OptionGreeks = z.object({
  impliedVol: Value,
  delta: Value,
  gamma: Value,
  vega: Value,
  theta: Value,
  /** The underlying's price the greeks were computed at. */
  undPrice: Value,
});
export type OptionGreeks = z.infer<typeof OptionGreeks>;

/** YYYYMMDD, as TWS writes an option's expiry. */
export const Expiry = z.string().regex(/^\d{8}$/, 'expiry must be YYYYMMDD');

/** reqSecDefOptParams for one underlying: expirations ascending, strikes the union over every expiry. */
export const OptionChain = z.object({
  underlyingConId: z.number().int().positive(),
  symbol: z.string(),
  exchange: z.string(),
  tradingClass: z.string(),
  multiplier: z.number().positive(),
  expirations: z.array(Expiry),
  strikes: z.array(z.number().positive()),
});
export type OptionChain = z.infer<typeof OptionChain>;

/** One strike of an expiry: its call and put where TWS lists them (a strike of the union may lack one or both). */
export const OptionStrikeRow = z.object({
  strike: z.number().positive(),
  call: Instrument.nullable(),
  put: Instrument.nullable(),
});
export type OptionStrikeRow = z.infer<typeof OptionStrikeRow>;

export const OptionExpiry = z.object({
  expiry: Expiry,
  /** Calendar days from today (the app's clock) to the expiry; 0 on the expiry day. */
  daysToExpiry: z.number().int().min(0),
  multiplier: z.number().positive(),
  rows: z.array(OptionStrikeRow),
});
export type OptionExpiry = z.infer<typeof OptionExpiry>;

/** Calendar days from `nowMs` to a YYYYMMDD expiry (UTC dates, so a time zone never shifts it by one). */
export function daysToExpiry(expiry: string, nowMs: number): number {
  const y = Number(expiry.slice(0, 4));
  const m = Number(expiry.slice(4, 6));
  const d = Number(expiry.slice(6, 8));
  const today = new Date(nowMs);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.UTC(y, m - 1, d) - start) / 86_400_000);
}

/**
 * The move the market prices in by the expiry: the at-the-money straddle's mid (call + put), the usual quick
 * estimate of one standard deviation. Null without both mids.
 */
export function impliedMove(callMid: number | null, putMid: number | null): number | null {
  if (callMid === null || putMid === null || callMid <= 0 || putMid <= 0) return null;
  return callMid + putMid;
}

/** The row whose strike is nearest the underlying's price (-1 without rows or a price). */
export function atmIndex(rows: readonly { strike: number }[], spot: number | null): number {
  if (spot === null || rows.length === 0) return -1;
  let best = 0;
  for (let i = 1; i < rows.length; i++)
    if (Math.abs(rows[i]!.strike - spot) < Math.abs(rows[best]!.strike - spot)) best = i;
  return best;
}

/** The `n` rows (ascending strikes) nearest the underlying's price, centred on the at-the-money row. */
export function nearestStrikes<R extends { strike: number }>(
  rows: readonly R[],
  spot: number | null,
  n: number,
): readonly R[] {
  if (spot === null || rows.length <= n) return rows;
  const atm = atmIndex(rows, spot);
  const from = Math.max(0, Math.min(atm - Math.floor((n - 1) / 2), rows.length - n));
  return rows.slice(from, from + n);
}
