// In-process CLI runs: captured stdout/stderr, a scripted stdin, and a temp working directory.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli, type DemoStarter } from '../../src-main/cli/run';
import { capturedStream } from './captured-stream';

export type CliResult = { code: number; stdout: string; stderr: string; cwd: string };

export async function cli(
  args: string[],
  opts: { input?: string; cwd?: string; startDemo?: DemoStarter } = {},
): Promise<CliResult> {
  const cwd = opts.cwd ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-test-')));
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
