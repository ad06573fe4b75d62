// The two-process setup of the main-process benches: a demo gateway child at a fixed tick rate, the app host child
// (app core + hub + web host, Demo profile pointed at that gateway), and one window: a WebSocket client of the
// web host in this process that counts what it receives. `stop()` ends both children.
import { mkdtempSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { WireResponse } from '../../src-shared/contract';
import { forkClient, reply, stopChild } from './child';

type Measured = { cpuPct: number; inboundPerSec: number; queued: number; heapUsed: number };
type Contract = { conId: number; symbol: string; secType: string; exchange: string; currency: string };

export type Hosts = {
  app: ChildProcess;
  win: Window;
  contracts: Contract[];
  measure(ms: number): Promise<Measured>;
  /** Heap used after a full GC (the app host runs with --expose-gc when asked), bytes. */
  heap(): Promise<number>;
  /** Waits until the pacer has sent every request and TWS messages flow, then a little more. */
  settle(): Promise<void>;
  stop(): Promise<void>;
};

export async function startHosts(opts: { tickRate: number; exposeGc?: boolean }): Promise<Hosts> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ibdesk-bench-'));
  const gateway = await forkClient('gateway-proc', [String(opts.tickRate)]);
  let app: ChildProcess | null = null;
  let win: Window | null = null;
  const stop = async (): Promise<void> => {
    win?.close();
    if (app) await stopChild(app);
    await stopChild(gateway);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { port, contracts } = await reply<{ port: number; contracts: Contract[] }>(gateway);
    app = await forkClient('app-host', [String(port), dataDir], opts.exposeGc ? ['--expose-gc'] : []);
    const host = await reply<{ port: number; token: string }>(app);
    win = await Window.open(host.port, host.token);
    const deadline = Date.now() + 30_000;
    while ((await win.call<{ state: string }>('connection.status')).state !== 'ready') {
      if (Date.now() > deadline) throw new Error('the app host did not connect to the demo gateway');
      await new Promise((r) => setTimeout(r, 200));
    }
    const child = app;
    const measure = (ms: number): Promise<Measured> =>
      reply<Measured>(child, { cmd: 'measure', ms }, ms + 30_000);
    return {
      app: child,
      win,
      contracts,
      measure,
      heap: async () => (await reply<{ heapUsed: number }>(child, { cmd: 'heap' })).heapUsed,
      async settle() {
        for (let i = 0; i < 60; i++) {
          const m = await measure(1000);
          if (m.queued === 0 && m.inboundPerSec > 0) break;
        }
        await new Promise((r) => setTimeout(r, 3000));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** One window of the web host: calls the API and counts the event messages while `recording`. */
class Window {
  private nextId = 1;
  private pending = new Map<number, (r: WireResponse) => void>();
  recording = false;
  messages = 0;
  bytes = 0;
  maxBytes = 0;
  quotes = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      const msg = JSON.parse(text) as {
        id?: number;
        events?: { event: string; payload: { quotes?: unknown[] } }[];
      };
      if (msg.events) {
        if (!this.recording) return;
        this.messages++;
        this.bytes += data.length;
        this.maxBytes = Math.max(this.maxBytes, data.length);
        for (const e of msg.events) if (e.event === 'quotes') this.quotes += e.payload.quotes?.length ?? 0;
      } else if (msg.id !== undefined) this.pending.get(msg.id)?.(msg as never);
    });
  }

  static open(port: number, token: string): Promise<Window> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`, {
        headers: { Origin: `http://127.0.0.1:${port}` },
      });
      ws.once('open', () => resolve(new Window(ws)));
      ws.once('error', reject);
    });
  }

  call<T>(method: string, params: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (r) => {
        this.pending.delete(id);
        if (r.ok) resolve(r.value as T);
        else reject(new Error(`${method}: ${r.error.message}`));
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
  }
}
