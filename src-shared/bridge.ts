// The one object the Electron preload exposes to the page (`window.ibdesk`): invoke a contract request, listen
// to a contract event. Nothing else crosses from Node into the page.
import type { AppErrorData } from './result';

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: AppErrorData };

export interface IbdeskBridge {
  invoke(method: string, params: unknown): Promise<BridgeResult>;
  /** Returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names: one for requests, one for event batches. */
export const IPC_INVOKE = 'ibdesk:invoke';
export const IPC_EVENTS = 'ibdesk:events';
