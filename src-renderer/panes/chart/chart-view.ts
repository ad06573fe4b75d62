// Pure view logic of the chart pane: bars as lightweight-charts data, the OHLCV legend, the bar sizes offered,
// and the price lines for working orders and fills of the charted instrument.
import { BarSize, type Bar } from '../../../src-shared/domain/bar';
import type { Execution, Order } from '../../../src-shared/domain/order';
import { isWorking } from '../../../src-shared/domain/order';
import { fmtPrice, fmtSize } from '../../ui/format';

/** Sizes TWS offers that the chart's menu leaves out (between its neighbours, they add nothing to read). */
const ODD_SIZES: readonly BarSize[] = ['20 mins', '3 hours', '8 hours'];

/** The chart's bar sizes: TWS's from 1 minute to 1 day, without the odd ones. */
const ALL_SIZES = BarSize.options;
export const CHART_BAR_SIZES: readonly BarSize[] = ALL_SIZES.slice(
  ALL_SIZES.indexOf('1 min'),
  ALL_SIZES.indexOf('1 day') + 1,
).filter((b) => !ODD_SIZES.includes(b));

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

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A time-axis label in the viewer's local time (bars carry UTC seconds; lightweight-charts would print UTC).
 * `kind` follows lightweight-charts' TickMarkType: 0 year, 1 month, 2 day of month, 3 time, 4 time with seconds.
 */
export function localTickLabel(seconds: number, kind: number): string {
  const d = new Date(seconds * 1000);
  switch (kind) {
    case 0:
      return String(d.getFullYear());
    case 1:
      return MONTHS[d.getMonth()]!;
    case 2:
      return `${d.getDate()} ${MONTHS[d.getMonth()]}`;
    case 4:
      return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    default:
      return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
}

/** The crosshair's time label, local: "Tue 25 Nov 2026 14:35". */
export function localTimeLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]!;
  return `${day} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
