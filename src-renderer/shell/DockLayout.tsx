// The dock: panes in tabs and splits (dockview), restored from the profile's saved layout and saved on change.
import { DockviewReact, themeDark, themeLight, type DockviewReadyEvent } from 'dockview-react';
import 'dockview-react/dist/styles/dockview.css';
import { useMemo, useRef } from 'react';
import { PANES, buildDefaultLayout } from '../panes/registry';
import { useAppStore } from '../stores/use-app-store';
import { PaneFrame } from './PaneFrame';

const SAVE_DELAY_MS = 500;

export function DockLayout() {
  const layout = useAppStore((s) => s.layout);
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const saveLayout = useAppStore((s) => s.saveLayout);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const components = useMemo(
    () =>
      Object.fromEntries(
        PANES.map((p) => [
          p.id,
          () => (
            <PaneFrame>
              <p.component />
            </PaneFrame>
          ),
        ]),
      ),
    [],
  );

  function onReady(event: DockviewReadyEvent): void {
    const { api } = event;
    try {
      if (layout) api.fromJSON(layout as unknown as Parameters<typeof api.fromJSON>[0]);
      else buildDefaultLayout(api);
    } catch (err) {
      console.warn('saved layout could not be restored; using the default', err);
      buildDefaultLayout(api);
    }
    if (api.panels.length === 0) buildDefaultLayout(api);
    api.onDidLayoutChange(() => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(
        () => void saveLayout(api.toJSON() as unknown as Record<string, unknown>),
        SAVE_DELAY_MS,
      );
    });
  }

  return (
    <DockviewReact
      className="dock-root"
      components={components}
      onReady={onReady}
      theme={theme === 'dark' ? themeDark : themeLight}
    />
  );
}
