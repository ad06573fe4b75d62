// Holds the quote lines of a list of instruments while a component shows them. When the list changes the new
// list is held before the old one is released, so instruments in both keep their line (no unsubscribe/subscribe
// churn against TWS's pacing when one row is added to a long watchlist).
import { useEffect, useRef } from 'react';
import type { WatchItem } from '../../src-shared/domain/workspace';
import { useAppStoreApi } from './use-app-store';

export function useHeldQuotes(items: readonly WatchItem[]): void {
  const store = useAppStoreApi();
  const held = useRef<(() => void) | null>(null);
  useEffect(() => {
    const release = items.length > 0 ? store.getState().acquireQuotes(items) : null;
    held.current?.();
    held.current = release;
  }, [store, items]);
  useEffect(
    () => () => {
      held.current?.();
      held.current = null;
    },
    [],
  );
}
