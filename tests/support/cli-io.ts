// In-process CLI runs: captured stdout/stderr, a scripted stdin, and a temp working directory.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli, type DemoStarter } from '../../src-main/cli/run';

export type CliResult = { code: number; stdout: string; stderr: string; cwd: string };

export async function cli(
  args: string[],
  opts: { input?: string; cwd?: string; startDemo?: DemoStarter } = {},
): Promise<CliResult> {
  const cwd = opts.cwd ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-cli-test-')));
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  if (opts.input !== undefined) stdin.end(opts.input);
  const code = await runCli(
    args,
    { stdout, stderr, stdin, cwd, env: { IBDESK_DATA_DIR: path.join(cwd, 'data') } },
    opts.startDemo ? { startDemo: opts.startDemo } : {},
  );
  return { code, stdout: out, stderr: err, cwd };
}
