// The soak's summary: the figures of one run (faults, recoveries and their times, orders and how each was checked,
// heap), built from what the run recorded, written to result.json and printed as a few lines.
import type { ModifyCall, PlaceCall, Recovery, Verdict } from './checks';
import type { SoakOptions } from './options';

export type SoakSummary = {
  seed: number;
  minutes: number;
  faultEveryS: [number, number];
  passed: boolean;
  violations: string[];
  faults: Record<string, number>;
  faultsInjected: number;
  /** Recoveries whose ticks were timed (one per fault, or only the end with --overlap). */
  recoveriesTimed: number;
  overlap: boolean;
  recoveries: number;
  maxRecoveryMs: number;
  maxTickAfterReadyMs: number;
  /** Time from ready to every subscription ticking again, over all recoveries: median, 95th percentile. */
  tickAfterReadyMs: { p50: number; p95: number; overLimit: number };
  orders: {
    placeCalls: number;
    placed: number;
    refusedWhileDown: number;
    otherRefusals: Record<string, number>;
    cancelsSent: number;
    cancelsRefused: number;
    modifiesSent: number;
    modifyRefusals: Record<string, number>;
    checked: number;
    swallowedBySilentGateway: number;
    executionsChecked: number;
    positionsChecked: number;
  };
  subscriptions: { symbols: number; scanners: number; charts: number };
  heapMb: { start: number; end: number; peak: number; growth: number; limit: number };
  out: string;
};

export const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** What a run recorded, for its summary. */
export type SoakRecord = {
  options: SoakOptions;
  out: string;
  violations: string[];
  verdict: Verdict | null;
  faults: Record<string, number>;
  faultsInjected: number;
  recoveries: number;
  recoveryLog: readonly Recovery[];
  maxRecoveryMs: number;
  placeCalls: readonly PlaceCall[];
  modifyCalls: readonly ModifyCall[];
  otherRefusals: Record<string, number>;
  modifyRefusals: Record<string, number>;
  cancels: { sent: number; refused: number };
  heapBytes: { start: number; end: number; peak: number };
};

export function buildSummary(r: SoakRecord): SoakSummary {
  const o = r.options;
  const { recoveryLog, placeCalls, verdict, violations } = r;
  const placed = placeCalls.filter((c) => c.outcome === 'placed');
  return {
    seed: o.seed,
    minutes: o.minutes,
    faultEveryS: o.faultEveryS,
    passed: violations.length === 0,
    violations,
    faults: r.faults,
    faultsInjected: r.faultsInjected,
    recoveriesTimed: recoveryLog.length,
    overlap: o.overlap,
    recoveries: r.recoveries,
    maxRecoveryMs: r.maxRecoveryMs,
    maxTickAfterReadyMs: Math.max(0, ...recoveryLog.map((x) => x.tickedWithinMs ?? 0)),
    tickAfterReadyMs: {
      ...percentiles(recoveryLog.map((x) => x.tickedWithinMs ?? Infinity)),
      overLimit: recoveryLog.filter(
        (x) => (x.tickedWithinMs ?? Infinity) > o.recoveryLimitMs + (x.allowanceMs ?? 0),
      ).length,
    },
    orders: {
      placeCalls: placeCalls.length,
      placed: placed.length,
      refusedWhileDown: placeCalls.filter((c) => c.outcome === 'refused').length,
      otherRefusals: r.otherRefusals,
      cancelsSent: r.cancels.sent,
      cancelsRefused: r.cancels.refused,
      modifiesSent: r.modifyCalls.filter((m) => m.outcome === 'sent').length,
      modifyRefusals: r.modifyRefusals,
      checked: verdict?.ordersChecked ?? 0,
      swallowedBySilentGateway: verdict?.ordersSwallowed ?? 0,
      executionsChecked: verdict?.executionsChecked ?? 0,
      positionsChecked: verdict?.positionsChecked ?? 0,
    },
    subscriptions: { symbols: o.symbols, scanners: 3, charts: 2 },
    heapMb: {
      start: mb(r.heapBytes.start),
      end: mb(r.heapBytes.end),
      peak: mb(r.heapBytes.peak),
      growth: mb(r.heapBytes.end - r.heapBytes.start),
      limit: o.maxHeapGrowthMb,
    },
    out: r.out,
  };
}

export function percentiles(list: number[]): { p50: number; p95: number } {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

export function formatSummary(s: SoakSummary): string {
  const faults = Object.entries(s.faults)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const refusals = Object.entries(s.orders.otherRefusals)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    '',
    `=== soak: ${s.passed ? 'PASSED' : 'FAILED'} (seed ${s.seed}, ${s.minutes} min, faults every ${s.faultEveryS[0]}–${s.faultEveryS[1]} s${s.overlap ? ', overlapping recoveries' : ''}) ===`,
    `faults injected: ${s.faultsInjected} (${faults || 'none'})`,
    `recoveries (link back to ready): ${s.recoveries}; slowest: every subscription ticking ${s.maxRecoveryMs} ms after the fault ended, ${s.maxTickAfterReadyMs} ms after ready`,
    `every subscription ticking again after ready: median ${s.tickAfterReadyMs.p50} ms, p95 ${s.tickAfterReadyMs.p95} ms, ${s.tickAfterReadyMs.overLimit} of ${s.recoveriesTimed} timed recoveries over the limit${s.overlap ? ' (faults overlapping recoveries: only the end of the storm is timed)' : ''}`,
    `subscriptions: ${s.subscriptions.symbols} symbols, ${s.subscriptions.scanners} scanners, ${s.subscriptions.charts} charts`,
    `orders: ${s.orders.placeCalls} place calls, ${s.orders.placed} placed, ${s.orders.refusedWhileDown} refused while not ready${refusals ? `, other refusals: ${refusals}` : ''}; ${s.orders.cancelsSent} cancels sent (${s.orders.cancelsRefused} refused); ${s.orders.modifiesSent} modifications sent${
      Object.keys(s.orders.modifyRefusals).length > 0
        ? ` (refused: ${Object.entries(s.orders.modifyRefusals)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : ''
    }`,
    `checked: ${s.orders.checked} orders exactly once (${s.orders.swallowedBySilentGateway} swallowed by the gateway and flagged), ${s.orders.executionsChecked} executions, ${s.orders.positionsChecked} positions`,
    `heap: start ${s.heapMb.start} MB, end ${s.heapMb.end} MB, peak ${s.heapMb.peak} MB, growth ${s.heapMb.growth} MB (limit ${s.heapMb.limit} MB)`,
    ...(s.violations.length > 0
      ? [`violations (${s.violations.length}):`, ...s.violations.slice(0, 50).map((v) => `  - ${v}`)]
      : ['violations: none']),
    `details: ${s.out}`,
    '',
  ];
  return lines.join('\n');
}
