// The window: toolbar (with the Actions menu), live-money banner, notices, the dock of panes (or one torn-off
// pane), the status bar, the dialogs (profiles, Ctrl/Cmd+K symbol search, hotkeys, about) and the window's one
// keymap: every key press goes to the store's pressKey (the app's own keys and the profile's hotkeys).
import { useCallback, useEffect, useState } from 'react';
import { canAskForNotifications } from '../api/fill-notifier';
import { ActionsMenu, HotkeyEditor, HotkeyRunner, PANES, paneTitle } from '../panes/registry';
import { useAppStore } from '../stores/use-app-store';
import { DockLayout } from './DockLayout';
import { ModalDialog } from '../ui/ModalDialog';
import { AlertToasts } from './AlertToasts';
import { Notices } from './Notices';
import { PaneFrame } from './PaneFrame';
import { ProfileDialog } from './ProfileDialog';
import { StatusBar } from './StatusBar';
import { TransportBar } from './TransportBar';
import { SymbolSearchDialog } from './SymbolSearchDialog';
import { paneDef } from '../panes/registry';
import './shell.css';

export function App() {
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const layout = useAppStore((s) => s.layout);
  const layoutGeneration = useAppStore((s) => s.layoutGeneration);
  const live = useAppStore((s) => s.connection?.live ?? false);
  const single = useAppStore((s) => s.singlePane);
  const host = useAppStore((s) => s.serverInfo?.host);
  const version = useAppStore((s) => s.serverInfo?.version);
  const setPreferences = useAppStore((s) => s.setPreferences);
  const resetLayout = useAppStore((s) => s.resetLayout);
  const profilesOpen = useAppStore((s) => s.profilesOpen);
  const setProfilesOpen = useAppStore((s) => s.setProfilesOpen);
  const setSymbolSearchOpen = useAppStore((s) => s.setSymbolSearchOpen);
  const setHotkeysOpen = useAppStore((s) => s.setHotkeysOpen);
  const pressKey = useAppStore((s) => s.pressKey);
  const aboutOpen = useAppStore((s) => s.aboutOpen);
  const setAboutOpen = useAppStore((s) => s.setAboutOpen);
  const openPane = useAppStore((s) => s.openPane);
  const [askNotify, setAskNotify] = useState(false);
  const checkNotify = useCallback(() => {
    let current = true;
    void canAskForNotifications(host).then((can) => current && setAskNotify(can));
    return () => {
      current = false;
    };
  }, [host]);
  useEffect(checkNotify, [checkNotify]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.title = single ? `${paneTitle(single)} — IBDesk` : 'IBDesk';
  }, [single]);

  // One keymap for the window: Ctrl/Cmd+K anywhere, the profile's hotkeys unless they would type into a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      const inField = !!el && (el.isContentEditable || !!el.closest('input, select, textarea'));
      if (pressKey(e, inField)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pressKey]);

  const notifyButton = askNotify && (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then(checkNotify)}
      title="Show a desktop notification when an order fills"
    >
      Enable fill notifications
    </button>
  );

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">IBDesk</span>
        {!single && (
          <>
            <button type="button" onClick={() => setProfilesOpen(true)}>
              Profiles…
            </button>
            <select
              aria-label="Open pane"
              value=""
              onChange={(e) => {
                if (e.target.value) openPane(e.target.value);
              }}
            >
              <option value="">Open pane…</option>
              {PANES.map((p) => (
                <option key={p.kind} value={p.kind}>
                  {p.multi ? `New ${p.title.toLowerCase()}` : p.title}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="button"
          onClick={() => setSymbolSearchOpen(true)}
          aria-keyshortcuts="Control+K Meta+K"
          title="Ctrl+K / ⌘K"
        >
          Symbol search
        </button>
        <ActionsMenu />
        <button type="button" onClick={() => setHotkeysOpen(true)}>
          Hotkeys…
        </button>
        <HotkeyRunner />
        <span className="spacer" />
        {notifyButton}
        {!single && (
          <button type="button" onClick={() => void resetLayout()}>
            Reset layout
          </button>
        )}
        <button
          type="button"
          title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
          onClick={() => void setPreferences({ theme: theme === 'dark' ? 'light' : 'dark' })}
        >
          {theme === 'dark' ? 'Light' : 'Dark'}
        </button>
      </header>
      {live && (
        <div className="live-banner" role="alert">
          LIVE ACCOUNT — orders trade real money
        </div>
      )}
      <Notices />
      <TransportBar />
      <AlertToasts />
      <main className="dock">
        {single
          ? layout !== undefined &&
            (paneDef(single) ? (
              <SinglePane paneId={single} />
            ) : (
              <p className="empty">There is no pane called “{single}”.</p>
            ))
          : layout !== undefined && <DockLayout key={layoutGeneration} />}
      </main>
      <StatusBar />
      <ProfileDialog open={profilesOpen} onClose={() => setProfilesOpen(false)} />
      <SymbolSearchDialog />
      <HotkeyEditor />
      <ModalDialog open={aboutOpen} title="About IBDesk" onClose={() => setAboutOpen(false)}>
        <p>
          IBDesk {version ?? ''} — a trading workstation for Interactive Brokers TWS and IB Gateway (
          {host ?? '…'} host).
        </p>
        <div className="actions">
          <button type="button" onClick={() => setAboutOpen(false)}>
            Close
          </button>
        </div>
      </ModalDialog>
    </div>
  );
}

function SinglePane({ paneId }: { paneId: string }) {
  const def = paneDef(paneId)!;
  return (
    <PaneFrame paneId={paneId} region>
      <def.component />
    </PaneFrame>
  );
}
