// Which rows of a long list are in view (plus a small overscan), for a table inside a scroller the caller renders.
// The caller owns the scroller and calls this hook itself: its ref is attached before the caller's layout effects
// run, so the first paint already measures the scroller and shows the rows in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Rows [from, to) are rendered; spacers of padTop/padBottom px keep the list's scroll height. */
export type RowsInView = { from: number; to: number; padTop: number; padBottom: number };

export function useRowsInView(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  opts: { rowHeight: number; overscan: number },
): RowsInView {
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => opts.rowHeight,
    overscan: opts.overscan,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    from: first?.index ?? 0,
    to: last ? last.index + 1 : 0,
    padTop: first?.start ?? 0,
    padBottom: virtualizer.getTotalSize() - (last?.end ?? 0),
  };
}
