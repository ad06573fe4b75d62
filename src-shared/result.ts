// Errors cross the process boundary as data (STYLE.md rule 4): a closed set of codes, plain words, the TWS code.
import { z } from 'zod';

export const ErrorCodes = [
  'VALIDATION', // the request's params did not match its schema, or a ticket broke a rule
  'UNKNOWN_METHOD', // not a request of the contract
  'FORBIDDEN', // the sender is not one of our windows, or the WebSocket has no valid token
  'NOT_CONNECTED', // needs a ready TWS connection
  'READ_ONLY', // the profile is read-only: no orders
  'CONFIRM_REQUIRED', // a live profile needs the typed confirmation first
  'LIMIT', // a precautionary limit (quantity, notional, price band) was hit
  'PACING', // a TWS pacing rule or our own budget (lines, scanner slots) refused it
  'IB_REJECTED', // TWS answered with an error code
  'NOT_FOUND', // unknown id, symbol or profile
  'TIMEOUT', // TWS did not answer in time
  'UNAVAILABLE', // the capability is not available in this host or state
  'JOURNAL', // the order journal could not be written: the order was not sent
  'INTERNAL', // a bug: logged with its stack
] as const;
export const ErrorCode = z.enum(ErrorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  twsCode: z.number().int().optional(),
  /** Field-level problems of a validation error: path → message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppErrorData = z.infer<typeof AppErrorData>;

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorData };

/** Thrown inside main-process handlers; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly twsCode: number | undefined;
  readonly issues: AppErrorData['issues'];

  constructor(
    code: ErrorCode,
    message: string,
    extra: { twsCode?: number; issues?: AppErrorData['issues'] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.twsCode = extra.twsCode;
    this.issues = extra.issues;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.twsCode !== undefined ? { twsCode: this.twsCode } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}
