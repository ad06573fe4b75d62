// The option chain's rules, pure: which row is at the money, which side is in the money, the expiry strip's
// labels, the implied move of an expiry, the columns and strikes shown, and which option lines the rows in view
// hold within the line budget (and what the chain says it paused).
import { impliedMove, nearestStrikes, type OptionStrikeRow } from '../../../src-shared/domain/option';
import type { Quote } from '../../../src-shared/domain/quote';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { watchItemOf } from '../../../src-shared/domain/workspace';
import { zonedParts } from '../../../src-shared/zoned-time';

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
 * The option lines the rows [from, to) hold (calls and puts), at most `maxLines`: the pinned row (at the money)
 * first, then the rows nearest the middle of the view, so a cap cuts the edges and never the strikes the trader
 * looks at. `wanted` counts every line those rows would hold without the cap.
 */
export function linesInView(
  rows: readonly OptionStrikeRow[],
  from: number,
  to: number,
  maxLines: number,
  pinned = -1,
): { held: WatchItem[]; wanted: number } {
  const mid = (from + to - 1) / 2;
  const order: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(rows.length, to); i++) if (i !== pinned) order.push(i);
  order.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid) || a - b);
  if (pinned >= 0 && pinned < rows.length) order.unshift(pinned);
  const held: WatchItem[] = [];
  let wanted = 0;
  for (const i of order) {
    for (const o of [rows[i]!.call, rows[i]!.put]) {
      if (!o) continue;
      wanted++;
      if (held.length < maxLines) held.push(watchItemOf(o));
    }
  }
  return { held, wanted };
}

/** The values a side of the chain can show, in the order puts show them (calls mirror it around the strike). */
export const CHAIN_FIELDS = [
  'Bid',
  'Ask',
  'Last',
  'Volume',
  'OI',
  'IV',
  'Delta',
  'Gamma',
  'Theta',
  'Vega',
] as const;
export type ChainField = (typeof CHAIN_FIELDS)[number];

/** Bid and ask are always shown: they are what a click trades. */
const ALWAYS: readonly ChainField[] = ['Bid', 'Ask'];

/** The columns a pane's saved config asks for (unknown names dropped, bid and ask kept), every one by default. */
export function chainFields(saved: unknown): ChainField[] {
  if (!Array.isArray(saved)) return [...CHAIN_FIELDS];
  const wanted = new Set(saved.filter((x): x is string => typeof x === 'string'));
  return CHAIN_FIELDS.filter((f) => ALWAYS.includes(f) || wanted.has(f));
}

/** The saved list after one column is turned on or off (bid and ask cannot be). */
export function toggleField(fields: readonly ChainField[], field: ChainField, on: boolean): ChainField[] {
  if (ALWAYS.includes(field)) return [...fields];
  return CHAIN_FIELDS.filter((f) => (f === field ? on : fields.includes(f)));
}

/** Which strikes the table shows: all, the N nearest the money, or those within k standard deviations. */
export type StrikeFilter = { kind: 'all' } | { kind: 'count'; n: number } | { kind: 'sd'; k: number };

/** The choices the chain offers, by the value the pane saves (as `strikeFilterOf` reads it back). */
export const STRIKE_FILTERS: readonly { value: string; label: string }[] = [
  ...[10, 20, 40].map((n) => ({ value: String(n), label: `${n} strikes` })),
  ...[1, 2].map((k) => ({ value: `${k}sd`, label: `±${k} σ` })),
  { value: 'all', label: 'All strikes' },
];

/** A saved strike choice ('20', '1sd', 'all'); anything else is the default, 20 strikes. */
export function strikeFilterOf(saved: unknown): StrikeFilter {
  const v = typeof saved === 'string' ? saved : '';
  if (v === 'all') return { kind: 'all' };
  const sd = /^([1-3])sd$/.exec(v);
  if (sd) return { kind: 'sd', k: Number(sd[1]) };
  const n = /^(\d{1,3})$/.exec(v);
  if (n && Number(n[1]) > 0) return { kind: 'count', n: Number(n[1]) };
  return { kind: 'count', n: 20 };
}

/** Equity options stop trading at 16:00 ET on their expiry day (minutes after midnight). */
const EXPIRY_CLOSE_MINUTE_ET = 16 * 60;
/** On the expiry day σ is taken over at least this many minutes (its last quarter hour, and after the close). */
const MIN_MINUTES_LEFT = 15;

/**
 * The time σ scales with, in years: the calendar days left to the expiry (main's count) over 365, and on the expiry
 * day the time left to its 16:00 ET close, at least a quarter hour (a whole day would make σ 2.4 times too wide at
 * noon).
 */
export function yearsToExpiry(days: number, nowMs: number): number {
  if (days > 0) return days / 365;
  const et = zonedParts(nowMs, 'America/New_York');
  const left = Math.max(MIN_MINUTES_LEFT, EXPIRY_CLOSE_MINUTE_ET - (et.hour * 60 + et.minute));
  return left / (24 * 60 * 365);
}

/**
 * One standard deviation of the underlying's price by the expiry, from an implied volatility (annual) and the
 * time left in years (yearsToExpiry): spot × IV × √years. Null without the inputs.
 */
export function stdDevMove(spot: number | null, iv: number | null | undefined, years: number): number | null {
  if (spot === null || spot <= 0 || iv === null || iv === undefined || !(iv > 0)) return null;
  return spot * iv * Math.sqrt(years);
}

/**
 * The rows a filter keeps. By count: the N strikes nearest the underlying's price; by standard deviation: those
 * within k σ of it. Without a price (or an IV for σ) every row stays: nothing to centre on yet.
 */
export function strikesShown(
  rows: readonly OptionStrikeRow[],
  spot: number | null,
  filter: StrikeFilter,
  sigma: number | null,
): readonly OptionStrikeRow[] {
  if (filter.kind === 'all' || spot === null) return rows;
  if (filter.kind === 'sd') {
    if (sigma === null) return rows;
    const lo = spot - filter.k * sigma;
    const hi = spot + filter.k * sigma;
    return rows.filter((r) => r.strike >= lo && r.strike <= hi);
  }
  return nearestStrikes(rows, spot, filter.n);
}

/**
 * The most lines one chain holds, whatever the budget: 40 strikes × 2, the most strikes it offers to show (with
 * the default budget of 100 lines the 40 % share below holds it to 40).
 */
export const CHAIN_MAX_LINES = 80;
/** The share of the profile's budget one chain may take: the rest stays the watchlist's and the other panes'. */
const CHAIN_SHARE = 0.4;

/**
 * How many lines the chain may hold: at most 80, at most 40 % of the profile's budget, and never more than the
 * budget leaves after the lines other panes hold (the chain never pushes a watchlist row out of its line).
 */
export function chainLineCap(budget: number, heldByOthers: number): number {
  return Math.max(0, Math.min(CHAIN_MAX_LINES, Math.floor(budget * CHAIN_SHARE), budget - heldByOthers));
}

/**
 * What the chain says it paused and why: the lines of the rows in view it did not ask for (the cap), and those it
 * asked for that the budget refused (TWS line full: `no-line`). Null when every row in view streams.
 */
export function pausedNotice(p: {
  wanted: number;
  held: number;
  noLine: number;
  budget: number;
  heldByOthers: number;
}): string | null {
  const capped = p.wanted - p.held;
  const parts: string[] = [];
  if (capped > 0) {
    const why =
      p.held >= CHAIN_MAX_LINES
        ? `a chain streams at most ${CHAIN_MAX_LINES} lines`
        : `the profile's budget is ${p.budget} lines and other panes (the watchlist first) hold ${p.heldByOthers}; a chain takes at most ${Math.round(CHAIN_SHARE * 100)} % of it and never their lines`;
    parts.push(`${capped} option lines of the strikes at the edges are paused: ${why}`);
  }
  if (p.noLine > 0)
    parts.push(`${p.noLine} option lines wait for a free line: the budget of ${p.budget} lines is full`);
  return parts.length > 0 ? `${parts.join('. ')}. Scroll to stream other strikes.` : null;
}
