// The setup checker against the demo gateway (#4) and its fault modes, over TCP: each setup problem the gateway
// can play is told apart. Modes the gateway has no switch for (a read-only API, a handshake that stalls after the
// server version, a what-if taken as a live order) are played by tests/support/tws-standin.ts in
// setup-check.test.ts.
import { EventName, IBApi } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoGateway, type DemoGateway } from '../../src-main/demo-gateway/gateway';
import { probeSetup, type SetupTiming } from '../../src-main/ib/setup-check';

const timing: Partial<SetupTiming> = { tcpMs: 2000, handshakeMs: 2000, marketDataMs: 4000, orderMs: 4000 };
let gw: DemoGateway | null = null;
const holders: IBApi[] = [];
afterEach(async () => {
  for (const h of holders.splice(0)) {
    h.removeAllListeners();
    h.on(EventName.error, () => undefined);
    h.disconnect();
  }
  await gw?.close();
  gw = null;
});

async function gateway(opts: Parameters<typeof createDemoGateway>[0] = {}): Promise<DemoGateway> {
  gw = await createDemoGateway({ host: '127.0.0.1', port: 0, ...opts });
  return gw;
}
const check = (g: DemoGateway, clientId = 7) =>
  probeSetup({ host: '127.0.0.1', port: g.port, clientId }, { timing });

describe('setup checker against the demo gateway', () => {
  it('all well: ok, the what-if order answered and nothing placed', async () => {
    const g = await gateway();
    const r = await check(g);
    expect(r).toMatchObject({ outcome: 'ok', accounts: ['DU1234567'], fix: '' });
    expect(r.serverVersion).toBeGreaterThanOrEqual(157);
    expect(r.message).not.toContain('could not be confirmed');
    const probe = g.ordersReceived().filter((o) => o.clientId === 7);
    expect(probe).toHaveLength(1);
    expect(probe[0]).toMatchObject({ symbol: 'AAPL', orderType: 'LMT', lmtPrice: 1, quantity: 1 });
    expect(g.orders().filter((o) => o.clientId === 7)).toEqual([]); // a what-if leaves no order behind
    await expect.poll(() => g.connections()).toEqual([]); // the probe's sockets are closed
  });

  it('several accounts: the what-if probe names the first, so TWS looks at it instead of asking for one', async () => {
    const g = await gateway({ accounts: ['DU1111111', 'DU2222222'] });
    const r = await check(g);
    expect(r).toMatchObject({ outcome: 'ok', accounts: ['DU1111111', 'DU2222222'] });
    const probe = g.ordersReceived().filter((o) => o.clientId === 7);
    expect(probe).toHaveLength(1);
    expect(probe[0]!.rejectedWith).toBeUndefined();
    expect(r.message).not.toContain('specify an account');
  });

  // Each fault the gateway can play, and the outcome and words the checker must give for it.
  it.each([
    {
      name: 'nothing listening (the gateway refusing connections)',
      fault: (g: DemoGateway) => g.faults.rejectConnections(10_000),
      outcome: 'nothing-listening',
      field: 'fix' as const,
      text: 'Enable ActiveX and Socket Clients',
    },
    {
      name: 'accept-then-close: no handshake',
      // The checker first opens a bare TCP connection (to tell "refused" from "not answering"), then the API one:
      // the gateway counts accepted connections, so both are closed here, as a TWS refusing this client would.
      fault: (g: DemoGateway) => g.faults.acceptThenClose(2),
      outcome: 'no-handshake',
      field: 'message' as const,
      text: 'closed it before the API session started',
    },
    {
      name: 'silent socket: no handshake',
      fault: (g: DemoGateway) => g.faults.silence(5000),
      outcome: 'no-handshake',
      field: 'message' as const,
      text: 'never answered the API handshake',
    },
  ])('$name', async ({ fault, outcome, field, text }) => {
    const g = await gateway();
    await fault(g);
    const r = await check(g);
    expect(r.outcome).toBe(outcome);
    expect(r[field]).toContain(text);
    g.faults.clear();
  });

  it('client id in use (326)', async () => {
    const g = await gateway();
    const holder = new IBApi({ host: '127.0.0.1', port: g.port, maxReqPerSec: 40 });
    holders.push(holder);
    await new Promise<void>((resolve) => {
      holder.once(EventName.nextValidId, () => resolve());
      holder.connect(7);
    });
    const r = await check(g, 7);
    expect(r.outcome).toBe('client-id-in-use');
    expect(r.fix).toContain('for example 8');
  });

  it('no market data permissions (354 on a live snapshot)', async () => {
    const g = await gateway({ liveData: false });
    const r = await check(g);
    expect(r.outcome).toBe('no-market-data');
    expect(r.message).toContain('TWS error 354');
    expect(r.fix).toContain('Account → Subscribe to Market Data/Research');
  });
});
