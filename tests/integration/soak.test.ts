// CI's soak (issue #8): `npm run soak` for 2 minutes with a fixed seed and a fault every 1–3 s after each
// recovery check, as a child process (its own heap, its own unhandled-rejection hooks). It must pass every check
// and must actually have been put through faults and orders. Re-requesting 500 market-data lines after a
// reconnect takes 500 / (the pacer's steady rate) seconds: under 15 s needs a steady rate of about 40/s or more.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { SoakSummary } from '../../tools/soak/summary';
import { bundle } from '../support/bundle';

let child: ChildProcess | null = null;
let dir = '';
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

it('a 2-minute soak (seed 8, faults every 1–3 s) loses, duplicates and leaks nothing', async () => {
  const entry = await bundle(
    'tools/soak/main.ts',
    path.join(process.cwd(), 'node_modules', '.cache', 'ibdesk-tests'),
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-soak-test-'));
  const proc = spawn(
    process.execPath,
    ['--expose-gc', entry, '--minutes', '2', '--seed', '8', '--fault-every', '1-3', '--out', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child = proc;
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
  console.log(out.slice(out.indexOf('=== soak')));
  const { summary } = JSON.parse(await readFile(path.join(dir, 'result.json'), 'utf8')) as {
    summary: SoakSummary;
  };
  expect(summary.violations).toEqual([]);
  expect(code).toBe(0);
  expect(summary.passed).toBe(true);
  // It was a soak: several kinds of fault, recoveries, orders through them, all checked.
  expect(summary.faultsInjected).toBeGreaterThanOrEqual(4);
  expect(Object.values(summary.faults).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  expect(summary.orders.modifiesSent).toBeGreaterThan(0);
  expect(summary.recoveries).toBeGreaterThanOrEqual(2);
  expect(summary.orders.placed).toBeGreaterThanOrEqual(20);
  expect(summary.orders.checked).toBeGreaterThanOrEqual(summary.orders.placed);
  expect(summary.orders.executionsChecked).toBeGreaterThan(0);
}, 240_000);
