// What a program a test starts writes and how it ends: its stdout and stderr as they grow, and its exit code.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface WatchedChild {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

export function watchChild(child: ChildProcessByStdio<null, Readable, Readable>): WatchedChild {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
  };
}
