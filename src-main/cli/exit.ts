// The CLI's exit codes and the error that carries one; any other error maps to a code by what went wrong
// (TWS unreachable, refused or rejected, unexpected).
import { AppError } from '../../src-shared/result';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, unreachable: 3, rejected: 4, aborted: 5 } as const;

export class CliError extends Error {
  constructor(
    readonly exit: number,
    message: string,
  ) {
    super(message);
  }
}

export function exitFor(err: unknown): number {
  if (err instanceof CliError) return err.exit;
  if (err instanceof AppError) {
    if (err.code === 'NOT_CONNECTED' || err.code === 'TIMEOUT') return EXIT.unreachable;
    if (err.code === 'INTERNAL') return EXIT.unexpected;
    return EXIT.rejected;
  }
  return EXIT.unexpected;
}
