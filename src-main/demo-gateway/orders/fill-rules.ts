// The price rules of the matching engine, as plain functions: where a trailing stop sits, when a stop elects, and
// at what price (and with which liquidity flag) a working order fills against the touch.
import type { Instrument } from '../model/instrument';
import type { OrderTicket } from './order-types';

/** Trailing distance: the aux price as an amount, else trailingPercent of the last price. */
function trailAmount(t: OrderTicket, last: number): number {
  return t.auxPrice !== undefined && t.auxPrice > 0 ? t.auxPrice : (last * (t.trailingPercent ?? 0)) / 100;
}

/** The trailing stop for a last price: above it for a BUY, below it for a SELL, rounded by `round`. */
export function trailStopAt(t: OrderTicket, last: number, round: (price: number) => number): number {
  const amt = trailAmount(t, last);
  return round(t.action === 'BUY' ? last + amt : last - amt);
}

/** A trailing stop only ever moves toward the market. */
export function ratchet(action: string, current: number | undefined, candidate: number): number {
  if (current === undefined) return candidate;
  return (action === 'BUY' ? candidate < current : candidate > current) ? candidate : current;
}

/** A stop elects when the last price reaches it: at or above for a BUY, at or below for a SELL. */
export function elects(action: string, last: number, stop: number): boolean {
  return action === 'BUY' ? last >= stop : last <= stop;
}

/** What a stop turns into once elected (STP and TRAIL become MKT, STP LMT becomes LMT). */
export function activeType(orderType: string): string {
  if (orderType === 'STP' || orderType === 'TRAIL') return 'MKT';
  if (orderType === 'STP LMT') return 'LMT';
  return orderType;
}

/**
 * The fill price against the touch, or undefined while a limit is not marketable. Arriving orders take the touch
 * (liquidity 2, removed); a resting limit the market comes to fills at its limit (liquidity 1, added).
 */
export function fillPrice(
  type: string,
  t: OrderTicket,
  touch: number,
  arriving: boolean,
): { price: number; liquidity: 1 | 2 } | undefined {
  if (type === 'MKT') return { price: touch, liquidity: 2 };
  const lmt = t.lmtPrice as number;
  const marketable = t.action === 'BUY' ? touch <= lmt : touch >= lmt;
  if (!marketable) return undefined;
  return arriving ? { price: touch, liquidity: 2 } : { price: lmt, liquidity: 1 };
}

/**
 * Where an execution is reported: a stock's listing exchange (NASDAQ as ISLAND), an option's CBOE (TWS never
 * reports SMART as an execution venue), else the contract's exchange.
 */
export function executionExchange(inst: Instrument): string {
  if (inst.secType === 'OPT') return 'CBOE';
  if (inst.secType !== 'STK') return inst.exchange;
  return inst.primaryExchange === 'NASDAQ' ? 'ISLAND' : inst.primaryExchange;
}
