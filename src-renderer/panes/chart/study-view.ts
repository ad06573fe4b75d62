// How a chart's studies look: the menu's names, where each is drawn (over the candles or in a pane below), its
// lines' colors and widths, and the study dialog's text fields read as params.
import { studyLines, type StudyKind } from '../../../src-shared/domain/studies';
import type { ChartStudy } from '../../stores/chart-studies';

/** The studies in the menu, in its order, with the names a trader reads. */
export const STUDY_MENU: readonly { kind: StudyKind; name: string }[] = [
  { kind: 'sma', name: 'SMA (simple moving average)' },
  { kind: 'ema', name: 'EMA (exponential moving average)' },
  { kind: 'vwap', name: 'VWAP (session)' },
  { kind: 'bollinger', name: 'Bollinger bands' },
  { kind: 'rsi', name: 'RSI' },
  { kind: 'macd', name: 'MACD' },
  { kind: 'atr', name: 'ATR' },
  { kind: 'volume-average', name: 'Volume average' },
];

const OVERLAYS: readonly StudyKind[] = ['sma', 'ema', 'vwap', 'bollinger'];

/** Price-scale studies are drawn over the candles; the others in a pane of their own below. */
export function isOverlay(kind: StudyKind): boolean {
  return OVERLAYS.includes(kind);
}

export type StudyLineStyle = {
  line: string;
  color: string;
  /** MACD's histogram is drawn as bars around 0. */
  histogram: boolean;
  /** Bollinger's outer bands are thinner than its middle. */
  width: 1 | 2;
};

const PALETTE = ['#f5a623', '#4fc3f7', '#ba68c8', '#81c784', '#ff8a65', '#f06292', '#aed581', '#90a4ae'];

/** The looks of a study's lines; `index` (its place in the chart's list) picks its color. */
export function lineStyles(study: ChartStudy, index: number): StudyLineStyle[] {
  const color = PALETTE[index % PALETTE.length]!;
  return studyLines[study.spec.kind].map((line, j) => {
    if (study.spec.kind === 'macd')
      return {
        line,
        color: j === 0 ? color : j === 1 ? '#ef5350' : '#78909c',
        histogram: line === 'histogram',
        width: 2,
      };
    return { line, color, histogram: false, width: study.spec.kind === 'bollinger' && j > 0 ? 1 : 2 };
  });
}

/** A form's fields as study params: text that reads as a number becomes one, so zod judges the value. */
export function paramsFromForm(
  fields: Readonly<Record<string, string>>,
  numeric: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const t = v.trim();
    if (!numeric.includes(k)) out[k] = t;
    else out[k] = t === '' || Number.isNaN(Number(t)) ? t : Number(t);
  }
  return out;
}
