// The chart pane's layout as saved in its pane config: 1, 2 or 4 charts of the linked symbol, each at its own bar
// size, and an optional compare symbol; the ids under which the chart slice keeps each chart's series; and the
// crosshair time the charts of one pane share.
import { BarSize } from '../../../src-shared/domain/bar';
import { WatchItem } from '../../../src-shared/domain/workspace';

type ChartLayout = 1 | 2 | 4;

/** Bar sizes of the charts a layout adds, until the user picks others: one chart per trading horizon. */
const DEFAULT_SIZES: readonly BarSize[] = ['1 min', '5 mins', '1 hour', '1 day'];

type Config = Readonly<Record<string, unknown>> | undefined;

/** The saved layout; anything else (an older workspace, a damaged file) is one chart. */
export function layoutOf(config: Config): ChartLayout {
  const n = Number(config?.layout);
  return n === 2 || n === 4 ? n : 1;
}

/**
 * The bar size of chart `slot`. The first chart keeps the `barSize` key that single-chart workspaces saved; the
 * others are in `barSizes` (index = slot); a missing or damaged entry takes the slot's default.
 */
export function barSizeAt(config: Config, slot: number): BarSize {
  const raw =
    slot === 0 ? config?.barSize : Array.isArray(config?.barSizes) ? config.barSizes[slot] : undefined;
  const r = BarSize.safeParse(raw);
  return r.success ? r.data : (DEFAULT_SIZES[slot] ?? '1 min');
}

/** The config patch that sets chart `slot`'s bar size (the others' saved as they show). */
export function barSizePatch(config: Config, slot: number, size: BarSize): Record<string, unknown> {
  if (slot === 0) return { barSize: size };
  const sizes = DEFAULT_SIZES.map((_, i) => (i === 0 ? null : barSizeAt(config, i)));
  sizes[slot] = size;
  return { barSizes: sizes };
}

/** The chart slice's id of a pane's chart `slot`: the pane's own id for the first, as single charts had. */
export function chartIdOf(paneId: string, slot: number): string {
  return slot === 0 ? paneId : `${paneId}#${slot}`;
}

/** The chart slice's id of the compare symbol's series drawn on chart `chartId`. */
export function compareIdOf(chartId: string): string {
  return `${chartId}~compare`;
}

/** The saved compare symbol, or null (none, or a damaged entry). */
export function compareOf(config: Config): WatchItem | null {
  const r = WatchItem.safeParse(config?.compare);
  return r.success ? r.data : null;
}

/** One pane's crosshair time: the chart under the mouse publishes it, the others follow it. */
export type CrosshairBus = {
  publish(slot: number, time: number | null): void;
  subscribe(listener: (slot: number, time: number | null) => void): () => void;
};

export function createCrosshairBus(): CrosshairBus {
  const listeners = new Set<(slot: number, time: number | null) => void>();
  return {
    publish(slot, time) {
      for (const l of listeners) l(slot, time);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
