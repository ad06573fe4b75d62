// Chart pane: 1, 2 or 4 charts of the linked symbol at different bar sizes (the layout and each chart's bar size
// remembered in the pane's config), sharing a crosshair time, the pane's studies and an optional compare symbol
// drawn in percent; the toolbar holds what applies to every chart (symbol, layout, compare, studies, drawing tools).
// The symbol's headlines are marked on every chart's time axis (the pane's own news feed); a click opens the article
// under the charts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ArticleViewer } from '../../ui/ArticleViewer';
import { Options } from '../../ui/Options';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { usePaneId } from '../../ui/pane-context';
import { barSizeAt, barSizePatch, chartIdOf, compareOf, createCrosshairBus, layoutOf } from './chart-layout';
import { CHART_BAR_SIZES } from './chart-view';
import { ChartCell, type ChartTool } from './ChartCell';
import { StudiesDialog } from './StudiesDialog';
import './chart.css';

const DRAWING_TOOLS: readonly [ChartTool & string, string, string][] = [
  ['hline', 'Horizontal line', 'Click the chart to place a horizontal line'],
  ['trend', 'Trend line', 'Click the chart at both ends of the trend line'],
  ['rect', 'Rectangle', 'Click the chart at two opposite corners of the rectangle'],
  ['note', 'Text note', 'Click the chart where the note goes, then type it'],
  ['erase', 'Erase drawing', 'Click a drawing to delete it'],
  ['alert', 'Alert line', 'Click the chart at the price to be alerted at; drag the line to move the alert'],
];

const LAYOUT_NAMES: Record<string, string> = { '1': '1 chart', '2': '2 charts', '4': '4 charts' };

export function ChartPane() {
  const paneId = usePaneId();
  const symbol = useAppStore((s) => symbolOf(s, paneId));
  const config = useAppStore((s) => s.paneStates[paneId]?.config);
  const layout = layoutOf(config);
  const compare = useMemo(() => compareOf(config), [config]);
  const status = useAppStore((s) => s.charts[paneId]?.status);
  const message = useAppStore((s) => s.charts[paneId]?.message);
  const loadingOlder = useAppStore((s) => s.charts[paneId]?.loadingOlder ?? false);
  const barCount = useAppStore((s) => s.charts[paneId]?.bars.length ?? 0);
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const setSymbol = useAppStore((s) => s.setSymbol);
  const [studiesOpen, setStudiesOpen] = useState(false);
  const [tool, setTool] = useState<ChartTool>(null);
  const endTool = useCallback(() => setTool(null), []);
  const bus = useMemo(() => createCrosshairBus(), []);
  const slots = Array.from({ length: layout }, (_, i) => i);
  const store = useAppStoreApi();
  const conId = symbol?.conId;
  useEffect(() => {
    const sym = symbolOf(store.getState(), paneId);
    if (sym) void store.getState().openNews(paneId, sym);
  }, [store, paneId, conId]);
  useEffect(
    () => () => {
      store.getState().closeNews(paneId);
      store.getState().closeArticle(paneId);
    },
    [store, paneId],
  );

  return (
    <div className="pane-body chart" data-theme={theme}>
      <PaneToolbar label="Chart settings">
        <strong className="chart-symbol">{symbol?.symbol ?? 'No symbol'}</strong>
        <SymbolPicker
          label="Chart symbol"
          placeholder="Change symbol…"
          onPick={(item) => setSymbol(paneId, item)}
        />
        {layout === 1 && (
          <select
            aria-label="Bar size"
            value={barSizeAt(config, 0)}
            onChange={(e) => setPaneConfig(paneId, { barSize: e.target.value })}
          >
            <Options values={CHART_BAR_SIZES} />
          </select>
        )}
        <select
          aria-label="Chart layout"
          value={String(layout)}
          onChange={(e) => setPaneConfig(paneId, { layout: Number(e.target.value) })}
        >
          {Object.entries(LAYOUT_NAMES).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        {compare ? (
          <button type="button" onClick={() => setPaneConfig(paneId, { compare: null })}>
            Stop comparing {compare.symbol}
          </button>
        ) : (
          <SymbolPicker
            label="Compare with"
            placeholder="Compare with…"
            onPick={(item) => setPaneConfig(paneId, { compare: { ...item } })}
          />
        )}
        <span className="dim">
          {status === 'loading' && 'Loading…'}
          {status === 'live' &&
            `${barCount.toLocaleString('en-US')} bars${loadingOlder ? ' · loading older…' : ''}`}
        </span>
        <button type="button" aria-haspopup="dialog" onClick={() => setStudiesOpen(true)}>
          Studies…
        </button>
        {DRAWING_TOOLS.map(([t, name, hint]) => (
          <button
            key={t}
            type="button"
            aria-pressed={tool === t}
            title={hint}
            onClick={() => setTool(tool === t ? null : t)}
          >
            {name}
          </button>
        ))}
        {message && <span className="error">{message}</span>}
      </PaneToolbar>
      <div className={`chart-area chart-grid-${layout}`}>
        {slots.map((slot) => (
          <ChartCell
            key={slot}
            paneId={paneId}
            slot={slot}
            chartId={chartIdOf(paneId, slot)}
            symbol={symbol}
            barSize={barSizeAt(config, slot)}
            compare={compare}
            multi={layout > 1}
            bus={bus}
            tool={tool}
            onToolDone={endTool}
            onBarSize={(size) => setPaneConfig(paneId, barSizePatch(config, slot, size))}
          />
        ))}
        {!symbol && (
          <p className="empty chart-empty">
            Click a scanner or watchlist row, or press Ctrl+K, to chart a symbol.
          </p>
        )}
      </div>
      <ArticleViewer paneId={paneId} />
      <StudiesDialog paneId={paneId} open={studiesOpen} onClose={() => setStudiesOpen(false)} />
    </div>
  );
}
