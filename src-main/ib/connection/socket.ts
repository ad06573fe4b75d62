// One socket to TWS: a fresh raw `IBApi` per connection (nothing queued inside the library survives a socket), with
// the frame guard in front of its reader, Nagle off, and every listener the connection needs wired to plain
// callbacks. A socket that is no longer the current one (`current()` false) reports nothing.
import { EventName, IBApi } from '../stoqey';
import { routeDirectly } from './direct-route';
import { cleanTwsText, guardFrames } from './frame-guard';
import type { Endpoint } from './state-machine';
import { createFrameCutter, type WireTap } from './wire-tap';
import { GLOBAL_EVENTS, type GlobalEventName } from './types';

/** Events with a request id as their first argument, routed through the request-id registry. */
const ROUTED_EVENTS = [
  EventName.tickPrice,
  EventName.tickSize,
  EventName.tickString,
  EventName.tickGeneric,
  EventName.tickSnapshotEnd,
  EventName.marketDataType,
  EventName.tickReqParams,
  EventName.tickOptionComputation,
  EventName.securityDefinitionOptionParameter,
  EventName.securityDefinitionOptionParameterEnd,
  EventName.contractDetails,
  EventName.contractDetailsEnd,
  EventName.symbolSamples,
  EventName.historicalData,
  EventName.historicalDataUpdate,
  EventName.scannerData,
  EventName.scannerDataEnd,
  EventName.accountSummary,
  EventName.accountSummaryEnd,
  EventName.pnl,
  EventName.pnlSingle,
  EventName.execDetails,
  EventName.execDetailsEnd,
  EventName.realtimeBar,
  EventName.historicalNews,
  EventName.historicalNewsEnd,
  EventName.newsArticle,
  EventName.tickNews,
  EventName.updateMktDepth,
  EventName.updateMktDepthL2,
  EventName.tickByTickAllLast,
  EventName.historicalTicksLast,
] as const;
const ROUTED: ReadonlySet<string> = new Set(ROUTED_EVENTS);

export type SocketEvents = {
  /** A socket read arrived (once per read, whatever the number of messages in it). */
  received(): void;
  /** A message that proves TWS is alive outside the reads' accounting (handshake, current time). */
  alive(): void;
  serverVersion(version: number): void;
  /** The first frame's version is not a number (@stoqey/ib accepts one: its range check compares NaN). */
  unreadableVersion(): void;
  nextValidId(id: number): void;
  accounts(accounts: string[]): void;
  disconnected(): void;
  /** A frame the app cannot read, dropped by the guard. */
  badFrame(problem: string, preview: string): void;
  /** An error or info message, its text cleaned; reqId −1 when it names no request. */
  twsMessage(code: number, message: string, reqId: number): void;
  /** A message with a request id. */
  routed(name: string, reqId: number, args: readonly unknown[]): void;
  /** A message without a request id (and execDetails of reqId −1: an execution TWS reports by itself). */
  global(name: GlobalEventName, args: readonly unknown[]): void;
};

/** The raw client of one connection as the connection makes it by default (our pacer does the rate limiting). */
export function createIbApi(endpoint: Endpoint): IBApi {
  return new IBApi({
    host: endpoint.host,
    port: endpoint.port,
    clientId: endpoint.clientId,
    maxReqPerSec: 10_000,
  });
}

/**
 * @stoqey/ib leaves Nagle's algorithm on: small writes then wait for the peer's (delayed) ACK and leave in
 * clumps, so messages our pacer spaced 23 ms apart reach TWS squeezed into one read (more than 45 in a second
 * on its clock), and an order waits up to 40 ms. The library keeps its net.Socket in a private field.
 */
function disableNagle(client: IBApi): void {
  const socket = (
    client as unknown as { controller?: { socket?: { client?: { setNoDelay?(on: boolean): void } } } }
  ).controller?.socket?.client;
  socket?.setNoDelay?.(true);
}

/**
 * Wires a new client to `events` and connects it. Returns the client, and whether the frame guard could be
 * installed on this @stoqey/ib version. Throws when the library refuses to connect.
 */
export function openSocket(opts: {
  endpoint: Endpoint;
  createApi: (endpoint: Endpoint) => IBApi;
  /** Whether this socket is still the connection's current one. */
  current: (client: IBApi) => boolean;
  events: SocketEvents;
  /** The recorder's tap, when one listens (read at every message: recording starts and stops at any time). */
  tap?: () => WireTap | null;
}): { client: IBApi; guarded: boolean } {
  const { endpoint, events } = opts;
  const client = opts.createApi(endpoint);
  const mine = () => opts.current(client);
  const tap = (): WireTap | null => (opts.tap && mine() ? opts.tap() : null);

  const guarded = guardFrames(
    client,
    (bad) => {
      if (mine()) events.badFrame(bad.problem, bad.preview);
    },
    {},
    opts.tap ? createFrameCutter(tap) : undefined,
  );
  if (opts.tap)
    // The library's own record of each message it wrote, booleans already 0/1: the fields as they went out.
    client.on(EventName.sent, (tokens: unknown[]) => {
      const t = tap();
      if (!t || tokens[0] === 'API\0') return;
      t.outbound(tokens.map((v) => (v === undefined || v === null ? '' : String(v))));
    });
  client.on(EventName.received, () => {
    if (mine()) events.received();
  });
  client.on(EventName.server, (version: number) => {
    if (!mine()) return;
    events.alive();
    if (!Number.isInteger(version)) events.unreadableVersion();
    else events.serverVersion(version);
  });
  client.on(EventName.nextValidId, (id: number) => {
    if (mine()) events.nextValidId(id);
  });
  client.on(EventName.managedAccounts, (csv: string) => {
    if (!mine()) return;
    const accounts = String(csv)
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    events.accounts(accounts);
  });
  client.on(EventName.disconnected, () => {
    if (mine()) events.disconnected();
  });
  client.on(EventName.currentTime, () => {
    if (mine()) events.alive();
  });
  // TWS's text (and the library's notices, which quote frames) is untrusted: cleaned once, here, for every user.
  client.on(EventName.error, (err: Error, code: number, reqId: number) => {
    if (mine()) events.twsMessage(code, cleanTwsText(err?.message ?? err), reqId ?? -1);
  });
  client.on(EventName.info, (message: string, code: number) => {
    if (mine()) events.twsMessage(code, cleanTwsText(message), -1);
  });
  const listen = (name: string, fn: (...args: unknown[]) => void): void => {
    (client as unknown as { on(e: string, l: (...a: unknown[]) => void): void }).on(name, fn);
  };
  const route = (name: string, args: unknown[]): void => {
    if (!mine()) return;
    const reqId = Number(args[0]);
    if (name === EventName.execDetails && reqId === -1) events.global('execDetails', args);
    else events.routed(name, reqId, args);
  };
  for (const name of ROUTED_EVENTS) listen(name, (...args: unknown[]) => route(name, args));
  routeDirectly(client, ROUTED, route);
  for (const name of GLOBAL_EVENTS) {
    listen(name, (...args: unknown[]) => {
      if (mine()) events.global(name, args);
    });
  }
  client.connect(endpoint.clientId);
  disableNagle(client);
  return { client, guarded };
}

/** Closes a socket that is no longer the connection's: no listener of ours hears from it again. */
export function closeSocket(client: IBApi): void {
  client.removeAllListeners();
  client.on(EventName.error, () => undefined); // a late socket error must not become an unhandled 'error'
  try {
    client.disconnect();
  } catch {
    // already closed
  }
}
