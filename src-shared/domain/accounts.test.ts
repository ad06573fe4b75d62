import { describe, expect, it } from 'vitest';
import type { AccountChoices } from './accounts';
import {
  ALL_ACCOUNTS,
  AccountChoice,
  hasSeveralAccounts,
  inView,
  ticketAccount,
  viewAccount,
  withChoice,
} from './accounts';

const TWO = ['DU1111111', 'DU2222222'];

describe('account choice', () => {
  it('offers a selector only when TWS manages several accounts', () => {
    expect(hasSeveralAccounts([])).toBe(false);
    expect(hasSeveralAccounts(['DU1111111'])).toBe(false);
    expect(hasSeveralAccounts(TWO)).toBe(true);
  });

  it('keeps the remembered view while TWS still lists that account, else shows every account', () => {
    expect(viewAccount(undefined, TWO)).toBe(ALL_ACCOUNTS);
    expect(viewAccount({ view: 'DU2222222' }, TWO)).toBe('DU2222222');
    expect(viewAccount({ view: 'DU9999999' }, TWO)).toBe(ALL_ACCOUNTS);
    // A single-account login always shows everything (no selector, no hidden rows).
    expect(viewAccount({ view: 'DU2222222' }, ['DU2222222'])).toBe(ALL_ACCOUNTS);
    expect(viewAccount({ view: 'DU2222222' }, ['DU1111111'])).toBe(ALL_ACCOUNTS);
  });

  it("defaults the ticket's account to the remembered one, else the first managed account", () => {
    expect(ticketAccount(undefined, TWO)).toBe('DU1111111');
    expect(ticketAccount({ view: ALL_ACCOUNTS, ticket: 'DU2222222' }, TWO)).toBe('DU2222222');
    expect(ticketAccount({ view: ALL_ACCOUNTS, ticket: 'DU9999999' }, TWO)).toBe('DU1111111');
    expect(ticketAccount(undefined, [])).toBeUndefined();
  });

  it('filters rows by account, or keeps them all', () => {
    const rows = [
      { account: 'DU1111111', n: 1 },
      { account: 'DU2222222', n: 2 },
      { account: 'DU1111111', n: 3 },
    ];
    expect(inView(rows, ALL_ACCOUNTS).map((r) => r.n)).toEqual([1, 2, 3]);
    expect(inView(rows, 'DU1111111').map((r) => r.n)).toEqual([1, 3]);
    expect(inView(rows, 'DU2222222').map((r) => r.n)).toEqual([2]);
  });

  it('changes one profile and leaves the others', () => {
    const before: AccountChoices = { demo: { view: 'DU1111111' }, paper: { view: ALL_ACCOUNTS } };
    const after = withChoice(before, 'demo', { ticket: 'DU2222222' });
    expect(after).toEqual({
      demo: { view: 'DU1111111', ticket: 'DU2222222' },
      paper: { view: ALL_ACCOUNTS },
    });
    expect(before.demo).toEqual({ view: 'DU1111111' });
    expect(withChoice(undefined, 'demo', { view: 'DU2222222' })).toEqual({ demo: { view: 'DU2222222' } });
  });

  it('refuses what is not an account id', () => {
    expect(AccountChoice.safeParse({ view: 'all' }).success).toBe(true);
    expect(AccountChoice.safeParse({ view: '' }).success).toBe(false);
    expect(AccountChoice.safeParse({ view: 'DU1; rm -rf' }).success).toBe(false);
    expect(AccountChoice.safeParse({ view: 'all', extra: 1 }).success).toBe(false);
  });
});
