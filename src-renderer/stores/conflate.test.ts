import { describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { quote } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';
import { createConflator } from './conflate';
import { applyQuoteBatch } from './quotes-slice';
import { conflatedQuote } from './use-conflated-quote';

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

/** A conflator with a 50 ms interval on fake timers, and what it has shown. */
function conflator50() {
  const t = fakeTimers();
  const shown: number[] = [];
  const c = createConflator<number>(50, (v) => shown.push(v), t);
  return { t, shown, c };
}

describe('createConflator', () => {
  it('shows a change after a quiet interval at once', () => {
    const { t, shown, c } = conflator50();
    c.push(1);
    expect(shown).toEqual([1]);
    t.advance(60);
    c.push(2);
    expect(shown).toEqual([1, 2]);
  });

  it('within the interval keeps only the latest value and shows it when the interval ends', () => {
    const { t, shown, c } = conflator50();
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

  it('pushNow shows a value at once inside the interval, drops what waited, and starts the interval again', () => {
    const { t, shown, c } = conflator50();
    c.push(1);
    t.advance(10);
    c.push(2);
    c.pushNow(3);
    expect(shown).toEqual([1, 3]);
    t.advance(50);
    expect(shown).toEqual([1, 3]);
    c.push(4);
    expect(shown).toEqual([1, 3, 4]);
  });

  it('shows nothing after stop', () => {
    const { t, shown, c } = conflator50();
    c.push(1);
    c.push(2);
    c.stop();
    expect(t.pending()).toBe(false);
    t.advance(100);
    expect(shown).toEqual([1]);
  });
});

describe('conflatedQuote', () => {
  it('follows one instrument in the store, at most once per interval, ending on the latest quote', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore(createFakeClient());
      const push = (conId: number, last: number) =>
        store.setState((s) => ({ quotes: applyQuoteBatch(s.quotes, [quote(conId, { last })]) }));
      push(1, 10);
      const source = conflatedQuote(store, 1, 50);
      let changes = 0;
      const off = source.subscribe(() => changes++);
      expect(source.getSnapshot()?.last).toBe(10);
      vi.advanceTimersByTime(100);
      push(1, 11);
      expect([changes, source.getSnapshot()?.last]).toEqual([1, 11]);
      push(1, 12);
      push(2, 99); // another instrument: not this row's business
      push(1, 13);
      expect([changes, source.getSnapshot()?.last]).toEqual([1, 11]);
      vi.advanceTimersByTime(50);
      expect([changes, source.getSnapshot()?.last]).toEqual([2, 13]);
      off();
      push(1, 14);
      vi.advanceTimersByTime(100);
      expect([changes, source.getSnapshot()?.last]).toEqual([2, 13]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a line’s first ticked quote at once, even right after its empty quote', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore(createFakeClient());
      const source = conflatedQuote(store, 1, 100);
      let changes = 0;
      const off = source.subscribe(() => changes++);
      // The subscribe answer: an empty quote (no tick yet), shown at once.
      store.setState((s) => ({ quotes: applyQuoteBatch(s.quotes, [quote(1, { updatedAt: null })]) }));
      expect(changes).toBe(1);
      vi.advanceTimersByTime(5);
      // Its first ticks 5 ms later: not held to the end of the interval.
      store.setState((s) => ({
        quotes: applyQuoteBatch(s.quotes, [quote(1, { bid: 2.9, ask: 3, updatedAt: 1000 })]),
      }));
      expect([changes, source.getSnapshot()?.ask]).toEqual([2, 3]);
      // Ticks after that are spaced again.
      store.setState((s) => ({
        quotes: applyQuoteBatch(s.quotes, [quote(1, { ask: 3.1, updatedAt: 1005 })]),
      }));
      expect([changes, source.getSnapshot()?.ask]).toEqual([2, 3]);
      vi.advanceTimersByTime(100);
      expect([changes, source.getSnapshot()?.ask]).toEqual([3, 3.1]);
      off();
    } finally {
      vi.useRealTimers();
    }
  });
});
