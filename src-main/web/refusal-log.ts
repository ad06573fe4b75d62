// Refused connections are logged, but a local process that opens a thousand bad upgrades must not push a thousand
// warnings to every window's Log pane: a few per window of time are written, the rest are counted in one summary.
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

export interface RefusalLog {
  note(why: string): void;
  /** Writes the pending summary now (the host is stopping). */
  flush(): void;
}

export function createRefusalLog(deps: {
  log: Logger;
  clock: Clock;
  /** Refusals written in full per window. */
  burst?: number;
  windowMs?: number;
}): RefusalLog {
  const burst = deps.burst ?? 5;
  const windowMs = deps.windowMs ?? 10_000;
  let written = 0;
  let suppressed = 0;
  let timer: Timer | null = null;

  function flush(): void {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    if (suppressed > 0) {
      deps.log.warn(
        `WebSocket refused ${suppressed} more time${suppressed === 1 ? '' : 's'} (not logged one by one)`,
      );
    }
    written = 0;
    suppressed = 0;
  }

  return {
    note(why) {
      if (timer === null) timer = deps.clock.setTimeout(flush, windowMs);
      if (written < burst) {
        written++;
        deps.log.warn(`WebSocket refused: ${why}`);
      } else suppressed++;
    },
    flush,
  };
}
