// One instrument's quote for a busy view, conflated: the row shows a new quote at once after a quiet spell and at
// most once per interval while it ticks faster (the latest one at the interval's end). The store still takes
// every batch; only the row's repaints are spaced, so a screen of fast rows spreads over frames instead of all
// repainting in each one.
import { useEffect, useState } from 'react';
import { createConflator } from './conflate';
import type { QuoteView } from './quotes-slice';
import { useAppStoreApi } from './use-app-store';

export function useConflatedQuote(conId: number, intervalMs: number): QuoteView | undefined {
  const store = useAppStoreApi();
  const [quote, setQuote] = useState<QuoteView | undefined>(() => store.getState().quotes[conId]);
  useEffect(() => {
    const conflator = createConflator<QuoteView | undefined>(intervalMs, (q) => setQuote(q));
    let current = store.getState().quotes[conId];
    conflator.push(current);
    const unsubscribe = store.subscribe((s) => {
      const next = s.quotes[conId];
      if (next === current) return;
      current = next;
      conflator.push(next);
    });
    return () => {
      unsubscribe();
      conflator.stop();
    };
  }, [store, conId, intervalMs]);
  return quote;
}
