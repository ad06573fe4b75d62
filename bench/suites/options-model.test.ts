import { describe, expect, it, vi } from 'vitest';
import { suites } from './index';

describe('options-model bench suite', () => {
  it('is registered and reports options per CPU second against the 10,000/s budget', async () => {
    vi.stubEnv('BENCH_OPTIONS_ROUND_MS', '20');
    const run = suites['options-model'];
    expect(run).toBeDefined();
    const figures = await run!({});
    expect(figures.map((f) => f.id)).toEqual([
      'options-model.quotes',
      'options-model.greeks',
      'options-model.iv',
    ]);
    for (const f of figures) {
      expect(f.budget).toBe('>= 10000');
      expect(Number.isFinite(f.value) && f.value > 0).toBe(true);
      expect(f.baseline).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo(f.value / f.baseline!, 9);
      expect(f.ok).toBe(f.value >= 10_000);
    }
  });
});
