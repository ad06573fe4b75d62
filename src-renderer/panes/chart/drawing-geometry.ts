// Drawings are stored in (time, price) so they hold across bar sizes and sessions; the chart places things by
// logical index (bar number, fractions between bars). These convert between the two over a chart's bar times,
// extending the bar size past either end (a trend line may reach into the future or before the first bar).

type Timed = { readonly time: number };

/** The index of the last bar starting at or before t (−1 when t is before the first). */
export function floorIndex(bars: readonly Timed[], t: number): number {
  let lo = 0;
  let hi = bars.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.time <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The logical index of a time over `bars` (ascending times); null without bars. */
export function timeToLogical(bars: readonly Timed[], t: number, barSeconds: number): number | null {
  const n = bars.length;
  if (n === 0) return null;
  const i = floorIndex(bars, t);
  if (i < 0) return (t - bars[0]!.time) / barSeconds;
  if (i === n - 1) return n - 1 + (t - bars[n - 1]!.time) / barSeconds;
  const from = bars[i]!.time;
  return i + (t - from) / (bars[i + 1]!.time - from);
}

/** The time at a logical index (the inverse of timeToLogical), whole seconds; null without bars. */
export function logicalToTime(bars: readonly Timed[], logical: number, barSeconds: number): number | null {
  const n = bars.length;
  if (n === 0) return null;
  if (logical <= 0) return Math.round(bars[0]!.time + logical * barSeconds);
  if (logical >= n - 1) return Math.round(bars[n - 1]!.time + (logical - (n - 1)) * barSeconds);
  const i = Math.floor(logical);
  const from = bars[i]!.time;
  return Math.round(from + (logical - i) * (bars[i + 1]!.time - from));
}
