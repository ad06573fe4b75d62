// The chart pane's saved layout: what an old or damaged config reads as, each chart's bar size, the ids of the
// charts' series, and the shared crosshair.
import { describe, expect, it, vi } from 'vitest';
import {
  barSizeAt,
  barSizePatch,
  chartIdOf,
  compareIdOf,
  compareOf,
  createCrosshairBus,
  layoutOf,
} from './chart-layout';

describe('chart layout', () => {
  it('reads 1, 2 or 4 charts; anything else is one chart', () => {
    const saved = [undefined, { layout: 2 }, { layout: '4' }, { layout: 3 }, { layout: 'x' }];
    expect(saved.map(layoutOf)).toEqual([1, 2, 4, 1, 1]);
  });

  it('keeps the single chart’s barSize for the first chart and defaults the others by horizon', () => {
    const old = { barSize: '15 mins' };
    expect([0, 1, 2, 3].map((i) => barSizeAt(old, i))).toEqual(['15 mins', '5 mins', '1 hour', '1 day']);
    expect(barSizeAt({ barSize: 'weekly' }, 0)).toBe('1 min');
    expect(barSizeAt({ barSizes: [null, 'bad', '30 mins'] }, 1)).toBe('5 mins');
    expect(barSizeAt({ barSizes: [null, 'bad', '30 mins'] }, 2)).toBe('30 mins');
  });

  it('sets one chart’s bar size and keeps what the others show', () => {
    expect(barSizePatch({}, 0, '1 hour')).toEqual({ barSize: '1 hour' });
    const config = { barSizes: [null, '2 mins'] };
    const patch = barSizePatch(config, 3, '1 week');
    expect(patch).toEqual({ barSizes: [null, '2 mins', '1 hour', '1 week'] });
    const next = { ...config, ...patch };
    expect([1, 2, 3].map((i) => barSizeAt(next, i))).toEqual(['2 mins', '1 hour', '1 week']);
  });

  it('gives the first chart the pane’s own id (single charts’ series) and the others their own', () => {
    expect(chartIdOf('chart-2', 0)).toBe('chart-2');
    const ids = [0, 1, 2, 3].map((i) => chartIdOf('chart-2', i));
    expect(new Set([...ids, ...ids.map(compareIdOf)]).size).toBe(8);
  });

  it('reads the compare symbol, and a damaged one as none', () => {
    const qqq = { conId: 320227571, symbol: 'QQQ', secType: 'STK', exchange: 'SMART', currency: 'USD' };
    expect(compareOf({ compare: qqq })).toEqual(qqq);
    expect(compareOf({ compare: { symbol: 'QQQ' } })).toBeNull();
    expect(compareOf({ compare: null })).toBeNull();
  });

  it('shares a crosshair time with every listener until it leaves', () => {
    const bus = createCrosshairBus();
    const a = vi.fn();
    const b = vi.fn();
    const offA = bus.subscribe(a);
    bus.subscribe(b);
    bus.publish(1, 1_700_000_000);
    expect(a).toHaveBeenCalledWith(1, 1_700_000_000);
    expect(b).toHaveBeenCalledWith(1, 1_700_000_000);
    offA();
    bus.publish(0, null);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenLastCalledWith(0, null);
  });
});
