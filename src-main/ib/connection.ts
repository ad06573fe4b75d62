// The TWS socket: connect with a fixed client id, `ready` once the server version, nextValidId and the managed
// accounts have arrived (ARCHITECTURE.md §4), and a status every window can show.
// This first version connects and disconnects; reconnection, heartbeat and pacing arrive with issue #5.
import { EventName, IBApi } from '@stoqey/ib';
import type { ConnectionState } from '../../src-shared/domain/connection';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';

export type LinkStatus = {
  state: ConnectionState;
  host: string;
  port: number;
  clientId: number;
  serverVersion: number | null;
  accounts: string[];
  reason: string | null;
  twsCode: number | null;
  nextRetryAt: number | null;
  attempt: number;
  since: number;
  suggestedClientId: number | null;
};

export type Endpoint = { host: string; port: number; clientId: number };

export interface Connection {
  status(): LinkStatus;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Opens the socket; resolves when the session is ready or has failed. */
  connect(endpoint: Endpoint): Promise<LinkStatus>;
  disconnect(reason: string): Promise<LinkStatus>;
  /** The live API object while a socket is open (services attach their listeners to it). */
  api(): IBApi | null;
}

const CONNECT_TIMEOUT_MS = 10_000;

export function createConnection(deps: { clock: Clock; log: Logger }): Connection {
  const { clock, log } = deps;
  const listeners = new Set<(s: LinkStatus) => void>();
  let ib: IBApi | null = null;
  let status: LinkStatus = {
    state: 'disconnected',
    host: '',
    port: 0,
    clientId: 0,
    serverVersion: null,
    accounts: [],
    reason: null,
    twsCode: null,
    nextRetryAt: null,
    attempt: 0,
    since: clock.now(),
    suggestedClientId: null,
  };

  function update(patch: Partial<LinkStatus>): void {
    const changedState = patch.state !== undefined && patch.state !== status.state;
    status = { ...status, ...patch, ...(changedState ? { since: clock.now() } : {}) };
    for (const l of listeners) l(status);
  }

  function teardown(): void {
    const old = ib;
    ib = null;
    if (!old) return;
    old.removeAllListeners();
    // A late socket error after teardown must not become an unhandled 'error' event.
    old.on(EventName.error, () => undefined);
    try {
      old.disconnect();
    } catch {
      // already closed
    }
  }

  return {
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    api: () => ib,

    connect(endpoint) {
      teardown();
      const api = new IBApi({ host: endpoint.host, port: endpoint.port, maxReqPerSec: 40 });
      ib = api;
      update({
        state: 'connecting',
        ...endpoint,
        serverVersion: null,
        accounts: [],
        reason: null,
        twsCode: null,
        attempt: status.attempt + 1,
      });
      log.info(`Connecting to ${endpoint.host}:${endpoint.port} as client ${endpoint.clientId}`);

      return new Promise<LinkStatus>((resolve) => {
        let nextValidId = false;
        let settled = false;
        const settle = (): void => {
          if (settled) return;
          settled = true;
          clock.clearTimeout(timeout);
          resolve(status);
        };
        const fail = (reason: string, twsCode: number | null): void => {
          if (ib !== api) return;
          teardown();
          update({ state: 'disconnected', reason, twsCode });
          log.warn(reason, twsCode !== null ? { twsCode } : {});
          settle();
        };
        const maybeReady = (): void => {
          if (ib === api && nextValidId && status.accounts.length > 0 && status.state === 'handshaking') {
            update({ state: 'ready', reason: null, twsCode: null, attempt: 0 });
            log.info(
              `Connected: server version ${status.serverVersion}, accounts ${status.accounts.join(', ')}`,
            );
            settle();
          }
        };
        const timeout = clock.setTimeout(
          () => fail(`${endpoint.host}:${endpoint.port} did not complete the API handshake in time`, null),
          CONNECT_TIMEOUT_MS,
        );

        api.on(EventName.server, (version: number) => {
          if (ib === api) update({ state: 'handshaking', serverVersion: version });
        });
        api.on(EventName.nextValidId, () => {
          nextValidId = true;
          maybeReady();
        });
        api.on(EventName.managedAccounts, (csv: string) => {
          if (ib !== api) return;
          update({
            accounts: csv
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
          });
          maybeReady();
        });
        api.on(EventName.disconnected, () => {
          if (ib !== api) return;
          fail(
            status.state === 'ready'
              ? 'TWS closed the connection'
              : `Could not connect to ${endpoint.host}:${endpoint.port}`,
            null,
          );
        });
        api.on(EventName.error, (err: Error, code: number) => {
          if (ib !== api) return;
          if (code === 502) {
            fail(
              `Could not connect to TWS on ${endpoint.host}:${endpoint.port}: nothing is listening there, or the API is not enabled in TWS (Configure → API → Settings → Enable ActiveX and Socket Clients).`,
              502,
            );
          } else {
            log.warn(err.message, { twsCode: code });
          }
        });
        api.on(EventName.info, (message: string, code: number) => {
          if (ib !== api) return;
          if (code === 326) {
            fail(
              `Client id ${endpoint.clientId} is already in use in TWS. Try client id ${endpoint.clientId + 1}.`,
              326,
            );
            update({ suggestedClientId: endpoint.clientId + 1 });
            return;
          }
          log.info(message, { twsCode: code });
        });
        try {
          api.connect(endpoint.clientId);
        } catch (err) {
          fail(`Could not connect: ${(err as Error).message}`, null);
        }
      });
    },

    async disconnect(reason) {
      teardown();
      update({ state: 'disconnected', reason, twsCode: null, nextRetryAt: null });
      return status;
    },
  };
}
