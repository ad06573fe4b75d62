// The paper suite's sanity check of historical bars: consistent OHLC, in order, not in the future, no denser than
// the bar size and no longer than the duration asked for. Pure; null when the bars look right.
import {
  barSizeSeconds,
  durationSeconds,
  type Bar,
  type BarSize,
  type Duration,
} from '../../src-shared/domain/bar';

export function checkBars(
  bars: readonly Bar[],
  barSize: BarSize,
  duration: Duration,
  nowSec: number,
): string | null {
  if (bars.length === 0) return 'no bars';
  const step = barSizeSeconds(barSize);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    if (!(b.low <= Math.min(b.open, b.close) + 1e-9 && b.high >= Math.max(b.open, b.close) - 1e-9))
      return `bar ${new Date(b.time * 1000).toISOString()} has open/close outside its high/low`;
    const prev = bars[i - 1];
    if (prev && b.time <= prev.time) return `bars out of order at ${b.time}`;
  }
  const last = bars[bars.length - 1]!;
  if (last.time > nowSec + step) return `the last bar starts in the future (${last.time})`;
  // The first bar of a span may be partial (not on a bar boundary); after it, bars are a bar size apart or more.
  const span = last.time - bars[0]!.time;
  if (bars.length > span / step + 2) return `${bars.length} bars in ${span} s is denser than ${barSize} bars`;
  if (bars.length > 1 && span > durationSeconds(duration) + 7 * 86_400)
    return `the bars span ${span} s, more than the ${duration} asked for`;
  return null;
}
