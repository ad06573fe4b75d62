import { describe, expect, it } from 'vitest';
import { createConflator } from './conflate';

function fakeTimers() {
  let now = 0;
  let next: { at: number; fn: () => void } | null = null;
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => (next = { at: now + ms, fn }),
    clearTimeout: () => (next = null),
    advance(ms: number) {
      now += ms;
      if (next && next.at <= now) {
        const { fn } = next;
        next = null;
        fn();
      }
    },
    pending: () => next !== null,
  };
}

describe('createConflator', () => {
  it('shows a change after a quiet interval at once', () => {
    const t = fakeTimers();
    const shown: number[] = [];
    const c = createConflator<number>(50, (v) => shown.push(v), t);
    c.push(1);
    expect(shown).toEqual([1]);
    t.advance(60);
    c.push(2);
    expect(shown).toEqual([1, 2]);
  });

  it('within the interval keeps only the latest value and shows it when the interval ends', () => {
    const t = fakeTimers();
    const shown: number[] = [];
    const c = createConflator<number>(50, (v) => shown.push(v), t);
    c.push(1);
    t.advance(10);
    c.push(2);
    c.push(3);
    expect(shown).toEqual([1]);
    t.advance(39);
    expect(shown).toEqual([1]);
    t.advance(1);
    expect(shown).toEqual([1, 3]);
    // The next change inside the following interval waits again.
    c.push(4);
    expect(shown).toEqual([1, 3]);
    t.advance(50);
    expect(shown).toEqual([1, 3, 4]);
  });

  it('shows nothing after stop', () => {
    const t = fakeTimers();
    const shown: number[] = [];
    const c = createConflator<number>(50, (v) => shown.push(v), t);
    c.push(1);
    c.push(2);
    c.stop();
    expect(t.pending()).toBe(false);
    t.advance(100);
    expect(shown).toEqual([1]);
  });
});
