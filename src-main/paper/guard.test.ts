import { describe, expect, it } from 'vitest';
import { checkAccounts, checkPort, parsePaperTarget } from './guard';

describe('paper suite guard', () => {
  it('refuses live default ports unless told this is paper', () => {
    for (const port of [7496, 4001]) {
      const v = checkPort(port, false);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toMatch(/--i-know-this-is-paper/);
      expect(checkPort(port, true).ok).toBe(true);
    }
    expect(checkPort(7497, false).ok).toBe(true);
    expect(checkPort(4002, false).ok).toBe(true);
  });

  it('refuses any account that is not a paper account, with no override', () => {
    expect(checkAccounts(['DU1234567', 'DF99']).ok).toBe(true);
    const v = checkAccounts(['DU1234567', 'U7654321']);
    expect(v).toEqual({ ok: false, reason: expect.stringMatching(/U7654321 is not paper/) });
    expect(checkAccounts([]).ok).toBe(false);
  });

  it('reads IBDESK_PAPER', () => {
    expect(parsePaperTarget('127.0.0.1:7497')).toEqual({ host: '127.0.0.1', port: 7497, clientId: 99 });
    expect(parsePaperTarget('gw.local:4002:12')).toEqual({ host: 'gw.local', port: 4002, clientId: 12 });
    expect(parsePaperTarget('[::1]:7497:3')).toEqual({ host: '::1', port: 7497, clientId: 3 });
    expect(() => parsePaperTarget('7497')).toThrow(/host:port/);
    expect(() => parsePaperTarget('h:99999')).toThrow(/1…65535/);
  });
});
