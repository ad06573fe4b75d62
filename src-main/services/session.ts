// The session: which profile is active and where it connects (the embedded demo gateway for Demo), the
// profile/connection requests, and the `connection` status every window shows.
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { isLiveSession } from '../../src-shared/domain/connection';
import type { Profile } from '../../src-shared/domain/settings';
import type { Logger } from '../core/logger';
import type { SettingsStore } from '../config/settings-store';
import type { HandlerMap } from '../hub/dispatcher';
import type { Connection, LinkStatus } from '../ib/connection';

/** Starts (once) the in-process demo gateway and tells where it listens. */
export type DemoEndpoint = () => Promise<{ host: string; port: number }>;

export interface Session {
  handlers: HandlerMap;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Connects the active profile (first start). */
  start(): Promise<ConnectionStatus>;
  stop(): Promise<void>;
}

export function toConnectionStatus(profile: Profile, link: LinkStatus): ConnectionStatus {
  const demo = profile.kind === 'demo';
  const port = link.port || profile.port;
  return {
    state: link.state,
    profileId: profile.id,
    profileName: profile.name,
    demo,
    host: link.host || profile.host,
    port,
    clientId: link.clientId || profile.clientId,
    readOnly: profile.readOnly,
    live: !demo && isLiveSession(profile.port, link.accounts),
    serverVersion: link.serverVersion,
    accounts: link.accounts,
    reason: link.reason,
    twsCode: link.twsCode,
    nextRetryAt: link.nextRetryAt,
    attempt: link.attempt,
    since: link.since,
    suggestedClientId: link.suggestedClientId,
  };
}

export function createSession(deps: {
  settings: SettingsStore;
  connection: Connection;
  demoEndpoint: DemoEndpoint;
  log: Logger;
}): Session {
  const { settings, connection, log } = deps;
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const current = (): ConnectionStatus => toConnectionStatus(settings.activeProfile(), connection.status());
  const unsubscribe = connection.onStatus(() => {
    const s = current();
    for (const l of listeners) l(s);
  });

  async function connectActive(clientId?: number): Promise<ConnectionStatus> {
    const profile = settings.activeProfile();
    let host = profile.host;
    let port = profile.port;
    if (profile.kind === 'demo') {
      try {
        ({ host, port } = await deps.demoEndpoint());
      } catch (err) {
        const reason = `The demo gateway could not start: ${(err as Error).message}`;
        log.error(reason);
        await connection.disconnect(reason);
        return current();
      }
    }
    await connection.connect({ host, port, clientId: clientId ?? profile.clientId });
    return current();
  }

  return {
    status: current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => connectActive(),
    async stop() {
      unsubscribe();
      await connection.disconnect('The app is closing');
    },
    handlers: {
      'profiles.list': () => ({
        profiles: settings.get().profiles,
        activeId: settings.get().activeProfileId,
      }),
      'profiles.save': (input) => settings.saveProfile(input),
      'profiles.delete': async ({ id }) => {
        await settings.deleteProfile(id);
        return null;
      },
      'profiles.select': async ({ id }) => {
        const profile = await settings.selectProfile(id);
        log.info(`Switching to profile "${profile.name}"`);
        await connection.disconnect(`Switched to profile "${profile.name}"`);
        return connectActive();
      },
      'connection.status': () => current(),
      'connection.connect': ({ clientId }) => connectActive(clientId),
      'connection.disconnect': async () => {
        await connection.disconnect('Disconnected by the user');
        return current();
      },
      'connection.reconnectNow': () => connectActive(),
    },
  };
}
