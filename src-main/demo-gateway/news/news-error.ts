// Typed errors of the news model; the gateway answers each with TWS's request-validation error 321.
import { NOT_SUBSCRIBED_CODE } from './providers';

export type NewsErrorCode = 'BAD_TIME' | 'UNKNOWN_PROVIDER' | 'BAD_REQUEST';

export class NewsError extends Error {
  override readonly name = 'NewsError';
  /** The TWS error code a real TWS sends for a request it refuses this way. */
  readonly twsCode = NOT_SUBSCRIBED_CODE;

  constructor(
    readonly code: NewsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
