// Log slice: the Log pane's entries (bounded) and the notices the user still has to read (the newest 20).
import type { EventMap } from '../../src-shared/contract';
import type { LogEntry } from '../../src-shared/domain/log';
import type { Slice } from './app-store';

const LOG_CAPACITY = 2000;

type Notice = EventMap['notice'] & { id: number };

const NOTICES_KEPT = 20;

export type LogSlice = {
  log: LogEntry[];
  notices: Notice[];
  dismissNotice(id: number): void;
  /** A `log` event. */
  logArrived(entry: LogEntry): void;
  /** A `notice` event. */
  noticeArrived(notice: EventMap['notice']): void;
};

export const createLogSlice: Slice<LogSlice> = (set) => {
  let noticeIds = 0;
  return {
    log: [],
    notices: [],
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    logArrived: (entry) => set((s) => ({ log: appendLog(s.log, [entry]) })),
    noticeArrived: (notice) =>
      set((s) => ({ notices: [...s.notices, { ...notice, id: ++noticeIds }].slice(-NOTICES_KEPT) })),
  };
};

/** Appends entries (by seq, without duplicates) keeping the newest LOG_CAPACITY. */
export function appendLog(current: readonly LogEntry[], incoming: readonly LogEntry[]): LogEntry[] {
  const lastSeq = current.length ? current[current.length - 1]!.seq : 0;
  const fresh = incoming.filter((e) => e.seq > lastSeq);
  if (fresh.length === 0) return current as LogEntry[];
  const next = [...current, ...fresh];
  return next.length > LOG_CAPACITY ? next.slice(next.length - LOG_CAPACITY) : next;
}
