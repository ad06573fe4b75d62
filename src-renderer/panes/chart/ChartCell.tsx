// One chart of a chart pane: candlesticks and volume (lightweight-charts) of the pane's symbol at one bar size, the
// live last bar, older history loaded in pages when scrolled back, an OHLCV legend under the crosshair, the pane's
// studies, working orders and fills as price lines, the drawings and alert lines of the symbol, a compare symbol
// in percent, and the crosshair time shared with the pane's other charts. The chart is created once per cell and
// fed from the store once a frame with series.update(); it is never rebuilt on a React render. It holds only the
// newest of the store's bars (chart-window.ts), and more as the view reaches the first one it holds.
import {
  CandlestickSeries,
  ColorType,
  createChart,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  PriceScaleMode,
  type CandlestickData,
  type HistogramData,
  type ISeriesApi,
  type Logical,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { barSizeSeconds, type Bar, type BarSize } from '../../../src-shared/domain/bar';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { barsSince } from '../../stores/bar-series';
import { studiesOf } from '../../stores/chart-studies';
import { symbolOf } from '../../stores/panes-slice';
import { useAppStore, useAppStoreApi } from '../../stores/use-app-store';
import { Options } from '../../ui/Options';
import { compareIdOf, compareOf, type CrosshairBus } from './chart-layout';
import { createPriceLines, type Palette } from './price-lines';
import {
  CHART_BAR_SIZES,
  legendText,
  localTickLabel,
  localTimeLabel,
  toCandle,
  toVolume,
} from './chart-view';
import { nextWindow, type HeldWindow } from './chart-window';
import { floorIndex, logicalToTime, timeToLogical, type ChartCoords } from './drawing-geometry';
import { AlertLinesOverlay } from './AlertLinesOverlay';
import { DrawingsOverlay, type DrawingTool } from './DrawingsOverlay';
import { NewsMarkers } from './NewsMarkers';

/** What a click on the chart does: place a drawing, or set a price alert ('alert'). */
export type ChartTool = DrawingTool | 'alert';
import { createStudyLayer } from './study-layer';
import { createStudyRunner } from './study-runner';

/**
 * The chart's colors, read from the theme's CSS variables as they apply to `el`. The pane body carries the theme
 * itself (data-theme), so the colors are right in the same commit that changes the theme: reading them from the
 * document root would see the old theme, because the root's attribute is set by an effect that runs after ours.
 */
function palette(el: Element): Palette {
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

export type ChartCellProps = {
  paneId: string;
  /** The cell's place in the layout (0 = the first chart). */
  slot: number;
  /** The chart slice's id of this cell's series. */
  chartId: string;
  symbol: WatchItem | null;
  barSize: BarSize;
  compare: WatchItem | null;
  /** Several charts in the pane: the cell shows its own bar size menu. */
  multi: boolean;
  bus: CrosshairBus;
  tool: ChartTool;
  onToolDone: () => void;
  onBarSize: (size: BarSize) => void;
};

export function ChartCell(props: ChartCellProps) {
  const { paneId, slot, chartId, symbol, barSize, compare, multi, bus } = props;
  const store = useAppStoreApi();
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const minTick = useAppStore((s) => (symbol ? s.instruments[symbol.conId]?.minTick : undefined));
  const hostRef = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLDivElement>(null);
  const studyLegendRef = useRef<HTMLDivElement>(null);
  const coordsRef = useRef<ChartCoords | null>(null);
  const repaintRef = useRef<(() => void) | null>(null);
  const alertRepaintRef = useRef<(() => void) | null>(null);
  const newsRepaintRef = useRef<(() => void) | null>(null);
  const minTickRef = useRef<number | undefined>(undefined);
  const themeRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    minTickRef.current = minTick;
  }, [minTick]);

  // Load the series whenever the symbol or the bar size changes; release it when the cell goes away.
  const conId = symbol?.conId;
  useEffect(() => {
    const s = store.getState();
    const sym = symbolOf(s, paneId);
    if (sym) {
      void s.loadInstrument(sym.conId);
      void s.openChart(chartId, sym, barSize);
    }
  }, [store, paneId, chartId, conId, barSize]);
  useEffect(() => () => store.getState().closeChart(chartId), [store, chartId]);
  // The compare symbol's series at the same bar size (none when it is the charted symbol itself).
  const compareConId = compare?.conId;
  useEffect(() => {
    const s = store.getState();
    const id = compareIdOf(chartId);
    const other = compareOf(s.paneStates[paneId]?.config);
    if (other && other.conId !== conId) void s.openChart(id, other, barSize);
    else s.closeChart(id);
  }, [store, paneId, chartId, compareConId, conId, barSize]);
  useEffect(() => () => store.getState().closeChart(compareIdOf(chartId)), [store, chartId]);

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
    let compareLine: ISeriesApi<'Line'> | null = null;
    // The store's bars as last drawn, and the part of them the chart holds: the chart's logical index 0 is
    // drawnBars[held.from].
    let drawnBars: readonly Bar[] = [];
    let held: HeldWindow | null = null;
    const heldFrom = () => held?.from ?? 0;
    /** The view reached the first bar the chart holds while the store has older ones: take them in. */
    let extendWanted = false;
    const barsNow = () => store.getState().charts[chartId]?.bars ?? [];
    const barSecondsNow = () => barSizeSeconds(store.getState().charts[chartId]?.barSize ?? '1 min');
    coordsRef.current = {
      x: (time) => {
        const logical = timeToLogical(drawnBars, time, barSecondsNow());
        return logical === null
          ? null
          : chart.timeScale().logicalToCoordinate((logical - heldFrom()) as Logical);
      },
      y: (price) => candles.priceToCoordinate(price),
      time: (x) => {
        const logical = chart.timeScale().coordinateToLogical(x);
        return logical === null ? null : logicalToTime(drawnBars, logical + heldFrom(), barSecondsNow());
      },
      price: (y) => candles.coordinateToPrice(y),
      width: () => chart.timeScale().width(),
      barSeconds: barSecondsNow,
    };
    const repaint = () => {
      repaintRef.current?.();
      alertRepaintRef.current?.();
      newsRepaintRef.current?.();
    };
    const runner = createStudyRunner();
    const studyLayer = createStudyLayer(chart);
    const priceLines = createPriceLines(candles);
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
    const cmp = { key: '', reset: -1, last: null as number | null };
    let hovering = false;
    let raf = 0;

    const showLegend = (text: string) => {
      if (legendRef.current && legendRef.current.textContent !== text) legendRef.current.textContent = text;
    };

    // The compare symbol's closes as a line on the candles' scale, which shows percent while it is there.
    const drawCompare = () => {
      const c = store.getState().charts[compareIdOf(chartId)];
      if (!c || c.status !== 'live') {
        if (compareLine) {
          chart.removeSeries(compareLine);
          compareLine = null;
          host.dataset.compare = '';
          candles.priceScale().applyOptions({ mode: PriceScaleMode.Normal });
        }
        cmp.key = '';
        return;
      }
      if (!compareLine) {
        compareLine = chart.addSeries(LineSeries, {
          color: colors.accent,
          lineWidth: 2,
          priceLineVisible: false,
          crosshairMarkerVisible: false,
          title: c.contract.symbol,
        });
        candles.priceScale().applyOptions({ mode: PriceScaleMode.Percentage });
        host.dataset.compare = c.contract.symbol;
        cmp.key = '';
      }
      if (c.key !== cmp.key || c.resetSeq !== cmp.reset) {
        // Only the bars of the window the candles hold (the rest would cost every update as theirs would).
        const from = held?.fromTime ?? null;
        const shown = from === null ? c.bars : c.bars.filter((b) => b.time >= from);
        compareLine.setData(shown.map((b) => ({ time: ts(b.time), value: b.close })));
        cmp.key = c.key;
        cmp.reset = c.resetSeq;
      } else
        for (const b of barsSince(c.bars, cmp.last)) compareLine.update({ time: ts(b.time), value: b.close });
      cmp.last = c.bars[c.bars.length - 1]?.time ?? null;
    };

    const apply = () => {
      raf = 0;
      const v = store.getState().charts[chartId];
      if (!v) {
        if (drawnReset !== -1) {
          candles.setData([]);
          volume.setData([]);
          drawnReset = -1;
          lastTime = null;
        }
        drawnBars = [];
        held = null;
        extendWanted = false;
        drawCompare();
        studyLayer.draw(runner.sync(undefined), null);
        return;
      }
      const reset = v.resetSeq !== drawnReset || v.key !== drawnKey;
      if (reset || extendWanted) {
        const range = chart.timeScale().getVisibleLogicalRange();
        const sameSeries = v.key === drawnKey;
        const next = nextWindow(v.bars, held, sameSeries, extendWanted);
        extendWanted = false;
        const moved = next.window.fromTime !== held?.fromTime;
        held = next.window;
        const shown = held.from > 0 ? v.bars.slice(held.from) : v.bars;
        candles.setData(shown.map((b) => ({ ...toCandle(b), time: ts(b.time) })));
        volume.setData(shown.map((b) => ({ ...toVolume(b, colors.up, colors.down), time: ts(b.time) })));
        // Keep the view on the bars it showed (a page of older bars or a wider window went in front of them).
        if (sameSeries && next.shift && range)
          chart
            .timeScale()
            .setVisibleLogicalRange({ from: range.from + next.shift, to: range.to + next.shift });
        // Another window: the compare line takes it in, and the studies too when the series was not set again.
        if (moved) cmp.key = '';
        if (moved && !reset) runner.setStudies(studiesOf(store.getState().paneStates[paneId]?.config));
        drawnReset = v.resetSeq;
        drawnKey = v.key;
      } else {
        for (const b of barsSince(v.bars, lastTime)) {
          candles.update({ ...toCandle(b), time: ts(b.time) });
          volume.update({ ...toVolume(b, colors.up, colors.down), time: ts(b.time) });
        }
      }
      drawnBars = v.bars;
      drawCompare();
      studyLayer.draw(runner.sync(v), held?.fromTime ?? null);
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
    const drawLines = () => priceLines.draw(store.getState(), paneId, colors);

    chart.subscribeCrosshairMove((p) => {
      repaint();
      host.dataset.crosshairTime = p.time === undefined ? '' : String(p.time);
      // Only the chart under the mouse speaks for the pane; the others' moves are its echo.
      if (p.sourceEvent) bus.publish(slot, p.time === undefined ? null : (p.time as number));
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
        const v = store.getState().charts[chartId];
        showLegend(legendText(v?.bars[v.bars.length - 1], minTickRef.current));
      }
    });
    // Another chart's crosshair time: here on the bar of this size that contains it.
    const offBus = bus.subscribe((from, time) => {
      if (from === slot) return;
      const bars = barsNow();
      const i = time === null ? -1 : floorIndex(bars, time);
      const bar = bars[i];
      if (bar) chart.setCrosshairPosition(bar.close, ts(bar.time), candles);
      else chart.clearCrosshairPosition();
    });
    // The mouse leaving this chart takes the crosshair off the others (lightweight-charts' own leave has no event).
    const onLeave = () => bus.publish(slot, null);
    host.addEventListener('pointerleave', onLeave);
    const onRange = (r: { from: number; to: number } | null) => {
      repaint();
      if (!r || r.from >= 10) return;
      // The store's older bars first; older history from the host once the chart holds them all.
      if (heldFrom() > 0) {
        extendWanted = true;
        schedule();
      } else void store.getState().loadOlder(chartId);
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);

    const unsubscribe = store.subscribe((s, prev) => {
      if (s.charts[chartId] !== prev.charts[chartId]) schedule();
      const cmpId = compareIdOf(chartId);
      if (s.charts[cmpId] !== prev.charts[cmpId]) schedule();
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
      compareLine?.applyOptions({ color: colors.accent });
      drawnReset = -1;
      schedule();
      drawLines();
    };
    syncStudies();
    schedule();
    drawLines();
    return () => {
      unsubscribe();
      offBus();
      host.removeEventListener('pointerleave', onLeave);
      themeRef.current = null;
      if (raf) cancelAnimationFrame(raf);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      studyLayer.dispose();
      coordsRef.current = null;
      chart.remove();
    };
  }, [store, paneId, chartId, slot, bus]);

  useEffect(() => {
    themeRef.current?.();
  }, [theme]);

  return (
    <div className="chart-cell" data-slot={slot}>
      <div className="chart-legends">
        {multi && (
          <select
            aria-label={`Bar size of chart ${slot + 1}`}
            value={barSize}
            onChange={(e) => props.onBarSize(e.target.value as BarSize)}
          >
            <Options values={CHART_BAR_SIZES} />
          </select>
        )}
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
          tool={props.tool === 'alert' ? null : props.tool}
          onToolDone={props.onToolDone}
          minTick={minTick}
        />
      )}
      {symbol && (
        <AlertLinesOverlay
          symbol={symbol}
          coordsRef={coordsRef}
          repaintRef={alertRepaintRef}
          placing={props.tool === 'alert'}
          onPlaced={props.onToolDone}
          minTick={minTick}
        />
      )}
      {symbol && (
        <NewsMarkers paneId={paneId} chartId={chartId} coordsRef={coordsRef} repaintRef={newsRepaintRef} />
      )}
    </div>
  );
}
