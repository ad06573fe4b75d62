// The optional state file (--state FILE): cash, positions, orders and executions survive a gateway restart.
// Saves are debounced and atomic (temp file, fsync, rename).
import { readJson, writeJsonAtomic } from '../config/json-file';
import type { Logger } from '../../src-shared/logger';
import type { Clock, Timer } from '../../src-shared/clock';
import type { LedgerSnapshot } from './accounts/ledger';
import type { EngineSnapshot } from './orders/matching';

export interface GatewayState {
  format: 1;
  savedAt: number;
  ledger: LedgerSnapshot;
  engine: EngineSnapshot;
}

export async function loadState(path: string, log: Logger): Promise<GatewayState | undefined> {
  const r = await readJson(path);
  if (r.kind === 'missing') return undefined;
  if (r.kind === 'corrupt') {
    log.warn(
      `state file ${path} is unreadable (${r.reason}); starting fresh, the old file is kept as ${r.backupPath}`,
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

export class StateSaver {
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
      .then(() => writeJsonAtomic(this.path, data))
      .catch((err: unknown) =>
        this.log.error(`saving state to ${this.path} failed: ${(err as Error).message}`),
      );
    await this.pending;
  }
}
