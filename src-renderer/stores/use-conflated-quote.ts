// One instrument's quote for a busy view, conflated: the row shows a new quote at once after a quiet spell and at
// most once per interval while it ticks faster (the latest one at the interval's end). The store still takes
// every batch; only the row's repaints are spaced, so a screen of fast rows spreads over frames instead of all
// repainting in each one. The view writes the quote to the DOM itself (useLiveQuote), in the store's update: a
// quote shown at once is painted in the same frame as with a plain selector, and no tick makes React reconcile a
// row. The first quote with data after one without (a line just asked for answers with an empty quote, its first
// ticks follow within milliseconds) is shown at once too: the interval spaces repaints of a ticking row, it must
// not hold back the row's first prices and greeks.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { AppStore } from './app-store';
import { createConflator } from './conflate';
import type { QuoteView } from './quotes-slice';
import { useAppStoreApi } from './use-app-store';

/** The conflated quote of one instrument as an external store (exported for tests). */
export function conflatedQuote(store: AppStore, conId: number, intervalMs: number) {
  let shown = store.getState().quotes[conId];
  return {
    getSnapshot: (): QuoteView | undefined => shown,
    subscribe(onChange: () => void): () => void {
      let current = store.getState().quotes[conId];
      const conflator = createConflator<QuoteView | undefined>(intervalMs, (q) => {
        shown = q;
        onChange();
      });
      if (current !== shown) conflator.push(current);
      const unsubscribe = store.subscribe((s) => {
        const next = s.quotes[conId];
        if (next === current) return;
        current = next;
        if (hasNoTick(shown) && !hasNoTick(next)) conflator.pushNow(next);
        else conflator.push(next);
      });
      return () => {
        unsubscribe();
        conflator.stop();
      };
    },
  };
}

/** No tick has reached this quote yet (none, or the empty quote a new line starts with). */
const hasNoTick = (q: QuoteView | undefined): boolean => q === undefined || q.updatedAt === null;

/** What useLiveQuote gives its view. */
export type LiveQuote = {
  /** The quote to render with (the element's first content; a re-render always shows the latest). */
  quote: QuoteView | undefined;
  /** The quote the view shows now: the last one handed to `write`, or the one rendered. */
  shown(): QuoteView | undefined;
  /** Runs the latest `write` again with the quote shown (a clock that changes what the same quote looks like). */
  rewrite(): void;
};

/**
 * The conflated quote of one instrument written to the DOM by the caller, not rendered: `write` runs with each quote
 * the conflator lets through (after the commit that rendered the element it writes to) and the component does not
 * re-render; a re-render (the parent's, or the caller's own when `write` finds the shape changed) renders the
 * latest. For cells that tick many times a second in a screen of them: React reconciling every cell of every
 * ticking row was most of a beat's script. `shown` and `rewrite` stay the same functions while `conId` does.
 */
export function useLiveQuote(
  conId: number,
  intervalMs: number,
  write: (q: QuoteView | undefined) => void,
): LiveQuote {
  const store = useAppStoreApi();
  const source = useMemo(() => conflatedQuote(store, conId, intervalMs), [store, conId, intervalMs]);
  const latest = useRef(write);
  useLayoutEffect(() => {
    latest.current = write;
  });
  const rewrite = useMemo(() => () => latest.current(source.getSnapshot()), [source]);
  useLayoutEffect(() => source.subscribe(rewrite), [source, rewrite]);
  return { quote: source.getSnapshot(), shown: source.getSnapshot, rewrite };
}
