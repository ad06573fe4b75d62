import { describe, expect, it } from 'vitest';
import { maskAccountIds } from './log';

describe('account ids in log lines', () => {
  it('masks every kind of IB account code down to its kind and last three digits', () => {
    expect(maskAccountIds('Connected: accounts DU1234567, U7654321')).toBe(
      'Connected: accounts DU****567, U****321',
    );
    expect(maskAccountIds('F1234567 DF123456 I9876543 DI1234567')).toBe(
      'F****567 DF***456 I****543 DI****567',
    );
    expect(maskAccountIds('managedAccounts|DU1234567,DU7654321|')).toBe(
      'managedAccounts|DU****567,DU****321|',
    );
  });

  it('leaves order ids, conIds, symbols, currencies and times alone', () => {
    const line = 'Order 1234567 AAPL conId 265598 USD at 20261124 12:00:00, client 7, U2 and DU12';
    expect(maskAccountIds(line)).toBe(line);
  });
});
