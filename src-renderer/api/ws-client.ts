// WebSocket transport for the web host: `{id, method, params}` → `{id, ok, value|error}`, and `{events}` pushes.
// Reconnects on its own (the host may restart); requests made while it is down fail fast with UNAVAILABLE.
import type { EventEnvelope } from '../../src-shared/contract';
import type { AppErrorData, Result } from '../../src-shared/result';
import { EventListeners, type IbdeskClient, type TransportState } from './client';

const REQUEST_TIMEOUT_MS = 60_000;

export function createWsClient(url: string): IbdeskClient {
  const listeners = new EventListeners();
  const transportListeners = new Set<(s: TransportState) => void>();
  const pending = new Map<
    number,
    { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }
  >();
  let ws: WebSocket | null = null;
  let nextId = 1;
  let closed = false;
  let retryMs = 500;
  let state: TransportState = { connected: false, reason: null };

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
      if (Array.isArray(m.events)) {
        for (const e of m.events) listeners.emit(e.event, e.payload);
        return;
      }
      if (typeof m.id === 'number') {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        clearTimeout(p.timer);
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
      setState({ connected: false, reason });
      if (!closed) {
        setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      }
    };
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
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'TIMEOUT', message: `${method} took too long` } });
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (r: Result<unknown>) => void, timer });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(event, listener) {
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
