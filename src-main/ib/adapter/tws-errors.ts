// A TWS error that ends a request, as the app's typed error: 200 (no such instrument) is NOT_FOUND, a pacing
// violation is PACING, anything else IB_REJECTED; always with TWS's code and its message in plain words.
import { describeTwsCode, isPacingViolation, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';

export function rejectedBy(code: number, message: string): AppError {
  const info = describeTwsCode(code);
  const kind = code === 200 ? 'NOT_FOUND' : isPacingViolation(code, message) ? 'PACING' : 'IB_REJECTED';
  return new AppError(kind, plainTwsMessage(code, message) || info.text, { twsCode: code });
}
