// Pure logic of the price ladder: prices on the instrument's tick grid around a centre (highest first), the book's
// bid and ask size at each price, the volume traded at each price, the trader's working orders at their prices, where to centre (the last trade, or
// the middle of the quote before one), and when the auto-centre moves the window.
import type { DepthBook } from '../../../src-shared/domain/depth';
import { isWorking, roundToTick, type Order, type OrderModify } from '../../../src-shared/domain/order';
import type { Quote } from '../../../src-shared/domain/quote';

export type LadderRow = {
  price: number;
  bidSize: number | null;
  askSize: number | null;
  /** Shares traded at this price in the prints the app received (null: none). */
  volume: number | null;
  /** Working buy / sell orders (limit or stop) of this instrument at this price. */
  buys: Order[];
  sells: Order[];
  last: boolean;
};

/** The index of a price on the tick grid (prices are compared by it, never as floats). */
export function tickIndex(price: number, minTick: number): number {
  return Math.round(price / minTick);
}

/** Where the ladder centres: the last trade, else the middle of the quote, else either side; null with no price. */
export function centrePrice(quote: Pick<Quote, 'last' | 'bid' | 'ask'> | undefined): number | null {
  if (!quote) return null;
  if (quote.last !== null) return quote.last;
  if (quote.bid !== null && quote.ask !== null) return (quote.bid + quote.ask) / 2;
  return quote.bid ?? quote.ask;
}

/** The price an order works at on the ladder: its limit, or the trigger of a stop. */
function orderPrice(o: Order): number | null {
  return o.limitPrice ?? o.stopPrice;
}

export function ladderRows(opts: {
  /** Tick index of the middle row. */
  centre: number;
  /** Rows above and below the centre. */
  half: number;
  minTick: number;
  book: DepthBook | undefined;
  orders: readonly Order[];
  conId: number;
  last: number | null;
  /** Shares traded per price (the tape store's volume at price). */
  volume?: Readonly<Record<string, number>> | undefined;
}): LadderRow[] {
  const { centre, half, minTick } = opts;
  const sizes = (rows: DepthBook['bids'] | undefined) => {
    const m = new Map<number, number>();
    for (const r of rows ?? []) {
      const k = tickIndex(r.price, minTick);
      m.set(k, (m.get(k) ?? 0) + r.size);
    }
    return m;
  };
  const traded = new Map<number, number>();
  for (const [price, size] of Object.entries(opts.volume ?? {})) {
    const k = tickIndex(Number(price), minTick);
    traded.set(k, (traded.get(k) ?? 0) + size);
  }
  const bids = sizes(opts.book?.bids);
  const asks = sizes(opts.book?.asks);
  const working = new Map<number, { buys: Order[]; sells: Order[] }>();
  for (const o of opts.orders) {
    const p = orderPrice(o);
    if (o.contract.conId !== opts.conId || p === null || !isWorking(o.status)) continue;
    const k = tickIndex(p, minTick);
    const at = working.get(k) ?? { buys: [], sells: [] };
    (o.action === 'BUY' ? at.buys : at.sells).push(o);
    working.set(k, at);
  }
  const lastKey = opts.last === null ? null : tickIndex(opts.last, minTick);
  const rows: LadderRow[] = [];
  for (let k = centre + half; k >= centre - half; k--) {
    const w = working.get(k);
    rows.push({
      price: roundToTick(k * minTick, minTick),
      bidSize: bids.get(k) ?? null,
      askSize: asks.get(k) ?? null,
      volume: traded.get(k) ?? null,
      buys: w?.buys ?? [],
      sells: w?.sells ?? [],
      last: k === lastKey,
    });
  }
  return rows;
}

/** The auto-centre moves the window only when the last trade comes within `margin` rows of its edge. */
export function recentred(
  centre: number | null,
  target: number | null,
  half: number,
  margin = 3,
): number | null {
  if (target === null) return centre;
  if (centre === null || Math.abs(target - centre) > half - margin) return target;
  return centre;
}

/** The quantity presets a ladder offers (shares or contracts). */
export const QUANTITY_PRESETS = [1, 10, 100, 500, 1000] as const;

/** The modification that moves a working order dropped on another price: a limit's limit, a stop's trigger, a stop
 *  limit's both (by the same number of ticks); null when it does not move or is not an order the ladder can move. */
export function dragModify(o: Order, price: number, minTick: number): OrderModify | null {
  const at = orderPrice(o);
  if (at === null || !isWorking(o.status)) return null;
  const ticks = tickIndex(price, minTick) - tickIndex(at, minTick);
  if (ticks === 0) return null;
  const moved = (p: number) => roundToTick((tickIndex(p, minTick) + ticks) * minTick, minTick);
  if (o.orderType === 'LMT' && o.limitPrice !== null)
    return { orderId: o.orderId, limitPrice: moved(o.limitPrice) };
  if (o.orderType === 'STP' && o.stopPrice !== null)
    return { orderId: o.orderId, stopPrice: moved(o.stopPrice) };
  if (o.orderType === 'STP LMT' && o.stopPrice !== null && o.limitPrice !== null)
    return { orderId: o.orderId, stopPrice: moved(o.stopPrice), limitPrice: moved(o.limitPrice) };
  return null;
}
