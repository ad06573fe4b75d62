// The connection's state as every window sees it, and the gauges of the limits the connection layer enforces.
import { z } from 'zod';

export const ConnectionStates = [
  'disconnected',
  'connecting',
  'handshaking',
  'ready',
  'degraded',
  'reconnecting',
] as const;
export const ConnectionState = z.enum(ConnectionStates);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ConnectionStatus = z.object({
  state: ConnectionState,
  profileId: z.string(),
  profileName: z.string(),
  /**
   * Where the data comes from: the profile, and for a replay the recording it plays. When it changes, bars and
   * headlines held from before are another source's (a reconnect of the same source keeps them).
   */
  source: z.string(),
  /** True for the embedded demo gateway. */
  demo: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  clientId: z.number().int(),
  readOnly: z.boolean(),
  /** Live money: a live port (7496/4001) or an account id that does not start with "D". */
  live: z.boolean(),
  serverVersion: z.number().int().nullable(),
  accounts: z.array(z.string()),
  /** Why the state is what it is, in plain words (with the TWS code when there is one). */
  reason: z.string().nullable(),
  twsCode: z.number().int().nullable(),
  /** Epoch ms of the next reconnect attempt while `reconnecting`. */
  nextRetryAt: z.number().nullable(),
  attempt: z.number().int(),
  /** Epoch ms the state was entered. */
  since: z.number(),
  /** After error 326 (client id in use): the next id to try. */
  suggestedClientId: z.number().int().nullable(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const Gauges = z.object({
  lines: z.object({ used: z.number().int(), budget: z.number().int() }),
  scannerSlots: z.object({ used: z.number().int(), max: z.number().int() }),
  history: z.object({ open: z.number().int(), queued: z.number().int(), etaMs: z.number().nullable() }),
  messagesPerSec: z.number(),
});
export type Gauges = z.infer<typeof Gauges>;

/** Ports TWS and IB Gateway use for live accounts by default. */
export const LIVE_PORTS: readonly number[] = [7496, 4001];

/** A session is live when its port is a live default or any account is not a paper ("D…") account. */
export function isLiveSession(port: number, accounts: readonly string[]): boolean {
  return LIVE_PORTS.includes(port) || accounts.some((a) => !a.startsWith('D'));
}
