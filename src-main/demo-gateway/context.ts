// What the request handlers share: the model, the books, the clock, the live sessions and the fault switches.
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { Universe } from './model/universe';
import type { Market } from './model/market';
import type { HistoryEngine } from './model/history';
import type { OrderEngine } from './orders/matching';
import type { Ledger } from './accounts/ledger';
import type { ResolvedOptions } from './gateway-options';
import type { Session } from './connections/session';
import type { OptionInstruments } from './options/option-instruments';

export interface GatewayContext {
  readonly clock: Clock;
  readonly log: Logger;
  readonly universe: Universe;
  readonly market: Market;
  readonly history: HistoryEngine;
  readonly engine: OrderEngine;
  readonly ledger: Ledger;
  readonly options: ResolvedOptions;
  /** The listed options (chains, quotes and greeks through `.model`) and their instruments. */
  readonly optionInstruments: OptionInstruments;
  /** Sessions past START_API. */
  sessions(): Iterable<Session>;
  /** Starts the gateway's single timer if it is idle. */
  wake(): void;
  /** Units of USD per unit of `currency` at time t (FX instruments quote in JPY, GBP …). */
  usdRate(currency: string, t: number): number;
  /** True while a simulated TWS↔IB outage (1100) is in progress: no market data flows. */
  dataPaused(): boolean;
  /** Fault: consumes one forced historical pacing violation, if armed. */
  takePacingFault(): boolean;
  /** Marks the state file dirty (debounced save). */
  stateChanged(): void;
}
