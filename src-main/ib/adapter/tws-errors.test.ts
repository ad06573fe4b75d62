import { describe, expect, it } from 'vitest';
import { rejectedBy } from './tws-errors';

describe('a TWS error that ends a request', () => {
  it('is NOT_FOUND for 200, PACING for a pacing violation, IB_REJECTED otherwise, with the code', () => {
    expect(rejectedBy(200, 'No security definition has been found')).toMatchObject({
      code: 'NOT_FOUND',
      twsCode: 200,
    });
    expect(
      rejectedBy(
        162,
        'Historical Market Data Service error message:API historical data query cancelled: pacing violation',
      ),
    ).toMatchObject({ code: 'PACING', twsCode: 162 });
    expect(rejectedBy(162, 'HMDS query returned no data')).toMatchObject({ code: 'IB_REJECTED' });
    expect(rejectedBy(321, 'Error validating request')).toMatchObject({ code: 'IB_REJECTED', twsCode: 321 });
  });
});
