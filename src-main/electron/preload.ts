// The preload: exposes `window.ibdesk` (invoke a contract request, listen to a contract event) and nothing else.
// No ipcRenderer, no Node, no channel names from the page: names are checked against the contract's lists.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENTS, IPC_INVOKE, type BridgeResult, type IbdeskBridge } from '../../src-shared/bridge';
import { EVENT_NAMES, REQUEST_NAMES } from '../../src-shared/contract-names';

const requestNames: ReadonlySet<string> = new Set(REQUEST_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENTS, (_event, batch: unknown) => {
  if (!Array.isArray(batch)) return;
  for (const item of batch as { event?: unknown; payload?: unknown }[]) {
    const set = typeof item?.event === 'string' ? listeners.get(item.event) : undefined;
    if (!set) continue;
    for (const l of set) {
      try {
        l(item.payload);
      } catch (err) {
        console.error(`ibdesk listener for ${String(item.event)} failed`, err);
      }
    }
  }
});

export const bridge: IbdeskBridge = {
  invoke(method, params) {
    if (typeof method !== 'string' || !requestNames.has(method)) {
      const result: BridgeResult = {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `Unknown request "${String(method).slice(0, 80)}"` },
      };
      return Promise.resolve(result);
    }
    return ipcRenderer.invoke(IPC_INVOKE, method, params) as Promise<BridgeResult>;
  },
  on(event, listener) {
    if (typeof event !== 'string' || !eventNames.has(event))
      throw new Error(`Unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('ibdesk', bridge);
