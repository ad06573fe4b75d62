// The web host (ARCHITECTURE.md §7): the built renderer over HTTP and the contract over one WebSocket (`/api`)
// on loopback. The API needs the random token printed at start and an Origin of this very host; binding to any
// other address needs an explicit flag. Frames are bounded in size, and a client that never reads is dropped.
// Any local process can reach the port, so every socket has an error listener from its first moment, every
// refusal answers and destroys, and close() ends within a bound whatever the clients do.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { EventEnvelope, WireResponse } from '../../src-shared/contract';
import { systemClock, type Clock } from '../../src-shared/clock';
import { isLoopbackHost } from '../../src-shared/loopback';
import type { Logger } from '../../src-shared/logger';
import type { Dispatcher } from '../api/dispatcher';
import type { Hub } from '../hub/hub';
import { createRefusalLog } from './refusal-log';
import { createStaticFiles, securityHeaders, targetPath } from './static-files';

/** What answers the windows: the app's request dispatcher and its event hub. */
export type WebBackend = { dispatcher: Dispatcher; hub: Hub };

export type WebHostOptions = {
  /**
   * The app behind the windows, or its promise: the web host's own start listens, and serves the page, while the
   * app's modules still load; a window that connects before then waits for it.
   */
  backend: WebBackend | Promise<WebBackend>;
  log: Logger;
  /** Folder of the built renderer. */
  staticDir: string;
  /** Serve the renderer's source maps (`--source-maps`). */
  sourceMaps?: boolean;
  host?: string;
  port?: number;
  /** Must be set to bind anything but a loopback address. */
  allowRemote?: boolean;
  token?: string;
  /** Largest request frame accepted. */
  maxPayloadBytes?: number;
  /** Requests a client may have in flight at once. */
  maxInFlight?: number;
  /** An HTTP connection silent this long is dropped (one that never sends a byte included). */
  idleSocketMs?: number;
  /** What close() gives windows to take their close frame before every socket left is destroyed. */
  closeGraceMs?: number;
  clock?: Clock;
};

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly token: string;
  /** Stops listening and drops every client; resolves within closeGraceMs plus a moment, whatever they do. */
  close(): Promise<void>;
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

/** The token of an upgrade: `?token=` in the target, else a `token.<value>` subprotocol. */
function givenToken(target: URL, protocolHeader: string | undefined): string | null {
  const inQuery = target.searchParams.get('token');
  if (inQuery !== null) return inQuery;
  for (const p of (protocolHeader ?? '').split(',')) {
    const t = p.trim();
    if (t.startsWith('token.')) return t.slice('token.'.length);
  }
  return null;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !opts.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host}: the web host serves a trading API. Use --host ${host} --allow-remote to accept connections from other machines.`,
    );
  }
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxPayload = opts.maxPayloadBytes ?? 1024 * 1024;
  const maxInFlight = opts.maxInFlight ?? 256;
  const closeGraceMs = opts.closeGraceMs ?? 1000;
  const clock = opts.clock ?? systemClock;
  const { log } = opts;
  let backend: WebBackend | null = 'then' in opts.backend ? null : opts.backend;
  const backendReady = Promise.resolve(opts.backend).then((b) => (backend = b));
  // A failed start ends the process (main.ts); meanwhile a waiting window is refused, not left hanging.
  backendReady.catch(() => undefined);
  const refusals = createRefusalLog({ log, clock });
  const serveStatic = createStaticFiles({ root: opts.staticDir, sourceMaps: opts.sourceMaps ?? false });
  let port = opts.port ?? 5174;
  let nextClient = 1;
  let closing: Promise<void> | null = null;

  // This host's one name and origin, exactly: the page is served from the URL printed at start and nowhere else,
  // so any other Host is DNS rebinding or a mistake, and any other Origin is another site's (or port's) page.
  const ownHost = (): string => `${hostLabel(host)}:${port}`;
  const ownOrigin = (): string => `http://${ownHost()}`;
  const wsOrigin = (): string => `ws://${ownHost()}`;

  /** Every TCP connection, from accept to close, whatever protocol it ends up speaking. */
  const sockets = new Set<Duplex>();

  const server = http.createServer(
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 5_000 },
    (req, res) => {
      const headers = securityHeaders(wsOrigin());
      res.on('error', () => undefined);
      try {
        answer(req, res, headers);
      } catch {
        if (!res.headersSent) res.writeHead(400, headers);
        res.end();
      }
    },
  );

  function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    headers: Record<string, string>,
  ): void {
    if (req.headers.host !== ownHost()) {
      // Someone who typed localhost gets the one address whose Origin the API accepts (not for DNS rebinding:
      // a page of another site cannot read a cross-origin redirect).
      const target = targetPath(req.url);
      if (
        target &&
        isLoopbackHost(host) &&
        req.headers.host === `localhost:${port}` &&
        req.method === 'GET'
      ) {
        res
          .writeHead(308, { ...headers, Location: `${ownOrigin()}${target.pathname}${target.search}` })
          .end();
        return;
      }
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    void serveStatic(req, res, headers);
  }

  // Node answers 408 to a request whose headers are slow, but never times out a socket that sends nothing at all.
  server.setTimeout(opts.idleSocketMs ?? 30_000);

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    // Resets and broken pipes from clients are theirs to have; the socket is destroyed by the stream itself.
    // This listener outlives Node's own, which it removes before handing an upgrade over.
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    if (closing) socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });

  /** Answers a refused upgrade and destroys the socket once the answer is out (or at once if it cannot leave). */
  function refuse(socket: Duplex, status: number, why: string): void {
    refusals.note(why);
    if (socket.destroyed) return;
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      () => socket.destroy(),
    );
    // A client that never reads could hold the answer in flight: it does not get to hold the socket too.
    const timer = setTimeout(() => socket.destroy(), 2000);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    if (closing) return refuse(socket, 503, 'the host is stopping');
    const target = targetPath(req.url);
    if (!target) return refuse(socket, 400, 'unreadable request target');
    if (target.pathname !== '/api')
      return refuse(socket, 404, `unknown path ${target.pathname.slice(0, 64)}`);
    if (req.headers.host !== ownHost()) return refuse(socket, 421, 'unexpected Host header');
    const origin = req.headers.origin;
    // Browsers always send Origin: it must be this host's, exactly. Non-browser clients (CLI, tests) send none.
    if (origin !== undefined && origin !== ownOrigin()) return refuse(socket, 403, 'foreign Origin');
    const given = givenToken(target, req.headers['sec-websocket-protocol']);
    if (!sameToken(given, token)) return refuse(socket, 401, given ? 'wrong token' : 'no token');
    if (backend) {
      const b = backend;
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, b));
      return;
    }
    backendReady.then(
      (b) => {
        if (closing || socket.destroyed) return refuse(socket, 503, 'the host is stopping');
        try {
          wss.handleUpgrade(req, socket, head, (ws) => accept(ws, b));
        } catch (err) {
          refuse(socket, 400, `unreadable upgrade request (${(err as Error).message})`);
        }
      },
      () => refuse(socket, 503, 'the app did not start'),
    );
  }

  // Node drops a CONNECT it has no listener for without a word; this host is no proxy, and says so.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) =>
    refuse(socket, 405, 'a CONNECT request'),
  );

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head);
    } catch (err) {
      refuse(socket, 400, `unreadable upgrade request (${(err as Error).message})`);
    }
  });

  function accept(ws: WebSocket, { dispatcher, hub }: WebBackend): void {
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
      dispatcher.dispatch(f.method, f.params, { clientId: id }).then(
        (result) => {
          inFlight--;
          reply({ id: reqId, ...result } as WireResponse);
        },
        (err: unknown) => {
          inFlight--;
          log.error(`Request ${reqId} of ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
          reply({
            id: reqId,
            ok: false,
            error: { code: 'INTERNAL', message: 'The request failed in the host' },
          });
        },
      );
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
  // After listening, a server error (EMFILE on accept, say) is logged: it must not become an uncaught exception.
  server.on('error', (err) => log.error(`Web host: ${err.message}`));
  port = (server.address() as AddressInfo).port;
  const url = `http://${hostLabel(host)}:${port}/?token=${token}`;

  async function stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const ws of wss.clients) ws.close(1001, 'IBDesk is stopping');
    server.closeIdleConnections();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, closeGraceMs).unref());
    await Promise.race([closed, grace]);
    // Whatever is left (half-open, never reading, mid-upgrade, idle) is destroyed: the server's close waits on
    // every connection, upgraded ones included, so one stuck client would otherwise hold it open for ever.
    for (const ws of wss.clients) ws.terminate();
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
    await closed;
    wss.close();
    refusals.flush();
  }

  return {
    url,
    port,
    host,
    token,
    close() {
      closing ??= stop();
      return closing;
    },
  };
}
