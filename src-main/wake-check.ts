// After a sleep, a screen unlock or a network change, check the TWS connection now instead of waiting for the
// back-off timer (up to 30 s) or the heartbeat (10 s of silence). Host-independent: the Electron shell feeds it
// powerMonitor's resume/unlock-screen; the network watch below polls interfaces, `online`, and notices the clock
// jumping forward (the machine slept) on any host.
import type { NetworkInterfaceInfo } from 'node:os';
import type { ConnectionState, ConnectionStatus } from '../src-shared/domain/connection';
import type { Clock, Timer } from '../src-shared/clock';
import type { Logger } from '../src-shared/logger';

export type WakeReason = 'resume' | 'unlock' | 'online' | 'network-change' | 'clock-jump';
export type WakeAction = 'reconnect-now' | 'probe' | 'none';

/**
 * reconnecting → skip the back-off and try now; ready/degraded → make sure the socket is still alive (after a sleep
 * it may be half-open); connecting/handshaking → already trying; disconnected → the user's choice or a stop that
 * must not be retried (326), so leave it.
 */
export function wakeAction(state: ConnectionState): WakeAction {
  switch (state) {
    case 'reconnecting':
      return 'reconnect-now';
    case 'ready':
    case 'degraded':
      return 'probe';
    default:
      return 'none';
  }
}

export interface WakeCheck {
  trigger(reason: WakeReason): WakeAction;
}

export function createWakeCheck(deps: {
  clock: Clock;
  status: () => ConnectionStatus;
  /** The session's "reconnect now" (skips the back-off countdown). */
  reconnectNow: () => Promise<unknown> | void;
  /**
   * A liveness poke for a session that looks ready (e.g. an immediate heartbeat). Optional: when the connection
   * layer offers none, its own heartbeat notices a dead socket within its silence limit.
   */
  probe?: (() => void) | undefined;
  log: Logger;
  /** resume, unlock and online often arrive together: act once per window. */
  debounceMs?: number;
}): WakeCheck {
  const debounce = deps.debounceMs ?? 3000;
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    trigger(reason) {
      const now = deps.clock.now();
      if (now - lastAt < debounce) return 'none';
      const action = wakeAction(deps.status().state);
      if (action === 'none') return action;
      lastAt = now;
      if (action === 'reconnect-now') {
        deps.log.info(`${reason}: reconnecting now instead of waiting for the back-off`);
        void Promise.resolve(deps.reconnectNow()).catch((err: unknown) =>
          deps.log.warn(
            `Reconnect after ${reason} failed: ${err instanceof Error ? err.message : String(err)}`,
          ),
        );
      } else if (deps.probe) {
        deps.log.info(`${reason}: checking that the TWS connection is still alive`);
        deps.probe();
      } else {
        deps.log.debug(`${reason}: the connection's heartbeat will confirm the session`);
      }
      return action;
    },
  };
}

/** The machine's external addresses, sorted: a new value means the network changed (Wi-Fi, VPN, cable). */
export function networkSignature(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  const addresses: string[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const i of infos ?? []) if (!i.internal) addresses.push(`${name}:${i.address}`);
  }
  return addresses.sort().join(',');
}

export function createNetworkWatch(deps: {
  clock: Clock;
  signature: () => string;
  isOnline?: (() => boolean) | undefined;
  onChange: (reason: Extract<WakeReason, 'online' | 'network-change' | 'clock-jump'>) => void;
  intervalMs?: number;
}): { start(): void; stop(): void } {
  const every = deps.intervalMs ?? 5000;
  let timer: Timer | null = null;
  let lastTick = 0;
  let lastSig = '';
  let lastOnline = true;
  const tick = (): void => {
    const now = deps.clock.now();
    const slept = now - lastTick > every * 3;
    lastTick = now;
    const sig = deps.signature();
    const online = deps.isOnline ? deps.isOnline() : true;
    const changed = sig !== lastSig;
    const cameOnline = online && !lastOnline;
    lastSig = sig;
    lastOnline = online;
    if (!online) return;
    if (cameOnline) deps.onChange('online');
    else if (changed) deps.onChange('network-change');
    else if (slept) deps.onChange('clock-jump');
  };
  return {
    start() {
      if (timer !== null) return;
      lastTick = deps.clock.now();
      lastSig = deps.signature();
      lastOnline = deps.isOnline ? deps.isOnline() : true;
      timer = deps.clock.setInterval(tick, every);
    },
    stop() {
      if (timer !== null) deps.clock.clearInterval(timer);
      timer = null;
    },
  };
}
