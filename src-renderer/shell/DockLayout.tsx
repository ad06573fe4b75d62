// The dock: panes in tabs and splits (dockview), restored from the profile's saved workspace and saved (with
// what each pane shows) whenever the arrangement or a pane's state changes.
import {
  DockviewReact,
  themeDark,
  themeLight,
  type DockviewReadyEvent,
  type IDockviewPanelProps,
} from 'dockview-react';
import 'dockview-react/dist/styles/dockview.css';
import { useEffect, useMemo, useRef } from 'react';
import { PANES, buildDefaultLayout, openPane } from '../panes/registry';
import { useAppStore, useAppStoreApi } from '../stores/use-app-store';
import { PaneFrame } from './PaneFrame';

const SAVE_DELAY_MS = 500;

export function DockLayout() {
  const store = useAppStoreApi();
  const theme = useAppStore((s) => s.settings?.preferences.theme ?? 'dark');
  const cleanup = useRef<(() => void) | null>(null);

  const components = useMemo(
    () =>
      Object.fromEntries(
        PANES.map((p) => [
          p.kind,
          (props: IDockviewPanelProps) => (
            <PaneFrame paneId={props.api.id}>
              <p.component />
            </PaneFrame>
          ),
        ]),
      ),
    [],
  );

  useEffect(
    () => () => {
      cleanup.current?.();
      store.getState().setDock(null);
    },
    [store],
  );

  function onReady(event: DockviewReadyEvent): void {
    const { api } = event;
    const layout = store.getState().layout;
    try {
      if (layout) api.fromJSON(layout as unknown as Parameters<typeof api.fromJSON>[0]);
      else buildDefaultLayout(api);
    } catch (err) {
      console.warn('saved layout could not be restored; using the default', err);
      buildDefaultLayout(api);
    }
    if (api.panels.length === 0) buildDefaultLayout(api);

    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void store.getState().saveLayout(api.toJSON() as unknown as Record<string, unknown>);
      }, SAVE_DELAY_MS);
    };
    const subs = [
      api.onDidLayoutChange(save),
      api.onDidRemovePanel((panel) => store.getState().removePane(panel.id)),
    ];
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.paneStates !== prev.paneStates ||
        s.groupSymbols !== prev.groupSymbols ||
        s.drawings !== prev.drawings
      )
        save();
    });
    store.getState().setDock({
      openPane: (kind) => {
        openPane(api, kind);
      },
      activePaneId: () => api.activePanel?.id ?? null,
    });
    cleanup.current = () => {
      if (timer) clearTimeout(timer);
      subs.forEach((d) => d.dispose());
      unsubscribe();
    };
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
