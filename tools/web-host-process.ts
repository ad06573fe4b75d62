// Starts the built web host (`node dist/main/web.js`) on port 0 with its own data dir, as a user would run it
// (the E2E tests and the bench both drive it), and stops it afterwards. Its output is kept for the failure report.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type RunningHost = {
  url: string;
  /** Injects a fault into the embedded demo gateway through its control API (needs `demoControl`). */
  demoFault(fault: string, params?: Record<string, unknown>): Promise<void>;
  port: number;
  /** The host's process id (the bench reads its CPU time). */
  pid: number;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, '..');

export async function startBuiltWebHost(
  opts: {
    dataDir?: string;
    args?: string[];
    env?: Record<string, string>;
    demoControl?: boolean;
    /** The checkout whose dist/ runs (default: this one; bundled callers such as the bench pass their cwd). */
    root?: string;
  } = {},
): Promise<RunningHost> {
  const root = opts.root ?? ROOT;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-e2e-')));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'dist', 'main', 'web.js'), '--port', '0', '--data-dir', dataDir, ...(opts.args ?? [])],
    {
      cwd: root,
      // The embedded demo gateway opens its fault-injection control API on loopback only when asked (tests).
      env: { ...process.env, ...(opts.demoControl ? { IBDESK_DEMO_CONTROL: '1' } : {}), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not print its URL:\n${out}`)), 30_000);
    const check = () => {
      const m = /IBDesk web host: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${out}`));
    });
  });
  async function demoFault(fault: string, params: Record<string, unknown> = {}): Promise<void> {
    if (!opts.demoControl) throw new Error('start the host with { demoControl: true } to inject faults');
    const deadline = Date.now() + 30_000;
    let control: string | undefined;
    while (!(control = /IBDesk demo control: (http:\/\/\S+)/.exec(out)?.[1])) {
      if (Date.now() > deadline) throw new Error(`the demo gateway's control API did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await fetch(`${control.replace(/\/$/, '')}/faults/${encodeURIComponent(fault)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    if (!res.ok) throw new Error(`fault ${fault} refused: ${res.status} ${await res.text()}`);
  }

  return {
    url,
    demoFault,
    port: Number(new URL(url).port),
    pid: child.pid!,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
