// Logins with several accounts (advisors, linked accounts): which account the screen shows and which one the ticket
// trades. The trader's choice is remembered per profile and always checked against the accounts TWS manages now,
// so a stale choice (an account no longer listed) falls back instead of hiding everything.
import { z } from 'zod';
import { perProfile } from './per-profile';

/** The account filter that shows every account. */
export const ALL_ACCOUNTS = 'all';

const AccountId = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'account ids are letters and digits');

export const AccountChoice = z.strictObject({
  /** What Positions, Account, Orders and Executions show: every account ("all") or one. */
  view: z.union([z.literal(ALL_ACCOUNTS), AccountId]),
  /** The account the order ticket trades, once the trader picked one. */
  ticket: AccountId.optional(),
});
export type AccountChoice = z.infer<typeof AccountChoice>;

/** The remembered choices, per profile id. */
export const AccountChoices = perProfile(AccountChoice);
export type AccountChoices = z.infer<typeof AccountChoices>;

/** Whether the screen offers an account selector at all: only for a login with several accounts. */
export function hasSeveralAccounts(managed: readonly string[]): boolean {
  return managed.length > 1;
}

/** The account filter in force: the remembered account while TWS still manages it, else every account. */
export function viewAccount(choice: AccountChoice | undefined, managed: readonly string[]): string {
  if (!hasSeveralAccounts(managed)) return ALL_ACCOUNTS;
  const v = choice?.view;
  return v !== undefined && v !== ALL_ACCOUNTS && managed.includes(v) ? v : ALL_ACCOUNTS;
}

/** The ticket's account: the remembered one while TWS still manages it, else the first managed account. */
export function ticketAccount(
  choice: AccountChoice | undefined,
  managed: readonly string[],
): string | undefined {
  const t = choice?.ticket;
  return t !== undefined && managed.includes(t) ? t : managed[0];
}

/** The rows of one account, or all rows for the "all" filter. */
export function inView<T extends { readonly account: string }>(rows: readonly T[], view: string): T[] {
  return view === ALL_ACCOUNTS ? [...rows] : rows.filter((r) => r.account === view);
}

/** The choices with one profile's entry changed (a new object: preferences are replaced, never mutated). */
export function withChoice(
  all: AccountChoices | undefined,
  profileId: string,
  patch: Partial<AccountChoice>,
): AccountChoices {
  const prev: AccountChoice = all?.[profileId] ?? { view: ALL_ACCOUNTS };
  const next: AccountChoice = { ...prev, ...patch };
  return { ...all, [profileId]: next };
}
