// Fan-out to windows: events are queued per client and sent as one message per frame (ARCHITECTURE.md §2).
// Quotes are coalesced to the latest state per instrument and gauges to the latest value, so a slow window
// costs bounded memory; a window that stays blocked is dropped with a notice instead of growing without end.
// A message carries at most `maxQuotesPerFrame` quotes (oldest changes first, the rest go in the next frame), so
// at 500 live symbols no message grows past ~50 KB (issue #7, figure 3: < 64 KB each, ≤ 60 a second). When more
// changed than one message carries (a replay at 60x changes every symbol every frame), the instruments the window
// says it shows (`focus`) go first, so a visible row is never a frame behind while off-screen ones take turns.
// Bench stamps (npm run bench only) ride in the same message as the quote of their instrument, as its `probe`.
// State that only its latest value matters and is costly to build per change (depth books) comes from frame sources:
// a source says it changed, and the hub asks it for its events when the next frame goes out, so a change waits for
// one frame only (issue #14: the depth service's own 16 ms coalescing made a change wait up to two).
import type { QuoteProbe } from '../../src-shared/bench-probe';
import type { EventEnvelope, EventMap, EventName } from '../../src-shared/contract';
import type { Quote, QuoteBatch } from '../../src-shared/domain/quote';
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

/** What a transport gives the hub for one window or WebSocket connection. */
export interface HubTransport {
  readonly id: string;
  /** Sends one frame's events as one message. */
  send(events: EventEnvelope[]): void;
  /** Bytes written but not yet taken by the peer (0 when the transport cannot tell). */
  backlog(): number;
  /** Closes the connection; `reason` is for the peer and the log. */
  close(reason: string): void;
}

/** A frame source's handle: `ready()` asks for a frame; the source's `collect` runs when it goes out. */
interface FrameSource {
  ready(): void;
  remove(): void;
}

export interface Hub {
  attach(transport: HubTransport): () => void;
  /** To every attached client. */
  broadcast<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** To one client (a no-op when it is gone). */
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventMap[E]): void;
  /** Latest quotes for the given clients, coalesced per conId until the next frame. */
  quotes(quotes: readonly Quote[], clientIds: Iterable<string>): void;
  /**
   * The instruments a client shows now (replacing what it said before): when a frame cannot carry every changed
   * quote, theirs go first. Empty: no preference.
   */
  focus(clientId: string, conIds: readonly number[]): void;
  /** Bench stamps of instruments whose quotes wait for the next frame: they go in the same message. */
  probe(stamps: readonly QuoteProbe[], clientIds: Iterable<string>): void;
  /**
   * State read at frame time: once `ready()` was called, `collect` runs when the next frame goes out (before any
   * client's message is made) and emits what changed since its last run (emitTo / broadcast), which leaves in it.
   */
  frameSource(collect: () => void): FrameSource;
  onClientClosed(listener: (clientId: string) => void): () => void;
  clientIds(): string[];
  /** Sends what is pending now (tests, shutdown). */
  flush(): void;
  stop(): void;
}

export type HubOptions = {
  clock: Clock;
  log: Logger;
  /** Frame length: events are sent at most once per frame per client (17 ms: at most 58 messages a second). */
  frameMs?: number;
  /** Quotes in one message at most; the others wait (coalescing) for the next frame. */
  maxQuotesPerFrame?: number;
  /** Above this backlog (bytes) a client is skipped this frame; its quotes keep coalescing. */
  highWaterBytes?: number;
  /** A client whose non-coalesced queue grows past this many events, or stays blocked this long, is dropped. */
  maxQueuedEvents?: number;
  maxBlockedMs?: number;
};

type ClientState = {
  transport: HubTransport;
  queue: EventEnvelope[];
  quotes: Map<number, Quote>;
  /** The instruments the client shows (its `focus`): first in a capped message. */
  focus: ReadonlySet<number>;
  /** Bench stamps per conId, each for a quote in `quotes`. */
  probes: Map<number, QuoteProbe>;
  gauges: EventEnvelope | null;
  blockedSince: number | null;
};

export function createHub(opts: HubOptions): Hub {
  const { clock, log } = opts;
  const frameMs = opts.frameMs ?? 17;
  const maxQuotes = opts.maxQuotesPerFrame ?? 200;
  const highWater = opts.highWaterBytes ?? 4 * 1024 * 1024;
  const maxQueued = opts.maxQueuedEvents ?? 20_000;
  const maxBlockedMs = opts.maxBlockedMs ?? 30_000;
  const clients = new Map<string, ClientState>();
  const closedListeners = new Set<(clientId: string) => void>();
  /** Notices raised while no window was attached (a settings file repaired at start): the first window gets them. */
  let unseen: EventEnvelope[] = [];
  let timer: Timer | null = null;
  let stopped = false;
  let lastFlushAt = -Infinity;
  /** Frame sources that changed since the last frame, in the order they said so. */
  const readySources = new Set<() => void>();
  /** True while the frame's sources collect: what they emit goes in this frame, it asks for no other. */
  let collecting = false;

  /**
   * A frame goes out as soon as the current task is done when the last one left at least `frameMs` ago (a tick
   * after a quiet spell does not wait a whole frame), otherwise `frameMs` after the last one: never more often.
   */
  function schedule(): void {
    if (timer !== null || stopped || collecting) return;
    const wait = Math.max(0, lastFlushAt + frameMs - clock.now());
    timer = clock.setTimeout(() => {
      timer = null;
      lastFlushAt = clock.now();
      flush();
    }, wait);
  }

  function drop(state: ClientState, reason: string): void {
    log.warn(`Dropping client ${state.transport.id}: ${reason}`);
    detach(state.transport.id);
    try {
      state.transport.close(reason);
    } catch {
      // already closed
    }
  }

  function enqueue(state: ClientState, envelope: EventEnvelope): void {
    if (envelope.event === 'gauges') {
      state.gauges = envelope;
    } else {
      state.queue.push(envelope);
      if (state.queue.length > maxQueued) {
        drop(state, `it did not read ${state.queue.length} pending events`);
        return;
      }
    }
    schedule();
  }

  function flushClient(state: ClientState): void {
    if (state.queue.length === 0 && state.quotes.size === 0 && !state.gauges) return;
    if (state.transport.backlog() > highWater) {
      state.blockedSince ??= clock.now();
      if (clock.now() - state.blockedSince > maxBlockedMs) drop(state, 'it stopped reading for too long');
      else schedule();
      return;
    }
    state.blockedSince = null;
    const events = state.queue;
    state.queue = [];
    if (state.gauges) {
      events.push(state.gauges);
      state.gauges = null;
    }
    if (state.quotes.size > maxQuotes) {
      events.push({ event: 'quotes', payload: withProbes(state, takeQuotes(state)) });
      schedule();
    } else if (state.quotes.size > 0) {
      events.push({ event: 'quotes', payload: withProbes(state, [...state.quotes.values()]) });
      state.quotes.clear();
    }
    try {
      state.transport.send(events);
    } catch (err) {
      drop(state, `send failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * The `maxQuotes` quotes of a capped message, taken out of the waiting ones: those the client shows first, then
   * the ones waiting longest (a Map keeps insertion order and a re-set keeps the place).
   */
  function takeQuotes(state: ClientState): Quote[] {
    const quotes: Quote[] = [];
    const take = (conId: number, q: Quote): void => {
      quotes.push(q);
      state.quotes.delete(conId);
    };
    if (state.focus.size <= state.quotes.size) {
      for (const conId of state.focus) {
        const q = state.quotes.get(conId);
        if (q) take(conId, q);
        if (quotes.length === maxQuotes) return quotes;
      }
    } else {
      for (const [conId, q] of state.quotes) {
        if (state.focus.has(conId)) take(conId, q);
        if (quotes.length === maxQuotes) return quotes;
      }
    }
    for (const [conId, q] of state.quotes) {
      take(conId, q);
      if (quotes.length === maxQuotes) break;
    }
    return quotes;
  }

  /** The quotes of one message, with the bench stamps of their instruments (each sent once). */
  function withProbes(state: ClientState, quotes: Quote[]): QuoteBatch {
    if (state.probes.size === 0) return { quotes };
    const probe: QuoteProbe[] = [];
    for (const q of quotes) {
      const p = state.probes.get(q.conId);
      if (!p) continue;
      probe.push(p);
      state.probes.delete(q.conId);
    }
    return probe.length > 0 ? { quotes, probe } : { quotes };
  }

  function collect(): void {
    if (readySources.size === 0) return;
    const sources = [...readySources];
    readySources.clear();
    collecting = true;
    try {
      for (const c of sources) c();
    } finally {
      collecting = false;
    }
  }

  function flush(): void {
    collect();
    for (const state of [...clients.values()]) flushClient(state);
  }

  function detach(id: string): void {
    if (!clients.delete(id)) return;
    for (const l of closedListeners) l(id);
  }

  return {
    attach(transport) {
      if (clients.has(transport.id)) throw new Error(`client ${transport.id} is already attached`);
      clients.set(transport.id, {
        transport,
        queue: [],
        quotes: new Map(),
        focus: new Set(),
        probes: new Map(),
        gauges: null,
        blockedSince: null,
      });
      const state = clients.get(transport.id)!;
      const held = unseen;
      unseen = [];
      for (const n of held) enqueue(state, n);
      return () => detach(transport.id);
    },
    broadcast(event, payload) {
      if (event === 'notice' && clients.size === 0) {
        unseen = [...unseen, { event, payload } as EventEnvelope].slice(-20);
        return;
      }
      for (const state of clients.values()) enqueue(state, { event, payload } as EventEnvelope);
    },
    emitTo(clientId, event, payload) {
      const state = clients.get(clientId);
      if (state) enqueue(state, { event, payload } as EventEnvelope);
    },
    quotes(quotes, clientIds) {
      for (const id of clientIds) {
        const state = clients.get(id);
        if (!state) continue;
        for (const q of quotes) state.quotes.set(q.conId, q);
      }
      if (quotes.length > 0) schedule();
    },
    focus(clientId, conIds) {
      const state = clients.get(clientId);
      if (state) state.focus = new Set(conIds);
    },
    probe(stamps, clientIds) {
      for (const id of clientIds) {
        const state = clients.get(id);
        if (!state) continue;
        // A stamp without its quote waiting would label a later quote of the instrument: it is dropped.
        for (const p of stamps) if (state.quotes.has(p.conId)) state.probes.set(p.conId, p);
      }
    },
    frameSource(c) {
      let removed = false;
      return {
        ready() {
          if (removed) return;
          readySources.add(c);
          schedule();
        },
        remove() {
          removed = true;
          readySources.delete(c);
        },
      };
    },
    onClientClosed(listener) {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
    clientIds: () => [...clients.keys()],
    flush,
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
