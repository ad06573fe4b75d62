// Display conflation: passes a changing value on at most once per interval, always ending on the latest one. A
// change after a quiet interval goes through at once (no added latency at ordinary tick rates); changes inside
// the interval wait for its end and only the last of them is shown.
export type Conflator<T> = {
  /** A new value: shown now, or at the end of the current interval. */
  push(value: T): void;
  /** A new value shown now whatever the interval (what was waiting is dropped); the interval starts again. */
  pushNow(value: T): void;
  stop(): void;
};

export function createConflator<T>(
  intervalMs: number,
  show: (value: T) => void,
  timers: {
    now(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(t: unknown): void;
  } = {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): Conflator<T> {
  let shownAt = -Infinity;
  let timer: unknown = null;
  let pending: { value: T } | null = null;
  const flush = (): void => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    shownAt = timers.now();
    show(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = shownAt + intervalMs - timers.now();
      if (wait <= 0) flush();
      else timer = timers.setTimeout(flush, wait);
    },
    pushNow(value) {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending = { value };
      flush();
    },
    stop() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
