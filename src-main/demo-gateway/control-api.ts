// The control API: a small JSON-over-HTTP server on loopback exposing the gateway's fault switches and counters
// (the same operations tests call in-process). GET reads, POST changes; bodies are validated.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../../src-shared/logger';
import type { GatewayInspection } from './inspection';
import { FaultError } from './faults';
import type { FaultControls } from './faults';
import type { ResolvedOptions } from './gateway-options';
import type { ReplayControls } from './replay/replay-types';
import { ReplayError } from './replay/replay-error';
import { replayRoutes } from './replay/replay-routes';

export interface ControlApi {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const Ms = z.object({ ms: z.number().int().min(0).max(86_400_000).optional() });
const Restart = z.object({ downMs: z.number().int().min(0).max(600_000).optional() });
const Connectivity = z.object({
  restore: z.enum(['data-lost', 'data-maintained']),
  afterMs: z.number().int().min(0).max(600_000),
});
const Pacing = z.object({
  kind: z.enum(['historical', 'rate']),
  count: z.number().int().min(1).max(1000).optional(),
});
const Malformed = z.object({
  kind: z.enum(['garbage-fields', 'extra-fields', 'unknown-message', 'bad-length']),
});
const Count = z.object({ count: z.number().int().min(1).max(1_000_000).optional() });
const RequiredMs = z.object({ ms: z.number().int().min(1).max(600_000) });
const PriceJump = z.object({ symbol: z.string().min(1).max(32), percent: z.number().gt(-100).lte(1000) });

type Handler = (body: unknown, query: URLSearchParams) => unknown;

/** What the control API serves: the gateway's inspection methods and its fault switches. */
export interface Controlled extends GatewayInspection {
  readonly port: number;
  readonly options: Pick<ResolvedOptions, 'maxServerVersion' | 'accounts'>;
  readonly faults: FaultControls;
  /** A replaying gateway's transport (adds /replay routes). */
  readonly replay?: ReplayControls | undefined;
}

export async function startControlApi(
  gw: Controlled,
  opts: { port?: number; host?: string; log: Logger },
): Promise<ControlApi> {
  const host = opts.host ?? '127.0.0.1';
  const account = (q: URLSearchParams): string | undefined => q.get('account') ?? undefined;
  const clientId = (q: URLSearchParams): number => {
    const n = Number(q.get('clientId'));
    if (!Number.isInteger(n)) throw new BadRequest('clientId (integer) is required');
    return n;
  };
  const get: Record<string, Handler> = {
    '/status': () => ({
      port: gw.port,
      maxServerVersion: gw.options.maxServerVersion,
      accounts: gw.options.accounts,
      connections: gw.connections(),
      subscriptions: gw.subscriptions(),
      faults: gw.faults.status(),
    }),
    '/connections': () => gw.connections(),
    '/received': (_b, q) => gw.received(clientId(q)),
    '/rate': (_b, q) => ({
      clientId: clientId(q),
      windowMs: Number(q.get('windowMs') ?? 1000),
      max: gw.maxMessagesInWindow(clientId(q), Number(q.get('windowMs') ?? 1000)),
    }),
    '/orders-received': () => gw.ordersReceived(),
    '/orders-ignored': () => gw.ordersIgnored(),
    '/orders': (_b, q) => gw.orders(account(q)),
    '/executions': (_b, q) => gw.executions(account(q)),
    '/positions': (_b, q) => gw.positions(account(q)),
    '/account': (_b, q) => gw.accountValues(account(q) ?? (gw.options.accounts[0] as string)),
  };
  const post: Record<string, Handler> = {
    '/faults/drop-all': () => ({ dropped: gw.faults.dropAll() }),
    '/faults/silence': (b) => gw.faults.silence(Ms.parse(b).ms),
    '/faults/restart': async (b) => gw.faults.restart(Restart.parse(b).downMs),
    '/faults/connectivity': (b) => {
      const p = Connectivity.parse(b);
      gw.faults.connectivityLoss(p.restore, p.afterMs);
    },
    '/faults/pacing': (b) => {
      const p = Pacing.parse(b);
      gw.faults.pacingViolation(p.kind, p.count);
    },
    '/faults/slow-reader': (b) => gw.faults.slowReader(RequiredMs.parse(b).ms),
    '/faults/malformed': (b) => gw.faults.malformedFrame(Malformed.parse(b).kind),
    '/faults/accept-then-close': (b) => gw.faults.acceptThenClose(Count.parse(b).count),
    '/faults/swallow-order': (b) => gw.faults.swallowOrders(Count.parse(b).count),
    '/faults/reject': async (b) => gw.faults.rejectConnections(RequiredMs.parse(b).ms),
    '/faults/price-jump': (b) => {
      const p = PriceJump.parse(b);
      gw.faults.priceJump(p.symbol, p.percent);
    },
    '/faults/clear': () => gw.faults.clear(),
  };

  if (gw.replay) {
    const routes = replayRoutes(gw.replay);
    Object.assign(get, routes.get);
    Object.assign(post, routes.post);
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const table = req.method === 'GET' ? get : req.method === 'POST' ? post : undefined;
    const h = table?.[url.pathname];
    if (!h) return reply(res, 404, { error: `no ${req.method} ${url.pathname}` });
    try {
      const body = req.method === 'POST' ? await readBody(req) : undefined;
      const result = await h(body, url.searchParams);
      reply(res, 200, result === undefined ? { ok: true } : result);
    } catch (err) {
      if (
        err instanceof z.ZodError ||
        err instanceof BadRequest ||
        err instanceof ReplayError ||
        err instanceof FaultError
      )
        return reply(res, 400, { error: err.message });
      opts.log.error(`control API ${url.pathname} failed: ${(err as Error).message}`);
      reply(res, 500, { error: (err as Error).message });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: opts.port ?? 0 }, () => resolve());
  });
  const addr = server.address();
  const port = addr && typeof addr === 'object' ? addr.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class BadRequest extends Error {}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    const b = c as Buffer;
    size += b.length;
    if (size > 65_536) throw new BadRequest('body too large');
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest('body is not JSON');
  }
}
