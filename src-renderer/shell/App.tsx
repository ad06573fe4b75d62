// The window: toolbar, live-money banner, notices, the dock of panes, the status bar and the profiles dialog.
import { useEffect, useState } from 'react';
import { useAppStore } from '../stores/use-app-store';
import { DockLayout } from './DockLayout';
import { Notices } from './Notices';
import { ProfileDialog } from './ProfileDialog';
import { StatusBar } from './StatusBar';

export function App() {
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const layout = useAppStore((s) => s.layout);
  const layoutGeneration = useAppStore((s) => s.layoutGeneration);
  const live = useAppStore((s) => s.connection?.live ?? false);
  const setPreferences = useAppStore((s) => s.setPreferences);
  const resetLayout = useAppStore((s) => s.resetLayout);
  const [profilesOpen, setProfilesOpen] = useState(false);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">IBDesk</span>
        <button type="button" onClick={() => setProfilesOpen(true)}>
          Profiles…
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => void resetLayout()}>
          Reset layout
        </button>
        <button
          type="button"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
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
      <main className="dock">{layout !== undefined && <DockLayout key={layoutGeneration} />}</main>
      <StatusBar />
      <ProfileDialog open={profilesOpen} onClose={() => setProfilesOpen(false)} />
    </div>
  );
}
