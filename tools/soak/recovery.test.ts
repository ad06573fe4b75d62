// Timing a recovery: from ready to every subscription ticking again; a link that drops again while waiting restarts
// the clock; a link that never comes back, or a subscription that never ticks, is recorded as such.
import { describe, expect, it } from 'vitest';
import { timeRecovery } from './recovery';

describe('timeRecovery', () => {
  it('times from ready until the last subscription ticks', async () => {
    const readyFrom = Date.now() + 150;
    const tickedFrom = readyFrom + 200;
    const rec = await timeRecovery(
      {
        isReady: () => Date.now() >= readyFrom,
        silentSince: () => (Date.now() >= tickedFrom ? [] : ['quote 1', 'chart c']),
        recoveryLimitMs: 1_000,
      },
      'drop all connections',
      Date.now(),
      Date.now(),
      500,
    );
    expect(rec.readyAt).toBeGreaterThanOrEqual(readyFrom);
    expect(rec.tickedWithinMs).toBeGreaterThanOrEqual(100);
    expect(rec.tickedWithinMs).toBeLessThan(1_000);
    expect(rec).toMatchObject({ fault: 'drop all connections', missing: [], allowanceMs: 500 });
    expect(rec.last).toEqual(['quote 1', 'chart c']);
  });

  it('starts over when the link goes down again while the subscriptions are awaited', async () => {
    const t0 = Date.now();
    // ready, down at +150 ms, ready again at +300 ms; everything ticks from +400 ms.
    const isReady = () => {
      const t = Date.now() - t0;
      return t < 150 || t >= 300;
    };
    const rec = await timeRecovery(
      { isReady, silentSince: () => (Date.now() - t0 >= 400 ? [] : ['quote 1']), recoveryLimitMs: 2_000 },
      'silent socket',
      t0,
      t0,
    );
    expect(rec.readyAt! - t0).toBeGreaterThanOrEqual(300);
    expect(rec.tickedWithinMs).not.toBeNull();
  });

  it('records a link that never came back, and subscriptions that never ticked', async () => {
    const gone = await timeRecovery(
      { isReady: () => false, silentSince: () => [], recoveryLimitMs: 0 },
      'restart',
      0,
      Date.now() - 120_000, // its 2 minutes are already over
    );
    expect(gone).toMatchObject({ readyAt: null, tickedWithinMs: null });
    const silent = await timeRecovery(
      // The wait is the limit + 15 s: 200 ms here.
      { isReady: () => true, silentSince: () => ['chart c'], recoveryLimitMs: -14_800 },
      'pacing',
      Date.now(),
      Date.now(),
    );
    expect(silent).toMatchObject({ tickedWithinMs: null, missing: ['chart c'] });
  });
});
