import { describe, expect, it } from 'vitest';
import { withStudy } from '../../stores/chart-studies';
import { isOverlay, lineStyles, paramsFromForm } from './study-view';

describe('study view', () => {
  it('turns the form’s text into params zod can judge', () => {
    expect(paramsFromForm({ period: ' 14 ', source: 'hl2' }, ['period'])).toEqual({
      period: 14,
      source: 'hl2',
    });
    expect(paramsFromForm({ period: 'ten', k: '' }, ['period', 'k'])).toEqual({ period: 'ten', k: '' });
  });

  it('places price studies over the candles and the others below, with a line style per line', () => {
    expect(['sma', 'ema', 'vwap', 'bollinger'].every((k) => isOverlay(k as never))).toBe(true);
    expect(['rsi', 'macd', 'atr', 'volume-average'].some((k) => isOverlay(k as never))).toBe(false);
    const [m] = withStudy([], { kind: 'macd' });
    expect(lineStyles(m!, 0).map((l) => [l.line, l.histogram])).toEqual([
      ['macd', false],
      ['signal', false],
      ['histogram', true],
    ]);
    const [bb] = withStudy([], { kind: 'bollinger' });
    expect(lineStyles(bb!, 1).map((l) => l.width)).toEqual([2, 1, 1]);
    expect(lineStyles(bb!, 1)[0]!.color).not.toBe(lineStyles(bb!, 0)[0]!.color);
  });
});
