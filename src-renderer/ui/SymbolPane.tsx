// A pane about one symbol (the order ticket, the ladder): a symbol picker in its toolbar, the pane's symbol from its
// link group, and what to do before one is picked. Callers key their body by conId, so a new symbol starts it afresh.
import type { ReactNode } from 'react';
import type { WatchItem } from '../../src-shared/domain/workspace';
import { symbolOf } from '../stores/panes-slice';
import { useAppStore } from '../stores/use-app-store';
import { usePaneId } from './pane-context';
import { PaneToolbar } from './PaneTools';
import { SymbolPicker } from './SymbolPicker';

export function SymbolPane({
  label,
  className,
  banner,
  body,
  shown,
  onPick,
}: {
  /** The picker's name, e.g. "Ticket symbol". */
  label: string;
  className: string;
  /** Shown above the body whatever the symbol (the live-account warning). */
  banner?: ReactNode;
  body: (symbol: WatchItem) => ReactNode;
  /** Shown instead of the pane's symbol while set (the option a chain handed to the ticket). */
  shown?: WatchItem | null;
  /** Runs before a symbol picked in the toolbar becomes the pane's. */
  onPick?: () => void;
}) {
  const paneId = usePaneId();
  const symbol = useAppStore((s) => shown ?? symbolOf(s, paneId));
  const setSymbol = useAppStore((s) => s.setSymbol);
  return (
    <div className={`pane-body ${className}`}>
      <PaneToolbar label={label}>
        <SymbolPicker
          label={label}
          placeholder="Symbol…"
          onPick={(item) => {
            onPick?.();
            setSymbol(paneId, item);
          }}
        />
      </PaneToolbar>
      {banner}
      {symbol ? (
        body(symbol)
      ) : (
        <p className="empty">
          Pick a symbol: search above, click a scanner or watchlist row, or press Ctrl+K.
        </p>
      )}
    </div>
  );
}
