// Figures 2 and 3: the app host (app core + hub + web host, as `npm run web`) in a child process, its Demo profile
// connected over TCP to a demo gateway in another child process streaming 500 watched symbols at a fixed rate
// (~10,000 TWS messages a second), and one window: a real WebSocket client of the web host in this process.
// 2: the app host's CPU (process.cpuUsage, its own) against the same process idle (connected, window attached,
// nothing watched). 3: what the window receives: messages a second and the largest message.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { WireResponse } from '../../src-shared/contract';
import { figure, type Figure } from '../figure';
import { forkClient, reply, stopChild } from '../support/child';

/** Level-1 updates per instrument per second; the gateway sends ~3.5 TWS messages per update: ~10,000 msg/s. */
const TICK_RATE = Number(process.env.BENCH_TICK_RATE ?? 5.7);

type Measured = { cpuPct: number; inboundPerSec: number; queued: number; heapUsed: number };
type Contract = { conId: number; symbol: string; secType: string; exchange: string; currency: string };

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

export async function run(): Promise<Figure[]> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ibdesk-bench-'));
  const gateway = await forkClient('gateway-proc', [String(TICK_RATE)]);
  let app: Awaited<ReturnType<typeof forkClient>> | null = null;
  let win: Window | null = null;
  try {
    const { port, contracts } = await reply<{ port: number; contracts: Contract[] }>(gateway);
    app = await forkClient('app-host', [String(port), dataDir]);
    const host = await reply<{ port: number; token: string }>(app);
    win = await Window.open(host.port, host.token);
    const deadline = Date.now() + 30_000;
    while ((await win.call<{ state: string }>('connection.status')).state !== 'ready') {
      if (Date.now() > deadline) throw new Error('the app host did not connect to the demo gateway');
      await new Promise((r) => setTimeout(r, 200));
    }
    const idle = await reply<Measured>(app, { cmd: 'measure', ms: 10_000 });
    await win.call('quotes.subscribe', { contracts });
    // The pacer sends 500 requests in ~12 s; then let the stream settle.
    for (let i = 0; i < 60; i++) {
      const m = await reply<Measured>(app, { cmd: 'measure', ms: 1000 });
      if (m.queued === 0 && m.inboundPerSec > 0) break;
    }
    await new Promise((r) => setTimeout(r, 3000));
    win.recording = true;
    const load = await reply<Measured>(app, { cmd: 'measure', ms: seconds * 1000 }, seconds * 1000 + 30_000);
    win.recording = false;
    const perSec = win.messages / seconds;
    return [
      figure({
        id: 'main-load.cpu',
        name: `#2 main CPU, ${contracts.length} symbols at ${Math.round(load.inboundPerSec)} TWS msg/s, 1 window`,
        value: load.cpuPct,
        unit: '% of a core',
        budget: { max: 15 },
        baseline: idle.cpuPct,
        note: `app host (app core + hub + web host) in its own process, demo gateway in another (tick rate ${TICK_RATE}/s), ${seconds} s; baseline: the same process idle (connected, window attached, nothing watched)`,
      }),
      figure({
        id: 'main-load.window-rate',
        name: `#3 hub -> window messages, ${contracts.length} symbols`,
        value: perSec,
        unit: 'msg/s',
        budget: { max: 60 },
        note: `${Math.round(win.quotes / seconds)} quotes/s in ${Math.round(win.bytes / seconds / 1024)} KB/s, over ${seconds} s on a WebSocket client`,
      }),
      figure({
        id: 'main-load.window-size',
        name: `#3 hub -> window largest message, ${contracts.length} symbols`,
        value: win.maxBytes / 1024,
        unit: 'KB',
        budget: { max: 63.99 },
        budgetText: '< 64',
        note: `mean ${(win.bytes / Math.max(1, win.messages) / 1024).toFixed(1)} KB`,
      }),
    ];
  } finally {
    win?.close();
    if (app) await stopChild(app);
    await stopChild(gateway);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
