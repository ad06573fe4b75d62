// What a trader arranges and expects back: watchlists and the dock layout, saved per profile.
import { z } from 'zod';
import { ContractRef, type Instrument } from './instrument';

export const WatchItem = ContractRef.extend({ conId: z.number().int().positive() });
export type WatchItem = z.infer<typeof WatchItem>;

/** The reference every pane (and the paper suite, acting as one) passes around, from resolved details. Pure. */
export function watchItemOf(i: Instrument): WatchItem {
  return {
    conId: i.conId,
    symbol: i.symbol,
    secType: i.secType,
    exchange: i.secType === 'STK' ? 'SMART' : i.exchange,
    primaryExchange: i.primaryExchange || undefined,
    currency: i.currency,
    localSymbol: i.localSymbol || undefined,
    ...(i.lastTradeDateOrContractMonth
      ? { lastTradeDateOrContractMonth: i.lastTradeDateOrContractMonth }
      : {}),
    ...(i.multiplier ? { multiplier: i.multiplier } : {}),
    ...(i.strike !== undefined ? { strike: i.strike } : {}),
    ...(i.right !== undefined ? { right: i.right } : {}),
  };
}

export const Watchlist = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(40),
  items: z.array(WatchItem).max(2000),
});
export type Watchlist = z.infer<typeof Watchlist>;

/** A dock layout as the layout library serializes it; opaque to main, bounded in size by the transport. */
export const LayoutDoc = z.record(z.string(), z.unknown());
export type LayoutDoc = z.infer<typeof LayoutDoc>;

/** Color link groups: panes in the same group follow the same symbol. */
export const LinkGroup = z.enum(['none', 'red', 'green', 'blue', 'yellow']);
export type LinkGroup = z.infer<typeof LinkGroup>;
