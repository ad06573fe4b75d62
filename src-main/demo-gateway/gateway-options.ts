// Options of createDemoGateway, their defaults and their limits (a bad option is an error at start, not later).
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import { MAX_SUPPORTED_SERVER_VERSION, MIN_SUPPORTED_SERVER_VERSION } from './wire/server-versions';
import type { ReplayOptions } from './replay/replay-types';

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
  /** Distinct market depth requests, and distinct tick-by-tick requests, the account may hold at once: 3 with TWS's
   *  standard market data lines (more with quote booster packs). Past it: 309 for depth, 10190 for tick-by-tick. */
  depthLines?: number;
  /** Stamp every market-data batch with a private tickString (type 9901, "seq;epochMs") for latency benchmarks:
   *  each beat, per session, the first line that sent ticks, and every option line that did (a chain's cells). */
  benchStamps?: boolean;
  /** Replay a recording instead of the live model: its streams are served at its own clock (replay/README). */
  replay?: ReplayOptions;
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
  depthLines: number;
  benchStamps: boolean;
  replay: ReplayOptions | undefined;
}

/** Private tick type of bench stamps: tickString(9901, "<seq>;<epoch ms>"). Never sent unless enabled. */
export const BENCH_STAMP_TICK = 9901;

/** The text of bench stamp number `seq`: "<seq>;<epoch ms now, to the microsecond>". */
export function benchStampText(seq: number): string {
  return `${seq};${(performance.timeOrigin + performance.now()).toFixed(3)}`;
}

export function resolveOptions(o: DemoGatewayOptions): ResolvedOptions {
  const maxServerVersion = o.maxServerVersion ?? MAX_SUPPORTED_SERVER_VERSION;
  if (
    !Number.isInteger(maxServerVersion) ||
    maxServerVersion < MIN_SUPPORTED_SERVER_VERSION ||
    maxServerVersion > MAX_SUPPORTED_SERVER_VERSION
  ) {
    throw new Error(
      `maxServerVersion must be ${MIN_SUPPORTED_SERVER_VERSION}…${MAX_SUPPORTED_SERVER_VERSION}, got ${maxServerVersion}`,
    );
  }
  const accounts = o.accounts && o.accounts.length > 0 ? o.accounts : ['DU1234567'];
  for (const a of accounts) if (!/^[A-Za-z0-9]+$/.test(a)) throw new Error(`invalid account id "${a}"`);
  const tickRate = o.tickRate ?? 4;
  if (!(tickRate > 0 && tickRate <= 100)) throw new Error(`tickRate must be in (0, 100], got ${tickRate}`);
  const depthLines = o.depthLines ?? 3;
  if (!Number.isInteger(depthLines) || depthLines < 1 || depthLines > 100) {
    throw new Error(`depthLines must be an integer from 1 to 100, got ${depthLines}`);
  }
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    seed: o.seed ?? 1,
    maxServerVersion,
    accounts,
    startingCash: o.startingCash ?? 1_000_000,
    statePath: o.statePath,
    tickRate,
    realHours: o.realHours ?? false,
    liveData: o.liveData ?? true,
    historicalPacing: o.historicalPacing ?? 'small-bars',
    maxRequestsPerSecond: o.maxRequestsPerSecond ?? 50,
    scannerRefreshMs: o.scannerRefreshMs ?? 10_000,
    depthLines,
    benchStamps: o.benchStamps ?? false,
    replay: o.replay,
  };
}
