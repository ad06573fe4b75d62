// A fake contract client for store tests: answers requests from handlers (UNAVAILABLE otherwise), records every
// call, and pushes events as the transports do.
import type { EventMap, EventName, Params, RequestName, ResultOf } from '../../../src-shared/contract';
import type { AppErrorData, Result } from '../../../src-shared/result';
import { defaultSettings, type Preferences, type Settings } from '../../../src-shared/domain/settings';
import { EventListeners, type IbdeskClient, type TransportState } from '../../../src-renderer/api/client';
import { createAppStore } from '../../../src-renderer/stores/app-store';

type Handler<K extends RequestName> = (params: Params<K>) => ResultOf<K> | { error: AppErrorData };
export type FakeHandlers = { [K in RequestName]?: Handler<K> };

export type FakeClient = IbdeskClient & {
  calls: { method: RequestName; params: unknown }[];
  callsOf(method: RequestName): unknown[];
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  setTransport(state: TransportState): void;
  handlers: FakeHandlers;
};

export function createFakeClient(handlers: FakeHandlers = {}): FakeClient {
  const listeners = new EventListeners();
  const transport = new Set<(s: TransportState) => void>();
  let state: TransportState = { connected: true, reason: null };
  const calls: { method: RequestName; params: unknown }[] = [];
  const client: FakeClient = {
    calls,
    handlers,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.params),
    invoke<K extends RequestName>(method: K, params: Params<K>): Promise<Result<ResultOf<K>>> {
      calls.push({ method, params });
      const h = client.handlers[method] as Handler<K> | undefined;
      if (!h)
        return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: `${method} not faked` } });
      const out = h(params);
      if (out && typeof out === 'object' && 'error' in out && Object.keys(out).length === 1)
        return Promise.resolve({ ok: false, error: (out as { error: AppErrorData }).error });
      return Promise.resolve({ ok: true, value: out as ResultOf<K> });
    },
    on(event, listener) {
      return listeners.add(event, listener as (p: unknown) => void);
    },
    onTransport(listener) {
      transport.add(listener);
      listener(state);
      return () => transport.delete(listener);
    },
    close: () => undefined,
    emit(event, payload) {
      listeners.emit(event, payload);
    },
    setTransport(next) {
      state = next;
      for (const l of transport) l(state);
    },
  };
  return client;
}

/** An app store on a fake client whose settings.set merges the patch into the settings it holds, as main does. */
export function storeWithSettings(): { s: ReturnType<typeof createAppStore>; client: FakeClient } {
  let settings: Settings = defaultSettings();
  const client = createFakeClient({
    'settings.set': (patch: Partial<Preferences>) => {
      settings = { ...settings, preferences: { ...settings.preferences, ...patch } };
      return settings;
    },
  });
  const s = createAppStore(client);
  s.setState({ settings });
  return { s, client };
}

/** Lets pending promise chains settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}
