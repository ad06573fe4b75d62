// Stand-ins for the two sides of the connection manager in unit tests: a client that records the TWS calls made
// on it (what a request, stream or order writes), a channel for the connection's own parts (requests, streams)
// whose sends the test lets through, and a link for the TWS adapter that records its requests and streams and
// lets the test deliver TWS's answers.
import type { ManualClock } from './manual-clock';
import { connectionStatusFixture } from './domain-fixtures';
import { createHistoryQueue } from '../../src-main/ib/connection/history-pacing';
import { createRequestIds } from '../../src-main/ib/connection/request-ids';
import type {
  Channel,
  GlobalEventName,
  Link,
  LinkStatus,
  Owner,
  RequestSpec,
  SendJob,
  StreamCtx,
  StreamSpec,
} from '../../src-main/ib/connection/types';

type Api = Parameters<SendJob['run']>[0];
export type ApiCall = { method: string; args: unknown[] };

/** A client whose every method records its call: `calls` shows what went to TWS, in order. */
export function recordingApi(calls: ApiCall[]): Api {
  return new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) =>
          void calls.push({ method, args }),
    },
  ) as Api;
}

/** A Channel whose sends wait in `queued` until `flush()` runs them (or `dropAll` drops them), like the pacer. */
export function createTestChannel(clock: ManualClock) {
  const calls: ApiCall[] = [];
  const api = recordingApi(calls);
  const ids = createRequestIds<Owner>();
  const history = createHistoryQueue({ clock });
  let queued: SendJob[] = [];
  let connected = true;
  let generation = 1;
  history.setEnabled(true);
  const channel: Channel = {
    send(job) {
      if (!connected) {
        job.dropped?.('not connected to TWS');
        return () => undefined;
      }
      queued.push(job);
      return () => {
        queued = queued.filter((j) => j !== job);
      };
    },
    canSend: () => connected,
    generation: () => generation,
    allocate: (owner) => ids.allocate(owner, generation),
    release: (reqId) => ids.release(reqId),
    history,
  };
  return {
    channel,
    calls,
    queued: () => queued,
    /** Runs the waiting sends, as the pacer would. */
    flush() {
      const jobs = queued;
      queued = [];
      for (const j of jobs) j.run(api);
    },
    /** TWS's message for a request id, as the socket routes it. */
    route: (reqId: number) => ids.route(reqId, generation),
    /** The socket closes: waiting sends are dropped, every id of it is lost. */
    lose(reason: string) {
      connected = false;
      const jobs = queued;
      queued = [];
      for (const j of jobs) j.dropped?.(reason);
      history.setEnabled(false);
      for (const o of ids.releaseGeneration(generation++)) o.onLost(reason);
    },
    reconnect() {
      connected = true;
      history.setEnabled(true);
    },
    liveIds: () => ids.size(),
  };
}

type Recorded<S> = { spec: S; reqId: number; calls: ApiCall[] };

/** A Link for the TWS adapter: requests and streams are recorded with their calls; the test plays TWS. */
export function createRecordingLink(initial: Partial<LinkStatus> = {}) {
  // A ready paper connection as the app sees it, less the profile fields the link does not know.
  const {
    profileId: _profileId,
    profileName: _profileName,
    source: _source,
    demo: _demo,
    readOnly: _readOnly,
    live: _live,
    ...ready
  } = connectionStatusFixture({ serverVersion: 176, accounts: ['DU111'] });
  let status: LinkStatus = { ...ready, ...initial };
  let nextId = 1;
  const globalL = new Set<(name: GlobalEventName, args: readonly unknown[]) => void>();
  const statusL = new Set<(s: LinkStatus) => void>();
  const sends: (SendJob & { calls: ApiCall[] })[] = [];
  const requests: (Recorded<RequestSpec<unknown>> & {
    settled: Promise<unknown>;
    event(name: string, args: readonly unknown[]): void;
    error(code: number, message: string): void;
  })[] = [];
  const streams: (Recorded<StreamSpec> & {
    closed: boolean;
    historyDone: number;
    event(name: string, args: readonly unknown[]): void;
  })[] = [];
  const live = () => status.state === 'ready' || status.state === 'degraded';

  const link = {
    status: () => status,
    onStatus: (l: (s: LinkStatus) => void) => (statusL.add(l), () => statusL.delete(l)),
    onGlobal: (l: (name: GlobalEventName, args: readonly unknown[]) => void) => (
      globalL.add(l),
      () => globalL.delete(l)
    ),
    canSend: live,
    isReady: () => status.state === 'ready',
    marketDataType: () => 1 as const,
    send(job: SendJob) {
      if (!live()) {
        job.dropped?.('not connected to TWS');
        return () => undefined;
      }
      const calls: ApiCall[] = [];
      sends.push({ ...job, calls });
      job.run(recordingApi(calls));
      return () => undefined;
    },
    request<T>(spec: RequestSpec<T>): Promise<T> {
      const calls: ApiCall[] = [];
      const reqId = nextId++;
      let resolve!: (v: T) => void;
      let reject!: (e: Error) => void;
      const settled = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      spec.send(recordingApi(calls), reqId);
      requests.push({
        spec: spec as RequestSpec<unknown>,
        reqId,
        calls,
        settled,
        event: (name, args) => spec.onEvent(name, args, resolve, reject),
        error: (code, message) => {
          const err = spec.onError?.(code, message);
          if (err) reject(err);
        },
      });
      return settled;
    },
    stream(spec: StreamSpec) {
      const calls: ApiCall[] = [];
      const entry = {
        spec,
        reqId: nextId++,
        calls,
        closed: false,
        historyDone: 0,
        event: (name: string, args: readonly unknown[]) => spec.onEvent?.(name, args, ctx),
      };
      const ctx: StreamCtx = { historyDone: () => void entry.historyDone++ };
      streams.push(entry);
      spec.onStart?.(false);
      spec.open(recordingApi(calls), entry.reqId, false);
      return {
        id: streams.length,
        close: (freed?: () => void) => {
          entry.closed = true;
          freed?.();
        },
        restart: () => undefined,
        info: () => ({
          id: streams.length,
          kind: spec.kind,
          label: spec.label,
          reqId: entry.reqId,
          startedAt: null,
          lastEventAt: null,
          awaitingSince: null,
        }),
      };
    },
  } as unknown as Link;

  return {
    link,
    sends,
    requests,
    streams,
    setState(state: LinkStatus['state'], patch: Partial<LinkStatus> = {}) {
      status = { ...status, ...patch, state };
      for (const l of statusL) l(status);
    },
    /** A message without a request id, as TWS sends it. */
    global(name: GlobalEventName, args: readonly unknown[]) {
      for (const l of globalL) l(name, args);
    },
  };
}
