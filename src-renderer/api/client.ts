// The renderer's one client interface over the contract, whatever carries it (Electron preload or WebSocket).
// Components never call it directly: store actions do (STYLE.md rule 8).
import type { EventMap, EventName, Params, RequestName, ResultOf } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';

export type TransportState = { connected: boolean; reason: string | null };

export interface IbdeskClient {
  invoke<K extends RequestName>(method: K, params: Params<K>): Promise<Result<ResultOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** The transport itself (the web host's socket); Electron IPC is always connected. */
  onTransport(listener: (state: TransportState) => void): () => void;
  /**
   * Asks for a read now, before anyone needs it: the first identical `invoke` gets this answer (the web host's
   * socket, at start; see page-client.ts). Where there is nothing to gain (Electron IPC) it is absent.
   */
  prefetch?<K extends RequestName>(method: K, params: Params<K>): void;
  /** The address of a pane in a browser tab of its own (the web host; Electron opens windows through main). */
  paneTabUrl?(pane: string): string;
  close(): void;
}

/** Keeps listeners per event name; transports feed it. */
export class EventListeners {
  private readonly byEvent = new Map<string, Set<(payload: unknown) => void>>();

  add(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.byEvent.get(event);
    if (!set) this.byEvent.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: string, payload: unknown): void {
    const set = this.byEvent.get(event);
    if (!set) return;
    for (const l of set) {
      try {
        l(payload);
      } catch (err) {
        console.error(`listener for ${event} failed`, err);
      }
    }
  }
}
