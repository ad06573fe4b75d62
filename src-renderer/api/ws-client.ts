// WebSocket transport for the web host: `{id, method, params}` → `{id, ok, value|error}`, and `{events}` pushes.
// Reconnects on its own (the host may restart); requests made while it is down fail fast with UNAVAILABLE.
// At start the page connects before its app has loaded (api/page-client.ts): reads asked for then (`prefetch`) go
// out as the socket opens and are handed to the first identical request on that socket, and events that come before
// anyone listens are held for the first listeners.
import type { EventEnvelope } from '../../src-shared/contract';
import type { AppErrorData, Result } from '../../src-shared/result';
import { EventListeners, type IbdeskClient, type TransportState } from './client';

const REQUEST_TIMEOUT_MS = 60_000;
/** A prefetched answer no one asked for by then is dropped: it is only for the first requests of a start. */
const PREFETCH_TTL_MS = 15_000;
/** Events held before the first listener, at most (a page whose app never loads must not grow without end). */
const MAX_HELD_EVENTS = 10_000;

/** The frame an answer came in (null until it has). */
type AnswerFrame = { at: number | null };
type Prefetched = { generation: number; frame: AnswerFrame; answer: Promise<Result<unknown>> };

const prefetchKey = (method: string, params: unknown): string => `${method}\u0000${JSON.stringify(params)}`;

export function createWsClient(url: string): IbdeskClient {
  const listeners = new EventListeners();
  const transportListeners = new Set<(s: TransportState) => void>();
  const pending = new Map<
    number,
    { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout>; frame: AnswerFrame }
  >();
  let ws: WebSocket | null = null;
  let nextId = 1;
  let closed = false;
  let retryMs = 500;
  let state: TransportState = { connected: false, reason: null };
  /** Sockets opened so far: a prefetched answer serves only requests made on the socket it was asked on. */
  let generation = 0;
  /** Reads to ask for as soon as the socket opens. */
  let toPrefetch: { key: string; method: string; params: unknown }[] = [];
  const prefetched = new Map<string, Prefetched>();
  /** Events that came before anyone listened (null once someone has), with the frame each came in. */
  let held: { frame: number; events: EventEnvelope[] }[] | null = [];
  let heldCount = 0;
  /** Frames received so far, and the last frame whose events the listeners have had. */
  let frames = 0;
  let deliveredFrame = 0;

  const setState = (next: TransportState): void => {
    state = next;
    for (const l of transportListeners) l(state);
  };

  function failPending(message: string): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
      pending.delete(id);
    }
  }

  function open(): void {
    if (closed) return;
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      retryMs = 500;
      generation++;
      const asks = toPrefetch;
      toPrefetch = [];
      for (const a of asks) keepPrefetched(a.key, socket, a.method, a.params);
      setState({ connected: true, reason: null });
    };
    socket.onmessage = (ev) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        console.error('unreadable frame from the host');
        return;
      }
      const m = msg as {
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: AppErrorData;
        events?: EventEnvelope[];
      };
      const frame = ++frames;
      if (Array.isArray(m.events)) {
        if (held) {
          if (heldCount + m.events.length <= MAX_HELD_EVENTS) {
            held.push({ frame, events: m.events });
            heldCount += m.events.length;
          }
          return;
        }
        deliveredFrame = frame;
        for (const e of m.events) listeners.emit(e.event, e.payload);
        return;
      }
      if (typeof m.id === 'number') {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        clearTimeout(p.timer);
        p.frame.at = frame;
        p.resolve(
          m.ok
            ? { ok: true, value: m.value }
            : {
                ok: false,
                error: m.error ?? { code: 'INTERNAL', message: 'The host sent an error without details' },
              },
        );
      }
    };
    socket.onclose = (ev) => {
      if (ws !== socket) return;
      ws = null;
      const reason =
        ev.code === 4000 && ev.reason
          ? `The host dropped this window: ${ev.reason}`
          : 'Lost the connection to the IBDesk host; retrying…';
      failPending(reason);
      prefetched.clear();
      setState({ connected: false, reason });
      if (!closed) {
        setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      }
    };
  }

  function send(
    socket: WebSocket,
    method: string,
    params: unknown,
    frame: AnswerFrame = { at: null },
  ): Promise<Result<unknown>> {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'TIMEOUT', message: `${method} took too long` } });
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve, timer, frame });
      socket.send(JSON.stringify({ id, method, params }));
    });
  }

  function keepPrefetched(key: string, socket: WebSocket, method: string, params: unknown): void {
    const frame: AnswerFrame = { at: null };
    const entry: Prefetched = { generation, frame, answer: send(socket, method, params, frame) };
    prefetched.set(key, entry);
    setTimeout(() => {
      if (prefetched.get(key) === entry) prefetched.delete(key);
    }, PREFETCH_TTL_MS);
  }

  /** The held events go to the listeners once the first ones are in (they are added in one go: bind-events.ts). */
  let releasing = false;
  function releaseHeld(): void {
    const batches = held ?? [];
    held = null;
    for (const b of batches) {
      deliveredFrame = b.frame;
      for (const e of b.events) listeners.emit(e.event, e.payload);
    }
  }

  open();

  return {
    invoke(method, params) {
      const socket = ws;
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'Not connected to the IBDesk host' },
        });
      }
      const key = prefetchKey(method, params);
      const early = prefetched.get(key);
      if (early) {
        prefetched.delete(key);
        // An answer older than an event the listeners already have would undo it: ask again.
        const stale = early.frame.at !== null && early.frame.at < deliveredFrame;
        if (early.generation === generation && !stale) return early.answer as Promise<Result<never>>;
      }
      return send(socket, method, params) as Promise<Result<never>>;
    },
    prefetch(method, params) {
      const key = prefetchKey(method, params);
      const socket = ws;
      if (socket && socket.readyState === WebSocket.OPEN) keepPrefetched(key, socket, method, params);
      else toPrefetch.push({ key, method, params });
    },
    on(event, listener) {
      if (held && !releasing) {
        releasing = true;
        queueMicrotask(releaseHeld);
      }
      return listeners.add(event, listener as (p: unknown) => void);
    },
    onTransport(listener) {
      transportListeners.add(listener);
      listener(state);
      return () => transportListeners.delete(listener);
    },
    close() {
      closed = true;
      ws?.close();
      failPending('closed');
    },
  };
}
