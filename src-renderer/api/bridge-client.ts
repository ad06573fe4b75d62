// Electron transport: the preload's `window.ibdesk` bridge, typed by the contract.
import type { IbdeskBridge } from '../../src-shared/bridge';
import type { Result } from '../../src-shared/result';
import type { IbdeskClient } from './client';

export function createBridgeClient(bridge: IbdeskBridge): IbdeskClient {
  return {
    invoke: (method, params) => bridge.invoke(method, params) as Promise<Result<never>>,
    on: (event, listener) => bridge.on(event, listener as (p: unknown) => void),
    onTransport(listener) {
      listener({ connected: true, reason: null });
      return () => undefined;
    },
    close: () => undefined,
  };
}
