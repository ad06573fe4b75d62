// The paper suite's refusal to touch real money: every account must be a paper account ("D…") and the port must
// not be a live default, unless the user says explicitly that this is paper.
import { LIVE_PORTS } from '../../src-shared/domain/connection';

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/** Before connecting: a live default port is refused unless overridden. */
export function checkPort(port: number, iKnowThisIsPaper: boolean): GuardVerdict {
  if (LIVE_PORTS.includes(port) && !iKnowThisIsPaper) {
    return {
      ok: false,
      reason: `port ${port} is a live-trading default (TWS 7496, IB Gateway 4001). Paper trading uses 7497 (TWS) or 4002 (IB Gateway). If this really is a paper session on a custom port, pass --i-know-this-is-paper.`,
    };
  }
  return { ok: true };
}

/** After connecting: every managed account must be a paper account. This check has no override. */
export function checkAccounts(accounts: readonly string[]): GuardVerdict {
  if (accounts.length === 0)
    return {
      ok: false,
      reason: 'TWS reported no accounts, so this cannot be confirmed to be paper trading.',
    };
  const live = accounts.filter((a) => !a.startsWith('D'));
  if (live.length > 0) {
    return {
      ok: false,
      reason: `account${live.length > 1 ? 's' : ''} ${live.join(', ')} ${live.length > 1 ? 'are' : 'is'} not paper (IB paper account ids start with "D"). The suite places real orders and refuses to run against a live account.`,
    };
  }
  return { ok: true };
}

/** Parses IBDESK_PAPER: "host:port[:clientId]" (IPv6 hosts in brackets). */
export function parsePaperTarget(raw: string): { host: string; port: number; clientId: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})(?::(\d{1,9}))?$/.exec(raw.trim());
  if (!m) throw new Error(`IBDESK_PAPER must look like host:port or host:port:clientId, got "${raw}"`);
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw new Error(`IBDESK_PAPER port must be 1…65535, got ${port}`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port, clientId: m[3] === undefined ? 99 : Number(m[3]) };
}
