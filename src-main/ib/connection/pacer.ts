// The outgoing pacer: every message to TWS (requests, cancels, orders, heartbeats) leaves through here, at most
// `limit` in any sliding window (TWS closes a connection above 50 msg/s; we stay at 45). Jobs wait in priority
// order. The window arithmetic is a pure class; the driver only adds a clock and a timer.
import type { Clock, Timer } from '../../../src-shared/clock';

const PACER_DEFAULTS = {
  limit: 45,
  windowMs: 1000,
  /**
   * Extra spacing on top of the window: TWS (or the test gateway) stamps messages when it reads them, and a busy
   * event loop on either side can squeeze two of our windows together by a few tens of milliseconds.
   */
  guardMs: 50,
  /**
   * When our own timers fire late (the process, or the machine, stalled), TWS may read the messages we sent just
   * before the stall as late as we woke up, squeezing them into the next second: the window then widens by the
   * lateness seen (up to this much) for the next second.
   */
  maxStallMs: 500,
  /**
   * The steady flow under the hard limit, and how many may leave back to back. TWS stamps a message when it
   * gets to it, so bursts sent at the limit can look squeezed on its side (processing stalls, Nagle); an even
   * flow (one message every 23 ms) with almost no burst keeps every one-second window at or below 45 there too,
   * while a resubscription of N streams takes about N/42.9 s (issue #7's budget: N/45 + 1 s).
   * A sliding window alone also refills all at once and sends the next burst exactly one window later.
   */
  ratePerSec: 43,
  burst: 2,
} as const;

/**
 * Lower runs first. Orders and heartbeats never wait behind a storm of subscriptions. `release` is the cancel of
 * a line its owner no longer shows, when the owner counts that line as taken until the cancel has left: what the
 * screen shows now goes before what it stopped showing (a new option chain's lines before the old chain's cancels).
 */
export const Priority = {
  control: 0,
  order: 1,
  request: 2,
  subscribe: 3,
  release: 4,
  replay: 5,
} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** Pure token bucket: `burst` messages at once, refilled at `perMs` messages per millisecond. */
class SendBucket {
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

/**
 * Pure sliding-window log of send times. `spanMs` is the window; a caller may ask about a longer one (up to
 * `keepMs`, how long times are kept) when it has reason to widen it for a while.
 */
export class SendWindow {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    readonly spanMs: number,
    readonly keepMs: number = spanMs,
  ) {}

  private prune(now: number): void {
    while (this.times.length > 0 && this.times[0]! <= now - this.keepMs) this.times.shift();
  }

  /** Index of the first time inside the window of `span` ending now. */
  private first(now: number, span: number): number {
    let i = 0;
    while (i < this.times.length && this.times[i]! <= now - span) i++;
    return i;
  }

  /** How many messages fit right now. */
  room(now: number, span = this.spanMs): number {
    this.prune(now);
    return Math.max(0, this.limit - (this.times.length - this.first(now, span)));
  }

  /** The earliest time at which `cost` messages fit. */
  nextFree(now: number, cost: number, span = this.spanMs): number {
    this.prune(now);
    const from = this.first(now, span);
    const need = this.times.length - from + cost - this.limit;
    if (need <= 0) return now;
    const t = this.times[from + need - 1];
    return t === undefined ? now : t + span;
  }

  record(now: number, count = 1): void {
    this.prune(now);
    for (let i = 0; i < count; i++) this.times.push(now);
  }

  /** Messages sent within the last `ms` (≤ keepMs). */
  countSince(now: number, ms: number): number {
    this.prune(now);
    let n = 0;
    for (let i = this.times.length - 1; i >= 0 && this.times[i]! > now - ms; i--) n++;
    return n;
  }
}

type PacerJob = {
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
  maxStallMs?: number;
  ratePerSec?: number;
  burst?: number;
}): Pacer {
  const { clock } = deps;
  const limit = deps.limit ?? PACER_DEFAULTS.limit;
  const windowMs = deps.windowMs ?? PACER_DEFAULTS.windowMs;
  const guardMs = deps.guardMs ?? PACER_DEFAULTS.guardMs;
  const maxStall = deps.maxStallMs ?? PACER_DEFAULTS.maxStallMs;
  const span = windowMs + guardMs;
  const window = new SendWindow(limit, span, windowMs + Math.max(guardMs, maxStall));
  // The widened window after a stall: by how much, and until when.
  let stallMs = 0;
  let stallUntil = 0;
  let lastSent = -Infinity;
  const spanAt = (now: number): number => (now < stallUntil && stallMs > guardMs ? windowMs + stallMs : span);
  function noteLate(now: number, late: number): void {
    const ms = Math.min(maxStall, late);
    stallMs = now < stallUntil ? Math.max(stallMs, ms) : ms;
    stallUntil = now + windowMs + stallMs;
  }
  const rate = Math.min(deps.ratePerSec ?? PACER_DEFAULTS.ratePerSec, (limit * 1000) / span);
  const bucket = new SendBucket(
    Math.min(limit, deps.burst ?? PACER_DEFAULTS.burst),
    rate / 1000,
    clock.now(),
  );
  const queues: PacerJob[][] = Object.values(Priority).map(() => []);
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
        const at = Math.max(window.nextFree(now, cost, spanAt(now)), bucket.nextFree(now, cost));
        if (at > now) {
          schedule(at - now);
          return;
        }
        queues[job.priority]!.shift();
        window.record(now, cost);
        bucket.take(now, cost);
        lastSent = now;
        job.run();
      }
    } finally {
      pumping = false;
    }
  }

  function schedule(ms: number): void {
    if (timer !== null) return;
    const due = clock.now() + ms;
    timer = clock.setTimeout(() => {
      timer = null;
      const now = clock.now();
      // What we sent last, before the stall, may be read only now: widen by the time since then.
      if (now - due > guardMs) noteLate(now, now - lastSent);
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
