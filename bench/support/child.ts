// Bench child processes: bundles an entry of bench/clients with esbuild (next to the runner's bundle) and forks it
// with an IPC channel; `reply` waits for its next IPC message.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../../tools/node-bundle.mjs';

const root = process.cwd();

export async function bundle(name: string): Promise<string> {
  const out = path.join(root, 'node_modules', '.cache', 'ibdesk-bench', `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, 'bench', 'clients', `${name}.ts`)],
    outfile: out,
    ...NODE_BUNDLE,
    define: { __IBDESK_VERSION__: '"bench"' },
  });
  return out;
}

export async function forkClient(
  name: string,
  args: string[],
  execArgv: string[] = [],
): Promise<ChildProcess> {
  const file = await bundle(name);
  return fork(file, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
}

export function reply<T>(child: ChildProcess, send?: unknown, timeoutMs = 60_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`no answer from the bench child within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (m: unknown): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      reject(new Error(`the bench child exited (${code})`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    if (send !== undefined) child.send(send as never);
  });
}

/** Asks a child to stop, and kills it if it has not gone after a while. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    child.send({ cmd: 'stop' });
  } catch {
    // channel already closed
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}
