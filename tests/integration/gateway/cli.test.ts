// The standalone gateway (`npm run demo-gateway`): built as the build script does, started on port 0, it logs one
// line per connection, prints its control URL and stops cleanly on SIGTERM; bad flags exit with code 2; a
// recording it cannot replay (cut, foreign, damaged, missing, or a bad --speed/--from) exits with code 1 and says why.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { RawClient } from './raw-client';
import { watchChild } from '../../support/child-output';

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
    const run = watchChild(child);
    try {
      const deadline = Date.now() + 15_000;
      while (!/control API: http/.test(run.stdout)) {
        if (Date.now() > deadline) throw new Error(`no start-up line: ${run.stdout} ${run.stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(run.stdout)?.[1]);
      expect(run.stdout).toContain('server versions 157-176, accounts DU111,DU222');
      const url = /control API: (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1] as string;
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
      while (!/client 12 disconnected/.test(run.stderr)) {
        if (Date.now() > deadline2) throw new Error(`no disconnect line: ${run.stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(run.stderr).toMatch(/client 12 connected from 127\.0\.0\.1:\d+ \(server version 176\)/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.stderr).toContain('SIGTERM: stopping');
  });

  it('rejects bad flags with exit code 2', async () => {
    const run = (args: string[]): Promise<number | null> =>
      new Promise((resolve) =>
        spawn(process.execPath, [out, ...args], { stdio: 'ignore' }).on('exit', (code) => resolve(code)),
      );
    expect(await run(['--nope'])).toBe(2);
    expect(await run(['--fault', 'explode'])).toBe(2);
    expect(await run(['--port', '0', '--server-version', '150'])).toBe(1);
    expect(await run(['--speed', '5'])).toBe(2);
  });

  it('says in plain words why a recording cannot be replayed, and exits with code 1', async () => {
    const shipped = path.join(root, 'tests/fixtures/recordings/demo-session.ibdrec');
    const bytes = readFileSync(shipped);
    const cut = path.join(dir, 'cut.ibdrec');
    writeFileSync(cut, bytes.subarray(0, 20));
    const foreign = path.join(dir, 'foreign.ibdrec');
    writeFileSync(foreign, 'date,open,high,low,close\n2026-07-08,1,2,0.5,1.5\n');
    const damaged = path.join(dir, 'damaged.ibdrec');
    const d = Buffer.from(bytes);
    d[8] = d[8]! ^ 0xff; // a byte of the flags: the header's CRC no longer matches
    writeFileSync(damaged, d);
    const run = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        let stderr = '';
        const child = spawn(process.execPath, [out, '--port', '0', ...args], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const lines = await Promise.all([
      run(['--replay', cut]),
      run(['--replay', foreign]),
      run(['--replay', damaged]),
      run(['--replay', path.join(dir, 'missing.ibdrec')]),
      run(['--replay', shipped, '--speed', '61']),
      run(['--replay', shipped, '--from', '25:00']),
    ]);
    expect(lines.map((l) => l.code)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(lines.map((l) => /\(([A-Z_]+)\)/.exec(l.stderr)?.[1])).toEqual([
      'TRUNCATED',
      'FOREIGN_FILE',
      'DAMAGED_HEADER',
      'READ_FAILED',
      'BAD_SPEED',
      'BAD_TIME',
    ]);
    expect(lines[1]!.stderr).toContain(
      `cannot replay ${foreign}: it is not an IBDesk recording (FOREIGN_FILE)`,
    );
  });
});
