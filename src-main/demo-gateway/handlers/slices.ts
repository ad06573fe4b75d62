// Gateway work done a slice at a time, so the gateway reads its sockets in between, as TWS (answering from its
// servers) does: every option of an underlying is ~3,000 contract details (~30 ms to encode), a market day of news
// reads 546 stocks' paths (~0.2 s), a first historical-news request dozens of a stock's days. Done in one go, each
// kept every client's quotes waiting and made a client's steady flow arrive in a clump (counted over the rate
// limit, error 100). A slice is at most SLICE_MS of work (and `maxSteps` steps); the rest follows on the next turn
// of the event loop, after the sockets are read.
import type { Session } from '../connections/session';

const SLICE_MS = 8;
export const SLICE_MESSAGES = 500;

export type SlicedWork = {
  /** Does one step; false when none was left to do. */
  step(): boolean;
  /** At most this many steps a slice (default: as many as fit in SLICE_MS). */
  maxSteps?: number;
  /** Whether to go on at the start of a slice (a closed session's answer stops). */
  alive?(): boolean;
  /** After the last step. */
  done(): void;
  /** A step failed after the first slice (the first slice's error goes to the caller, as any request's does). */
  failed(err: Error): void;
};

export function runInSlices(work: SlicedWork): void {
  const max = work.maxSteps ?? Infinity;
  const slice = (): void => {
    if (work.alive && !work.alive()) return;
    const until = performance.now() + SLICE_MS;
    for (let n = 1; work.step(); n++)
      if (n >= max || performance.now() >= until) {
        setImmediate(later);
        return;
      }
    work.done();
  };
  const later = (): void => {
    try {
      slice();
    } catch (err) {
      work.failed(err as Error);
    }
  };
  slice();
}

export type SlicedAnswer = {
  readonly count: number;
  /** The i-th message. */
  message(i: number): string;
  /** The message that ends the answer. */
  end(): string;
  failed(err: Error): void;
};

/** Sends an answer's messages, at most SLICE_MESSAGES a slice, then its end; nothing more once the session closed. */
export function sendSliced(s: Session, answer: SlicedAnswer): void {
  let i = 0;
  runInSlices({
    maxSteps: SLICE_MESSAGES,
    alive: () => s.state !== 'closed',
    step: () => {
      if (i >= answer.count) return false;
      s.send(answer.message(i++));
      return true;
    },
    done: () => s.send(answer.end()),
    failed: (err) => answer.failed(err),
  });
}
