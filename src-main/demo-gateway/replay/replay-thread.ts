// The replaying gateway on a worker thread of its own, for the app's Replay profile: at 60x a 500-symbol recording
// is ~120,000 relayed messages a second (read, decoded, re-encoded), and on the app's thread that work sat in the
// same event loop as the app's own decoding of those messages and its frames to the windows (issue #16: replay
// tick → paint p99). This is the app's side: it starts the thread, drives the transport by messages, and keeps the
// last status the thread posted so `status()` answers at once. The thread's side is replay-thread-worker.ts.
import { Worker } from 'node:worker_threads';
import { ReplayError } from './replay-error';
import type { ReplayStatus } from './replay-types';

/** What the thread is started with (workerData). */
export type ReplayThreadData = { file: string; benchStamps: boolean };

type ReplayCommand =
  | { op: 'play' }
  | { op: 'pause' }
  | { op: 'speed'; speed: number }
  | { op: 'step'; ms?: number }
  | { op: 'seek'; to: number | string }
  | { op: 'close' };

export type ToReplayThread = { id: number } & ReplayCommand;

/** An error as it crosses the thread: a ReplayError keeps its code, anything else its name and message. */
type ThreadError = { name: string; message: string; code?: string };

export type FromReplayThread =
  | { type: 'ready'; host: string; port: number; status: ReplayStatus }
  /** The status changed (the replay clock runs, it ended…): posted by the thread a few times a second while playing. */
  | { type: 'status'; status: ReplayStatus }
  | { type: 'done'; id: number; status: ReplayStatus }
  | { type: 'failed'; id?: number; error: ThreadError; status?: ReplayStatus };

/** The transport of a replay on its thread: commands resolve once the thread has done them. */
interface ThreadReplayControls {
  status(): ReplayStatus;
  play(): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  step(ms?: number): Promise<void>;
  seek(to: number | string): Promise<void>;
}

export interface ReplayThread {
  readonly host: string;
  readonly port: number;
  readonly replay: ThreadReplayControls;
  /** Closes the gateway and ends the thread. */
  close(): Promise<void>;
}

export function threadError(err: unknown): ThreadError {
  if (err instanceof ReplayError) return { name: err.name, message: err.message, code: err.code };
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
}

function rebuilt(e: ThreadError): Error {
  if (e.name === 'ReplayError' && e.code)
    return new ReplayError(e.code as ConstructorParameters<typeof ReplayError>[0], e.message);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.code !== undefined) (err as Error & { code?: string }).code = e.code;
  return err;
}

/**
 * Starts the gateway replaying `file` (paused at its start) on a thread running `workerFile` (the bundled
 * replay-thread-worker entry); resolves once it listens, rejects with the gateway's own error when it cannot start.
 */
export function startReplayThread(opts: {
  file: string;
  workerFile: string | URL;
  benchStamps?: boolean;
}): Promise<ReplayThread> {
  const data: ReplayThreadData = { file: opts.file, benchStamps: opts.benchStamps ?? false };
  const worker = new Worker(opts.workerFile, { workerData: data });
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let status: ReplayStatus | null = null;
  let gone: Error | null = null;
  let exited: Promise<void> | null = null;

  function failAll(err: Error): void {
    gone ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function send(command: ReplayCommand): Promise<void> {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...command } satisfies ToReplayThread);
    });
  }

  return new Promise<ReplayThread>((resolve, reject) => {
    worker.on('message', (m: FromReplayThread) => {
      if ('status' in m && m.status) status = m.status;
      switch (m.type) {
        case 'ready':
          resolve({
            host: m.host,
            port: m.port,
            replay: {
              status: () => status!,
              play: () => send({ op: 'play' }),
              pause: () => send({ op: 'pause' }),
              setSpeed: (speed) => send({ op: 'speed', speed }),
              step: (ms) => send(ms === undefined ? { op: 'step' } : { op: 'step', ms }),
              seek: (to) => send({ op: 'seek', to }),
            },
            close() {
              // The gateway closes its sockets and its recording on the thread, then the thread ends.
              exited ??= send({ op: 'close' })
                .catch(() => undefined)
                .then(() => worker.terminate())
                .then(() => undefined);
              return exited;
            },
          });
          break;
        case 'done':
          pending.get(m.id)?.resolve();
          pending.delete(m.id);
          break;
        case 'failed':
          if (m.id === undefined) reject(rebuilt(m.error));
          else {
            pending.get(m.id)?.reject(rebuilt(m.error));
            pending.delete(m.id);
          }
          break;
        case 'status':
          break;
      }
    });
    worker.on('error', (err) => {
      failAll(err);
      reject(err);
    });
    worker.on('exit', (code) => {
      const err = new Error(`the replay's thread ended (exit code ${code})`);
      failAll(err);
      reject(err);
    });
  });
}
