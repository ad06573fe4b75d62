// Connection slice: the TWS connection's status, the host transport, the gauges, and the user's actions on them.
import type { ConnectionStatus, Gauges } from '../../src-shared/domain/connection';
import type { AppErrorData } from '../../src-shared/result';
import type { TransportState } from '../api/client';
import type { Slice } from './app-store';

export type ConnectionSlice = {
  transport: TransportState;
  connection: ConnectionStatus | null;
  gauges: Gauges | null;
  serverInfo: { version: string; host: 'electron' | 'web' } | null;
  lastError: AppErrorData | null;
  connect(clientId?: number): Promise<void>;
  disconnect(): Promise<void>;
  reconnectNow(): Promise<void>;
  clearError(): void;
  /** A `gauges` event. */
  gaugesArrived(gauges: Gauges): void;
};

export const createConnectionSlice: Slice<ConnectionSlice> = (set, get) => {
  const run = async (
    p: Promise<{ ok: true; value: ConnectionStatus } | { ok: false; error: AppErrorData }>,
  ) => {
    const r = await p;
    if (r.ok) set({ connection: r.value });
    else set({ lastError: r.error });
  };
  return {
    transport: { connected: false, reason: null },
    connection: null,
    gauges: null,
    serverInfo: null,
    lastError: null,
    connect: (clientId) =>
      run(get().client.invoke('connection.connect', clientId === undefined ? {} : { clientId })),
    disconnect: () => run(get().client.invoke('connection.disconnect', {})),
    reconnectNow: () => run(get().client.invoke('connection.reconnectNow', {})),
    clearError: () => set({ lastError: null }),
    gaugesArrived: (gauges) => set({ gauges }),
  };
};
