// The soak's command line and its fault plan: reproducible from the seed, every kind within one round.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src-main/demo-gateway/index';
import { createFaultPlan, FAULT_KINDS } from './fault-plan';
import { parseSoakArgs } from './options';

describe('soak options', () => {
  it('defaults to faults every 5–60 s, 500 symbols and a 15 s recovery limit', () => {
    expect(parseSoakArgs(['--minutes', '60', '--seed', '42'])).toMatchObject({
      minutes: 60,
      seed: 42,
      faultEveryS: [5, 60],
      symbols: 500,
      recoveryLimitMs: 15_000,
    });
  });

  it('takes a short fault interval for the CI run and refuses nonsense', () => {
    expect(parseSoakArgs(['--minutes=2', '--fault-every', '2-6']).faultEveryS).toEqual([2, 6]);
    expect(() => parseSoakArgs(['--fault-every', '6-2'])).toThrow(/MIN-MAX/);
    expect(() => parseSoakArgs(['--minutes', 'x'])).toThrow(/--minutes needs a number/);
    expect(() => parseSoakArgs(['--bogus'])).toThrow(/unknown argument/);
  });
});

describe('soak fault plan', () => {
  it('is the same sequence for the same seed and shows every kind in each round', () => {
    const labels = (seed: number) => {
      const plan = createFaultPlan(new Prng(seed));
      return Array.from({ length: FAULT_KINDS.length * 2 }, () => plan.next());
    };
    const a = labels(9);
    expect(a.map((f) => f.label)).toEqual(labels(9).map((f) => f.label));
    expect(a.map((f) => f.label)).not.toEqual(labels(10).map((f) => f.label));
    expect(new Set(a.slice(0, FAULT_KINDS.length).map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
    for (const f of a) expect(f.durationMs).toBeGreaterThanOrEqual(0);
  });
});
