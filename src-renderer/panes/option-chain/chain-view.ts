// The option chain's rules, pure: which row is at the money, which side is in the money, the expiry strip's
// labels, the implied move of an expiry, and which option lines the rows in view hold.
import { impliedMove, type OptionStrikeRow } from '../../../src-shared/domain/option';
import type { Quote } from '../../../src-shared/domain/quote';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { watchItemOf } from '../../../src-shared/domain/workspace';

/** The row whose strike is nearest the underlying's price (-1 without rows or a price). */
export function atmIndex(rows: readonly OptionStrikeRow[], spot: number | null): number {
  if (spot === null || rows.length === 0) return -1;
  let best = 0;
  for (let i = 1; i < rows.length; i++)
    if (Math.abs(rows[i]!.strike - spot) < Math.abs(rows[best]!.strike - spot)) best = i;
  return best;
}

/** A call is in the money below the underlying's price, a put above it. */
export function inTheMoney(right: 'C' | 'P', strike: number, spot: number | null): boolean {
  if (spot === null) return false;
  return right === 'C' ? strike < spot : strike > spot;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Jan 16 '26` for 20260116. */
export function expiryLabel(expiry: string): string {
  const m = MONTHS[Number(expiry.slice(4, 6)) - 1] ?? '?';
  return `${m} ${Number(expiry.slice(6, 8))} '${expiry.slice(2, 4)}`;
}

/** Mid of a two-sided quote; null when a side is missing or the quote is crossed. */
export function midOf(q: Pick<Quote, 'bid' | 'ask'> | undefined): number | null {
  if (!q || q.bid === null || q.ask === null || q.bid <= 0 || q.ask <= 0 || q.bid > q.ask) return null;
  return (q.bid + q.ask) / 2;
}

/** The expiry's implied move (the ATM straddle's mid), and as a share of the underlying's price. */
export function impliedMoveOf(
  callQuote: Pick<Quote, 'bid' | 'ask'> | undefined,
  putQuote: Pick<Quote, 'bid' | 'ask'> | undefined,
  spot: number | null,
): { move: number; pct: number | null } | null {
  const move = impliedMove(midOf(callQuote), midOf(putQuote));
  if (move === null) return null;
  return { move, pct: spot !== null && spot > 0 ? (move / spot) * 100 : null };
}

/**
 * The option lines the rows [from, to) hold (calls and puts), at most `maxLines`: the rows nearest the middle of the
 * view first, so a cap cuts the edges and never the strikes the trader looks at.
 */
export function linesInView(
  rows: readonly OptionStrikeRow[],
  from: number,
  to: number,
  maxLines: number,
): WatchItem[] {
  const mid = (from + to - 1) / 2;
  const order: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(rows.length, to); i++) order.push(i);
  order.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid) || a - b);
  const out: WatchItem[] = [];
  for (const i of order) {
    for (const o of [rows[i]!.call, rows[i]!.put]) {
      if (o && out.length < maxLines) out.push(watchItemOf(o));
    }
  }
  return out;
}
