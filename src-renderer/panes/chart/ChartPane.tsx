// Chart pane: candlesticks and volume (lightweight-charts), bar sizes 1 min … 1 day, the live last bar, older
// history loaded in pages when scrolled back, an OHLCV legend under the crosshair, and working orders and fills as
// price lines, the symbol's headlines as markers on the time axis (a click opens the article under the chart). The
// chart is created once per pane and fed from the store once a frame with series.update(); it
// is never rebuilt on a React render.
import {
  CandlestickSeries,
  ColorType,
  createChart,
  CrosshairMode,
  HistogramSeries,
  LineStyle,
  type CandlestickData,
  type HistogramData,
  type IPriceLine,
  type ISeriesApi,
  type Logical,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { barSizeSeconds, type BarSize } from '../../../src-shared/domain/bar';
import { Options } from '../../ui/Options';
import { PaneToolbar } from '../../ui/PaneTools';
import { SymbolPicker } from '../../ui/SymbolPicker';
import { barsSince } from '../../stores/bar-series';
import { studiesOf } from '../../stores/chart-studies';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { usePaneId } from '../../ui/pane-context';
import {
  CHART_BAR_SIZES,
  legendText,
  localTickLabel,
  localTimeLabel,
  priceLinesFor,
  toCandle,
  toVolume,
  type PriceLineSpec,
} from './chart-view';
import { logicalToTime, timeToLogical } from './drawing-geometry';
import { DrawingsOverlay, type ChartCoords, type DrawingTool } from './DrawingsOverlay';
import { StudiesDialog } from './StudiesDialog';
import { NewsMarkers } from './NewsMarkers';
import { ArticleViewer } from '../../ui/ArticleViewer';
import { createStudyLayer } from './study-layer';
import { createStudyRunner } from './study-runner';
import './chart.css';

/**
 * The chart's colors, read from the theme's CSS variables as they apply to `el`. The pane body carries the theme
 * itself (data-theme), so the colors are right in the same commit that changes the theme: reading them from the
 * document root would see the old theme, because the root's attribute is set by an effect that runs after ours.
 */
function palette(el: Element) {
  const style = getComputedStyle(el);
  const cssVar = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bg: cssVar('--bg-2', '#171c25'),
    fg: cssVar('--fg', '#d7dde8'),
    grid: cssVar('--border', '#2a3342'),
    up: cssVar('--up', '#26a69a'),
    down: cssVar('--down', '#ef5350'),
    accent: cssVar('--accent', '#3d8bfd'),
    warn: cssVar('--warn', '#e0a030'),
  };
}

const ts = (t: number) => t as UTCTimestamp;

const DRAWING_TOOLS: readonly [DrawingTool & string, string, string][] = [
  ['hline', 'Horizontal line', 'Click the chart to place a horizontal line'],
  ['trend', 'Trend line', 'Click the chart at both ends of the trend line'],
];

export function ChartPane() {
  const paneId = usePaneId();
  const store = useAppStoreApi();
  const symbol = useAppStore((s) => symbolOf(s, paneId));
  const barSize = useAppStore(
    (s) => (s.paneStates[paneId]?.config.barSize as BarSize | undefined) ?? '1 min',
  );
  const status = useAppStore((s) => s.charts[paneId]?.status);
  const message = useAppStore((s) => s.charts[paneId]?.message);
  const loadingOlder = useAppStore((s) => s.charts[paneId]?.loadingOlder ?? false);
  const barCount = useAppStore((s) => s.charts[paneId]?.bars.length ?? 0);
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const minTick = useAppStore((s) => (symbol ? s.instruments[symbol.conId]?.minTick : undefined));
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const setSymbol = useAppStore((s) => s.setSymbol);

  const hostRef = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLDivElement>(null);
  const studyLegendRef = useRef<HTMLDivElement>(null);
  const [studiesOpen, setStudiesOpen] = useState(false);
  const [tool, setTool] = useState<DrawingTool>(null);
  const coordsRef = useRef<ChartCoords | null>(null);
  const repaintRef = useRef<(() => void) | null>(null);
  const newsRepaintRef = useRef<(() => void) | null>(null);
  const endTool = useCallback(() => setTool(null), []);
  const minTickRef = useRef<number | undefined>(undefined);
  const themeRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    minTickRef.current = minTick;
  }, [minTick]);

  // Load the series whenever the symbol or the bar size changes; release it when the pane goes away.
  const conId = symbol?.conId;
  useEffect(() => {
    const s = store.getState();
    const sym = symbolOf(s, paneId);
    if (sym) {
      void s.loadInstrument(sym.conId);
      void s.openChart(paneId, sym, barSize);
    }
  }, [store, paneId, conId, barSize]);
  useEffect(() => () => store.getState().closeChart(paneId), [store, paneId]);
  // The symbol's headlines, marked on the time axis (the pane's own feed, like a News pane's).
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

  // The chart itself: created once, fed once a frame.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let colors = palette(host);
    const chart = createChart(host, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: colors.bg },
        textColor: colors.fg,
        attributionLogo: false,
      },
      grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
      crosshair: { mode: CrosshairMode.Normal },
      timeScale: {
        timeVisible: true,
        secondsVisible: false,
        rightOffset: 4,
        tickMarkFormatter: (time: Time, kind: number) => localTickLabel(time as number, kind),
      },
      localization: { timeFormatter: (time: Time) => localTimeLabel(time as number) },
      rightPriceScale: { borderColor: colors.grid },
    });
    const candles: ISeriesApi<'Candlestick'> = chart.addSeries(CandlestickSeries, {
      upColor: colors.up,
      downColor: colors.down,
      borderVisible: false,
      wickUpColor: colors.up,
      wickDownColor: colors.down,
    });
    const volume: ISeriesApi<'Histogram'> = chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'volume' },
      priceScaleId: '',
      lastValueVisible: false,
      priceLineVisible: false,
    });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    const repaint = () => {
      repaintRef.current?.();
      newsRepaintRef.current?.();
    };
    const barsNow = () => store.getState().charts[paneId]?.bars ?? [];
    const barSecondsNow = () => barSizeSeconds(store.getState().charts[paneId]?.barSize ?? '1 min');
    coordsRef.current = {
      x: (time) => {
        const logical = timeToLogical(barsNow(), time, barSecondsNow());
        return logical === null ? null : chart.timeScale().logicalToCoordinate(logical as Logical);
      },
      y: (price) => candles.priceToCoordinate(price),
      time: (x) => {
        const logical = chart.timeScale().coordinateToLogical(x);
        return logical === null ? null : logicalToTime(barsNow(), logical, barSecondsNow());
      },
      price: (y) => candles.coordinateToPrice(y),
      width: () => chart.timeScale().width(),
      barSeconds: barSecondsNow,
    };
    const runner = createStudyRunner();
    const studyLayer = createStudyLayer(chart);
    let studiesKey = '';
    // The studies' series are made again only when the saved list changes (a user action, or a reload).
    const syncStudies = () => {
      const list = studiesOf(store.getState().paneStates[paneId]?.config);
      const key = JSON.stringify(list);
      if (key === studiesKey) return;
      studiesKey = key;
      runner.setStudies(list);
      studyLayer.setStudies(list);
      schedule();
    };

    let drawnReset = -1;
    let drawnKey = '';
    let lastTime: number | null = null;
    let hovering = false;
    let raf = 0;
    let lines = new Map<string, IPriceLine>();

    const showLegend = (text: string) => {
      if (legendRef.current && legendRef.current.textContent !== text) legendRef.current.textContent = text;
    };

    const apply = () => {
      raf = 0;
      const v = store.getState().charts[paneId];
      if (!v) {
        if (drawnReset !== -1) {
          candles.setData([]);
          volume.setData([]);
          drawnReset = -1;
          lastTime = null;
        }
        studyLayer.draw(runner.sync(undefined));
        return;
      }
      if (v.resetSeq !== drawnReset || v.key !== drawnKey) {
        const range = chart.timeScale().getVisibleLogicalRange();
        const sameSeries = v.key === drawnKey;
        candles.setData(v.bars.map((b) => ({ ...toCandle(b), time: ts(b.time) })));
        volume.setData(v.bars.map((b) => ({ ...toVolume(b, colors.up, colors.down), time: ts(b.time) })));
        if (sameSeries && v.prepended > 0 && range)
          chart
            .timeScale()
            .setVisibleLogicalRange({ from: range.from + v.prepended, to: range.to + v.prepended });
        drawnReset = v.resetSeq;
        drawnKey = v.key;
      } else {
        for (const b of barsSince(v.bars, lastTime)) {
          candles.update({ ...toCandle(b), time: ts(b.time) });
          volume.update({ ...toVolume(b, colors.up, colors.down), time: ts(b.time) });
        }
      }
      studyLayer.draw(runner.sync(v));
      const studyText = studyLayer.legend();
      if (studyLegendRef.current && studyLegendRef.current.textContent !== studyText)
        studyLegendRef.current.textContent = studyText;
      const last = v.bars[v.bars.length - 1];
      lastTime = last?.time ?? null;
      host.dataset.lastBarTime = last ? String(last.time) : '';
      repaint();
      if (!hovering) showLegend(legendText(last, minTickRef.current));
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(apply);
    };

    const drawLines = () => {
      const s = store.getState();
      const sym = symbolOf(s, paneId);
      const specs: PriceLineSpec[] = sym
        ? priceLinesFor(sym.conId, Object.values(s.orders), Object.values(s.executions))
        : [];
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
    };

    chart.subscribeCrosshairMove((p) => {
      repaint();
      const d = p.time !== undefined ? (p.seriesData.get(candles) as CandlestickData | undefined) : undefined;
      if (d && 'open' in d) {
        hovering = true;
        const vol = p.seriesData.get(volume) as HistogramData | undefined;
        const ohlcv = {
          open: d.open,
          high: d.high,
          low: d.low,
          close: d.close,
          volume: vol && 'value' in vol ? vol.value : 0,
        };
        showLegend(legendText(ohlcv, minTickRef.current));
      } else {
        hovering = false;
        const v = store.getState().charts[paneId];
        showLegend(legendText(v?.bars[v.bars.length - 1], minTickRef.current));
      }
    });
    const onRange = (r: { from: number; to: number } | null) => {
      repaint();
      if (r && r.from < 10) void store.getState().loadOlder(paneId);
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);

    const unsubscribe = store.subscribe((s, prev) => {
      if (s.charts[paneId] !== prev.charts[paneId]) schedule();
      if (s.paneStates !== prev.paneStates) syncStudies();
      if (
        s.orders !== prev.orders ||
        s.executions !== prev.executions ||
        s.paneStates !== prev.paneStates ||
        s.groupSymbols !== prev.groupSymbols
      )
        drawLines();
    });
    themeRef.current = () => {
      colors = palette(host);
      chart.applyOptions({
        layout: { background: { type: ColorType.Solid, color: colors.bg }, textColor: colors.fg },
        grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
        rightPriceScale: { borderColor: colors.grid },
      });
      candles.applyOptions({
        upColor: colors.up,
        downColor: colors.down,
        wickUpColor: colors.up,
        wickDownColor: colors.down,
      });
      drawnReset = -1;
      schedule();
      drawLines();
    };
    syncStudies();
    schedule();
    drawLines();
    return () => {
      unsubscribe();
      themeRef.current = null;
      if (raf) cancelAnimationFrame(raf);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      studyLayer.dispose();
      coordsRef.current = null;
      chart.remove();
    };
  }, [store, paneId]);

  useEffect(() => {
    themeRef.current?.();
  }, [theme]);

  return (
    <div className="pane-body chart" data-theme={theme}>
      <PaneToolbar label="Chart settings">
        <strong className="chart-symbol">{symbol?.symbol ?? 'No symbol'}</strong>
        <SymbolPicker
          label="Chart symbol"
          placeholder="Change symbol…"
          onPick={(item) => setSymbol(paneId, item)}
        />
        <select
          aria-label="Bar size"
          value={barSize}
          onChange={(e) => setPaneConfig(paneId, { barSize: e.target.value })}
        >
          <Options values={CHART_BAR_SIZES} />
        </select>
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
      <div className="chart-area">
        <div className="chart-legends">
          <div ref={legendRef} className="chart-legend" role="note" aria-label="Chart legend" />
          <div ref={studyLegendRef} className="chart-legend" role="note" aria-label="Study values" />
        </div>
        <div
          ref={hostRef}
          className="chart-host"
          style={symbol ? undefined : { visibility: 'hidden' }}
          role="img"
          aria-label={symbol ? `${symbol.symbol} ${barSize} candlestick chart` : 'Empty chart'}
        />
        {symbol && (
          <DrawingsOverlay
            conId={symbol.conId}
            coordsRef={coordsRef}
            repaintRef={repaintRef}
            tool={tool}
            onToolDone={endTool}
            minTick={minTick}
          />
        )}
        {symbol && <NewsMarkers paneId={paneId} coordsRef={coordsRef} repaintRef={newsRepaintRef} />}
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
