// The standalone gateway (`npm run demo-gateway`): built as the build script does, started on port 0, it logs one
// line per connection, prints its control URL and stops cleanly on SIGTERM; bad flags exit with code 2.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { RawClient } from './raw-client';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('demo-gateway CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ibdesk-cli-'));
  const out = path.join(dir, 'demo-gateway.mjs');

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(root, 'src-main/demo-gateway/cli.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs in the foreground, logs connections, prints the control URL and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [out, '--port', '0', '--seed', '5', '--server-version', '176', '--accounts', 'DU111,DU222'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!/control API: http/.test(stdout)) {
        if (Date.now() > deadline) throw new Error(`no start-up line: ${stdout} ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      expect(stdout).toContain('server versions 157-176, accounts DU111,DU222');
      const url = /control API: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] as string;
      expect(((await (await fetch(`${url}/status`)).json()) as { port: number }).port).toBe(port);
      const c = await RawClient.open(port);
      c.hello('v100..193');
      await c.until(() => c.frames.length === 1, 'version');
      expect(c.frames[0]?.[0]).toBe('176');
      c.send(71, 2, 12, '');
      await c.until(() => c.of(15).length === 1, 'accounts');
      expect(c.of(15)[0]?.[2]).toBe('DU111,DU222');
      c.close();
      const deadline2 = Date.now() + 5000;
      while (!/client 12 disconnected/.test(stderr)) {
        if (Date.now() > deadline2) throw new Error(`no disconnect line: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(stderr).toMatch(/client 12 connected from 127\.0\.0\.1:\d+ \(server version 176\)/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: stopping');
  });

  it('rejects bad flags with exit code 2', async () => {
    const run = (args: string[]): Promise<number | null> =>
      new Promise((resolve) =>
        spawn(process.execPath, [out, ...args], { stdio: 'ignore' }).on('exit', (code) => resolve(code)),
      );
    expect(await run(['--nope'])).toBe(2);
    expect(await run(['--fault', 'explode'])).toBe(2);
    expect(await run(['--port', '0', '--server-version', '150'])).toBe(1);
  });
});
