// app.diagnostics and connection.test through the real dispatcher, as a window (or web page) calls them.
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('support requests', () => {
  it('app.diagnostics answers the diagnostics text', async () => {
    h = await startHarness();
    const c = await ApiClient.open(h.host);
    const r = await c.call('app.diagnostics', {});
    c.close();
    expect(r.ok).toBe(true);
    const text = (r as { value: { text: string } }).value.text;
    expect(text).toContain('IBDesk diagnostics');
    expect(text).toContain('IBDesk 0.0.0-test (web host)');
    expect(text).toContain('Demo [demo]');
    expect(text).toMatch(/starting \(web host/);
  });

  it('connection.test validates its params and answers a setup check', async () => {
    h = await startHarness();
    const c = await ApiClient.open(h.host);
    const bad = await c.call('connection.test', { host: '', port: 0, clientId: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const port = await freePort();
    const r = await c.call('connection.test', { host: '127.0.0.1', port, clientId: 3 });
    c.close();
    expect(r).toMatchObject({ ok: true, value: { outcome: 'nothing-listening' } });
  });
});
