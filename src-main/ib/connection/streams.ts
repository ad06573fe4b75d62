// The stream registry: every live subscription (quotes, scanners, keep-up-to-date bars, positions, account, PnL)
// with the request that serves it now. After a reconnect (or TWS's 1101) each is requested again with a fresh id,
// quote lines last, and one that has not delivered again within `confirmMs` is reported.
import { describeTwsCode } from '../../../src-shared/errors';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import { Priority } from './pacer';
import type {
  Channel,
  GlobalEventName,
  Owner,
  StreamCtx,
  StreamHandle,
  StreamInfo,
  StreamSpec,
} from './types';

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

/** What a stream's request hands back to its registry (one object per registry, shared by all its requests). */
type RequestHooks = {
  deliver(entry: StreamEntry, name: string, args: readonly unknown[]): void;
  failed(request: StreamRequest, code: number, message: string): void;
  lost(request: StreamRequest): void;
};

/**
 * The owner of one request of a stream: what the request-id registry routes its messages to. A class at module
 * level, not closures made per request: a tick then reaches the stream's entry through one object whose methods
 * are shared, instead of an object, a closure and the closure's context per stream (with 500 quote lines, each
 * of those is a likely cache miss per message: routing to the sink was about a third of the app path's CPU).
 */
class StreamRequest implements Owner {
  /** The id this request was given (set once allocated: the registry needs the owner first). */
  reqId: number | null = null;
  constructor(
    readonly entry: StreamEntry,
    private readonly hooks: RequestHooks,
  ) {}
  onEvent(name: string, args: readonly unknown[]): void {
    this.hooks.deliver(this.entry, name, args);
  }
  onError(code: number, message: string): void {
    this.hooks.failed(this, code, message);
  }
  onLost(): void {
    this.hooks.lost(this);
  }
}

export interface StreamRegistry {
  stream(spec: StreamSpec): StreamHandle;
  /** Requests every stream again with fresh ids; `confirm`: report those that do not deliver again. */
  replay(confirm: boolean): void;
  /** A message without a request id: to the streams that asked for it. */
  deliverGlobal(name: GlobalEventName, args: readonly unknown[]): void;
  list(): StreamInfo[];
  size(): number;
  /** The connection closed: no confirmation is awaited any more. */
  stopConfirming(): void;
  /** The connection manager stops: every stream ends, nothing is cancelled at TWS. */
  clear(): void;
}

export function createStreamRegistry(deps: {
  clock: Clock;
  log: Logger;
  channel: Channel;
  /** When the current socket read arrived: what a delivered message counts as its time. */
  lastInbound: () => number;
  confirmMs: () => number;
  silent: (streams: StreamInfo[]) => void;
}): StreamRegistry {
  const { clock, log, channel } = deps;
  const streams = new Map<number, StreamEntry>();
  let streamSeq = 0;
  let confirmTimer: Timer | null = null;

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
    // Every message delivered here came in with the current socket read, stamped in lastInbound: stored once per
    // read, not rewritten by each of its messages.
    const at = deps.lastInbound();
    if (entry.lastEventAt !== at) entry.lastEventAt = at;
    if (entry.awaitingSince !== null) entry.awaitingSince = null;
    entry.spec.onEvent?.(name, args, entry.ctx);
  }

  function endHistory(entry: StreamEntry): void {
    const hd = entry.historyDone;
    entry.historyDone = null;
    hd?.();
  }

  const hooks: RequestHooks = {
    deliver,
    failed(request, code, message) {
      const entry = request.entry;
      const verdict =
        entry.spec.onError?.(code, message) ?? (describeTwsCode(code).severity === 'error' ? 'end' : 'keep');
      if (verdict === 'keep') return;
      const id = request.reqId;
      if (id !== null) channel.release(id);
      if (entry.reqId === id) entry.reqId = null;
      endHistory(entry);
      if (verdict === 'end') {
        entry.closed = true;
        streams.delete(entry.id);
      } else start(entry, false);
    },
    lost(request) {
      request.entry.reqId = null;
      endHistory(request.entry);
    },
  };

  function start(entry: StreamEntry, replay: boolean): void {
    entry.pending?.();
    entry.pending = null;
    entry.historyPending?.();
    entry.historyPending = null;
    if (entry.closed || !channel.canSend()) return;
    const go = (): void => {
      if (entry.closed || !channel.canSend()) {
        endHistory(entry);
        return;
      }
      entry.spec.onStart?.(replay);
      const owner = new StreamRequest(entry, hooks);
      const id = channel.allocate(owner);
      owner.reqId = id;
      entry.reqId = id;
      entry.startedAt = clock.now();
      const reqId = id;
      let settled = false;
      const unqueue = channel.send({
        priority: replay ? Priority.replay : Priority.subscribe,
        label: entry.spec.label,
        cost: entry.spec.cost ?? 1,
        run: (a) => {
          settled = true;
          entry.pending = null;
          entry.spec.open(a, reqId, replay);
        },
        dropped: () => {
          settled = true;
          entry.pending = null;
        },
      });
      // `pending` is set only while the request waits: a pacer with room writes it within `send`.
      if (!settled) entry.pending = unqueue;
    };
    const h = entry.spec.history;
    if (h) {
      entry.historyPending = channel.history.submit({
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

  /** Quote lines late: a few scanners, charts and account streams should not wait behind hundreds of lines. */
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
    deps.silent(silent);
  }

  /**
   * Cancels the stream's request at TWS, or only takes it out of the queue when it has not left yet (TWS never saw
   * it: nothing to cancel). `freed` runs once TWS holds nothing of it any more (the cancel written, or dropped with
   * the connection that carried the request), or at once when nothing was sent.
   */
  function cancelAtTws(
    entry: StreamEntry,
    reqId: number | null,
    priority: Priority,
    freed?: () => void,
  ): void {
    const unsent = entry.pending;
    entry.pending = null;
    if (reqId !== null) channel.release(reqId);
    if (unsent !== null || reqId === null) {
      unsent?.();
      freed?.();
      return;
    }
    channel.send({
      priority,
      label: `cancel ${entry.spec.label}`,
      run: (a) => {
        entry.spec.close(a, reqId);
        freed?.();
      },
      ...(freed ? { dropped: () => freed() } : {}),
    });
  }

  return {
    stream(spec) {
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
        ctx: { historyDone: () => endHistory(entry) },
      };
      streams.set(entry.id, entry);
      start(entry, false);
      return {
        id: entry.id,
        info: () => infoOf(entry),
        restart() {
          if (entry.closed) return;
          const old = entry.reqId;
          entry.reqId = null;
          // The new request follows its own cancel in the same lane: TWS never holds both.
          cancelAtTws(entry, old, Priority.subscribe);
          endHistory(entry);
          start(entry, false);
        },
        close(freed) {
          if (entry.closed) return;
          entry.closed = true;
          streams.delete(entry.id);
          entry.historyPending?.();
          entry.historyPending = null;
          endHistory(entry);
          const id = entry.reqId;
          entry.reqId = null;
          // An owner that waits for `freed` before it counts the line as free lets the cancel wait behind new
          // requests; any other keeps it in their lane, ahead of what it queues next (TWS's own limits).
          cancelAtTws(entry, id, freed ? Priority.release : Priority.subscribe, freed);
        },
      };
    },

    replay(confirm) {
      const now = clock.now();
      // The pacer is FIFO within a priority: quote lines go after the scanners, charts and account streams (500
      // lines take ~12 s), and the per-position PnL streams (up to 50) after the lines.
      const ordered = [...streams.values()].sort((a, b) => rank(a) - rank(b));
      for (const entry of ordered) {
        if (entry.closed) continue;
        if (entry.reqId !== null) channel.release(entry.reqId);
        entry.reqId = null;
        entry.awaitingSince = confirm ? now : null;
        start(entry, confirm);
      }
      if (confirm && streams.size > 0) {
        if (confirmTimer !== null) clock.clearTimeout(confirmTimer);
        confirmTimer = clock.setTimeout(checkConfirmed, deps.confirmMs());
      }
    },

    deliverGlobal(name, args) {
      for (const entry of streams.values()) {
        if (entry.spec.globalEvents?.includes(name) && entry.reqId !== null) deliver(entry, name, args);
      }
    },

    list: () => [...streams.values()].map(infoOf),
    size: () => streams.size,

    stopConfirming() {
      if (confirmTimer !== null) clock.clearTimeout(confirmTimer);
      confirmTimer = null;
    },

    clear() {
      for (const e of streams.values()) e.closed = true;
      streams.clear();
    },
  };
}
