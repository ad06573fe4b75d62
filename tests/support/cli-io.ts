// In-process CLI runs: captured stdout/stderr, a scripted stdin, and a temp working directory (removed when the
// test that made it ends).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { onTestFinished } from 'vitest';
import { runCli, type DemoStarter } from '../../src-main/cli/run';
import { capturedStream } from './captured-stream';

export type CliResult = { code: number; stdout: string; stderr: string; cwd: string };

export async function cli(
  args: string[],
  opts: { input?: string; cwd?: string; startDemo?: DemoStarter } = {},
): Promise<CliResult> {
  let cwd = opts.cwd;
  if (cwd === undefined) {
    const made = await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-test-'));
    onTestFinished(() => rm(made, { recursive: true, force: true }));
    cwd = made;
  }
  const stdout = capturedStream();
  const stderr = capturedStream();
  const stdin = new PassThrough();
  if (opts.input !== undefined) stdin.end(opts.input);
  const code = await runCli(
    args,
    {
      stdout: stdout.stream,
      stderr: stderr.stream,
      stdin,
      cwd,
      env: { IBDESK_DATA_DIR: path.join(cwd, 'data') },
    },
    opts.startDemo ? { startDemo: opts.startDemo } : {},
  );
  return { code, stdout: stdout.text(), stderr: stderr.text(), cwd };
}
