// Crash safety of the web host program: an unhandled rejection and an uncaught exception in its process are logged
// (console, log file) and the host keeps serving, as the desktop app does. The faults are raised inside the real
// program by a module preloaded with --import, on SIGUSR2, once the host is up.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../support/bundle';
import { waitFor } from '../support/wait';
import { windowIsServed } from '../support/web-window';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const FAULTS = `
process.on('SIGUSR2', () => {
  setTimeout(() => { Promise.reject(new Error('planted rejection')); }, 0);
  setTimeout(() => { throw new Error('planted exception'); }, 50);
});
`;

describe('web host crash safety', () => {
  it('logs an unhandled rejection and an uncaught exception and keeps answering requests', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-crash-'));
    dirs.push(dataDir);
    const faults = path.join(dataDir, 'faults.mjs');
    await writeFile(faults, FAULTS);
    const entry = await bundle(
      'src-main/web/main.ts',
      path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
    );
    const proc = spawn(
      process.execPath,
      ['--import', faults, entry, '--port', '0', '--data-dir', dataDir, '--no-connect'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((resolve) =>
      proc.on('exit', (code) => {
        exitCode = code;
        resolve();
      }),
    );
    try {
      const url = await waitFor(() => /IBDesk web host: (\S+)/.exec(out)?.[1], `the URL (${out})`, 20_000);
      proc.kill('SIGUSR2');
      await waitFor(
        () => out.includes('planted rejection') && out.includes('planted exception'),
        `both faults logged (${out})`,
        10_000,
      );
      expect(out).toMatch(/Unhandled promise rejection in main: planted rejection/);
      expect(out).toMatch(/Unhandled exception in main: planted exception/);
      // Still alive and serving its page.
      await new Promise((r) => setTimeout(r, 300));
      expect(exitCode).toBeUndefined();
      const u = new URL(url);
      expect(await windowIsServed(u.host, u.searchParams.get('token')!)).toBe(true);
      const logs = path.join(dataDir, 'logs');
      const text = (
        await Promise.all((await readdir(logs)).map((f) => readFile(path.join(logs, f), 'utf8')))
      ).join('');
      expect(text).toContain('planted rejection');
      expect(text).toContain('planted exception');
    } finally {
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (exitCode === undefined) proc.kill('SIGKILL');
    }
  }, 40_000);
});
