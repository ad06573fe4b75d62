// Tells main which instruments a pane has on screen (its rows in view), so its quotes go first when one frame
// cannot carry every change (stores/quotes-slice.ts, focusQuotes); the pane's focus goes when it unmounts.
import { useEffect } from 'react';
import { useAppStoreApi } from './use-app-store';

export function useQuoteFocus(owner: string, conIds: readonly number[]): void {
  const store = useAppStoreApi();
  // The list is compared by value: a pane re-renders with a new array of the same rows on every scroll step.
  const key = conIds.join(',');
  useEffect(() => {
    store.getState().focusQuotes(owner, key === '' ? [] : key.split(',').map(Number));
  }, [store, owner, key]);
  useEffect(() => () => store.getState().focusQuotes(owner, []), [store, owner]);
}
