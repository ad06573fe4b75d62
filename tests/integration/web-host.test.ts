// The web host's API boundary over real TCP: tokens, Origin, Host, frame sizes, and the contract round trip.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../src-main/core/logger';
import { startWebHost } from '../../src-main/web/web-host';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', (e) => reject(e));
  });
}

function get(
  port: number,
  pathname: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  const base = () => `ws://127.0.0.1:${h.host.port}/api`;
  const origin = () => ({ Origin: `http://127.0.0.1:${h.host.port}` });

  it('refuses a WebSocket without the token', async () => {
    expect(await upgradeStatus(base(), origin())).toBe(401);
  });

  it('refuses a wrong token', async () => {
    expect(await upgradeStatus(`${base()}?token=${h.host.token.slice(1)}x`, origin())).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    expect(await upgradeStatus(`${base()}?token=${h.host.token}`, { Origin: 'http://evil.example' })).toBe(
      403,
    );
    expect(await upgradeStatus(`${base()}?token=${h.host.token}`, { Origin: 'http://127.0.0.1:1' })).toBe(
      403,
    );
  });

  it('refuses look-alike and opaque Origins, a token of another length, and other paths', async () => {
    const url = `${base()}?token=${h.host.token}`;
    for (const o of [
      'null',
      `http://127.0.0.1:${h.host.port}.evil.example`,
      `http://evil.example#127.0.0.1:${h.host.port}`,
      `chrome-extension://abcdef`,
      `file://`,
    ])
      expect(await upgradeStatus(url, { Origin: o }), o).toBe(403);
    expect(await upgradeStatus(`${base()}?token=${h.host.token}x`, origin())).toBe(401);
    expect(await upgradeStatus(`${base()}?token=`, origin())).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${h.host.port}/other?token=${h.host.token}`, origin())).toBe(
      404,
    );
  });

  it('refuses a Host header that is not this host (DNS rebinding)', async () => {
    expect(
      await upgradeStatus(`${base()}?token=${h.host.token}`, { ...origin(), Host: 'evil.example:80' }),
    ).toBe(421);
    expect((await get(h.host.port, '/', 'evil.example')).status).toBe(421);
  });

  it('accepts the token with our Origin and answers contract requests', async () => {
    const c = await ApiClient.open(h.host);
    const r = await c.call('settings.get');
    expect(r.ok && (r.value as { activeProfileId: string }).activeProfileId).toBe('demo');
    c.close();
  });

  it('answers typed errors for bad params, unknown methods and unreadable frames', async () => {
    const c = await ApiClient.open(h.host);
    const bad = await c.call('profiles.save', { name: '', port: 'seven' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    const unknown = await c.call('system.exec', { cmd: 'rm -rf /' });
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_METHOD');
    expect(await c.sendRaw('{not json')).toMatchObject({ id: -1, ok: false, error: { code: 'VALIDATION' } });
    c.close();
  });

  it('closes a connection that sends a 10 MB message, and keeps serving others', async () => {
    const c = await ApiClient.open(h.host);
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    c.ws.send(JSON.stringify({ id: 1, method: 'settings.get', params: { x: 'a'.repeat(10 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const other = await ApiClient.open(h.host);
    expect((await other.call('settings.get')).ok).toBe(true);
    other.close();
  });

  it('serves the page with a CSP and no-referrer (the URL holds the token)', async () => {
    const r = await get(h.host.port, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(h.host.port, '/../../etc/passwd')).status).toBe(404);
    expect((await get(h.host.port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('will not bind a non-loopback address without the explicit flag', async () => {
    await expect(
      startWebHost({
        dispatcher: h.app.dispatcher,
        hub: h.app.hub,
        log: silentLogger,
        staticDir: h.dataDir,
        host: '0.0.0.0',
        port: 0,
      }),
    ).rejects.toThrow(/--allow-remote/);
  });

  it('pushes events to connected windows', async () => {
    const c = await ApiClient.open(h.host);
    const r = await c.call('profiles.save', { name: 'Push test', port: 7497 });
    expect(r.ok).toBe(true);
    const e = await c.waitForEvent((ev) => ev.event === 'settings');
    expect(e.event === 'settings' && e.payload.profiles.some((p) => p.name === 'Push test')).toBe(true);
    c.close();
  });
});
