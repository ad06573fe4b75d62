import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, serveAppRequest } from './app-protocol';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-app-'));
  await writeFile(path.join(dir, 'index.html'), '<html></html>');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves renderer files with the strict CSP', async () => {
    const r = await serveAppRequest(dir, 'app://ibdesk/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toContain('unsafe-eval');
  });

  it('refuses paths outside the renderer folder and foreign hosts', async () => {
    expect((await serveAppRequest(dir, 'app://ibdesk/../../etc/passwd')).status).toBe(404);
    expect((await serveAppRequest(dir, 'app://ibdesk/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).status).toBe(404);
    expect((await serveAppRequest(dir, 'app://other/index.html')).status).toBe(404);
  });
});
