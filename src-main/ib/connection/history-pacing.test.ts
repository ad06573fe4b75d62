import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../tests/support/manual-clock';
import { createHistoryQueue, earliestStart, HISTORY_RULES, type HistoryStamp } from './history-pacing';

const m = HISTORY_RULES.marginMs;

describe('earliestStart', () => {
  const req = { signature: 'A|1 D|5 mins', contractKey: 'A' };

  it('starts now when no rule applies', () => {
    expect(earliestStart([], 0, req, 1000)).toBe(1000);
  });

  it('waits 15 s after an identical request', () => {
    const past: HistoryStamp[] = [{ at: 1000, signature: req.signature, contractKey: 'A' }];
    expect(earliestStart(past, 0, req, 2000)).toBe(16_000 + m);
  });

  it('allows 5 requests per contract in 2 s, then waits', () => {
    const past = [0, 100, 200, 300, 400].map((at, i) => ({ at, signature: `A${i}`, contractKey: 'A' }));
    expect(earliestStart(past, 0, req, 500)).toBe(2000 + m);
    expect(earliestStart(past, 0, { signature: 'B', contractKey: 'B' }, 500)).toBe(500);
  });

  it('allows 60 requests in 10 minutes', () => {
    const past = Array.from({ length: 60 }, (_, i) => ({
      at: i * 1000,
      signature: `s${i}`,
      contractKey: `c${i}`,
    }));
    expect(earliestStart(past, 0, { signature: 'x', contractKey: 'y' }, 60_000)).toBe(600_000 + m);
  });

  it('waits for a completion past 50 open requests', () => {
    expect(earliestStart([], 50, req, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('createHistoryQueue', () => {
  it('queues what breaks a rule, gives an ETA, and sends it when allowed', () => {
    const clock = createManualClock(0);
    const q = createHistoryQueue({ clock });
    const started: number[] = [];
    q.setEnabled(true);
    for (let i = 0; i < 3; i++)
      q.submit({ signature: 'same', contractKey: 'A', start: (done) => (started.push(clock.now()), done()) });
    expect(started).toEqual([0]);
    expect(q.stats().queued).toBe(2);
    expect(q.stats().etaMs).toBe(2 * (15_000 + m));
    clock.advance(40_000);
    expect(started).toEqual([0, 15_000 + m, 30_000 + 2 * m]);
    expect(q.stats()).toEqual({ open: 0, queued: 0, etaMs: null });
  });

  it('never has more than 50 open and never more than 60 in 10 minutes', () => {
    const clock = createManualClock(0);
    const q = createHistoryQueue({ clock });
    q.setEnabled(true);
    const open: (() => void)[] = [];
    const starts: number[] = [];
    for (let i = 0; i < 130; i++)
      q.submit({
        signature: `s${i}`,
        contractKey: `c${i}`,
        start: (done) => (starts.push(clock.now()), open.push(done)),
      });
    expect(starts).toHaveLength(50);
    expect(q.stats().open).toBe(50);
    open.splice(0).forEach((d) => d());
    expect(starts).toHaveLength(60);
    open.splice(0).forEach((d) => d());
    clock.advance(599_000);
    expect(starts).toHaveLength(60);
    clock.advance(2_000);
    expect(starts).toHaveLength(110);
    for (let i = 0; i < starts.length; i++) {
      const inWindow = starts.filter((t) => t >= starts[i]! && t < starts[i]! + 600_000).length;
      expect(inWindow).toBeLessThanOrEqual(60);
    }
  });

  it('holds everything while disabled', () => {
    const clock = createManualClock(0);
    const q = createHistoryQueue({ clock });
    let n = 0;
    q.submit({ signature: 'a', contractKey: 'a', start: (d) => (n++, d()) });
    expect(n).toBe(0);
    q.setEnabled(true);
    expect(n).toBe(1);
  });
});
