// The one error type of the option model: bad input from a request (a malformed expiry, right or OCC symbol, a
// non-positive price) carries a code the handler maps to a TWS error (200 no such contract, 321 bad request).

export type OptionModelErrorCode =
  'BAD_EXPIRY' | 'BAD_RIGHT' | 'BAD_OCC' | 'BAD_INPUT' | 'NOT_OPTIONABLE' | 'CONID_SPACE';

export class OptionModelError extends Error {
  constructor(
    readonly code: OptionModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OptionModelError';
  }
}
