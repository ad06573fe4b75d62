import { describe, expect, it } from 'vitest';
import { adviseSetup, type SetupObservation } from './setup-check';

const local = { host: '127.0.0.1', port: 7497, clientId: 1 };
const remote = { host: '192.168.1.20', port: 7497, clientId: 1 };
const session = (
  readOnly: 'yes' | 'no' | 'unknown',
  marketData: 'ok' | 'none' | 'competing' | 'unknown',
  mdCode: number | null = null,
): SetupObservation => ({
  step: 'session',
  serverVersion: 187,
  accounts: ['DU111'],
  readOnly: { result: readOnly, twsCode: readOnly === 'yes' ? 321 : null, detail: 'read-only text' },
  marketData: { result: marketData, twsCode: mdCode, detail: 'md text' },
});

describe('setup advice', () => {
  it('tells unreachable hosts from closed ports', () => {
    const dns = adviseSetup(
      { step: 'tcp', result: 'not-found', detail: 'ENOTFOUND' },
      { ...local, host: 'tws.lan' },
    );
    expect(dns.outcome).toBe('error');
    expect(dns.message).toContain('"tws.lan" could not be resolved');
    const slow = adviseSetup({ step: 'tcp', result: 'timeout', detail: 'no answer in 4 s' }, remote);
    expect(slow.outcome).toBe('error');
    expect(slow.fix).toContain('Allow connections from localhost only');
  });

  it('advises Trusted IPs for this machine or for a remote one', () => {
    const obs: SetupObservation = {
      step: 'handshake',
      result: 'closed',
      serverVersion: null,
      twsCode: null,
      detail: 'closed',
    };
    expect(adviseSetup(obs, local).fix).toContain('add 127.0.0.1 under "Trusted IPs"');
    expect(adviseSetup(obs, remote).fix).toContain('untick "Allow connections from localhost only"');
  });

  it('read-only wins over missing market data, and the message mentions both', () => {
    const r = adviseSetup(session('yes', 'none', 354), local);
    expect(r.outcome).toBe('read-only');
    expect(r.message).toContain('TWS error 354');
    expect(r.fix).toContain('untick "Read-Only API"');
    expect(r.fix).toContain('Account → Subscribe to Market Data/Research');
  });

  it('no market data, and a competing live session, each with its own fix', () => {
    expect(adviseSetup(session('no', 'none', 10089), local)).toMatchObject({ outcome: 'no-market-data' });
    const competing = adviseSetup(session('no', 'competing', 10197), local);
    expect(competing.outcome).toBe('no-market-data');
    expect(competing.fix).toContain('log out of the other session');
  });

  it('ok, saying plainly what could not be confirmed', () => {
    const ok = adviseSetup(session('no', 'ok'), local);
    expect(ok).toMatchObject({ outcome: 'ok', fix: '', serverVersion: 187, accounts: ['DU111'] });
    expect(ok.message).not.toContain('Note');
    const unsure = adviseSetup(session('unknown', 'unknown'), local);
    expect(unsure.outcome).toBe('ok');
    expect(unsure.message).toContain('whether orders are accepted could not be confirmed');
    expect(unsure.message).toContain('market data could not be confirmed');
  });
});
