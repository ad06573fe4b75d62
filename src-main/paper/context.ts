// What the paper suite's scenarios share while they run: the driver, where it connected, and the state one scenario
// leaves for the next (the resolved instruments, subscriptions kept open for the reconnect, the suite's orders).
import type { Instrument } from '../../src-shared/domain/instrument';
import type { PortfolioSnapshot } from '../../src-shared/domain/portfolio';
import type { PaperDriver, PaperTarget } from './driver';
import type { Scenario } from './suite';

export type PaperState = {
  serverVersion: number | null;
  accounts: string[];
  endpoint: string | null;
  stock: Instrument | null;
  etf: Instrument | null;
  future: Instrument | null;
  fx: Instrument | null;
  /** Quote lines the suite holds (released at the end). */
  quoteConIds: number[];
  /** The scan left running for the reconnect scenario. */
  scanId: string | null;
  /** The live-bars subscription left running for the reconnect scenario. */
  barsSubId: string | null;
  /** Suite orders that may still be working: cancelled at the end whatever happened. */
  openOrderIds: Set<number>;
  /** Shares of the stock the suite bought minus those it sold (0 when it cleaned up after itself). */
  netShares: number;
  before: PortfolioSnapshot | null;
  after: PortfolioSnapshot | null;
  /** What the market-hours gate decided, for the report's header. */
  market: string | null;
  files: string[];
};

export type PaperCtx = {
  driver: PaperDriver;
  target: PaperTarget;
  iKnowThisIsPaper: boolean;
  /** The clock of the market-hours gate (tests move it outside trading hours). */
  now: () => number;
  outDir: string;
  state: PaperState;
};

export function initialState(): PaperState {
  return {
    serverVersion: null,
    accounts: [],
    endpoint: null,
    stock: null,
    etf: null,
    future: null,
    fx: null,
    quoteConIds: [],
    scanId: null,
    barsSubId: null,
    openOrderIds: new Set(),
    netShares: 0,
    before: null,
    after: null,
    market: null,
    files: [],
  };
}

/** The instruments: a stock, an ETF, the front month of a future and an FX pair, all widely listed. */

export const INSTRUMENTS = {
  stock: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  etf: { symbol: 'SPY', secType: 'STK', exchange: 'SMART', currency: 'USD' },
  future: { symbol: 'ES', secType: 'FUT', exchange: 'CME', currency: 'USD' },
  fx: { symbol: 'EUR', secType: 'CASH', exchange: 'IDEALPRO', currency: 'USD' },
  /** Quoted with a one-off snapshot only (no streaming line of its own). */
  snapshot: { symbol: 'MSFT', secType: 'STK', exchange: 'SMART', currency: 'USD' },
} as const;

/** One of this suite's scenarios: its id, title and prerequisites, and what it does with the shared context. */
export function paperScenario(
  spec: Omit<Scenario<PaperCtx>, 'run'>,
  run: Scenario<PaperCtx>['run'],
): Scenario<PaperCtx> {
  return { ...spec, run };
}
