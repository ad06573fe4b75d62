// The logger every module is handed (STYLE.md rule 12): scoped, structured, no secrets. The main process's log
// book (src-main/logging/log-book.ts) implements it; the demo gateway and tests take it as an interface.
export type LogFields = { twsCode?: number; action?: string; [key: string]: unknown };

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(source: string): Logger;
}

/** A logger that drops everything: for tests that do not look at logs. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
