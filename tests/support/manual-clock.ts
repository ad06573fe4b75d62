// A Clock that only moves when told to: unit tests of timers (back-off, heartbeat, pacer) run exactly and fast.
import type { Clock, Timer } from '../../src-shared/clock';

type Pending = { id: number; at: number; fn: () => void; every: number | null };

export interface ManualClock extends Clock {
  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** Number of timers waiting. */
  pending(): number;
}

export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, Pending>();

  function add(fn: () => void, ms: number, every: number | null): Timer {
    const id = ++seq;
    timers.set(id, { id, at: now + Math.max(0, ms), fn, every });
    return id as unknown as Timer;
  }
  function clear(t: Timer): void {
    timers.delete(t as unknown as number);
  }

  return {
    now: () => now,
    setTimeout: (fn, ms) => add(fn, ms, null),
    clearTimeout: clear,
    setInterval: (fn, ms) => add(fn, ms, Math.max(1, ms)),
    clearInterval: clear,
    pending: () => timers.size,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let next: Pending | null = null;
        for (const t of timers.values())
          if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
        if (!next) break;
        now = next.at;
        if (next.every !== null) next.at += next.every;
        else timers.delete(next.id);
        next.fn();
      }
      now = end;
    },
  };
}
