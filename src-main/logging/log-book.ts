// Scoped, structured logging (STYLE.md rule 12). Entries feed the Log pane (`log` events), a ring buffer for
// windows that open later, and a sink (console or file). Secrets never go in: callers log ids, not tokens.
import { maskAccountIds, type LogEntry, type LogLevel } from '../../src-shared/domain/log';
import type { LogFields, Logger } from '../../src-shared/logger';

export type LogSink = (entry: LogEntry, fields: Record<string, unknown>) => void;

export interface LogBook {
  /** A logger for one module. */
  logger(source: string): Logger;
  /** The most recent entries, oldest first. */
  recent(limit: number): LogEntry[];
  /** Called for every entry at info level and above. */
  subscribe(listener: (entry: LogEntry) => void): () => void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function maskFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') out[k] = maskAccountIds(v);
    else if (v !== null && typeof v === 'object') {
      try {
        out[k] = JSON.parse(maskAccountIds(JSON.stringify(v))) as unknown;
      } catch {
        out[k] = '[unserializable]';
      }
    } else out[k] = v;
  }
  return out;
}

export function createLogBook(opts: {
  now?: () => number;
  sink?: LogSink;
  capacity?: number;
  /** Entries below this level go only to the sink, not to windows. */
  windowLevel?: LogLevel;
  sinkLevel?: LogLevel;
}): LogBook {
  const now = opts.now ?? Date.now;
  const capacity = opts.capacity ?? 5000;
  const windowLevel = LEVELS[opts.windowLevel ?? 'info'];
  const sinkLevel = LEVELS[opts.sinkLevel ?? 'info'];
  const ring: LogEntry[] = [];
  const listeners = new Set<(entry: LogEntry) => void>();
  let seq = 0;

  function write(source: string, level: LogLevel, message: string, fields: LogFields = {}): void {
    const rank = LEVELS[level];
    const toSink = rank >= sinkLevel && opts.sink !== undefined;
    // An entry no one keeps costs nothing: debug lines on hot paths are not masked, stamped or counted.
    if (!toSink && rank < windowLevel) return;
    const { twsCode, action, ...raw } = fields;
    // Account ids never reach a log line whole, whoever logs them (STYLE.md rule 12).
    const rest = toSink ? maskFields(raw) : {};
    const entry: LogEntry = {
      seq: ++seq,
      time: now(),
      level,
      source,
      message: maskAccountIds(message),
      ...(typeof twsCode === 'number' ? { twsCode } : {}),
      ...(typeof action === 'string' ? { action: maskAccountIds(action) } : {}),
    };
    if (toSink) opts.sink!(entry, rest);
    if (rank < windowLevel) return;
    ring.push(entry);
    if (ring.length > capacity) ring.splice(0, ring.length - capacity);
    for (const l of listeners) l(entry);
  }

  function logger(source: string): Logger {
    return {
      debug: (m, f) => write(source, 'debug', m, f),
      info: (m, f) => write(source, 'info', m, f),
      warn: (m, f) => write(source, 'warn', m, f),
      error: (m, f) => write(source, 'error', m, f),
      child: (sub) => logger(`${source}.${sub}`),
    };
  }

  return {
    logger,
    recent: (limit) => ring.slice(-limit),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A sink for terminals: one line per entry. */
export function consoleSink(stream: NodeJS.WritableStream = process.stderr): LogSink {
  return (entry, fields) => {
    const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    const code = entry.twsCode !== undefined ? ` [${entry.twsCode}]` : '';
    stream.write(
      `${new Date(entry.time).toISOString()} ${entry.level.padEnd(5)} ${entry.source}${code}: ${entry.message}${extra}\n`,
    );
  };
}
