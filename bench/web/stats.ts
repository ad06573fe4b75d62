// The arithmetic of the renderer figures, kept pure so it is unit-tested: percentiles, frame rates from frame
// timestamps, and matching clicks with the orders that reached the gateway.

/** Nearest-rank percentile (p in 0…100) of the values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Frames per second over a run of requestAnimationFrame timestamps (ms). */
export function fps(frameTimes: readonly number[]): number {
  if (frameTimes.length < 2) return 0;
  const span = frameTimes[frameTimes.length - 1]! - frameTimes[0]!;
  return span > 0 ? ((frameTimes.length - 1) / span) * 1000 : 0;
}

/** The longest gap between two frames (ms): a frame rate hides one long stall, this shows it. */
export function longestFrame(frameTimes: readonly number[]): number {
  let worst = 0;
  for (let i = 1; i < frameTimes.length; i++) worst = Math.max(worst, frameTimes[i]! - frameTimes[i - 1]!);
  return worst;
}

/**
 * Click → order latencies: each click is paired with the first order that arrived after it and before the next
 * click (a click whose order never came is counted as missing, not matched with a later one).
 */
export function clickToOrder(
  clicks: readonly number[],
  orders: readonly number[],
): { latencies: number[]; missing: number } {
  const latencies: number[] = [];
  let missing = 0;
  const sorted = [...orders].sort((a, b) => a - b);
  let j = 0;
  for (let i = 0; i < clicks.length; i++) {
    const click = clicks[i]!;
    const next = clicks[i + 1] ?? Infinity;
    // Clocks are the same machine's, but the gateway stamps whole milliseconds: allow 1 ms of rounding.
    while (j < sorted.length && sorted[j]! < click - 1) j++;
    if (j < sorted.length && sorted[j]! < next) {
      latencies.push(Math.max(0, sorted[j]! - click));
      j++;
    } else missing++;
  }
  return { latencies, missing };
}

/** Heap growth: the last sample against the last one taken by the end of the warm-up (the first sample if none). */
export function heapGrowth(
  samples: readonly { at: number; mb: number }[],
  warmupMs: number,
): { base: number; last: number; growth: number } {
  if (samples.length === 0) throw new Error('no heap samples');
  let base = samples[0]!.mb;
  for (const s of samples) if (s.at <= warmupMs) base = s.mb;
  const last = samples[samples.length - 1]!.mb;
  return { base, last, growth: last - base };
}
