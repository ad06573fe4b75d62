// The connection manager (ARCHITECTURE.md §4): drives the state machine of state-machine.ts (connect, lose,
// reconnect with back-off) over one socket per connection (socket.ts), with the heartbeat, the pacer, the
// request-id registry, one-shot requests (requests.ts), the historical pacing queue and the stream registry that
// is replayed after every reconnect (streams.ts). The TWS adapter (ib/adapter) builds the domain-level face on it.
import type { IBApi } from '@stoqey/ib';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { createHeartbeat } from './heartbeat';
import { createHistoryQueue, type HistoryRules } from './history-pacing';
import { createPacer, Priority, type Pacer } from './pacer';
import { createRequestIds } from './request-ids';
import { createRequests } from './requests';
import { closeSocket, createIbApi, openSocket } from './socket';
import {
  initialLinkState,
  reduceLink,
  type Endpoint,
  type LinkEffect,
  type LinkEvent,
  type LinkState,
} from './state-machine';
import { createStreamRegistry } from './streams';
import { triageTwsMessage } from './tws-messages';
import type { WireTap } from './wire-tap';
import type {
  Channel,
  GlobalEventName,
  Link,
  LinkStatus,
  Owner,
  SendJob,
  StreamInfo,
  TwsNotice,
} from './types';

export { createIbApi } from './socket';
export type { Endpoint } from './state-machine';
export type { GlobalEventName, Link, LinkStatus, StreamHandle, StreamInfo, TwsNotice } from './types';
export type { WireTap } from './wire-tap';

const LINK_TIMING = {
  heartbeatEveryMs: 5_000,
  /** No message at all from TWS for this long = the socket is dead, even when TCP looks open. */
  silenceMs: 10_000,
  handshakeMs: 10_000,
  /** After a replay, a stream that has not delivered anything by then is reported. */
  confirmMs: 20_000,
  requestTimeoutMs: 30_000,
} as const;
type LinkTiming = { [K in keyof typeof LINK_TIMING]: number };

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
  let state: LinkState = initialLinkState(clock.now());
  let api: IBApi | null = null;
  let generation = 0;
  let retryTimer: Timer | null = null;
  let handshakeTimer: Timer | null = null;
  let mdType: 1 | 2 | 3 | 4 = 1;
  let stopped = false;
  let wireTap: WireTap | null = null;

  const live = () => state.state === 'ready' || state.state === 'degraded';
  const canSend = (): boolean => api !== null && live();

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

  const channel: Channel = {
    send,
    canSend,
    generation: () => generation,
    allocate: (owner) => ids.allocate(owner, generation),
    release: (reqId) => ids.release(reqId),
    history: historyQueue,
  };
  const heartbeat = createHeartbeat({
    clock,
    timing,
    alive: live,
    ping: () => send({ priority: Priority.control, label: 'reqCurrentTime', run: (a) => a.reqCurrentTime() }),
    dead: (silentMs) =>
      dispatch({
        type: 'lost',
        reason: `TWS stopped answering: no message for ${Math.round(silentMs / 1000)} s although the socket looks open`,
      }),
  });
  const request = createRequests({ clock, log, channel, timeoutMs: () => timing.requestTimeoutMs });
  const streams = createStreamRegistry({
    clock,
    log,
    channel,
    lastInbound: heartbeat.lastInbound,
    confirmMs: () => timing.confirmMs,
    silent: (list) => {
      for (const l of silentListeners) l(list);
    },
  });

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
        streams.replay(true);
        break;
    }
  }

  // ---- one socket per connection -----------------------------------------------------------------------------

  function open(endpoint: Endpoint): void {
    const g = ++generation;
    log.info(`Connecting to ${endpoint.host}:${endpoint.port} as client ${endpoint.clientId}`);
    handshakeTimer = clock.setTimeout(() => {
      handshakeTimer = null;
      if (generation === g && api !== null && !live())
        dispatch({
          type: 'lost',
          reason: `${endpoint.host}:${endpoint.port} accepted the connection but did not complete the API handshake within ${timing.handshakeMs / 1000} s`,
        });
    }, timing.handshakeMs);
    try {
      const { guarded } = openSocket({
        endpoint,
        createApi: (e) => (api = (deps.createApi ?? createIbApi)(e)),
        current: (client) => api === client && generation === g,
        tap: () => wireTap,
        events: {
          received: heartbeat.received,
          alive: heartbeat.touch,
          serverVersion: (version) => {
            pacer.note(2); // the API handshake and START_API, sent by the library itself
            dispatch({ type: 'serverVersion', version });
          },
          unreadableVersion: () => {
            log.error('TWS answered the handshake with an unreadable server version', {
              action: 'dropped the connection; reconnecting',
            });
            dispatch({
              type: 'lost',
              reason: 'TWS answered the API handshake with an unreadable server version',
            });
          },
          nextValidId: (id) => {
            for (const l of nextIdListeners) l(id);
            dispatch({ type: 'nextValidId' });
          },
          accounts: (accounts) => dispatch({ type: 'accounts', accounts }),
          disconnected: () =>
            dispatch({
              type: 'lost',
              reason:
                state.state === 'connecting'
                  ? `Could not connect to ${endpoint.host}:${endpoint.port}`
                  : 'TWS closed the connection',
            }),
          badFrame: (problem, preview) => {
            log.error(`TWS sent a frame the app cannot read: ${problem}. Frame: ${preview}`, {
              action: 'dropped the connection; reconnecting',
            });
            dispatch({ type: 'lost', reason: `TWS sent an unreadable message (${problem})` });
          },
          twsMessage: (code, message, reqId) => onTwsMessage(code, message, reqId, endpoint),
          routed: (name, reqId, args) => {
            const owner = ids.route(reqId, g);
            if (owner) owner.onEvent(name, args);
            else ids.noteDropped();
          },
          global: (name, args) => {
            streams.deliverGlobal(name, args);
            for (const l of globalListeners) l(name, args);
          },
        },
      });
      if (!guarded)
        log.warn('The frame guard could not be installed on this @stoqey/ib version', {
          action: 'the heartbeat still detects a stuck reader',
        });
    } catch (err) {
      dispatch({ type: 'lost', reason: `Could not connect: ${(err as Error).message}` });
    }
  }

  function stopHandshakeTimer(): void {
    if (handshakeTimer !== null) clock.clearTimeout(handshakeTimer);
    handshakeTimer = null;
  }

  function close(reason: string): void {
    stopHandshakeTimer();
    heartbeat.stop();
    streams.stopConfirming();
    pacer.close(reason);
    historyQueue.setEnabled(false);
    const g = generation;
    generation++; // messages of the old socket have no route any more
    for (const o of ids.releaseGeneration(g)) o.onLost(reason);
    const old = api;
    api = null;
    if (old) closeSocket(old);
  }

  function onTwsMessage(code: number, message: string, reqId: number, endpoint: Endpoint): void {
    const t = triageTwsMessage(code, message, endpoint, state.state === 'connecting');
    switch (t.kind) {
      case 'lost':
        dispatch({
          type: 'lost',
          reason: t.reason,
          ...(t.twsCode !== undefined ? { twsCode: t.twsCode } : {}),
        });
        if (t.log) log[t.log.level](t.log.message, t.log.fields);
        return;
      case 'fatal':
        dispatch({
          type: 'fatal',
          twsCode: t.twsCode,
          reason: t.reason,
          ...(t.suggestedClientId !== undefined ? { suggestedClientId: t.suggestedClientId } : {}),
        });
        if (t.log) log[t.log.level](t.log.message, t.log.fields);
        return;
      case 'farm':
        log[t.log.level](t.log.message, t.log.fields);
        dispatch({ type: 'farm', code: t.code, message: t.message });
        return;
      case 'deliver': {
        const owner = reqId >= 0 ? ids.route(reqId, generation) : undefined;
        if (owner) owner.onError(code, message);
        else for (const l of messageListeners) l({ code, message, reqId });
      }
    }
  }

  // ---- ready: heartbeat, market data type, replay ------------------------------------------------------------

  function onSessionReady(reconnect: boolean): void {
    stopHandshakeTimer();
    heartbeat.start();
    pacer.open();
    historyQueue.setEnabled(true);
    // TWS forgets the market data type with the socket: it goes first, before any market data request.
    const type = mdType;
    send({ priority: Priority.control, label: 'reqMarketDataType', run: (a) => a.reqMarketDataType(type) });
    log.info(
      `${reconnect ? 'Reconnected' : 'Connected'}: server version ${state.serverVersion}, accounts ${state.accounts.join(', ')}`,
      { action: reconnect ? `replaying ${streams.size()} stream(s)` : 'ready' },
    );
    streams.replay(reconnect);
    for (const l of readyListeners) l({ reconnect });
  }

  const listen =
    <L>(set: Set<L>) =>
    (l: L) => {
      set.add(l);
      return () => {
        set.delete(l);
      };
    };

  return {
    status,
    onStatus: listen(statusListeners),
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
    onReady: listen(readyListeners),
    onMessage: listen(messageListeners),
    onGlobal: listen(globalListeners),
    onSilentStreams: listen(silentListeners),
    onNextValidId: listen(nextIdListeners),
    send,
    request,
    stream: streams.stream,
    streams: streams.list,
    setMarketDataType(type) {
      mdType = type;
      send({ priority: Priority.control, label: 'reqMarketDataType', run: (a) => a.reqMarketDataType(type) });
    },
    marketDataType: () => mdType,
    setTap(tap) {
      wireTap = tap;
    },
    history: () => historyQueue,
    rate: () => pacer.rate(),
    queued: () => pacer.queued(),
    stop() {
      dispatch({ type: 'disconnect', reason: 'stopped' });
      stopped = true;
      streams.clear();
      historyQueue.clear('stopped');
    },
  };
}
