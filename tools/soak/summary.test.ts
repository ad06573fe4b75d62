// The soak's summary: counts and percentiles from what the run recorded, and the lines it prints.
import { describe, expect, it } from 'vitest';
import { parseSoakArgs } from './options';
import { buildSummary, formatSummary, percentiles, type SoakRecord } from './summary';

const record = (over: Partial<SoakRecord> = {}): SoakRecord => ({
  options: parseSoakArgs(['--minutes', '2', '--seed', '8']),
  out: '/tmp/soak',
  violations: [],
  verdict: {
    violations: [],
    recoveriesChecked: 2,
    ordersChecked: 3,
    ordersSwallowed: 1,
    executionsChecked: 2,
    positionsChecked: 1,
  },
  faults: { drop: 2, silent: 0, restart: 1 },
  faultsInjected: 3,
  recoveries: 2,
  recoveryLog: [
    { fault: 'drop', at: 0, readyAt: 1, interrupted: true, tickedWithinMs: 1_000, missing: [] },
    { fault: 'drop', at: 0, readyAt: 1, interrupted: true, tickedWithinMs: 16_000, missing: [] },
    {
      fault: 'pacing',
      at: 0,
      readyAt: 1,
      interrupted: false,
      tickedWithinMs: 20_000,
      missing: [],
      allowanceMs: 15_000,
    },
  ],
  maxRecoveryMs: 21_000,
  placeCalls: [
    { at: 0, ready: true, outcome: 'placed', orderIds: [1] },
    { at: 0, ready: false, outcome: 'refused', orderIds: [] },
  ],
  modifyCalls: [
    { orderId: 1, outcome: 'sent' },
    { orderId: 1, outcome: 'not-sent' },
  ],
  otherRefusals: { VALIDATION: 1 },
  modifyRefusals: { NOT_CONNECTED: 1 },
  cancels: { sent: 4, refused: 1 },
  heapBytes: { start: 10 * 1048576, end: 12.5 * 1048576, peak: 20 * 1048576 },
  ...over,
});

describe('percentiles', () => {
  it('takes the median and the 95th percentile of the sorted list (0 for none)', () => {
    expect(percentiles([5, 1, 3, 2, 4])).toEqual({ p50: 3, p95: 5 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0 });
  });
});

describe('buildSummary', () => {
  it('counts what was recorded; a recovery over the limit counts only past its allowance', () => {
    const s = buildSummary(record());
    expect(s.passed).toBe(true);
    expect(s.tickAfterReadyMs).toEqual({ p50: 16_000, p95: 20_000, overLimit: 1 });
    expect(s.maxTickAfterReadyMs).toBe(20_000);
    expect(s.orders).toMatchObject({
      placeCalls: 2,
      placed: 1,
      refusedWhileDown: 1,
      modifiesSent: 1,
      cancelsSent: 4,
    });
    expect(s.heapMb).toEqual({ start: 10, end: 12.5, peak: 20, growth: 2.5, limit: 64 });
  });

  it('fails on any violation', () => {
    expect(buildSummary(record({ violations: ['order 7 reached the gateway twice'] })).passed).toBe(false);
  });
});

describe('formatSummary', () => {
  it('prints the verdict, the faults that happened, the orders and the violations', () => {
    const text = formatSummary(buildSummary(record({ violations: ['order 7 reached the gateway twice'] })));
    expect(text).toContain('=== soak: FAILED (seed 8, 2 min, faults every 5–60 s) ===');
    expect(text).toContain('faults injected: 3 (drop 2, restart 1)');
    expect(text).toContain('other refusals: VALIDATION 1');
    expect(text).toContain('(refused: NOT_CONNECTED 1)');
    expect(text).toContain('violations (1):\n  - order 7 reached the gateway twice');
    expect(formatSummary(buildSummary(record()))).toContain('violations: none');
  });
});
