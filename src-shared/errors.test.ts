import { describe, expect, it } from 'vitest';
import {
  describeTwsCode,
  isNonFatalTwsCode,
  isPacingViolation,
  knownTwsCodes,
  plainTwsMessage,
} from './errors';

describe('TWS error table', () => {
  it('covers the codes a user meets', () => {
    const codes = knownTwsCodes();
    for (const c of [
      100, 162, 165, 200, 201, 202, 203, 321, 322, 326, 354, 366, 399, 404, 434, 502, 504, 506, 1100, 1101,
      1102, 1300, 2103, 2104, 2105, 2106, 2107, 2108, 2110, 2119, 2137, 2157, 2158, 10089, 10090, 10167,
      10168, 10182, 10197,
    ])
      expect(codes).toContain(c);
  });

  it('says what the app does', () => {
    expect(describeTwsCode(326).reaction).toBe('stop-retrying');
    expect(describeTwsCode(1101).reaction).toBe('resubscribe');
    expect(describeTwsCode(1102).reaction).toBe('restore');
    expect(describeTwsCode(354).reaction).toBe('delayed-data');
    expect(describeTwsCode(2104).severity).toBe('info');
    expect(describeTwsCode(2199).category).toBe('farm');
    expect(describeTwsCode(99999).severity).toBe('error');
  });

  it('writes a plain sentence with the TWS code', () => {
    expect(plainTwsMessage(200, 'No security definition has been found for the request')).toBe(
      'No security definition was found for this request (unknown or ambiguous contract): No security definition has been found for the request (TWS 200)',
    );
    expect(plainTwsMessage(2104)).toBe('A market data farm connection is OK (TWS 2104)');
  });

  it('tells pacing violations and non-fatal codes apart', () => {
    expect(
      isPacingViolation(
        162,
        'Historical Market Data Service error message:API historical data query cancelled: pacing violation',
      ),
    ).toBe(true);
    expect(isPacingViolation(162, 'HMDS query returned no data')).toBe(false);
    expect(isNonFatalTwsCode(2104)).toBe(true);
    expect(isNonFatalTwsCode(200)).toBe(false);
  });

  it('describes a code the table lacks by IB’s range for it', () => {
    expect(describeTwsCode(2199)).toMatchObject({ severity: 'info', category: 'farm', reaction: 'none' });
    expect(describeTwsCode(599)).toMatchObject({ severity: 'error', category: 'client', reaction: 'reject' });
    expect(describeTwsCode(1399)).toMatchObject({ severity: 'warn', category: 'connection' });
    expect(describeTwsCode(2200)).toMatchObject({
      code: 2200,
      severity: 'error',
      category: 'other',
      text: 'TWS reported an error.',
      action: 'request stopped; see the reason',
    });
  });
});
