// Ctrl/Cmd+K: find an instrument and show it in the active pane (and its link group); in a watchlist it is also
// added to the list.
import type { WatchItem } from '../../src-shared/domain/workspace';
import { paneDef } from '../panes/registry';
import { useAppStore, useAppStoreApi } from '../stores/use-app-store';
import { paneKind } from '../stores/workspace-doc';
import { ModalDialog } from '../ui/ModalDialog';
import { SymbolPicker } from '../ui/SymbolPicker';

export function SymbolSearchDialog() {
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.symbolSearchOpen);
  const setOpen = useAppStore((s) => s.setSymbolSearchOpen);

  function pick(item: WatchItem): void {
    const s = store.getState();
    const active = s.singlePane ?? s.dock?.activePaneId() ?? null;
    const target =
      active && paneDef(active)?.linkable
        ? active
        : (Object.keys(s.paneStates).find((id) => s.paneStates[id]?.link === 'red') ?? null);
    if (target) {
      s.setSymbol(target, item);
      if (paneKind(target) === 'watchlist') {
        const listId = (s.paneStates[target]?.config.listId as string | undefined) ?? s.watchlists?.[0]?.id;
        if (listId) s.addToWatchlist(listId, item);
      }
    }
    setOpen(false);
  }

  return (
    <ModalDialog open={open} title="Symbol search" onClose={() => setOpen(false)} className="dialog-search">
      <SymbolPicker
        label="Find symbol"
        placeholder="Type a symbol or a company name…"
        onPick={pick}
        autoFocus
      />
      <p className="hint-line">
        Enter picks the highlighted match; Esc closes. The symbol goes to the active pane and its link group.
      </p>
    </ModalDialog>
  );
}
