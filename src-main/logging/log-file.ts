// Rotating log files for the LogBook's sink: `ibdesk.log` in the app's log folder, rolled over to ibdesk.1.log …
// ibdesk.N.log when it passes a size, oldest dropped. Synchronous appends, so the last lines before a crash are on
// disk. Our own ~80 lines rather than electron-log: the web host needs the same files without Electron, and the
// LogBook already does levels, scoping and fan-out.
import fs from 'node:fs';
import path from 'node:path';
import type { LogEntry } from '../../src-shared/domain/log';
import type { LogSink } from './log-book';

export type LogFileOptions = {
  dir: string;
  /** File name without extension. */
  name?: string;
  /** Roll over when the current file would pass this size. */
  maxBytes?: number;
  /** Rolled-over files kept besides the current one. */
  keep?: number;
};

export interface LogFile {
  readonly dir: string;
  readonly file: string;
  readonly sink: LogSink;
  close(): void;
}

/** One line per entry, as the console sink writes it: time, level, source, [TWS code], message, fields. */
export function formatLogLine(entry: LogEntry, fields: Record<string, unknown> = {}): string {
  const extra = Object.keys(fields).length ? ` ${safeJson(fields)}` : '';
  const code = entry.twsCode !== undefined ? ` [${entry.twsCode}]` : '';
  const action = entry.action ? ` (${oneLine(entry.action)})` : '';
  return `${new Date(entry.time).toISOString()} ${entry.level.padEnd(5)} ${entry.source}${code}: ${oneLine(entry.message)}${action}${extra}`;
}

/** One entry, one line: text that came from outside (TWS, a file, a peer) cannot forge another line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;

function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserializable]"';
  }
}

export function createLogFile(opts: LogFileOptions): LogFile {
  const name = opts.name ?? 'ibdesk';
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const keep = opts.keep ?? 4;
  const file = path.join(opts.dir, `${name}.log`);
  const rolled = (n: number): string => path.join(opts.dir, `${name}.${n}.log`);
  let fd: number | null = null;
  let size = 0;
  let broken = false;

  function open(): void {
    fs.mkdirSync(opts.dir, { recursive: true });
    fd = fs.openSync(file, 'a');
    size = fs.fstatSync(fd).size;
  }

  function rotate(): void {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    fs.rmSync(rolled(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(rolled(n))) fs.renameSync(rolled(n), rolled(n + 1));
    if (keep > 0) fs.renameSync(file, rolled(1));
    else fs.rmSync(file, { force: true });
    open();
  }

  const sink: LogSink = (entry, fields) => {
    if (broken) return;
    try {
      if (fd === null) open();
      const line = Buffer.from(`${formatLogLine(entry, fields)}\n`, 'utf8');
      if (size > 0 && size + line.length > maxBytes) rotate();
      fs.writeSync(fd!, line);
      size += line.length;
    } catch (err) {
      // A full disk or a read-only folder must not take the app down with it: say so once, then stop writing.
      broken = true;
      process.stderr.write(`IBDesk: cannot write the log file ${file}: ${(err as Error).message}\n`);
    }
  };

  return {
    dir: opts.dir,
    file,
    sink,
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** Writes every entry to each sink; one failing sink does not stop the others. */
export function teeSink(...sinks: LogSink[]): LogSink {
  return (entry, fields) => {
    for (const s of sinks) {
      try {
        s(entry, fields);
      } catch {
        // a sink must never break logging for the others
      }
    }
  };
}
