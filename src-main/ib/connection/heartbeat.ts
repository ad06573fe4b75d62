// The heartbeat (ARCHITECTURE.md §4): while a session is up, reqCurrentTime goes out every few seconds, and a
// socket that has delivered nothing at all for `silenceMs` is declared dead even when TCP still looks open (a
// half-open socket, a stuck TWS). Inbound traffic is stamped once per socket read, not once per message.
import type { Clock, Timer } from '../../../src-shared/clock';

export interface Heartbeat {
  /** The session is ready: silence is measured from now, and pings start. */
  start(): void;
  stop(): void;
  /** A socket read arrived: stamps the time once for all the messages decoded from it. */
  received(): void;
  /** Something arrived outside a read's messages (the handshake, a current-time answer): stamp it now. */
  touch(): void;
  /** When TWS last sent anything. */
  lastInbound(): number;
}

export function createHeartbeat(deps: {
  clock: Clock;
  timing: { heartbeatEveryMs: number; silenceMs: number };
  /** Whether the session is still up (ready or degraded): a beat after it ended does nothing. */
  alive(): boolean;
  /** Sends reqCurrentTime. */
  ping(): void;
  /** TWS has been silent for `silentMs`: the connection is dead. */
  dead(silentMs: number): void;
}): Heartbeat {
  const { clock, timing } = deps;
  let timer: Timer | null = null;
  let lastInbound = 0;
  let lastPing = 0;
  // One clock read per socket read: a read's messages are decoded in one go, and the mark is cleared once they
  // are (a microtask), so the next read stamps again.
  let stamped = false;
  const unstamp = (): void => {
    stamped = false;
  };

  function beat(): void {
    if (!deps.alive()) return;
    const now = clock.now();
    if (now - lastInbound >= timing.silenceMs) {
      deps.dead(now - lastInbound);
      return;
    }
    if (now - lastPing >= timing.heartbeatEveryMs) {
      lastPing = now;
      deps.ping();
    }
  }

  return {
    start() {
      if (timer !== null) clock.clearInterval(timer);
      lastInbound = clock.now();
      lastPing = clock.now();
      timer = clock.setInterval(beat, 1000);
    },
    stop() {
      if (timer !== null) clock.clearInterval(timer);
      timer = null;
    },
    received() {
      if (stamped) return;
      stamped = true;
      lastInbound = clock.now();
      queueMicrotask(unstamp);
    },
    touch() {
      lastInbound = clock.now();
    },
    lastInbound: () => lastInbound,
  };
}
