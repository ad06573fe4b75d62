// Options of createDemoGateway and their defaults.
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';

export interface DemoGatewayOptions {
  /** Interface to listen on; default 127.0.0.1 (binding elsewhere is the caller's explicit choice). */
  host?: string;
  /** TCP port; default 0 (any free port, see `gateway.port`). */
  port?: number;
  /** Seed of the market model; same seed and clock give the same market. Default 1. */
  seed?: number;
  /** Highest server version to negotiate (157…193, default 193). */
  maxServerVersion?: number;
  /** Managed accounts; default ['DU1234567']. */
  accounts?: string[];
  /** Starting cash per account (USD), default 1,000,000 as in IB paper accounts. */
  startingCash?: number;
  /** Keep account state (cash, positions, orders, executions) in this JSON file across restarts. */
  statePath?: string;
  /** Level-1 updates per second per instrument (default 4, roughly TWS's rate for stocks). */
  tickRate?: number;
  /** Trade only in US market hours (default: around the clock, see model/sessions.ts). */
  realHours?: boolean;
  /** Whether the demo account has live market-data permissions (default true). Without them, live requests get
   *  error 354 and delayed requests get 10167 plus delayed ticks, as for a paper account without subscriptions. */
  liveData?: boolean;
  /** Which historical requests TWS's pacing rules apply to: 'small-bars' (≤ 30 secs, as TWS), 'all', 'off'. */
  historicalPacing?: 'small-bars' | 'all' | 'off';
  /** Client messages per second before TWS disconnects (50); 0 disables the check. */
  maxRequestsPerSecond?: number;
  /** How often scanner subscriptions refresh (ms, default 10 000). */
  scannerRefreshMs?: number;
  /** Stamp every market-data batch with a private tickString (type 9901, "seq;epochMs") for latency benchmarks. */
  benchStamps?: boolean;
  log?: Logger;
  clock?: Clock;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  seed: number;
  maxServerVersion: number;
  accounts: string[];
  startingCash: number;
  statePath: string | undefined;
  tickRate: number;
  realHours: boolean;
  liveData: boolean;
  historicalPacing: 'small-bars' | 'all' | 'off';
  maxRequestsPerSecond: number;
  scannerRefreshMs: number;
  benchStamps: boolean;
}

/** Private tick type of bench stamps: tickString(9901, "<seq>;<epoch ms>"). Never sent unless enabled. */
export const BENCH_STAMP_TICK = 9901;
