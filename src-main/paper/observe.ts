// How the paper suite's scenarios read the product: the latest quote, order and executions a window received, a
// bounded wait for an order's state, positions and an account line for the report, and a few number words.
import type { Execution, Order } from '../../src-shared/domain/order';
import type { Instrument } from '../../src-shared/domain/instrument';
import { watchItemOf } from '../../src-shared/domain/workspace';
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import type { Quote, QuoteState } from '../../src-shared/domain/quote';
import type { ResolvedContract } from '../ib/adapter/index';
import type { PaperDriver } from './driver';
import { marketState } from './market-hours';
import { money } from './report';

/** Quote states that carry a price the user can trust as labelled (live, frozen or delayed). */
export const LABELLED: readonly QuoteState[] = ['live', 'frozen', 'delayed', 'delayed-frozen'];

/** The contract reference a pane would send for a resolved instrument: the renderer's own rule. */
export const refOf = (i: Instrument): ResolvedContract => watchItemOf(i);

export const need = <T>(v: T | null, what: string): T => {
  if (v === null) throw new Error(`${what} is missing (an earlier scenario did not provide it)`);
  return v;
};

export function priceOf(q: Pick<Quote, 'last' | 'bid' | 'ask' | 'close'>): number | null {
  if (q.last !== null && q.last > 0) return q.last;
  if (q.bid !== null && q.ask !== null && q.bid > 0 && q.ask > 0) return (q.bid + q.ask) / 2;
  if (q.close !== null && q.close > 0) return q.close;
  return null;
}

/** A price with as many decimals as the instrument's tick needs (two at least). */
export const px = (n: number | null | undefined, tick = 0.01): string =>
  n === null || n === undefined ? '-' : n.toFixed(Math.max(2, Math.ceil(-Math.log10(tick))));

export function latestQuote(
  d: PaperDriver,
  conId: number,
  since: number,
): { q: Quote; updates: number } | null {
  let q: Quote | null = null;
  let updates = 0;
  for (const e of d.seen('quotes', since))
    for (const x of e.payload.quotes)
      if (x.conId === conId) {
        q = x;
        updates++;
      }
  return q ? { q, updates } : null;
}

/**
 * Outside its own trading hours an instrument may send no prices at all (FX at the weekend): the quote scenarios
 * then note it instead of failing, since the market-hours rule says the rest of the suite still runs.
 */
export function closedNow(i: Instrument, now: number): boolean {
  try {
    return !marketState(i.tradingHours || i.liquidHours, i.timeZoneId || 'US/Eastern', now, 0).open;
  } catch {
    return false;
  }
}

export function latestOrder(d: PaperDriver, orderId: number): Order | null {
  let o: Order | null = null;
  for (const e of d.seen('orders')) for (const x of e.payload.orders) if (x.orderId === orderId) o = x;
  return o;
}

export function executionsOf(d: PaperDriver, orderId: number): Execution[] {
  const m = new Map<string, Execution>();
  for (const e of d.seen('executions'))
    for (const x of e.payload.executions) if (x.orderId === orderId) m.set(x.execId, x);
  return [...m.values()];
}

/** Waits for an order to reach a state; fails at once, with TWS's words, when TWS rejects or ends it instead. */
export async function orderReaches(
  d: PaperDriver,
  orderId: number,
  wanted: readonly string[],
  what: string,
  timeoutMs = 30_000,
): Promise<Order> {
  return d.until(
    () => {
      const o = latestOrder(d, orderId);
      if (!o) return null;
      if (wanted.includes(o.status)) return o;
      if (['Inactive', 'Cancelled', 'ApiCancelled', 'Filled', 'Unknown'].includes(o.status))
        throw new Error(
          `order ${orderId} is ${o.status}, not ${what}${o.message ? `: ${o.message}` : ''}${o.twsCode !== null ? ` (TWS ${o.twsCode})` : ''}`,
        );
      return null;
    },
    `order ${orderId} to be ${what} (now ${latestOrder(d, orderId)?.status ?? 'unknown'})`,
    timeoutMs,
  );
}

export function positionOf(p: PortfolioSnapshot, account: string, conId: number): number {
  return p.positions
    .filter((x) => x.account === account && x.contract.conId === conId)
    .reduce((sum, x) => sum + x.position, 0);
}

export function accountLine(p: PortfolioSnapshot, account: string): string {
  const a = p.accounts.find((x) => x.account === account);
  const positions = p.positions.filter((x) => x.account === account);
  if (!a) return `${account}: no account values`;
  return `${account} (${a.currency}): net liquidation ${money(a.netLiquidation)}, total cash ${money(a.totalCash)}, buying power ${money(a.buyingPower)}; ${positions.length} position(s)${
    positions.length
      ? `: ${positions
          .slice(0, 8)
          .map((x) => `${x.contract.symbol} ${x.position}`)
          .join(', ')}${positions.length > 8 ? '…' : ''}`
      : ''
  }`;
}
