// A session's replayed lines by request id, made on its first line and stopped all at once when it closes: the
// quote/depth/scanner lines (replay-service.ts) and the keep-up-to-date bars (replay-history.ts) keep them alike.
import type { Session } from '../connections/session';

export function linesOf<T extends { stop(): void }>(
  all: Map<Session, Map<number, T>>,
  s: Session,
): Map<number, T> {
  let mine = all.get(s);
  if (!mine) {
    mine = new Map();
    all.set(s, mine);
    s.onClose(() => {
      for (const l of all.get(s)?.values() ?? []) l.stop();
      all.delete(s);
    });
  }
  return mine;
}
