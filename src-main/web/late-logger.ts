// The web host listens before the app (and its log book) has loaded: what it logs meanwhile is held here and
// handed to the log book once there is one, in order, so a refused early client is still in the Log pane and file.
import type { LogFields, Logger } from '../../src-shared/logger';

type Level = 'debug' | 'info' | 'warn' | 'error';
type Held = { source: string; level: Level; message: string; fields: LogFields | undefined };

/** Entries held at most before the log book arrives; a flood before then keeps its first ones and a count. */
const MAX_HELD = 200;

export interface LateLogger extends Logger {
  /** From now on entries go to `target` (children by source); the ones held go first. */
  attach(target: Logger): void;
}

export function createLateLogger(source = ''): LateLogger {
  const held: Held[] = [];
  let dropped = 0;
  let target: Logger | null = null;

  const into = (t: Logger, s: string): Logger =>
    s === '' ? t : s.split('.').reduce((l, part) => l.child(part), t);

  function logAs(s: string): Logger {
    const write =
      (level: Level) =>
      (message: string, fields?: LogFields): void => {
        if (target) return into(target, s)[level](message, fields);
        if (held.length < MAX_HELD) held.push({ source: s, level, message, fields });
        else dropped++;
      };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (child) => logAs(s === '' ? child : `${s}.${child}`),
    };
  }

  const root = logAs(source);
  return {
    ...root,
    attach(t: Logger): void {
      if (target) return;
      target = t;
      for (const h of held.splice(0)) into(t, h.source)[h.level](h.message, h.fields);
      if (dropped > 0) t.warn(`${dropped} log entries from before the app loaded were dropped`);
      dropped = 0;
    },
  };
}
