// The connection state machine of ARCHITECTURE.md §4 as a pure reducer: (state, event, now, random) → (state,
// effects). `disconnected → connecting → handshaking → ready ⇄ degraded`, `→ reconnecting` on any loss, back-off
// forever unless retrying cannot help (326, unsupported version). The connection manager (index.ts) performs the
// effects.
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { backoffDelay } from './backoff';

export type Endpoint = { host: string; port: number; clientId: number };

export type LinkState = {
  state: ConnectionState;
  endpoint: Endpoint | null;
  serverVersion: number | null;
  accounts: string[];
  /** Handshake progress: `ready` needs the server version, nextValidId and the managed accounts. */
  gotNextValidId: boolean;
  reason: string | null;
  twsCode: number | null;
  nextRetryAt: number | null;
  /** Consecutive attempts since the last `ready` (0 once ready). */
  attempt: number;
  since: number;
  suggestedClientId: number | null;
  /** Has been ready at least once since the user asked to connect: the next `ready` is a reconnect. */
  wasReady: boolean;
};

export type LinkEvent =
  | { type: 'connect'; endpoint: Endpoint }
  | { type: 'disconnect'; reason: string }
  | { type: 'reconnectNow' }
  | { type: 'retryDue' }
  | { type: 'serverVersion'; version: number }
  | { type: 'nextValidId' }
  | { type: 'accounts'; accounts: string[] }
  /** The socket closed or cannot be used: TCP close, 502/504, heartbeat silence, handshake timeout. */
  | { type: 'lost'; reason: string; twsCode?: number }
  /** Retrying cannot help: 326 client id in use, 506 unsupported version. */
  | { type: 'fatal'; reason: string; twsCode: number; suggestedClientId?: number }
  /** TWS ↔ IB connectivity (1100 lost, 2110 broken, 1101 restored with data lost, 1102 restored). */
  | { type: 'farm'; code: 1100 | 1101 | 1102 | 2110; message: string };

export type LinkEffect =
  | { type: 'open'; endpoint: Endpoint }
  | { type: 'close' }
  | { type: 'scheduleRetry'; at: number }
  | { type: 'cancelRetry' }
  /** The session is usable: services send their requests (market data type first, then replay on a reconnect). */
  | { type: 'ready'; reconnect: boolean }
  /** 1101: TWS is back but dropped every market-data stream; replay them. */
  | { type: 'resubscribe' };

export function initialLinkState(now: number): LinkState {
  return {
    state: 'disconnected',
    endpoint: null,
    serverVersion: null,
    accounts: [],
    gotNextValidId: false,
    reason: null,
    twsCode: null,
    nextRetryAt: null,
    attempt: 0,
    since: now,
    suggestedClientId: null,
    wasReady: false,
  };
}

type Step = { state: LinkState; effects: LinkEffect[] };

function enter(s: LinkState, next: ConnectionState, now: number, patch: Partial<LinkState> = {}): LinkState {
  return { ...s, ...patch, state: next, since: next === s.state ? s.since : now };
}

function freshSession(_s: LinkState): Partial<LinkState> {
  return { serverVersion: null, accounts: [], gotNextValidId: false };
}

/** The pure transition function. Events that make no sense in a state are ignored (no effects). */
export function reduceLink(s: LinkState, e: LinkEvent, now: number, random: number): Step {
  const same: Step = { state: s, effects: [] };
  switch (e.type) {
    case 'connect':
      return {
        state: enter(s, 'connecting', now, {
          ...freshSession(s),
          endpoint: e.endpoint,
          attempt: 1,
          reason: null,
          twsCode: null,
          nextRetryAt: null,
          suggestedClientId: null,
          wasReady: false,
        }),
        effects: [{ type: 'cancelRetry' }, { type: 'close' }, { type: 'open', endpoint: e.endpoint }],
      };

    case 'disconnect':
      return {
        state: enter(s, 'disconnected', now, {
          ...freshSession(s),
          reason: e.reason,
          twsCode: null,
          nextRetryAt: null,
          attempt: 0,
          wasReady: false,
        }),
        effects: [{ type: 'cancelRetry' }, { type: 'close' }],
      };

    case 'reconnectNow':
    case 'retryDue': {
      const canRetry =
        s.endpoint !== null &&
        (s.state === 'reconnecting' || (e.type === 'reconnectNow' && s.state === 'disconnected'));
      if (!canRetry || !s.endpoint) return same;
      return {
        state: enter(s, 'connecting', now, {
          ...freshSession(s),
          nextRetryAt: null,
          attempt: s.state === 'disconnected' ? 1 : s.attempt + 1,
          suggestedClientId: null,
        }),
        effects: [{ type: 'cancelRetry' }, { type: 'close' }, { type: 'open', endpoint: s.endpoint }],
      };
    }

    case 'serverVersion':
      if (s.state !== 'connecting') return same;
      return { state: enter(s, 'handshaking', now, { serverVersion: e.version }), effects: [] };

    case 'nextValidId':
    case 'accounts': {
      if (s.state !== 'handshaking' && s.state !== 'connecting') {
        // TWS may resend managed accounts later; keep the list fresh.
        return e.type === 'accounts' && (s.state === 'ready' || s.state === 'degraded')
          ? { state: { ...s, accounts: e.accounts }, effects: [] }
          : same;
      }
      const patched: LinkState =
        e.type === 'accounts' ? { ...s, accounts: e.accounts } : { ...s, gotNextValidId: true };
      if (patched.state === 'handshaking' && patched.gotNextValidId && patched.accounts.length > 0) {
        return {
          state: enter(patched, 'ready', now, {
            reason: null,
            twsCode: null,
            attempt: 0,
            nextRetryAt: null,
            wasReady: true,
          }),
          effects: [{ type: 'ready', reconnect: s.wasReady }],
        };
      }
      return { state: patched, effects: [] };
    }

    case 'lost': {
      if (s.state === 'disconnected' || s.state === 'reconnecting' || !s.endpoint) return same;
      const attempt = Math.max(1, s.attempt);
      const at = now + backoffDelay(attempt, random);
      return {
        state: enter(s, 'reconnecting', now, {
          ...freshSession(s),
          reason: e.reason,
          twsCode: e.twsCode ?? null,
          nextRetryAt: at,
          attempt,
        }),
        effects: [{ type: 'close' }, { type: 'scheduleRetry', at }],
      };
    }

    case 'fatal':
      if (s.state === 'disconnected') return same;
      return {
        state: enter(s, 'disconnected', now, {
          ...freshSession(s),
          reason: e.reason,
          twsCode: e.twsCode,
          nextRetryAt: null,
          suggestedClientId: e.suggestedClientId ?? null,
          wasReady: false,
        }),
        effects: [{ type: 'cancelRetry' }, { type: 'close' }],
      };

    case 'farm': {
      if (e.code === 1100 || e.code === 2110) {
        if (s.state !== 'ready') return same;
        return { state: enter(s, 'degraded', now, { reason: e.message, twsCode: e.code }), effects: [] };
      }
      if (s.state !== 'degraded') {
        // 1101 while ready still means TWS dropped our streams: replay them.
        return e.code === 1101 && s.state === 'ready'
          ? { state: s, effects: [{ type: 'resubscribe' }] }
          : same;
      }
      return {
        state: enter(s, 'ready', now, { reason: e.message, twsCode: e.code }),
        effects: e.code === 1101 ? [{ type: 'resubscribe' }] : [],
      };
    }
  }
}
