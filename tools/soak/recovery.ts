// Times one recovery: waits for the link to be ready after a fault, then for every subscription to deliver again,
// and starts over when the link drops again while it waits (a fault detected late). Gives up 2 min after the fault.
import type { Recovery } from './checks';
import { until } from './until';

export type RecoveryDeps = {
  isReady(): boolean;
  /** The subscriptions silent since a time (see ticks.ts). */
  silentSince(since: number): string[];
  /** Every subscription must tick again within this long after ready. */
  recoveryLimitMs: number;
};

export async function timeRecovery(
  deps: RecoveryDeps,
  label: string,
  at: number,
  faultEnd: number,
  allowanceMs?: number,
): Promise<Recovery> {
  const { isReady, silentSince } = deps;
  const rec: Recovery = {
    fault: label,
    at,
    readyAt: null,
    interrupted: false,
    tickedWithinMs: null,
    missing: [],
    ...(allowanceMs ? { allowanceMs } : {}),
  };
  const giveUp = faultEnd + 120_000;
  for (;;) {
    if (!(await until(() => isReady(), Math.max(0, giveUp - Date.now())))) {
      rec.readyAt = null;
      break;
    }
    const readyAt = Date.now();
    rec.readyAt = readyAt;
    let left = false;
    let waiting = silentSince(readyAt);
    const done = await until(() => {
      if (!isReady()) return (left = true);
      const still = silentSince(readyAt);
      if (still.length > 0) waiting = still;
      return still.length === 0;
    }, deps.recoveryLimitMs + 15_000);
    rec.last = waiting.slice(0, 3);
    if (left) continue; // it went down again while we waited (a late-detected fault): time the next recovery
    rec.missing = silentSince(readyAt);
    rec.tickedWithinMs = done && rec.missing.length === 0 ? Date.now() - readyAt : null;
    break;
  }
  return rec;
}
