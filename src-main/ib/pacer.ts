// The outgoing pacer: every message to TWS (requests, cancels, orders, heartbeats) leaves through here, at most
// `limit` in any sliding window (TWS closes a connection above 50 msg/s; we stay at 45). Jobs wait in priority
// order. The window arithmetic is a pure class; the driver only adds a clock and a timer.
import type { Clock, Timer } from '../core/clock';

export const PACER_DEFAULTS = {
  limit: 45,
  windowMs: 1000,
  /**
   * Extra spacing on top of the window: TWS (or the test gateway) stamps messages when it reads them, and a busy
   * event loop on either side can squeeze two of our windows together by a few tens of milliseconds.
   */
  guardMs: 45,
  /**
   * The steady flow under the hard limit, and how many may leave back to back. TWS stamps a message when it
   * gets to it, so bursts sent at the limit can look squeezed on its side (processing stalls, Nagle); an even
   * flow (one message every 23 ms) with almost no burst keeps every one-second window at or below 45 there too,
   * while a resubscription of N streams still takes about N/43 s (issue #7's budget: N/45 + 1 s). A sliding
   * window alone also refills all at once and sends the next burst exactly one window later.
   */
  ratePerSec: 43,
  burst: 3,
} as const;

/** Lower runs first. Orders and heartbeats never wait behind a storm of subscriptions. */
export const Priority = {
  control: 0,
  order: 1,
  request: 2,
  subscribe: 3,
  replay: 4,
} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** Pure token bucket: `burst` messages at once, refilled at `perMs` messages per millisecond. */
export class SendBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly burst: number,
    readonly perMs: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * this.perMs);
    this.at = Math.max(this.at, now);
  }

  nextFree(now: number, cost: number): number {
    this.refill(now);
    const need = Math.min(cost, this.burst) - this.tokens;
    return need <= 1e-9 ? now : now + Math.ceil(need / this.perMs);
  }

  take(now: number, cost: number): void {
    this.refill(now);
    this.tokens -= cost;
  }
}

/** Pure sliding-window log of send times. */
export class SendWindow {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    readonly spanMs: number,
  ) {}

  private prune(now: number): void {
    while (this.times.length > 0 && this.times[0]! <= now - this.spanMs) this.times.shift();
  }

  /** How many messages fit right now. */
  room(now: number): number {
    this.prune(now);
    return Math.max(0, this.limit - this.times.length);
  }

  /** The earliest time at which `cost` messages fit. */
  nextFree(now: number, cost: number): number {
    this.prune(now);
    const need = this.times.length + cost - this.limit;
    if (need <= 0) return now;
    const t = this.times[need - 1];
    return t === undefined ? now : t + this.spanMs;
  }

  record(now: number, count = 1): void {
    this.prune(now);
    for (let i = 0; i < count; i++) this.times.push(now);
  }

  /** Messages sent within the last `ms` (≤ spanMs). */
  countSince(now: number, ms: number): number {
    this.prune(now);
    let n = 0;
    for (let i = this.times.length - 1; i >= 0 && this.times[i]! > now - ms; i--) n++;
    return n;
  }
}

export type PacerJob = {
  priority: Priority;
  /** Number of TWS messages the job writes (a delayed-data request is three). */
  cost?: number;
  label: string;
  /** Writes the messages. Runs only while the pacer is open. */
  run: () => void;
  /** Called instead of `run` when the connection closes first: the job is never sent later. */
  dropped?: (reason: string) => void;
};

export interface Pacer {
  /** Queues a job; returns a function that removes it if it has not run yet. */
  submit(job: PacerJob): () => void;
  /** Starts sending (the session is ready). */
  open(): void;
  /** Stops sending and drops every queued job: nothing crosses a connection. */
  close(reason: string): void;
  /** Counts a message sent outside the pacer (START_API by the client library). */
  note(count?: number): void;
  queued(): number;
  /** Messages sent in the last second. */
  rate(): number;
}

export function createPacer(deps: {
  clock: Clock;
  limit?: number;
  windowMs?: number;
  guardMs?: number;
  ratePerSec?: number;
  burst?: number;
}): Pacer {
  const { clock } = deps;
  const limit = deps.limit ?? PACER_DEFAULTS.limit;
  const span = (deps.windowMs ?? PACER_DEFAULTS.windowMs) + (deps.guardMs ?? PACER_DEFAULTS.guardMs);
  const window = new SendWindow(limit, span);
  const rate = Math.min(deps.ratePerSec ?? PACER_DEFAULTS.ratePerSec, (limit * 1000) / span);
  const bucket = new SendBucket(
    Math.min(limit, deps.burst ?? PACER_DEFAULTS.burst),
    rate / 1000,
    clock.now(),
  );
  const queues: PacerJob[][] = [[], [], [], [], []];
  let isOpen = false;
  let timer: Timer | null = null;
  let pumping = false;

  function size(): number {
    return queues.reduce((n, q) => n + q.length, 0);
  }

  function head(): PacerJob | undefined {
    for (const q of queues) if (q.length > 0) return q[0];
    return undefined;
  }

  function pump(): void {
    if (pumping) return;
    pumping = true;
    try {
      while (isOpen) {
        const job = head();
        if (!job) return;
        const cost = Math.min(limit, Math.max(1, job.cost ?? 1));
        const now = clock.now();
        const at = Math.max(window.nextFree(now, cost), bucket.nextFree(now, cost));
        if (at > now) {
          schedule(at - now);
          return;
        }
        queues[job.priority]!.shift();
        window.record(now, cost);
        bucket.take(now, cost);
        job.run();
      }
    } finally {
      pumping = false;
    }
  }

  function schedule(ms: number): void {
    if (timer !== null) return;
    timer = clock.setTimeout(() => {
      timer = null;
      pump();
    }, ms);
  }

  return {
    submit(job) {
      queues[job.priority]!.push(job);
      pump();
      return () => {
        const q = queues[job.priority]!;
        const i = q.indexOf(job);
        if (i >= 0) q.splice(i, 1);
      };
    },
    open() {
      isOpen = true;
      pump();
    },
    close(reason) {
      isOpen = false;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      const jobs = queues.flatMap((q) => q.splice(0));
      for (const j of jobs) j.dropped?.(reason);
    },
    note(count = 1) {
      window.record(clock.now(), count);
      bucket.take(clock.now(), count);
    },
    queued: size,
    rate: () => window.countSince(clock.now(), 1000),
  };
}
