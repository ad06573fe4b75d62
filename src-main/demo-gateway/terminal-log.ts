// Log lines for the standalone gateway's terminal (`npm run demo-gateway`): one line per entry, in the format of
// the app's console log, with account ids masked as in every IBDesk log. The gateway's own: it imports nothing of
// the app.
import type { LogFields, Logger } from '../../src-shared/logger';
import { maskAccountIds } from '../../src-shared/domain/log';
import type { LogLevel } from '../../src-shared/domain/log';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface TerminalLogOptions {
  write(line: string): void;
  now(): number;
  /** Entries below this level are dropped. */
  level: LogLevel;
  source: string;
}

export function terminalLogger(opts: TerminalLogOptions): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (RANK[level] < RANK[opts.level]) return;
      // The action is for the app's Log pane; a terminal line carries the TWS code and the other fields.
      const { twsCode, action: _action, ...rest } = fields;
      const code = typeof twsCode === 'number' ? ` [${twsCode}]` : '';
      const time = new Date(opts.now()).toISOString();
      opts.write(
        `${time} ${level.padEnd(5)} ${opts.source}${code}: ${maskAccountIds(message)}${fieldText(rest)}\n`,
      );
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (sub) => terminalLogger({ ...opts, source: `${opts.source}.${sub}` }),
  };
}

function fieldText(fields: Record<string, unknown>): string {
  if (Object.keys(fields).length === 0) return '';
  try {
    return ` ${maskAccountIds(JSON.stringify(fields))}`;
  } catch {
    return ' [unserializable fields]';
  }
}
