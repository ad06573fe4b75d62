// The setup checker over TCP against a TWS stand-in, for what the demo gateway has no switch for: a read-only API
// (321), a handshake that stalls after the server version, other no-market-data codes, a what-if taken as a live
// order. The gateway's own fault modes are in setup-check-gateway.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { probeSetup, type SetupTiming } from '../../src-main/ib/setup-check';
import { startStandIn, type StandIn, type StandInMode } from '../support/tws-standin';

const timing: Partial<SetupTiming> = { tcpMs: 2000, handshakeMs: 1500, marketDataMs: 1500, orderMs: 1500 };
let tws: StandIn | null = null;
afterEach(async () => {
  await tws?.close();
  tws = null;
});

async function check(mode: StandInMode, opts: Parameters<typeof startStandIn>[1] = {}) {
  tws = await startStandIn(mode, opts);
  return probeSetup({ host: '127.0.0.1', port: tws.port, clientId: 7 }, { timing });
}

describe('setup checker (TCP)', () => {
  it('answers the version but never starts the session: no handshake (stalled), with the server version', async () => {
    const r = await check('stall');
    expect(r.outcome).toBe('no-handshake');
    expect(r.serverVersion).toBe(176);
    expect(r.fix).toMatch(/Finish logging in/);
  });

  it('read-only API (321 on the what-if order): says where to untick Read-Only API', async () => {
    const r = await check('read-only');
    expect(r.outcome).toBe('read-only');
    expect(r.accounts).toEqual(['DU1234567']);
    expect(r.fix).toContain('File → Global Configuration → API → Settings → untick "Read-Only API"');
    // The probe was a what-if order: whatIf is set in what went over the wire.
    const place = tws!.received.find((f) => f[0] === '3');
    expect(place).toBeDefined();
  });

  it.each([10089, 10167, 10168])('no market data permissions (%i)', async (code) => {
    const r = await check('no-market-data', { marketDataCode: code });
    expect(r.outcome).toBe('no-market-data');
    expect(r.message).toContain(String(code));
    expect(r.fix).toContain('Account → Subscribe to Market Data/Research');
  });

  it('all well: ok, with server version and accounts, and nothing left working at TWS', async () => {
    const r = await check('ok');
    expect(r).toMatchObject({ outcome: 'ok', serverVersion: 176, accounts: ['DU1234567'], fix: '' });
    expect(tws!.received.some((f) => f[0] === '4')).toBe(false); // no cancel needed: nothing was placed
  });

  it('if TWS ever took the what-if probe as a live order, it is cancelled at once', async () => {
    const r = await check('real-order');
    expect(r.outcome).toBe('ok');
    await expect.poll(() => tws!.received.some((f) => f[0] === '4')).toBe(true);
  });
});
