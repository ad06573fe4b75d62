// Pure view logic of the chart pane: bars as lightweight-charts data, the OHLCV legend, the bar sizes offered,
// and the price lines for working orders and fills of the charted instrument.
import type { Bar, BarSize } from '../../../src-shared/domain/bar';
import type { Execution, Order } from '../../../src-shared/domain/order';
import { isWorking } from '../../../src-shared/domain/order';
import { fmtPrice, fmtSize } from '../format';

export const CHART_BAR_SIZES: readonly BarSize[] = [
  '1 min',
  '2 mins',
  '3 mins',
  '5 mins',
  '10 mins',
  '15 mins',
  '30 mins',
  '1 hour',
  '2 hours',
  '4 hours',
  '1 day',
];

export type Candle = { time: number; open: number; high: number; low: number; close: number };
export type VolumeBar = { time: number; value: number; color: string };

export function toCandle(b: Bar): Candle {
  return { time: b.time, open: b.open, high: b.high, low: b.low, close: b.close };
}

export function toVolume(b: Bar, up: string, down: string): VolumeBar {
  return { time: b.time, value: b.volume, color: b.close >= b.open ? up : down };
}

export function legendText(
  b: Pick<Bar, 'open' | 'high' | 'low' | 'close' | 'volume'> | undefined,
  minTick?: number,
): string {
  if (!b) return 'No bars yet';
  const p = (v: number) => fmtPrice(v, minTick);
  return `O ${p(b.open)}  H ${p(b.high)}  L ${p(b.low)}  C ${p(b.close)}  V ${fmtSize(b.volume)}`;
}

export type PriceLineSpec = {
  key: string;
  price: number;
  title: string;
  kind: 'buy' | 'sell' | 'stop' | 'fill';
};

/** Working orders (limit and stop prices) and the last few fills of one instrument, as price lines. */
export function priceLinesFor(
  conId: number,
  orders: readonly Order[],
  executions: readonly Execution[],
  maxFills = 5,
): PriceLineSpec[] {
  const out: PriceLineSpec[] = [];
  for (const o of orders) {
    if (o.contract.conId !== conId || !isWorking(o.status)) continue;
    const side = o.action === 'BUY' ? 'buy' : 'sell';
    const qty = o.remaining || o.quantity;
    if (o.limitPrice !== null)
      out.push({
        key: `o${o.orderId}l`,
        price: o.limitPrice,
        title: `${o.action} ${qty} ${o.orderType} #${o.orderId}`,
        kind: side,
      });
    if (o.stopPrice !== null)
      out.push({
        key: `o${o.orderId}s`,
        price: o.stopPrice,
        title: `${o.action} ${qty} stop #${o.orderId}`,
        kind: 'stop',
      });
  }
  const fills = executions
    .filter((e) => e.contract.conId === conId)
    .sort((a, b) => b.time - a.time)
    .slice(0, maxFills);
  for (const e of fills)
    out.push({
      key: `x${e.execId}`,
      price: e.price,
      title: `${e.side === 'BUY' ? 'Bought' : 'Sold'} ${e.shares}`,
      kind: 'fill',
    });
  return out;
}
