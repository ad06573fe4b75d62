// The web host under hostile or broken clients: one that never reads, random frames (property-based), floods.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requestNames } from '../../src-shared/contract';
import { ErrorCodes } from '../../src-shared/result';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ hub: { highWaterBytes: 256 * 1024, maxBlockedMs: 1500 } });
});
afterAll(() => h.stop());

describe('web host robustness', () => {
  it('drops a client that never reads, with memory bounded by the high-water mark', async () => {
    const c = await ApiClient.open(h.host);
    const socket = (c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const closed = new Promise<void>((resolve) => c.ws.once('close', () => resolve()));
    const big = 'x'.repeat(64 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let rssMax = rssBefore;
    let offered = 0;
    const deadline = Date.now() + 20_000;
    let dropped = false;
    while (Date.now() < deadline) {
      // 1.25 MB offered every 20 ms: unbounded buffering would reach hundreds of MB before the drop.
      for (let i = 0; i < 20; i++)
        h.app.hub.broadcast('notice', { level: 'info', title: 'flood', message: big });
      offered += 20 * big.length;
      await new Promise((r) => setTimeout(r, 20));
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      const noticed = h.app.logBook.recent(50).some((e) => /stopped reading|did not read/.test(e.message));
      if (noticed && h.app.hub.clientIds().length === 0) {
        dropped = true;
        break;
      }
    }
    expect(dropped).toBe(true);
    expect(offered).toBeGreaterThan(50 * 1024 * 1024);
    expect(rssMax - rssBefore).toBeLessThan(48 * 1024 * 1024);
    socket.resume();
    await closed;
    // A well-behaved client still works afterwards.
    const ok = await ApiClient.open(h.host);
    expect((await ok.call('settings.get')).ok).toBe(true);
    ok.close();
  });

  it('answers every random frame with a typed result and never throws past the boundary', async () => {
    const c = await ApiClient.open(h.host);
    // Every request of the contract, and names that are not.
    const methods = [...requestNames, 'nope', '__proto__', 'constructor', 'orders.place ', ''];
    const typed = ErrorCodes.filter((code) => code !== 'INTERNAL');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.jsonValue(), async (method, params) => {
        const r = await c.call(method, params);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(typed, `${method}: ${r.error.message}`).toContain(r.error.code);
      }),
      { numRuns: 800 },
    );
    // Frames that are not requests at all.
    for (const p of [
      'null',
      '[]',
      '42',
      '"x"',
      '{"id":"1","method":"settings.get"}',
      '{"id":1e400}',
      '{"id":1.5,"method":"x"}',
    ]) {
      expect(await c.sendRaw(p)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // Random text and bytes as whole frames.
    const notARequest = (t: string) => {
      try {
        const v = JSON.parse(t) as unknown;
        return !(typeof v === 'object' && v !== null && 'id' in v);
      } catch {
        return true;
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }).filter(notARequest), async (text) => {
        expect(await c.sendRaw(text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        expect(await c.sendRaw(Buffer.from(bytes))).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }),
      { numRuns: 100 },
    );
    const stillOk = await c.call('settings.get');
    expect(stillOk.ok).toBe(true);
    c.close();
  });

  it('refuses binary frames', async () => {
    const c = await ApiClient.open(h.host);
    expect(await c.sendRaw(Buffer.from([1, 2, 3]))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    c.close();
  });

  it('limits requests in flight per client', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${h.host.port}/api?token=${h.host.token}`);
    await new Promise((r) => ws.once('open', r));
    const replies: { id?: number; ok: boolean; error?: { code: string } }[] = [];
    ws.on('message', (d) => {
      const msg = JSON.parse(d.toString());
      if (typeof msg.id === 'number') replies.push(msg);
    });
    // settings.set writes a file: slow enough that 400 of them overlap.
    for (let i = 0; i < 400; i++)
      ws.send(
        JSON.stringify({ id: i + 1, method: 'settings.set', params: { theme: i % 2 ? 'dark' : 'light' } }),
      );
    const deadline = Date.now() + 20_000;
    while (replies.length < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(replies).toHaveLength(400);
    expect(replies.some((r) => !r.ok && r.error?.code === 'PACING')).toBe(true);
    ws.close();
  });
});
