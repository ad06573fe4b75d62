// Reconnect back-off (ARCHITECTURE.md §4): 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so many clients
// restarted together do not hit TWS in step. Pure: the random number is an argument.

export const BACKOFF = { baseMs: 1000, maxMs: 30_000, jitter: 0.2 } as const;

/** Delay before reconnect attempt number `attempt` (1 = first retry). `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number, opts: typeof BACKOFF = BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  const nominal = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(n - 1, 30));
  const factor = 1 + opts.jitter * (2 * Math.min(Math.max(random, 0), 1) - 1);
  return Math.round(Math.min(opts.maxMs, Math.max(opts.baseMs / 2, nominal * factor)));
}
