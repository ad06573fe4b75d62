// The web host (ARCHITECTURE.md §7): the built renderer over HTTP and the contract over one WebSocket (`/api`)
// on loopback. The API needs the random token printed at start and an Origin of this very host; binding to any
// other address needs an explicit flag. Frames are bounded in size, and a client that never reads is dropped.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { EventEnvelope, WireResponse } from '../../src-shared/contract';
import type { Logger } from '../core/logger';
import type { Dispatcher } from '../hub/dispatcher';
import type { Hub } from '../hub/hub';
import { securityHeaders, serveStatic } from './static-files';

export type WebHostOptions = {
  dispatcher: Dispatcher;
  hub: Hub;
  log: Logger;
  /** Folder of the built renderer. */
  staticDir: string;
  host?: string;
  port?: number;
  /** Must be set to bind anything but a loopback address. */
  allowRemote?: boolean;
  token?: string;
  /** Largest request frame accepted. */
  maxPayloadBytes?: number;
  /** Requests a client may have in flight at once. */
  maxInFlight?: number;
};

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostLabel(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host}: the web host serves a trading API. Use --host ${host} --allow-remote to accept connections from other machines.`,
    );
  }
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxPayload = opts.maxPayloadBytes ?? 1024 * 1024;
  const maxInFlight = opts.maxInFlight ?? 256;
  const { log, dispatcher, hub } = opts;
  let port = opts.port ?? 5174;
  let nextClient = 1;

  /** Hosts and origins this server answers to (DNS-rebinding and cross-site protection). */
  const allowedHosts = (): Set<string> => {
    const names = isLoopback(host) ? ['127.0.0.1', 'localhost', '[::1]'] : [hostLabel(host)];
    return new Set(names.map((n) => `${n}:${port}`));
  };
  const wsOrigin = (): string => `ws://${hostLabel(host)}:${port}`;

  const server = http.createServer((req, res) => {
    const headers = securityHeaders(wsOrigin());
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    void serveStatic(opts.staticDir, req, res, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });

  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, why: string): void => {
      log.warn(`WebSocket refused: ${why}`);
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    };
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== '/api') return refuse(404, `unknown path ${url.pathname.slice(0, 64)}`);
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(421, 'unexpected Host header');
    const origin = req.headers.origin;
    // Browsers always send Origin: it must be this host. Non-browser clients (CLI, tests) send none.
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^https?:\/\//, ''))) {
      return refuse(403, 'foreign Origin');
    }
    const given =
      url.searchParams.get('token') ?? (req.headers['sec-websocket-protocol'] ?? '').replace(/^token\./, '');
    if (!sameToken(given || null, token)) return refuse(401, given ? 'wrong token' : 'no token');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    const id = `ws-${nextClient++}`;
    let inFlight = 0;
    const detach = hub.attach({
      id,
      send: (events: EventEnvelope[]) => ws.send(JSON.stringify({ events })),
      backlog: () => ws.bufferedAmount,
      close: (reason) => {
        // Tell the page why before closing (the text is a notice the UI can show).
        ws.close(4000, reason.slice(0, 120));
        // A peer that does not read may never complete the close handshake.
        setTimeout(() => ws.terminate(), 2000).unref();
      },
    });
    log.info(`Window ${id} connected`);

    const reply = (msg: WireResponse): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      let frame: unknown;
      try {
        if (isBinary) throw new Error('binary frames are not accepted');
        frame = JSON.parse(data.toString());
      } catch (err) {
        reply({
          id: -1,
          ok: false,
          error: { code: 'VALIDATION', message: `Unreadable frame: ${(err as Error).message}` },
        });
        return;
      }
      const f = frame as { id?: unknown; method?: unknown; params?: unknown };
      if (
        typeof frame !== 'object' ||
        frame === null ||
        typeof f.id !== 'number' ||
        !Number.isSafeInteger(f.id)
      ) {
        reply({
          id: -1,
          ok: false,
          error: { code: 'VALIDATION', message: 'A request needs a numeric id, a method and params' },
        });
        return;
      }
      const reqId = f.id;
      if (inFlight >= maxInFlight) {
        reply({
          id: reqId,
          ok: false,
          error: { code: 'PACING', message: `Too many requests in flight (${maxInFlight})` },
        });
        return;
      }
      inFlight++;
      void dispatcher.dispatch(f.method, f.params, { clientId: id }).then((result) => {
        inFlight--;
        reply({ id: reqId, ...result } as WireResponse);
      });
    });
    ws.on('close', () => {
      detach();
      log.info(`Window ${id} disconnected`);
    });
    ws.on('error', (err) => log.warn(`Window ${id}: ${err.message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${hostLabel(host)}:${port}/?token=${token}`;

  return {
    url,
    port,
    host,
    token,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
