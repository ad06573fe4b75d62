// Pure view helpers for the shell: labels of states, badges and countdowns.
import type { ConnectionState, ConnectionStatus } from '../../src-shared/domain/connection';

const STATE_LABELS: Record<ConnectionState, string> = {
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  handshaking: 'Handshaking…',
  ready: 'Connected',
  degraded: 'Degraded',
  reconnecting: 'Reconnecting',
};

export function stateLabel(state: ConnectionState): string {
  return STATE_LABELS[state];
}

/** DEMO, PAPER or LIVE: what money is at stake. */
export function accountBadge(status: Pick<ConnectionStatus, 'demo' | 'live'>): 'DEMO' | 'PAPER' | 'LIVE' {
  if (status.demo) return 'DEMO';
  return status.live ? 'LIVE' : 'PAPER';
}

/** "in 4 s" until an epoch-ms instant, never negative. */
export function countdown(until: number | null, now: number): string | null {
  if (until === null) return null;
  const s = Math.max(0, Math.ceil((until - now) / 1000));
  return `retry in ${s} s`;
}

export function formatTime(ms: number): string {
  const d = new Date(ms);
  return d.toLocaleTimeString(undefined, { hour12: false });
}
