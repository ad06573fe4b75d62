// One timer drives every stream of the gateway (quotes, live bars, scanners, order matching, account updates): a
// beat calls each part in a fixed order, and the timer runs only while some part has work.
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

export interface BeatPart {
  hasWork(): boolean;
  beat(now: number): void;
}

export class BeatLoop {
  private timer: Timer | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly log: Logger,
    private readonly parts: readonly BeatPart[],
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Starts the timer if it is idle (a new subscription, a resting order). */
  wake(): void {
    if (this.timer || this.stopped) return;
    this.timer = this.clock.setInterval(() => this.beat(), this.intervalMs);
  }

  /** Stops for good (gateway shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    const now = this.clock.now();
    try {
      for (const p of this.parts) p.beat(now);
    } catch (err) {
      // One broken stream must not stop the others for good: the next beat runs every part again.
      this.log.error(`beat failed: ${(err as Error).message}`, { stack: (err as Error).stack });
    }
    if (!this.parts.some((p) => p.hasWork()) && this.timer) {
      this.clock.clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

/** Beat interval for a tick rate (updates per second per instrument), never below 10 ms. */
export function beatIntervalMs(tickRate: number): number {
  return Math.max(10, Math.round(1000 / tickRate));
}
