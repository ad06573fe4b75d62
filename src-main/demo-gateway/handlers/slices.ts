// Long answers sent a slice at a time, as TWS streams them: every option of an underlying is ~3,000 contract
// details, and encoding them in one go (~30 ms here) kept the gateway from its sockets, every client's quotes
// waiting. A slice is at most SLICE_MESSAGES messages and SLICE_MS of work; the rest follows on the next turn of
// the event loop, after the sockets are read.
import type { Session } from '../connections/session';

export const SLICE_MESSAGES = 500;
const SLICE_MS = 8;

export type SlicedAnswer = {
  readonly count: number;
  /** The i-th message. */
  message(i: number): string;
  /** The message that ends the answer. */
  end(): string;
  /** A later slice failed (the first slice's error goes to the caller, as any request's does). */
  failed(err: Error): void;
};

/** Sends the answer's messages then its end; nothing more once the session is closed. */
export function sendSliced(s: Session, answer: SlicedAnswer): void {
  let i = 0;
  const slice = (): void => {
    if (s.state === 'closed') return;
    const until = performance.now() + SLICE_MS;
    const stop = Math.min(answer.count, i + SLICE_MESSAGES);
    while (i < stop) {
      s.send(answer.message(i++));
      if (performance.now() >= until) break;
    }
    if (i < answer.count) setImmediate(later);
    else s.send(answer.end());
  };
  const later = (): void => {
    try {
      slice();
    } catch (err) {
      answer.failed(err as Error);
    }
  };
  slice();
}
