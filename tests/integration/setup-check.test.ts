// The setup checker over real TCP against a TWS stand-in playing each fault: it must tell them apart.
import { afterEach, describe, expect, it } from 'vitest';
import { probeSetup, type SetupTiming } from '../../src-main/ib/setup-check';
import { closedPort, startFakeTws, type FakeTws, type FakeTwsMode } from '../support/tws-standin';

const timing: Partial<SetupTiming> = { tcpMs: 2000, handshakeMs: 1500, marketDataMs: 1500, orderMs: 1500 };
let tws: FakeTws | null = null;
afterEach(async () => {
  await tws?.close();
  tws = null;
});

async function check(mode: FakeTwsMode, opts: Parameters<typeof startFakeTws>[1] = {}) {
  tws = await startFakeTws(mode, opts);
  return probeSetup({ host: '127.0.0.1', port: tws.port, clientId: 7 }, { timing });
}

describe('setup checker (TCP)', () => {
  it('nothing listening: says so, with where to enable the API and the socket port', async () => {
    const port = await closedPort();
    const r = await probeSetup({ host: '127.0.0.1', port, clientId: 7 }, { timing });
    expect(r.outcome).toBe('nothing-listening');
    expect(r.message).toContain(`127.0.0.1:${port}`);
    expect(r.fix).toContain('File → Global Configuration → API → Settings');
    expect(r.fix).toContain('Enable ActiveX and Socket Clients');
    expect(r.fix).toContain(`"Socket port" is ${port}`);
  });

  it('accepts then closes: no handshake, pointing at Trusted IPs', async () => {
    const r = await check('accept-close');
    expect(r.outcome).toBe('no-handshake');
    expect(r.message).toMatch(/closed it before the API session started/);
    expect(r.fix).toContain('Trusted IPs');
  });

  it('accepts and stays silent: no handshake, pointing at the accept prompt and Trusted IPs', async () => {
    const r = await check('silent');
    expect(r.outcome).toBe('no-handshake');
    expect(r.message).toMatch(/never answered the API handshake/);
    expect(r.fix).toContain('Accept incoming connection attempt?');
    expect(r.fix).toContain('Trusted IPs');
  });

  it('answers the version but never starts the session: no handshake (stalled), with the server version', async () => {
    const r = await check('stall');
    expect(r.outcome).toBe('no-handshake');
    expect(r.serverVersion).toBe(176);
    expect(r.fix).toMatch(/Finish logging in/);
  });

  it('client id in use (326): names the id and suggests the next one', async () => {
    const r = await check('client-id-in-use');
    expect(r.outcome).toBe('client-id-in-use');
    expect(r.message).toContain('Client id 7');
    expect(r.message).toContain('326');
    expect(r.fix).toContain('for example 8');
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

  it.each([354, 10089, 10167, 10168])('no market data permissions (%i)', async (code) => {
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
