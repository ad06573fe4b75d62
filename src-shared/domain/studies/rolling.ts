// The two O(1) running cores the studies are made of: a fixed window with its mean and variance, and an average
// seeded by an SMA then smoothed exponentially (EMA, and Wilder's smoothing for RSI and ATR).

/**
 * The last `capacity` values of a series with their mean and sum of squared deviations (Welford), so a window's
 * variance never comes from the cancellation-prone Σx² − (Σx)²/n. Every `capacity` pushes the mean and M2 are
 * recomputed from the stored values, so rounding never accumulates beyond one window (amortised O(1)).
 */
export class RollingWindow {
  private readonly values: Float64Array;
  private start = 0;
  private sinceResync = 0;
  count = 0;
  mean = 0;
  private m2 = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(Math.max(capacity, 1));
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  push(x: number): void {
    const cap = this.capacity;
    if (cap === 0) return;
    if (this.count < cap) {
      this.values[(this.start + this.count) % cap] = x;
      this.count++;
      const delta = x - this.mean;
      this.mean += delta / this.count;
      this.m2 += delta * (x - this.mean);
    } else {
      const y = this.values[this.start]!;
      this.values[this.start] = x;
      this.start = (this.start + 1) % cap;
      const oldMean = this.mean;
      this.mean += (x - y) / cap;
      this.m2 += (x - y) * (x - this.mean + y - oldMean);
    }
    if (++this.sinceResync >= cap) this.resync();
  }

  /** Mean of the window plus one more value, without storing it. */
  meanWith(x: number): number {
    return this.mean + (x - this.mean) / (this.count + 1);
  }

  /** Population variance of the window plus one more value, without storing it. */
  varianceWith(x: number): number {
    const n = this.count + 1;
    const delta = x - this.mean;
    const mean = this.mean + delta / n;
    return Math.max(0, (this.m2 + delta * (x - mean)) / n);
  }

  private resync(): void {
    this.sinceResync = 0;
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.values[i]!;
    const mean = sum / this.count;
    let m2 = 0;
    for (let i = 0; i < this.count; i++) m2 += (this.values[i]! - mean) ** 2;
    this.mean = mean;
    this.m2 = m2;
  }
}

/**
 * An average seeded with the SMA of its first `period` values, then smoothed: avg += α·(x − avg). α = 2/(n+1) is
 * the EMA, α = 1/n Wilder's smoothing (RMA).
 */
export class SeededAverage {
  private seen = 0;
  private sum = 0;
  private value = 0;

  constructor(
    private readonly period: number,
    private readonly alpha: number,
  ) {}

  /** The average with `x` as the next value, without storing it; null while fewer than `period` values. */
  peek(x: number): number | null {
    const n = this.seen + 1;
    if (n < this.period) return null;
    if (n === this.period) return (this.sum + x) / this.period;
    // A weighted sum, not value + α(x − value): with non-negative inputs (RSI's gains and losses) it never
    // cancels to 0 while a value is still positive (α = 1 gives x exactly).
    return (1 - this.alpha) * this.value + this.alpha * x;
  }

  commit(x: number): void {
    const v = this.peek(x);
    this.seen++;
    if (v === null) this.sum += x;
    else this.value = v;
  }
}

export const emaAlpha = (period: number): number => 2 / (period + 1);
export const wilderAlpha = (period: number): number => 1 / period;
