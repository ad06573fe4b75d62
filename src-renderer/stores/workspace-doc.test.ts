import { describe, expect, it } from 'vitest';
import { buildWorkspace, paneKind, parseWorkspace } from './workspace-doc';
import { blankPane } from './panes-slice';
import { item } from '../../tests/support/renderer/fixtures';

describe('workspace document', () => {
  it('round-trips the dock, the panes and the link groups', () => {
    const w = {
      dock: { grid: { root: {} }, panels: {} },
      panes: { chart: blankPane({ symbol: item(1, 'AAPL'), config: { barSize: '5 mins' } }) },
      groups: { red: item(1, 'AAPL') },
      drawings: {
        '1': [
          { id: 'hline-1', kind: 'hline' as const, price: 101.5 },
          {
            id: 'trend-2',
            kind: 'trend' as const,
            a: { time: 60, price: 100 },
            b: { time: 600, price: 102 },
          },
        ],
      },
      refusedDrawings: [],
    };
    expect(parseWorkspace(JSON.parse(JSON.stringify(buildWorkspace(w))))).toEqual(w);
  });

  it('reads an older save (the dock JSON alone) and nothing at all', () => {
    expect(parseWorkspace({ grid: {}, panels: {} })).toEqual({
      dock: { grid: {}, panels: {} },
      panes: {},
      groups: {},
      drawings: {},
      refusedDrawings: [],
    });
    expect(parseWorkspace(null)).toEqual({
      dock: null,
      panes: {},
      groups: {},
      drawings: {},
      refusedDrawings: [],
    });
  });

  it('drops damaged pane entries and keeps the rest', () => {
    const w = parseWorkspace({
      ibdesk: 2,
      dock: null,
      panes: { a: blankPane(), b: 'garbage', c: { link: 'purple', symbol: 7, config: [] } },
      groups: {},
    });
    expect(Object.keys(w.panes).sort()).toEqual(['a', 'c']);
    expect(w.panes.c).toEqual({ link: 'none', symbol: null, config: {} });
  });

  it('names a panel’s kind', () => {
    expect(paneKind('chart')).toBe('chart');
    expect(paneKind('chart-3')).toBe('chart');
    expect(paneKind('order-entry')).toBe('order-entry');
  });
});
