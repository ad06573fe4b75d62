// Every failure leaves the CLI with the code its usage text promises.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/result';
import { CliError, EXIT, exitFor } from './exit';

describe('exitFor', () => {
  it('keeps a CliError’s own code', () => {
    expect(exitFor(new CliError(EXIT.aborted, 'order not sent'))).toBe(5);
  });

  it('maps the app’s errors: not connected or timed out → 3, internal → 1, any refusal → 4', () => {
    expect(exitFor(new AppError('NOT_CONNECTED', 'x'))).toBe(EXIT.unreachable);
    expect(exitFor(new AppError('TIMEOUT', 'x'))).toBe(EXIT.unreachable);
    expect(exitFor(new AppError('INTERNAL', 'x'))).toBe(EXIT.unexpected);
    expect(exitFor(new AppError('VALIDATION', 'x'))).toBe(EXIT.rejected);
    expect(exitFor(new AppError('IB_REJECTED', 'x'))).toBe(EXIT.rejected);
  });

  it('anything else is unexpected', () => {
    expect(exitFor(new Error('boom'))).toBe(EXIT.unexpected);
    expect(exitFor('a string')).toBe(EXIT.unexpected);
  });
});
