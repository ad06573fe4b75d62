// The first run's arrangement: every pane it shows once, in the columns a trader expects, sized to the dock.
import { describe, expect, it } from 'vitest';
import { defaultLayout, paneDef } from './registry';

type Leaf = { type: 'leaf'; size: number; data: { id: string; views: string[]; activeView: string } };
type Branch = { type: 'branch'; size: number; data: Leaf[] };

function columns(width: number, height: number) {
  const layout = defaultLayout(width, height) as unknown as {
    grid: {
      root: { type: string; size: number; data: Branch[] };
      width: number;
      height: number;
      orientation: string;
    };
    panels: Record<string, { id: string; contentComponent: string; title: string }>;
    activeGroup: string;
  };
  return layout;
}

describe('defaultLayout', () => {
  it('lays out scanner/watchlist, chart/blotters and ticket/positions columns with the first tab of each group shown', () => {
    const l = columns(1600, 839);
    expect(l.grid.orientation).toBe('HORIZONTAL');
    expect(l.grid.root.data.map((c) => c.data.map((g) => g.data.views))).toEqual([
      [['scanner'], ['watchlist']],
      [['chart'], ['orders', 'executions', 'log']],
      [['order-entry'], ['positions', 'account']],
    ]);
    for (const column of l.grid.root.data)
      for (const group of column.data) expect(group.data.activeView).toBe(group.data.views[0]);
    expect(l.activeGroup).toBe(l.grid.root.data[0]!.data[0]!.data.id);
  });

  it('sizes the columns to the dock: half for the scanner, 340 px for the ticket, the rest for the chart', () => {
    const l = columns(1600, 839);
    expect(l.grid.root.data.map((c) => c.size)).toEqual([800, 460, 340]);
    for (const column of l.grid.root.data) {
      expect(column.data.map((g) => g.size)).toEqual([419, 420]);
    }
    // A narrow dock keeps every column: the ticket gives up width first.
    const narrow = columns(600, 400);
    const widths = narrow.grid.root.data.map((c) => c.size);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(600);
    expect(Math.min(...widths)).toBeGreaterThan(0);
  });

  it('names each panel once, by a registered pane kind, with its title and a unique group id', () => {
    const l = columns(1280, 720);
    const ids = l.grid.root.data.flatMap((c) => c.data.flatMap((g) => g.data.views));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(l.panels).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(paneDef(id)?.kind).toBe(id);
      expect(l.panels[id]).toEqual({ id, contentComponent: id, title: paneDef(id)!.title });
    }
    const groups = l.grid.root.data.flatMap((c) => c.data.map((g) => g.data.id));
    expect(new Set(groups).size).toBe(groups.length);
  });
});
