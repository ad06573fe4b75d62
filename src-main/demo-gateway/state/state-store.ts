// The optional state file (--state FILE): cash, positions, orders and executions survive a gateway restart.
// Saves are debounced and atomic (temp file, fsync, rename).
import type { Logger } from '../../../src-shared/logger';
import type { Clock, Timer } from '../../../src-shared/clock';
import type { Ledger, LedgerSnapshot } from '../accounts/ledger';
import type { EngineSnapshot, OrderEngine } from '../orders/matching';
import type { Instrument } from '../model/instrument';
import { readJsonFile, writeJsonFile } from './json-file';

interface GatewayState {
  format: 1;
  savedAt: number;
  ledger: LedgerSnapshot;
  engine: EngineSnapshot;
}

async function loadState(path: string, log: Logger): Promise<GatewayState | undefined> {
  const r = await readJsonFile(path);
  if (r.kind === 'missing') return undefined;
  if (r.kind === 'corrupt') {
    log.warn(
      `state file ${path} is unreadable (${r.reason}); starting fresh, the old file is kept as ${r.keptAs}`,
    );
    return undefined;
  }
  const v = r.value as Partial<GatewayState> | null;
  if (!v || v.format !== 1 || !v.ledger || !v.engine) {
    log.warn(`state file ${path} has an unknown format; starting fresh`);
    return undefined;
  }
  return v as GatewayState;
}

class StateSaver {
  private timer: Timer | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly snapshot: () => GatewayState,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  changed(): void {
    if (this.timer) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, 500);
  }

  async saveNow(): Promise<void> {
    if (this.timer) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    const data = this.snapshot();
    this.pending = this.pending
      .then(() => writeJsonFile(this.path, data))
      .catch((err: unknown) =>
        this.log.error(`saving state to ${this.path} failed: ${(err as Error).message}`),
      );
    await this.pending;
  }
}

/** The books the state file holds, and how to find an instrument again by its conId. */
export interface PersistedBooks {
  ledger: Pick<Ledger, 'snapshot' | 'restore'>;
  engine: Pick<OrderEngine, 'snapshot' | 'restore'>;
  byConId(conId: number): Instrument | undefined;
}

/** Restores the books from `path` (when it holds a readable state) and returns the saver that keeps it current. */
export async function openStateFile(
  path: string,
  books: PersistedBooks,
  clock: Clock,
  log: Logger,
): Promise<StateSaver> {
  const state = await loadState(path, log);
  if (state) {
    books.ledger.restore(state.ledger, books.byConId);
    books.engine.restore(state.engine, books.byConId);
    log.info(`restored state from ${path}`);
  }
  const snapshot = (): GatewayState => ({
    format: 1,
    savedAt: clock.now(),
    ledger: books.ledger.snapshot(),
    engine: books.engine.snapshot(),
  });
  return new StateSaver(path, snapshot, clock, log);
}
