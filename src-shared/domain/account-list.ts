// The --demo-accounts option's reader, with no dependency: the web host reads its options before the app loads.
/** A comma-separated list of account ids (a command-line option): the ids, or why it is not one. */
export function parseAccountList(
  text: string,
): { ok: true; accounts: string[] } | { ok: false; message: string } {
  const accounts = text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (accounts.length === 0) return { ok: false, message: 'no account ids given' };
  if (accounts.length > 50) return { ok: false, message: 'at most 50 accounts' };
  const bad = accounts.find((a) => !/^[A-Za-z0-9]{1,32}$/.test(a));
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not an account id (letters and digits)` };
  if (new Set(accounts).size !== accounts.length) return { ok: false, message: 'an account id is repeated' };
  return { ok: true, accounts };
}
