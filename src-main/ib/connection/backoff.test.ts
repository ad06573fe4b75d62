import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((a) => backoffDelay(a, 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('jitters by ±20 % and never goes above the cap', () => {
    expect(backoffDelay(1, 0)).toBe(800);
    expect(backoffDelay(1, 0.999999)).toBe(1200);
    expect(backoffDelay(3, 0)).toBe(3200);
    for (let r = 0; r < 1; r += 0.1) expect(backoffDelay(12, r)).toBeLessThanOrEqual(30000);
    expect(backoffDelay(12, 0)).toBe(24000);
  });
});
