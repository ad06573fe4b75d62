// TWS historical-data pacing (IB "Historical Data Limitations"): at most 50 requests open at once, 60 requests in
// any 10 minutes, no identical request within 15 s, at most 5 requests for the same contract/exchange/data type
// within 2 s. A request that would break a rule waits in our queue (with an ETA) instead of earning a 162.
// `earliestStart` is the pure arithmetic; `createHistoryQueue` adds a clock and runs the jobs.
import type { Clock, Timer } from '../../../src-shared/clock';

export const HISTORY_RULES = {
  maxOpen: 50,
  maxPerWindow: 60,
  windowMs: 10 * 60_000,
  identicalMs: 15_000,
  perContract: 5,
  perContractMs: 2_000,
  /** Margin on every time rule: TWS's clock and ours never agree to the millisecond. */
  marginMs: 250,
} as const;
export type HistoryRules = { [K in keyof typeof HISTORY_RULES]: number };

export type HistoryStamp = {
  at: number;
  /** Everything that makes two requests identical (contract, end, duration, bar size, data type, RTH…). */
  signature: string;
  /** Contract + exchange + data type: the "same contract within 2 s" rule. */
  contractKey: string;
};

/** When may a request with this signature start, given the past sends and the open count. Pure. */
export function earliestStart(
  past: readonly HistoryStamp[],
  open: number,
  req: { signature: string; contractKey: string },
  now: number,
  rules: HistoryRules = HISTORY_RULES,
): number {
  if (open >= rules.maxOpen) return Number.POSITIVE_INFINITY; // waits for a completion, not for time
  let at = now;
  const recent = past.filter((p) => p.at > now - rules.windowMs);
  if (recent.length >= rules.maxPerWindow) {
    const oldestThatMustExpire = recent[recent.length - rules.maxPerWindow]!;
    at = Math.max(at, oldestThatMustExpire.at + rules.windowMs + rules.marginMs);
  }
  for (const p of past) {
    if (p.signature === req.signature) at = Math.max(at, p.at + rules.identicalMs + rules.marginMs);
  }
  const sameContract = past.filter(
    (p) => p.contractKey === req.contractKey && p.at > now - rules.perContractMs,
  );
  if (sameContract.length >= rules.perContract) {
    const mustExpire = sameContract[sameContract.length - rules.perContract]!;
    at = Math.max(at, mustExpire.at + rules.perContractMs + rules.marginMs);
  }
  return at;
}

type HistoryJob = {
  signature: string;
  contractKey: string;
  /** Sends the request; `done` must be called exactly once when it completes or fails. */
  start: (done: () => void) => void;
  /** The queue gave up on it (cleared). */
  dropped?: (reason: string) => void;
};

export interface HistoryQueue {
  submit(job: HistoryJob): () => void;
  /** Open requests, queued requests and when the last queued one should start (ms from now). */
  stats(): { open: number; queued: number; etaMs: number | null };
  /** Whether requests may be sent (connection ready). */
  setEnabled(on: boolean): void;
  clear(reason: string): void;
}

export function createHistoryQueue(deps: { clock: Clock; rules?: HistoryRules }): HistoryQueue {
  const { clock } = deps;
  const rules = deps.rules ?? HISTORY_RULES;
  const past: HistoryStamp[] = [];
  const queue: HistoryJob[] = [];
  let open = 0;
  let enabled = false;
  let timer: Timer | null = null;

  function prune(now: number): void {
    const keep = Math.max(rules.windowMs, rules.identicalMs, rules.perContractMs) + rules.marginMs;
    while (past.length > 0 && past[0]!.at <= now - keep) past.shift();
  }

  function pump(): void {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (!enabled) return;
    const now = clock.now();
    prune(now);
    let wake = Number.POSITIVE_INFINITY;
    // First come, first served, but a job blocked by its own contract rule does not hold up other contracts.
    for (let i = 0; i < queue.length;) {
      const job = queue[i]!;
      const at = earliestStart(past, open, job, now, rules);
      if (at <= now) {
        queue.splice(i, 1);
        past.push({ at: now, signature: job.signature, contractKey: job.contractKey });
        open++;
        let finished = false;
        job.start(() => {
          if (finished) return;
          finished = true;
          open--;
          pump();
        });
        continue;
      }
      wake = Math.min(wake, at);
      if (open >= rules.maxOpen) break;
      i++;
    }
    if (Number.isFinite(wake)) timer = clock.setTimeout(pump, Math.max(1, wake - now));
  }

  function eta(): number | null {
    if (queue.length === 0) return null;
    // Simulate the queue against the rules to tell the user when the last request goes out.
    const now = clock.now();
    const sim = [...past];
    let t = now;
    for (const job of queue) {
      const at = earliestStart(sim, Math.min(open, rules.maxOpen - 1), job, t, rules);
      t = Math.max(t, Number.isFinite(at) ? at : t);
      sim.push({ at: t, signature: job.signature, contractKey: job.contractKey });
    }
    return t - now;
  }

  return {
    submit(job) {
      queue.push(job);
      pump();
      return () => {
        const i = queue.indexOf(job);
        if (i >= 0) {
          queue.splice(i, 1);
          pump();
        }
      };
    },
    stats: () => ({ open, queued: queue.length, etaMs: eta() }),
    setEnabled(on) {
      enabled = on;
      if (on) pump();
      else if (timer !== null) {
        clock.clearTimeout(timer);
        timer = null;
      }
    },
    clear(reason) {
      for (const j of queue.splice(0)) j.dropped?.(reason);
      pump();
    },
  };
}
