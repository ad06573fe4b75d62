// Textbook references the study tests share (an EMA feeds both the EMA and the MACD tests): plain loops, written
// apart from the studies' running kernels so the two can disagree.

/** The textbook form: seed = SMA of the first n, then EMA = x·k + EMA(prev)·(1 − k), k = 2/(n+1). */
export function naiveEma(xs: readonly (number | null)[], n: number): (number | null)[] {
  const out: (number | null)[] = xs.map(() => null);
  const first = xs.findIndex((x) => x !== null);
  if (first < 0 || xs.length - first < n) return out;
  const k = 2 / (n + 1);
  let e = 0;
  for (let i = first; i < first + n; i++) e += xs[i]! / n;
  out[first + n - 1] = e;
  for (let i = first + n; i < xs.length; i++) out[i] = e = xs[i]! * k + e * (1 - k);
  return out;
}
