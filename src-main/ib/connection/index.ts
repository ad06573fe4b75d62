// The connection manager: drives the state machine of link-state.ts over one fresh raw `IBApi` per connection
// (nothing queued inside the library survives a socket), with our heartbeat, our pacer, the request-id registry,
// the historical pacing queue and the stream registry that is replayed after every reconnect (ARCHITECTURE.md §4).
// Services never see this module's @stoqey types: tws.ts builds the domain-level adapter on top of it.
import { EventName, IBApi } from '@stoqey/ib';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { cleanTwsText, guardFrames } from './frame-guard';
import { createHistoryQueue, type HistoryQueue, type HistoryRules } from './history-pacing';
import {
  initialLinkState,
  reduceLink,
  type Endpoint,
  type LinkEffect,
  type LinkEvent,
  type LinkState,
} from './state-machine';
import { createPacer, Priority, type Pacer } from './pacer';
import { createRequestIds } from './request-ids';

export type { Endpoint } from './state-machine';

export type LinkStatus = {
  state: ConnectionState;
  host: string;
  port: number;
  clientId: number;
  serverVersion: number | null;
  accounts: string[];
  reason: string | null;
  twsCode: number | null;
  nextRetryAt: number | null;
  attempt: number;
  since: number;
  suggestedClientId: number | null;
};

export const LINK_TIMING = {
  heartbeatEveryMs: 5_000,
  /** No message at all from TWS for this long = the socket is dead, even when TCP looks open. */
  silenceMs: 10_000,
  handshakeMs: 10_000,
  /** After a replay, a stream that has not delivered anything by then is reported. */
  confirmMs: 20_000,
  requestTimeoutMs: 30_000,
} as const;
export type LinkTiming = { [K in keyof typeof LINK_TIMING]: number };

/** Events with a request id as their first argument, routed through the request-id registry. */
const ROUTED_EVENTS = [
  EventName.tickPrice,
  EventName.tickSize,
  EventName.tickString,
  EventName.tickGeneric,
  EventName.tickSnapshotEnd,
  EventName.marketDataType,
  EventName.tickReqParams,
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
] as const;

/** Events without a request id: orders, positions, account updates. Delivered to global listeners. */
const GLOBAL_EVENTS = [
  EventName.openOrder,
  EventName.openOrderEnd,
  EventName.orderStatus,
  EventName.commissionReport,
  EventName.completedOrder,
  EventName.completedOrdersEnd,
  EventName.position,
  EventName.positionEnd,
  EventName.updateAccountValue,
  EventName.updatePortfolio,
  EventName.updateAccountTime,
  EventName.accountDownloadEnd,
  EventName.scannerParameters,
] as const;

export type GlobalEventName = (typeof GLOBAL_EVENTS)[number] | 'execDetails';

export type SendJob = {
  priority: Priority;
  label: string;
  cost?: number;
  run: (api: IBApi) => void;
  /** The job was not sent (connection closed or not ready); it is never sent later. */
  dropped?: (reason: string) => void;
};

/** What a request or stream owner gets for the messages routed to it. */
export type RouteCtx = {
  /** Stops routing (one-shot finished, or fatal error); no cancel is sent. */
  finish(): void;
};

export type RequestSpec<T> = {
  label: string;
  priority?: Priority;
  /** Messages `send` writes (default 1), for the pacer. */
  cost?: number;
  timeoutMs?: number;
  /** Goes through the historical pacing queue first. */
  history?: { signature: string; contractKey: string };
  send(api: IBApi, reqId: number): void;
  /** Sent on timeout (optional). */
  cancel?(api: IBApi, reqId: number): void;
  onEvent(name: string, args: readonly unknown[], done: (value: T) => void, fail: (err: Error) => void): void;
  /** Return an error to fail the request, or null to ignore the message (a warning). */
  onError?(code: number, message: string): AppError | null;
  /** A history request lost with its connection goes back into the queue instead of failing. */
  retryOnReconnect?: boolean;
};

export type StreamSpec = {
  kind: string;
  label: string;
  /** Message cost of `open` (default 1). */
  cost?: number;
  history?: { signature: string; contractKey: string };
  /** Sends the request; runs when ready and again after every reconnect, always with a fresh id. */
  open(api: IBApi, reqId: number, replay: boolean): void;
  /** Sends the cancel. */
  close(api: IBApi, reqId: number): void;
  onEvent?(name: string, args: readonly unknown[], ctx: StreamCtx): void;
  /** Error for this stream's request id. Return 'end' to stop it (no replay), 'keep' otherwise. */
  onError?(code: number, message: string): 'keep' | 'end' | 'restart';
  /** Events without request id that belong to this stream (a positions or account-updates subscription). */
  globalEvents?: readonly GlobalEventName[];
  /** Called before each (re)start, so the owner can reset per-request state. */
  onStart?(replay: boolean): void;
};

export type StreamCtx = {
  /** For history streams: the initial bars are in, the request no longer counts as open. */
  historyDone(): void;
};

export type StreamInfo = {
  id: number;
  kind: string;
  label: string;
  reqId: number | null;
  startedAt: number | null;
  lastEventAt: number | null;
  /** Set after a replay: whether the stream delivered again. */
  awaitingSince: number | null;
};

export interface StreamHandle {
  readonly id: number;
  close(): void;
  /** Re-sends the request with a fresh id (e.g. to switch it to delayed data). */
  restart(): void;
  info(): StreamInfo;
}

export type TwsNotice = { code: number; message: string; reqId: number };

export interface Link {
  status(): LinkStatus;
  onStatus(listener: (s: LinkStatus) => void): () => void;
  connect(endpoint: Endpoint): void;
  disconnect(reason: string): void;
  reconnectNow(): void;
  /** Ready or degraded: requests may be sent (orders need `ready`). */
  canSend(): boolean;
  isReady(): boolean;
  /** Called once the session is ready, after the market data type was queued and the streams replayed. */
  onReady(listener: (info: { reconnect: boolean }) => void): () => void;
  /** Every TWS error/info message that was not consumed by a request (for the log and the orders service). */
  onMessage(listener: (m: TwsNotice) => void): () => void;
  onGlobal(listener: (name: GlobalEventName, args: readonly unknown[]) => void): () => void;
  /** Streams that did not deliver again within `confirmMs` after a replay. */
  onSilentStreams(listener: (streams: StreamInfo[]) => void): () => void;
  onNextValidId(listener: (id: number) => void): () => void;
  send(job: SendJob): () => void;
  request<T>(spec: RequestSpec<T>): Promise<T>;
  stream(spec: StreamSpec): StreamHandle;
  streams(): StreamInfo[];
  setMarketDataType(type: 1 | 2 | 3 | 4): void;
  marketDataType(): 1 | 2 | 3 | 4;
  history(): HistoryQueue;
  /** Outgoing messages in the last second. */
  rate(): number;
  queued(): number;
  stop(): void;
}

type Owner = {
  onEvent(name: string, args: readonly unknown[]): void;
  onError(code: number, message: string): void;
  onLost(reason: string): void;
};

type StreamEntry = {
  id: number;
  spec: StreamSpec;
  reqId: number | null;
  pending: (() => void) | null;
  historyPending: (() => void) | null;
  historyDone: (() => void) | null;
  startedAt: number | null;
  lastEventAt: number | null;
  awaitingSince: number | null;
  closed: boolean;
  /** What onEvent gets (made once per stream: the tick path allocates nothing per message). */
  ctx: StreamCtx;
};

export type LinkDeps = {
  clock: Clock;
  log: Logger;
  random?: () => number;
  timing?: Partial<LinkTiming>;
  historyRules?: HistoryRules;
  pacer?: { limit?: number; windowMs?: number; guardMs?: number };
  /** Makes the client object (tests may wrap it). */
  createApi?: (endpoint: Endpoint) => IBApi;
};

/** The raw client of one connection as the link makes it by default (our pacer does the rate limiting). */
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

export function createLink(deps: LinkDeps): Link {
  const { clock, log } = deps;
  const random = deps.random ?? Math.random;
  const timing: LinkTiming = { ...LINK_TIMING, ...deps.timing };
  const pacer: Pacer = createPacer({ clock, ...deps.pacer });
  const historyQueue = createHistoryQueue({
    clock,
    ...(deps.historyRules ? { rules: deps.historyRules } : {}),
  });
  const ids = createRequestIds<Owner>();
  const statusListeners = new Set<(s: LinkStatus) => void>();
  const readyListeners = new Set<(info: { reconnect: boolean }) => void>();
  const messageListeners = new Set<(m: TwsNotice) => void>();
  const globalListeners = new Set<(name: GlobalEventName, args: readonly unknown[]) => void>();
  const silentListeners = new Set<(s: StreamInfo[]) => void>();
  const nextIdListeners = new Set<(id: number) => void>();
  const streams = new Map<number, StreamEntry>();
  let streamSeq = 0;
  let state: LinkState = initialLinkState(clock.now());
  let api: IBApi | null = null;
  let generation = 0;
  let retryTimer: Timer | null = null;
  let handshakeTimer: Timer | null = null;
  let heartbeatTimer: Timer | null = null;
  let confirmTimer: Timer | null = null;
  let lastInbound = 0;
  let lastPing = 0;
  let mdType: 1 | 2 | 3 | 4 = 1;
  let stopped = false;

  const status = (): LinkStatus => ({
    state: state.state,
    host: state.endpoint?.host ?? '',
    port: state.endpoint?.port ?? 0,
    clientId: state.endpoint?.clientId ?? 0,
    serverVersion: state.serverVersion,
    accounts: state.accounts,
    reason: state.reason,
    twsCode: state.twsCode,
    nextRetryAt: state.nextRetryAt,
    attempt: state.attempt,
    since: state.since,
    suggestedClientId: state.suggestedClientId,
  });

  function dispatch(event: LinkEvent): void {
    if (stopped) return;
    const before = state;
    const step = reduceLink(state, event, clock.now(), random());
    state = step.state;
    for (const effect of step.effects) perform(effect);
    if (state !== before) {
      const s = status();
      for (const l of statusListeners) l(s);
    }
  }

  function perform(effect: LinkEffect): void {
    switch (effect.type) {
      case 'open':
        open(effect.endpoint);
        break;
      case 'close':
        close(state.reason ?? 'connection closed');
        break;
      case 'scheduleRetry':
        if (retryTimer !== null) clock.clearTimeout(retryTimer);
        retryTimer = clock.setTimeout(
          () => {
            retryTimer = null;
            dispatch({ type: 'retryDue' });
          },
          Math.max(0, effect.at - clock.now()),
        );
        log.info(
          `Reconnecting in ${Math.round((effect.at - clock.now()) / 100) / 10} s (attempt ${state.attempt + 1})`,
          {
            ...(state.twsCode !== null ? { twsCode: state.twsCode } : {}),
            action: 'retrying with back-off',
          },
        );
        break;
      case 'cancelRetry':
        if (retryTimer !== null) clock.clearTimeout(retryTimer);
        retryTimer = null;
        break;
      case 'ready':
        onSessionReady(effect.reconnect);
        break;
      case 'resubscribe':
        log.warn('TWS lost market data while it was cut off from IB: requesting every stream again', {
          twsCode: 1101,
          action: 'resubscribing',
        });
        replayStreams(true);
        break;
    }
  }

  // ---- socket lifecycle ----------------------------------------------------------------------------------------

  function open(endpoint: Endpoint): void {
    const g = ++generation;
    const client = (deps.createApi ?? createIbApi)(endpoint);
    api = client;
    const mine = () => api === client && generation === g;
    log.info(`Connecting to ${endpoint.host}:${endpoint.port} as client ${endpoint.clientId}`);
    handshakeTimer = clock.setTimeout(() => {
      handshakeTimer = null;
      if (mine() && state.state !== 'ready' && state.state !== 'degraded')
        dispatch({
          type: 'lost',
          reason: `${endpoint.host}:${endpoint.port} accepted the connection but did not complete the API handshake within ${timing.handshakeMs / 1000} s`,
        });
    }, timing.handshakeMs);

    const guarded = guardFrames(client, (bad) => {
      if (!mine()) return;
      log.error(`TWS sent a frame the app cannot read: ${bad.problem}. Frame: ${bad.preview}`, {
        action: 'dropped the connection; reconnecting',
      });
      dispatch({ type: 'lost', reason: `TWS sent an unreadable message (${bad.problem})` });
    });
    if (!guarded)
      log.warn('The frame guard could not be installed on this @stoqey/ib version', {
        action: 'the heartbeat still detects a stuck reader',
      });
    // One clock read per socket read, not per message: a read's messages are decoded in one go, and the mark is
    // cleared once they are (a microtask), so the next read stamps again.
    let stamped = false;
    const unstamp = (): void => {
      stamped = false;
    };
    client.on(EventName.received, () => {
      if (stamped || !mine()) return;
      stamped = true;
      lastInbound = clock.now();
      queueMicrotask(unstamp);
    });
    client.on(EventName.server, (version: number) => {
      if (!mine()) return;
      lastInbound = clock.now();
      if (!Number.isInteger(version)) {
        // @stoqey/ib accepts a first frame whose version is not a number (its range check compares NaN).
        log.error('TWS answered the handshake with an unreadable server version', {
          action: 'dropped the connection; reconnecting',
        });
        dispatch({
          type: 'lost',
          reason: 'TWS answered the API handshake with an unreadable server version',
        });
        return;
      }
      pacer.note(2); // the API handshake and START_API, sent by the library itself
      dispatch({ type: 'serverVersion', version });
    });
    client.on(EventName.nextValidId, (id: number) => {
      if (!mine()) return;
      for (const l of nextIdListeners) l(id);
      dispatch({ type: 'nextValidId' });
    });
    client.on(EventName.managedAccounts, (csv: string) => {
      if (!mine()) return;
      const accounts = String(csv)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      dispatch({ type: 'accounts', accounts });
    });
    client.on(EventName.disconnected, () => {
      if (!mine()) return;
      dispatch({
        type: 'lost',
        reason:
          state.state === 'connecting'
            ? `Could not connect to ${endpoint.host}:${endpoint.port}`
            : 'TWS closed the connection',
      });
    });
    client.on(EventName.currentTime, () => {
      if (mine()) lastInbound = clock.now();
    });
    // TWS's text (and the library's notices, which quote frames) is untrusted: cleaned once, here, for every user.
    client.on(EventName.error, (err: Error, code: number, reqId: number) => {
      if (mine()) onTwsMessage(code, cleanTwsText(err?.message ?? err), reqId ?? -1, endpoint);
    });
    client.on(EventName.info, (message: string, code: number) => {
      if (mine()) onTwsMessage(code, cleanTwsText(message), -1, endpoint);
    });
    const listen = (name: string, fn: (...args: unknown[]) => void): void => {
      (client as unknown as { on(e: string, l: (...a: unknown[]) => void): void }).on(name, fn);
    };
    for (const name of ROUTED_EVENTS) {
      listen(name, (...args: unknown[]) => {
        if (!mine()) return;
        const reqId = Number(args[0]);
        if (name === EventName.execDetails && reqId === -1) {
          for (const l of globalListeners) l('execDetails', args);
          return;
        }
        const owner = ids.route(reqId, g);
        if (owner) owner.onEvent(name, args);
        else ids.noteDropped();
      });
    }
    for (const name of GLOBAL_EVENTS) {
      listen(name, (...args: unknown[]) => {
        if (!mine()) return;
        for (const entry of streams.values()) {
          if (entry.spec.globalEvents?.includes(name) && entry.reqId !== null) deliver(entry, name, args);
        }
        for (const l of globalListeners) l(name, args);
      });
    }
    try {
      client.connect(endpoint.clientId);
      disableNagle(client);
    } catch (err) {
      dispatch({ type: 'lost', reason: `Could not connect: ${(err as Error).message}` });
    }
  }

  function close(reason: string): void {
    for (const t of [handshakeTimer, heartbeatTimer, confirmTimer]) if (t !== null) clock.clearTimeout(t);
    handshakeTimer = heartbeatTimer = confirmTimer = null;
    pacer.close(reason);
    historyQueue.setEnabled(false);
    const g = generation;
    generation++; // messages of the old socket have no route any more
    const owners = ids.releaseGeneration(g);
    for (const o of owners) o.onLost(reason);
    const old = api;
    api = null;
    if (!old) return;
    old.removeAllListeners();
    old.on(EventName.error, () => undefined); // a late socket error must not become an unhandled 'error'
    try {
      old.disconnect();
    } catch {
      // already closed
    }
  }

  function onTwsMessage(code: number, message: string, reqId: number, endpoint: Endpoint): void {
    if (code === 502 || code === 504 || code === 509 || code === 520) {
      if (state.state === 'connecting') {
        dispatch({
          type: 'lost',
          twsCode: code,
          reason: `Could not connect to TWS at ${endpoint.host}:${endpoint.port}: nothing is listening on port ${endpoint.port}, or the API is not enabled in TWS (Configure → API → Settings → "Enable ActiveX and Socket Clients", and check the socket port).`,
        });
      } else {
        dispatch({ type: 'lost', twsCode: code, reason: `The connection to TWS broke: ${message}` });
      }
      return;
    }
    if (code === 326) {
      const next = endpoint.clientId + 1;
      dispatch({
        type: 'fatal',
        twsCode: 326,
        suggestedClientId: next,
        reason: `Client id ${endpoint.clientId} is already in use by another API client of this TWS. Connect with client id ${next} instead, or close the other client.`,
      });
      log.error(`Client id ${endpoint.clientId} is in use`, {
        twsCode: 326,
        action: `stopped retrying; suggested client id ${next}`,
      });
      return;
    }
    if ((code === 506 || code === 503) && state.state === 'connecting') {
      // Before the server version, these are @stoqey/ib's verdict on the first frame, which it always takes for the
      // version: a peer that sends anything else first (nextValidId "9|1|…" reads as version 9) fails the check.
      // TWS itself answers a v100+ handshake only with a version inside the range we offered, so this is a broken
      // handshake, not a TWS too old or too new for us: retry with back-off like any other failed handshake.
      dispatch({
        type: 'lost',
        reason: `${endpoint.host}:${endpoint.port} did not start the API handshake with its server version (${message}); retrying`,
      });
      log.warn(
        `The API handshake with ${endpoint.host}:${endpoint.port} failed: the first message was not the server version`,
        {
          twsCode: code,
          action: 'reconnecting with back-off',
        },
      );
      return;
    }
    if (code === 506 || code === 503) {
      dispatch({ type: 'fatal', twsCode: code, reason: plainTwsMessage(code, message) });
      return;
    }
    if (code === 1100 || code === 2110 || code === 1101 || code === 1102) {
      const info = describeTwsCode(code);
      log.warn(info.text, { twsCode: code, action: info.action });
      dispatch({ type: 'farm', code, message: plainTwsMessage(code) });
      return;
    }
    if (code === 1300) {
      dispatch({ type: 'lost', twsCode: code, reason: plainTwsMessage(code, message) });
      return;
    }
    if (reqId >= 0) {
      const owner = ids.route(reqId, generation);
      if (owner) {
        owner.onError(code, message);
        return;
      }
    }
    for (const l of messageListeners) l({ code, message, reqId });
  }

  // ---- ready, heartbeat, replay ----------------------------------------------------------------------------------

  function onSessionReady(reconnect: boolean): void {
    if (handshakeTimer !== null) clock.clearTimeout(handshakeTimer);
    handshakeTimer = null;
    lastInbound = clock.now();
    lastPing = clock.now();
    heartbeatTimer = clock.setInterval(heartbeat, 1000);
    pacer.open();
    historyQueue.setEnabled(true);
    // TWS forgets the market data type with the socket: it goes first, before any market data request.
    const type = mdType;
    send({ priority: Priority.control, label: 'reqMarketDataType', run: (a) => a.reqMarketDataType(type) });
    log.info(
      `${reconnect ? 'Reconnected' : 'Connected'}: server version ${state.serverVersion}, accounts ${state.accounts.join(', ')}`,
      { action: reconnect ? `replaying ${streams.size} stream(s)` : 'ready' },
    );
    replayStreams(reconnect);
    for (const l of readyListeners) l({ reconnect });
  }

  function heartbeat(): void {
    if (state.state !== 'ready' && state.state !== 'degraded') return;
    const now = clock.now();
    if (now - lastInbound >= timing.silenceMs) {
      dispatch({
        type: 'lost',
        reason: `TWS stopped answering: no message for ${Math.round((now - lastInbound) / 1000)} s although the socket looks open`,
      });
      return;
    }
    if (now - lastPing >= timing.heartbeatEveryMs) {
      lastPing = now;
      send({ priority: Priority.control, label: 'reqCurrentTime', run: (a) => a.reqCurrentTime() });
    }
  }

  function replayStreams(confirm: boolean): void {
    const now = clock.now();
    // Quote lines late: a few scanners, charts and account streams should not wait behind hundreds of
    // reqMktData (500 lines take ~12 s through the pacer); the per-position PnL streams (up to 50) after them,
    // so they do not delay the quotes either. The pacer is FIFO within a priority.
    const ordered = [...streams.values()].sort((a, b) => rank(a) - rank(b));
    for (const entry of ordered) {
      if (entry.closed) continue;
      if (entry.reqId !== null) ids.release(entry.reqId);
      entry.reqId = null;
      entry.awaitingSince = confirm ? now : null;
      startStream(entry, confirm);
    }
    if (confirm && streams.size > 0) {
      if (confirmTimer !== null) clock.clearTimeout(confirmTimer);
      confirmTimer = clock.setTimeout(checkConfirmed, timing.confirmMs);
    }
  }

  function rank(entry: StreamEntry): number {
    return entry.spec.kind === 'quotes' ? 1 : entry.spec.kind === 'position-pnl' ? 2 : 0;
  }

  function checkConfirmed(): void {
    confirmTimer = null;
    const silent = [...streams.values()].filter((e) => !e.closed && e.awaitingSince !== null).map(infoOf);
    if (silent.length === 0) {
      log.info('Every stream delivers again after the reconnect');
      return;
    }
    log.warn(
      `${silent.length} stream(s) did not deliver again after the reconnect: ${silent.map((s) => s.label).join(', ')}`,
      { action: 'reported; they stay subscribed' },
    );
    for (const l of silentListeners) l(silent);
  }

  // ---- sending ---------------------------------------------------------------------------------------------------

  function canSend(): boolean {
    return api !== null && (state.state === 'ready' || state.state === 'degraded');
  }

  function send(job: SendJob): () => void {
    if (!canSend() || !api) {
      job.dropped?.('not connected to TWS');
      return () => undefined;
    }
    const client = api;
    return pacer.submit({
      priority: job.priority,
      label: job.label,
      cost: job.cost ?? 1,
      run: () => job.run(client),
      ...(job.dropped ? { dropped: job.dropped } : {}),
    });
  }

  // ---- one-shot requests -----------------------------------------------------------------------------------------

  function request<T>(spec: RequestSpec<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let reqId: number | null = null;
      let timer: Timer | null = null;
      let historyDone: (() => void) | null = null;
      let unqueue: (() => void) | null = null;

      const cleanup = (): void => {
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        if (reqId !== null) ids.release(reqId);
        reqId = null;
        historyDone?.();
        historyDone = null;
      };
      const done = (value: T): void => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve(value);
      };
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        cleanup();
        unqueue?.();
        reject(err);
      };
      const owner: Owner = {
        onEvent: (name, args) => spec.onEvent(name, args, done, fail),
        onError: (code, message) => {
          const err = spec.onError
            ? spec.onError(code, message)
            : describeTwsCode(code).severity === 'error'
              ? new AppError('IB_REJECTED', plainTwsMessage(code, message), { twsCode: code })
              : null;
          if (err) fail(err);
          else log.info(plainTwsMessage(code, message), { twsCode: code });
        },
        onLost: (reason) => {
          if (settled) return;
          reqId = null;
          if (timer !== null) clock.clearTimeout(timer);
          timer = null;
          const hd = historyDone;
          historyDone = null;
          hd?.();
          if (spec.retryOnReconnect && spec.history) {
            log.info(`${spec.label}: connection lost, the request waits for the reconnect`);
            enqueueHistory();
          } else
            fail(
              new AppError(
                'NOT_CONNECTED',
                `The connection to TWS was lost before ${spec.label} completed (${reason})`,
              ),
            );
        },
      };
      const sendNow = (): void => {
        if (settled) return;
        if (!canSend()) {
          owner.onLost('not connected');
          return;
        }
        const g = generation;
        reqId = ids.allocate(owner, g);
        const id = reqId;
        timer = clock.setTimeout(() => {
          timer = null;
          if (spec.cancel && generation === g)
            send({
              priority: Priority.request,
              label: `cancel ${spec.label}`,
              run: (x) => spec.cancel?.(x, id),
            });
          fail(
            new AppError(
              'TIMEOUT',
              `TWS did not answer ${spec.label} within ${Math.round((spec.timeoutMs ?? timing.requestTimeoutMs) / 1000)} s`,
            ),
          );
        }, spec.timeoutMs ?? timing.requestTimeoutMs);
        unqueue = send({
          priority: spec.priority ?? Priority.request,
          label: spec.label,
          cost: spec.cost ?? 1,
          run: (a) => spec.send(a, id),
          dropped: (reason) => owner.onLost(reason),
        });
      };
      const enqueueHistory = (): void => {
        const h = spec.history;
        if (!h) return;
        unqueue = historyQueue.submit({
          signature: h.signature,
          contractKey: h.contractKey,
          start: (finished) => {
            historyDone = finished;
            sendNow();
          },
          dropped: (reason) => fail(new AppError('NOT_CONNECTED', reason)),
        });
      };
      // Asked while down: say so now. Requests already on their way wait for the reconnect (retryOnReconnect).
      if (!canSend()) {
        fail(new AppError('NOT_CONNECTED', `Not connected to TWS: ${spec.label} needs a connection`));
        return;
      }
      if (spec.history) enqueueHistory();
      else sendNow();
    });
  }

  // ---- streams ---------------------------------------------------------------------------------------------------

  function infoOf(e: StreamEntry): StreamInfo {
    return {
      id: e.id,
      kind: e.spec.kind,
      label: e.spec.label,
      reqId: e.reqId,
      startedAt: e.startedAt,
      lastEventAt: e.lastEventAt,
      awaitingSince: e.awaitingSince,
    };
  }

  function deliver(entry: StreamEntry, name: string, args: readonly unknown[]): void {
    // Every message delivered here came in with the current socket read, stamped in lastInbound.
    entry.lastEventAt = lastInbound;
    entry.awaitingSince = null;
    entry.spec.onEvent?.(name, args, entry.ctx);
  }

  function streamOwner(entry: StreamEntry, myReqId: () => number | null): Owner {
    return {
      onEvent: (name, args) => deliver(entry, name, args),
      onError: (code, message) => {
        const verdict =
          entry.spec.onError?.(code, message) ??
          (describeTwsCode(code).severity === 'error' ? 'end' : 'keep');
        if (verdict === 'keep') return;
        const id = myReqId();
        if (id !== null) ids.release(id);
        if (entry.reqId === id) entry.reqId = null;
        const hd = entry.historyDone;
        entry.historyDone = null;
        hd?.();
        if (verdict === 'end') {
          entry.closed = true;
          streams.delete(entry.id);
        } else startStream(entry, false);
      },
      onLost: () => {
        entry.reqId = null;
        const hd = entry.historyDone;
        entry.historyDone = null;
        hd?.();
      },
    };
  }

  function startStream(entry: StreamEntry, replay: boolean): void {
    entry.pending?.();
    entry.pending = null;
    entry.historyPending?.();
    entry.historyPending = null;
    if (entry.closed || !canSend()) return;
    const go = (): void => {
      if (entry.closed || !canSend()) {
        const hd = entry.historyDone;
        entry.historyDone = null;
        hd?.();
        return;
      }
      entry.spec.onStart?.(replay);
      let id: number | null = null;
      const owner = streamOwner(entry, () => id);
      id = ids.allocate(owner, generation);
      entry.reqId = id;
      entry.startedAt = clock.now();
      const reqId = id;
      entry.pending = send({
        priority: replay ? Priority.replay : Priority.subscribe,
        label: entry.spec.label,
        cost: entry.spec.cost ?? 1,
        run: (a) => {
          entry.pending = null;
          entry.spec.open(a, reqId, replay);
        },
        dropped: () => {
          entry.pending = null;
        },
      });
    };
    const h = entry.spec.history;
    if (h) {
      entry.historyPending = historyQueue.submit({
        signature: h.signature,
        contractKey: h.contractKey,
        start: (finished) => {
          entry.historyPending = null;
          entry.historyDone = finished;
          go();
        },
      });
    } else go();
  }

  function stream(spec: StreamSpec): StreamHandle {
    const entry: StreamEntry = {
      id: ++streamSeq,
      spec,
      reqId: null,
      pending: null,
      historyPending: null,
      historyDone: null,
      startedAt: null,
      lastEventAt: null,
      awaitingSince: null,
      closed: false,
      ctx: {
        historyDone: () => {
          const d = entry.historyDone;
          entry.historyDone = null;
          d?.();
        },
      },
    };
    streams.set(entry.id, entry);
    startStream(entry, false);
    return {
      id: entry.id,
      info: () => infoOf(entry),
      restart() {
        if (entry.closed) return;
        const old = entry.reqId;
        if (old !== null) {
          ids.release(old);
          entry.reqId = null;
          send({
            priority: Priority.subscribe,
            label: `cancel ${spec.label}`,
            run: (a) => spec.close(a, old),
          });
        }
        const hd = entry.historyDone;
        entry.historyDone = null;
        hd?.();
        startStream(entry, false);
      },
      close() {
        if (entry.closed) return;
        entry.closed = true;
        streams.delete(entry.id);
        entry.pending?.();
        entry.pending = null;
        entry.historyPending?.();
        entry.historyPending = null;
        const hd = entry.historyDone;
        entry.historyDone = null;
        hd?.();
        const id = entry.reqId;
        entry.reqId = null;
        if (id !== null) {
          ids.release(id);
          send({
            priority: Priority.subscribe,
            label: `cancel ${spec.label}`,
            run: (a) => spec.close(a, id),
          });
        }
      },
    };
  }

  return {
    status,
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    connect(endpoint) {
      dispatch({ type: 'connect', endpoint });
    },
    disconnect(reason) {
      dispatch({ type: 'disconnect', reason });
    },
    reconnectNow() {
      dispatch({ type: 'reconnectNow' });
    },
    canSend,
    isReady: () => state.state === 'ready' && api !== null,
    onReady(l) {
      readyListeners.add(l);
      return () => readyListeners.delete(l);
    },
    onMessage(l) {
      messageListeners.add(l);
      return () => messageListeners.delete(l);
    },
    onGlobal(l) {
      globalListeners.add(l);
      return () => globalListeners.delete(l);
    },
    onSilentStreams(l) {
      silentListeners.add(l);
      return () => silentListeners.delete(l);
    },
    onNextValidId(l) {
      nextIdListeners.add(l);
      return () => nextIdListeners.delete(l);
    },
    send,
    request,
    stream,
    streams: () => [...streams.values()].map(infoOf),
    setMarketDataType(type) {
      mdType = type;
      send({ priority: Priority.control, label: 'reqMarketDataType', run: (a) => a.reqMarketDataType(type) });
    },
    marketDataType: () => mdType,
    history: () => historyQueue,
    rate: () => pacer.rate(),
    queued: () => pacer.queued(),
    stop() {
      dispatch({ type: 'disconnect', reason: 'stopped' });
      stopped = true;
      for (const e of streams.values()) e.closed = true;
      streams.clear();
      historyQueue.clear('stopped');
    },
  };
}
