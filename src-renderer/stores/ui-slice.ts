// UI slice: which dialogs are open, the dock's controls (registered by the dock once it is ready), and the
// commands the native menu sends (`command` events) carried out through them.
import type { UiCommand } from '../../src-shared/contract';
import type { Slice } from './app-store';

/** What the dock lets the rest of the window do. */
type DockControls = {
  openPane(kind: string): void;
  activePaneId(): string | null;
};

export type UiSlice = {
  profilesOpen: boolean;
  symbolSearchOpen: boolean;
  aboutOpen: boolean;
  dock: DockControls | null;
  /** Set in a torn-off window (`?pane=<id>`): the only pane it shows. */
  singlePane: string | null;
  setSinglePane(paneId: string | null): void;
  /** Opens a pane in its own window: Electron through main, the web host as a new tab. */
  tearOff(paneId: string): void;
  setDock(dock: DockControls | null): void;
  setProfilesOpen(open: boolean): void;
  setSymbolSearchOpen(open: boolean): void;
  setAboutOpen(open: boolean): void;
  openPane(kind: string): void;
  runCommand(cmd: UiCommand): void;
};

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  profilesOpen: false,
  symbolSearchOpen: false,
  aboutOpen: false,
  dock: null,
  singlePane: null,
  setSinglePane: (singlePane) => set({ singlePane }),
  tearOff(paneId) {
    if (get().serverInfo?.host === 'electron') {
      void get()
        .client.invoke('windows.open', { pane: paneId })
        .then((r) => {
          if (!r.ok) set({ lastError: r.error });
        });
      return;
    }
    const fallback = new URL(window.location.href);
    fallback.searchParams.set('pane', paneId);
    window.open(get().client.paneTabUrl?.(paneId) ?? fallback.toString(), '_blank', 'noopener');
  },
  setDock: (dock) => set({ dock }),
  setProfilesOpen: (profilesOpen) => set({ profilesOpen }),
  setSymbolSearchOpen: (symbolSearchOpen) => set({ symbolSearchOpen }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  openPane: (kind) => get().dock?.openPane(kind),
  runCommand(cmd) {
    switch (cmd.type) {
      case 'openPane':
        get().openPane(cmd.pane);
        return;
      case 'showProfiles':
        set({ profilesOpen: true });
        return;
      case 'symbolSearch':
        set({ symbolSearchOpen: true });
        return;
      case 'resetLayout':
        void get().resetLayout();
        return;
      case 'setTheme':
        void get().setPreferences({ theme: cmd.theme });
        return;
      case 'about':
        set({ aboutOpen: true });
        return;
      case 'hotkeys':
        get().setHotkeysOpen(true);
        return;
    }
  },
});
