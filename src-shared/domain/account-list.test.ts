// The --demo-accounts option's reader: the ids, or what is wrong with the list.
import { describe, expect, it } from 'vitest';
import { parseAccountList } from './account-list';

describe('parseAccountList', () => {
  it('reads comma-separated ids and says what is wrong with a bad list', () => {
    expect(parseAccountList('DU1111111, DU2222222')).toEqual({
      ok: true,
      accounts: ['DU1111111', 'DU2222222'],
    });
    expect(parseAccountList(' , ')).toMatchObject({ ok: false, message: 'no account ids given' });
    expect(parseAccountList('DU1,DU 2')).toMatchObject({ ok: false });
    expect(parseAccountList('DU1,DU1')).toMatchObject({ ok: false, message: 'an account id is repeated' });
  });
});
