// Working orders and fills of the charted instrument as price lines on one chart's candles: each line kept
// across redraws by its key (moved in place, not made again), so every chart of a pane shows them the same.
import { LineStyle, type IPriceLine, type ISeriesApi } from 'lightweight-charts';
import type { AppState } from '../../stores/app-store';
import { symbolOf } from '../../stores/panes-slice';
import { priceLinesFor } from './chart-view';

export type Palette = {
  bg: string;
  fg: string;
  grid: string;
  up: string;
  down: string;
  accent: string;
  warn: string;
};

export function createPriceLines(candles: ISeriesApi<'Candlestick'>) {
  let lines = new Map<string, IPriceLine>();
  return {
    draw(s: AppState, paneId: string, colors: Palette): void {
      const sym = symbolOf(s, paneId);
      const specs = sym ? priceLinesFor(sym.conId, Object.values(s.orders), Object.values(s.executions)) : [];
      const next = new Map<string, IPriceLine>();
      for (const spec of specs) {
        const color =
          spec.kind === 'buy'
            ? colors.accent
            : spec.kind === 'sell'
              ? colors.down
              : spec.kind === 'stop'
                ? colors.warn
                : colors.up;
        const opts = {
          price: spec.price,
          color,
          lineWidth: 1 as const,
          lineStyle: spec.kind === 'fill' ? LineStyle.Dotted : LineStyle.Dashed,
          axisLabelVisible: true,
          title: spec.title,
        };
        const existing = lines.get(spec.key);
        if (existing) {
          existing.applyOptions(opts);
          next.set(spec.key, existing);
          lines.delete(spec.key);
        } else next.set(spec.key, candles.createPriceLine(opts));
      }
      for (const gone of lines.values()) candles.removePriceLine(gone);
      lines = next;
    },
  };
}
