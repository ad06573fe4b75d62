// The session: which profile is active and where it connects (the embedded demo gateway for Demo), the
// profile/connection requests, the order journal of the active profile, and the `connection` status every window
// shows.
import path from 'node:path';
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import { isLiveSession } from '../../src-shared/domain/connection';
import type { Profile } from '../../src-shared/domain/settings';
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { SettingsStore } from '../config/settings-store';
import type { Link, LinkStatus } from '../ib/connection';
import type { Orders } from './orders';
import { createOrderJournal } from './orders/journal';

/** Starts (once) the in-process demo gateway and tells where it listens. */
export type DemoEndpoint = () => Promise<{ host: string; port: number }>;

/** The Replay profile's gateway: started on a recording (services/replay.ts), stopped when another profile is used. */
export interface ReplayEndpoint {
  endpoint(file: string): Promise<{ host: string; port: number }>;
  stop(): Promise<void>;
}

export interface Session {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Connects the active profile (first start). */
  start(): Promise<ConnectionStatus>;
  /** Connects the active profile, with another client id when given; answers once the state settles. */
  connect(clientId?: number): Promise<ConnectionStatus>;
  disconnect(): ConnectionStatus;
  /** Skips the back-off countdown (or connects when disconnected); answers once the state settles. */
  reconnectNow(): Promise<ConnectionStatus>;
  /** Makes a profile active and connects to it. */
  selectProfile(id: string): Promise<ConnectionStatus>;
  stop(): Promise<void>;
}

export function toConnectionStatus(profile: Profile, link: LinkStatus): ConnectionStatus {
  // A replay is the demo gateway on a recording: simulated fills, never a live account.
  const demo = profile.kind === 'demo' || profile.kind === 'replay';
  const port = link.port || profile.port;
  return {
    state: link.state,
    profileId: profile.id,
    profileName: profile.name,
    source: profile.kind === 'replay' ? `${profile.id}:${profile.recording ?? ''}` : profile.id,
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

/** How long connect requests wait for the outcome before answering with the current state. */
const CONNECT_WAIT_MS = 12_000;

export function createSession(deps: {
  settings: SettingsStore;
  link: Link;
  orders: Orders;
  dataDir: string;
  demoEndpoint: DemoEndpoint;
  replay: ReplayEndpoint;
  clock: Clock;
  log: Logger;
}): Session {
  const { settings, link, orders, log, clock } = deps;
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const current = (): ConnectionStatus => toConnectionStatus(settings.activeProfile(), link.status());
  const unsubscribe = link.onStatus(() => {
    const s = current();
    for (const l of listeners) l(s);
  });
  let journalFor: string | null = null;

  /** Resolves once the state settles (ready, or a failure) or after a while. */
  function settle(): Promise<ConnectionStatus> {
    return new Promise((resolve) => {
      const done = () => {
        off();
        clock.clearTimeout(t);
        resolve(current());
      };
      const check = (s: LinkStatus) => {
        if (
          s.state === 'ready' ||
          s.state === 'disconnected' ||
          s.state === 'reconnecting' ||
          s.state === 'degraded'
        )
          done();
      };
      const off = link.onStatus(check);
      const t = clock.setTimeout(done, CONNECT_WAIT_MS);
      check(link.status());
    });
  }

  async function connectActive(clientId?: number): Promise<ConnectionStatus> {
    const profile = settings.activeProfile();
    if (journalFor !== profile.id) {
      await orders.open(createOrderJournal({ dir: path.join(deps.dataDir, 'journal'), name: profile.id }), {
        id: profile.id,
        readOnly: profile.readOnly,
        limits: profile.limits,
        demo: profile.kind !== 'tws' && profile.kind !== 'gateway',
      });
      journalFor = profile.id;
    }
    let host = profile.host;
    let port = profile.port;
    if (profile.kind !== 'replay') await deps.replay.stop();
    if (profile.kind === 'demo' || profile.kind === 'replay') {
      try {
        ({ host, port } = await (profile.kind === 'replay'
          ? deps.replay.endpoint(profile.recording ?? '')
          : deps.demoEndpoint()));
      } catch (err) {
        const what = profile.kind === 'replay' ? `The replay of ${profile.recording}` : 'The demo gateway';
        const reason = `${what} could not start: ${(err as Error).message}`;
        log.error(reason);
        link.disconnect(reason);
        return current();
      }
    }
    link.connect({ host, port, clientId: clientId ?? profile.clientId });
    return settle();
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
      link.disconnect('The app is closing');
    },
    connect: (clientId) => connectActive(clientId),
    disconnect() {
      link.disconnect('Disconnected by the user');
      return current();
    },
    async reconnectNow() {
      const s = link.status();
      if (s.state === 'reconnecting' || (s.state === 'disconnected' && s.port > 0)) {
        link.reconnectNow();
        return settle();
      }
      if (s.state === 'disconnected') return connectActive();
      return current();
    },
    async selectProfile(id) {
      const profile = await settings.selectProfile(id);
      log.info(`Switching to profile "${profile.name}"`);
      link.disconnect(`Switched to profile "${profile.name}"`);
      return connectActive();
    },
  };
}
