// CLI behaviour that needs no market: usage errors, help, an unreachable TWS, a client id in use.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src-main/cli/exit';
import { cli } from '../support/cli-io';
import { startMiniTws, type MiniTws } from '../support/mini-tws';

let tws: MiniTws | null = null;
afterEach(async () => {
  await tws?.close();
  tws = null;
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('ibdesk CLI basics', () => {
  it('prints help with exit 0, and usage with exit 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/Usage: ibdesk/);
    expect((await cli([])).code).toBe(EXIT.usage);
    expect((await cli(['frobnicate'])).code).toBe(EXIT.usage);
    expect((await cli(['scan', '--rows', '500'])).code).toBe(EXIT.usage);
    expect((await cli(['order', 'buy', 'ten', 'AAPL'])).code).toBe(EXIT.usage);
    expect((await cli(['order', 'buy', '1', 'AAPL', '--limit', '1', '--stop', '2'])).code).toBe(EXIT.usage);
    expect((await cli(['history', 'AAPL', '--bar', '7 mins'])).code).toBe(EXIT.usage);
    expect((await cli(['--bogus', 'quote', 'AAPL'])).code).toBe(EXIT.usage);
  });

  it('exits 3 with plain words when nothing listens on the port', async () => {
    const port = await freePort();
    const r = await cli(['--port', String(port), 'quote', 'AAPL']);
    expect(r.code).toBe(EXIT.unreachable);
    expect(r.stderr).toMatch(new RegExp(`nothing is listening on port ${port}`));
    const j = await cli(['--port', String(port), '--json', 'positions']);
    expect(j.code).toBe(EXIT.unreachable);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
  });

  it('exits 3 when the client id is taken, naming the next one', async () => {
    tws = await startMiniTws();
    tws.rejectClientId(17);
    const r = await cli(['--port', String(tws.port), 'account']);
    expect(r.code).toBe(EXIT.unreachable);
    expect(r.stderr).toMatch(/client id 18/);
  });

  it('exits 4 when TWS rejects the request', async () => {
    tws = await startMiniTws();
    const r = await cli(['--port', String(tws.port), 'contract', 'NOPE']);
    expect(r.code).toBe(EXIT.rejected);
    expect(r.stderr).toMatch(/TWS knows no instrument/);
  });
});
