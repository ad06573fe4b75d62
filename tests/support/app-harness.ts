// Starts the app's main-process code with a web host on 127.0.0.1:0 and a temp data dir, for integration tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { EventEnvelope, WireResponse } from '../../src-shared/contract';
import type { App, AppOptions } from '../../src-main/app';
import type { DemoEndpoint } from '../../src-main/services/session';
import type { WebHost, WebHostOptions } from '../../src-main/web/web-host';
import { startAppWebHost } from './app-web-host';
import { waitFor } from './wait';

export type Harness = { app: App; host: WebHost; dataDir: string; stop(): Promise<void> };

const noDemo: DemoEndpoint = async () => {
  throw new Error('no demo gateway in this test');
};

export async function startHarness(
  opts: {
    dataDir?: string;
    demoEndpoint?: DemoEndpoint;
    autoConnect?: boolean;
    web?: Partial<WebHostOptions>;
    hub?: AppOptions['hub'];
    benchProbe?: boolean;
    /** Further app options (the recorder's tuning, --record). */
    app?: Partial<Pick<AppOptions, 'record' | 'recorder'>>;
  } = {},
): Promise<Harness> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ibdesk-it-')));
  const { app, host } = await startAppWebHost({
    app: {
      dataDir,
      host: 'web',
      version: '0.0.0-test',
      demoEndpoint: opts.demoEndpoint ?? noDemo,
      autoConnect: opts.autoConnect ?? false,
      validateResults: true,
      ...(opts.hub ? { hub: opts.hub } : {}),
      ...(opts.benchProbe ? { benchProbe: true } : {}),
      ...opts.app,
    },
    staticDir: path.join(dataDir, '__static'),
    title: 'IBDesk test',
    ...(opts.web ? { web: opts.web } : {}),
  });
  return {
    app,
    host,
    dataDir,
    async stop() {
      await host.close();
      await app.stop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** A WebSocket API client as a page would use it, with request/response correlation and an event log. */
export class ApiClient {
  readonly events: EventEnvelope[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (r: WireResponse) => void>();
  private readonly rawWaiters: ((r: WireResponse) => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as WireResponse & { events?: EventEnvelope[] };
      if (msg.events) this.events.push(...msg.events);
      else if (msg.id === -1) this.rawWaiters.shift()?.(msg);
      else this.pending.get(msg.id)?.(msg);
    });
  }

  /** Sends any text frame; resolves with the host's answer to a frame it could not read as a request. */
  sendRaw(payload: string | Buffer): Promise<WireResponse> {
    return new Promise((resolve) => {
      this.rawWaiters.push(resolve);
      this.ws.send(payload, { binary: Buffer.isBuffer(payload) });
    });
  }

  static open(host: WebHost, headers: Record<string, string> = {}, token = host.token): Promise<ApiClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`, {
        headers: { Origin: `http://127.0.0.1:${host.port}`, ...headers },
      });
      ws.once('open', () => resolve(new ApiClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  call(method: string, params: unknown = {}): Promise<WireResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** A request's value; a refusal throws with the method and the typed error. */
  async value<T>(method: string, params: unknown = {}): Promise<T> {
    const r = await this.call(method, params);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  }

  /** The events of one name received so far, typed by it. */
  eventsOf<E extends EventEnvelope['event']>(event: E): Extract<EventEnvelope, { event: E }>[] {
    return this.events.filter((e): e is Extract<EventEnvelope, { event: E }> => e.event === event);
  }

  /** Waits (bounded) until an event matching `pred` has arrived. */
  async waitForEvent(pred: (e: EventEnvelope) => boolean, timeoutMs = 10_000): Promise<EventEnvelope> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('event did not arrive in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** A request's value; a failed request fails the test with its error. */
export async function callOk<T>(c: ApiClient, method: string, params: unknown = {}): Promise<T> {
  const r = await c.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return (r as { ok: true; value: T }).value;
}

/** The events of one name a client has received so far. */
export function eventsOf<E extends EventEnvelope['event']>(
  c: ApiClient,
  event: E,
): Extract<EventEnvelope, { event: E }>[] {
  return c.events.filter((e): e is Extract<EventEnvelope, { event: E }> => e.event === event);
}

/** Buys `quantity` AAPL at market through the API and waits for the fill in an orders event; the order's id. */
export async function buyAaplAndFill(c: ApiClient, quantity: number): Promise<number> {
  const placed = await callOk<{ orderIds: number[] }>(c, 'orders.place', {
    contract: { symbol: 'AAPL' },
    action: 'BUY',
    quantity,
    orderType: 'MKT',
  });
  const id = placed.orderIds[0]!;
  await waitFor(
    () =>
      eventsOf(c, 'orders').some((e) =>
        e.payload.orders.some((o) => o.orderId === id && o.status === 'Filled'),
      ),
    'filled order event',
  );
  return id;
}
