// The web host's API boundary over real TCP: tokens, Origin, Host, frame sizes, and the contract round trip.
import http from 'node:http';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../src-shared/logger';
import { startWebHost, type WebBackend } from '../../src-main/web/web-host';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';
import { linger, upgradeRequest } from '../support/hostile-client';

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

  it("accepts only this host's own Origin, exactly: scheme, host and port", async () => {
    const url = `${base()}?token=${h.host.token}`;
    const port = h.host.port;
    for (const o of [
      `127.0.0.1:${port}`,
      `https://127.0.0.1:${port}`,
      `ws://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
      `http://127.0.0.1:${port}/`,
      `HTTP://127.0.0.1:${port}`,
      `http://127.0.0.1`,
    ])
      expect(await upgradeStatus(url, { Origin: o }), o).toBe(403);
    expect(await upgradeStatus(url, origin())).toBe(101);
  });

  it('answers only to its own Host; a page asked for as localhost is sent to the one address it works at', async () => {
    const port = h.host.port;
    const url = `${base()}?token=${h.host.token}`;
    for (const host of [`localhost:${port}`, `[::1]:${port}`, `127.0.0.1`, `127.0.0.1:${port + 1}`])
      expect(await upgradeStatus(url, { ...origin(), Host: host }), host).toBe(421);
    const redirected = await get(port, '/?token=abc', `localhost:${port}`);
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe(`http://127.0.0.1:${port}/?token=abc`);
    expect((await get(port, '/', `[::1]:${port}`)).status).toBe(421);
  });

  it('serves a file only when its real path lies inside the renderer folder', async () => {
    const staticDir = path.join(h.dataDir, '__static');
    await writeFile(path.join(h.dataDir, 'secret.txt'), 'not for the page');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'assets', 'real.txt'), 'page file');
    await symlink(path.join(h.dataDir, 'secret.txt'), path.join(staticDir, 'leak.txt'));
    await symlink(h.dataDir, path.join(staticDir, 'up'));
    await symlink(path.join(staticDir, 'assets', 'real.txt'), path.join(staticDir, 'inside.txt'));
    expect((await get(h.host.port, '/leak.txt')).status).toBe(404);
    expect((await get(h.host.port, '/up/secret.txt')).status).toBe(404);
    const inside = await get(h.host.port, '/inside.txt');
    expect([inside.status, inside.body]).toEqual([200, 'page file']);
    expect((await get(h.host.port, '/assets')).status).toBe(404);
  });

  it('serves source maps only when asked for', async () => {
    const staticDir = path.join(h.dataDir, '__static');
    await writeFile(path.join(staticDir, 'index.js.map'), '{"version":3}');
    await writeFile(path.join(staticDir, 'index.js'), 'export {};');
    expect((await get(h.host.port, '/index.js')).status).toBe(200);
    expect((await get(h.host.port, '/index.js.map')).status).toBe(404);
    expect((await get(h.host.port, '/INDEX.JS.MAP')).status).toBe(404);
    const withMaps = await startWebHost({
      backend: { dispatcher: h.app.dispatcher, hub: h.app.hub },
      log: silentLogger,
      staticDir,
      port: 0,
      sourceMaps: true,
    });
    try {
      const r = await get(withMaps.port, '/index.js.map');
      expect([r.status, r.body]).toEqual([200, '{"version":3}']);
    } finally {
      await withMaps.close();
    }
  });

  it('serves the page before the app is up; a window that connects meanwhile is let in once it is', async () => {
    let ready!: (b: WebBackend) => void;
    const host = await startWebHost({
      backend: new Promise<WebBackend>((resolve) => (ready = resolve)),
      log: silentLogger,
      staticDir: path.join(h.dataDir, '__static'),
      port: 0,
    });
    try {
      expect((await get(host.port, '/index.js')).status).toBe(200);
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
      let opened = false;
      ws.once('open', () => (opened = true));
      await new Promise((r) => setTimeout(r, 200));
      expect(opened).toBe(false);
      ready({ dispatcher: h.app.dispatcher, hub: h.app.hub });
      await new Promise((r, j) => (opened ? r(null) : ws.once('open', r).once('error', j)));
      const reply = await new Promise<{ id: number; ok: boolean }>((resolve) => {
        ws.on('message', (d: WebSocket.RawData) => {
          const m = JSON.parse(d.toString()) as { id?: number; ok: boolean };
          if (m.id === 1) resolve(m as { id: number; ok: boolean });
        });
        ws.send(JSON.stringify({ id: 1, method: 'connection.status', params: {} }));
      });
      expect(reply).toMatchObject({ id: 1, ok: true });
      ws.close();
    } finally {
      await host.close();
    }
  });

  it('refuses a waiting window with 503 when the app fails to start', async () => {
    let failed!: (err: Error) => void;
    const host = await startWebHost({
      backend: new Promise<WebBackend>((_, reject) => (failed = reject)),
      log: silentLogger,
      staticDir: h.dataDir,
      port: 0,
    });
    try {
      const status = upgradeStatus(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
      await new Promise((r) => setTimeout(r, 100));
      failed(new Error('no data dir'));
      expect(await status).toBe(503);
    } finally {
      await host.close();
    }
  });

  it('drops a connection that never sends a byte, and closes within its grace whatever clients do', async () => {
    const host = await startWebHost({
      backend: { dispatcher: h.app.dispatcher, hub: h.app.hub },
      log: silentLogger,
      staticDir: h.dataDir,
      port: 0,
      idleSocketMs: 300,
      closeGraceMs: 200,
    });
    const silent = net.connect(host.port, '127.0.0.1');
    silent.on('error', () => undefined);
    const dropped = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      silent.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    expect(dropped).toBe(true);
    // Left in every bad state, then close(): it ends within the grace and a moment, not when the clients please.
    const left = [
      await linger(host.port, 'partial'),
      await linger(host.port, 'halfOpen', upgradeRequest(host.port, '/api')),
      await linger(host.port, 'deaf', upgradeRequest(host.port, `/api?token=${host.token}`)),
    ];
    const window = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    window.on('error', () => undefined);
    await new Promise((r) => window.once('open', r));
    (window as unknown as { _socket: { pause(): void } })._socket.pause();
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(1200);
    for (const l of left) l.close();
    window.terminate();
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
        backend: { dispatcher: h.app.dispatcher, hub: h.app.hub },
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
