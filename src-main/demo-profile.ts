// The Demo profile: the embedded demo gateway (#4), started once per process on 127.0.0.1:0 and shared
// by the Electron shell, the web host and the CLI's --demo; and the Replay profile's gateway on a recording.
import { createDemoGateway, startReplayThread } from './demo-gateway/index';
import type { DemoGatewayOptions } from './demo-gateway/index';
import type { DemoEndpoint } from './services/session';
import type { RunningReplay } from './services/replay';

export type RunningDemo = { host: string; port: number; close(): Promise<void> };

/**
 * Starts a demo gateway of its own (the CLI's --demo, tests). With `onControl`, its fault-injection control API
 * also listens on loopback and its URL is handed over (end-to-end tests inject faults through it).
 */
export async function startDemoGateway(
  opts: {
    onControl?: (url: string) => void;
    gateway?: Pick<DemoGatewayOptions, 'benchStamps' | 'tickRate' | 'accounts'>;
  } = {},
): Promise<RunningDemo> {
  const gw = await createDemoGateway({ ...opts.gateway, host: '127.0.0.1', port: 0 });
  const control = opts.onControl ? await gw.startControlApi(0) : null;
  if (control) opts.onControl?.(control.url);
  return {
    host: gw.host,
    port: gw.port,
    close: async () => {
      await control?.close();
      await gw.close();
    },
  };
}

/** The bundled entry of the replay's thread (src-main/demo-gateway/replay/replay-thread-worker.ts), beside the host's. */
export const REPLAY_WORKER = 'replay-worker.js';

/**
 * The Replay profile's gateway: the demo gateway replaying `file`, paused at its start, on 127.0.0.1:0. With
 * `workerFile` (the bundled replay worker: the web host and the desktop app) it runs on a thread of its own, so the
 * relaying of a fast replay (120,000 messages a second at 60x) does not share the app's event loop; without it
 * (tests that start the app from source), or when that file is missing, in this thread.
 */
export async function startReplayGateway(
  file: string,
  gateway: Pick<DemoGatewayOptions, 'benchStamps'> = {},
  workerFile?: string,
): Promise<RunningReplay> {
  if (workerFile !== undefined) {
    try {
      const t = await startReplayThread({ file, workerFile, benchStamps: gateway.benchStamps ?? false });
      return { host: t.host, port: t.port, transport: t.replay, close: () => t.close() };
    } catch (err) {
      // A build without the worker's bundle (a package that left it out) replays in this thread rather than not
      // at all; the gateway's own errors (a file it cannot replay) are the caller's.
      if (!isMissingModule(err)) throw err;
    }
  }
  const gw = await createDemoGateway({
    ...gateway,
    host: '127.0.0.1',
    port: 0,
    replay: { file, paused: true },
  });
  const transport = gw.replay!;
  return { host: gw.host, port: gw.port, transport, close: () => gw.close() };
}

function isMissingModule(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/** For createApp: starts the gateway on first use and keeps it for the life of the process. */
export function createDemoEndpoint(start: () => Promise<RunningDemo> = startDemoGateway): {
  endpoint: DemoEndpoint;
  stop(): Promise<void>;
} {
  let running: Promise<RunningDemo> | null = null;
  return {
    endpoint: async () => {
      running ??= start().catch((err: unknown) => {
        running = null;
        throw err;
      });
      const r = await running;
      return { host: r.host, port: r.port };
    },
    async stop() {
      const r = running;
      running = null;
      if (r) await (await r.catch(() => null))?.close();
    },
  };
}
