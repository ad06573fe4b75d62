// The panes the dock can show: id → title and component, and the default arrangement of a first run.
import type { DockviewApi } from 'dockview-react';
import type { ComponentType } from 'react';
import { LogPane } from './log/LogPane';

export type PaneDef = { id: string; title: string; component: ComponentType };

export const PANES: readonly PaneDef[] = [{ id: 'log', title: 'Log', component: LogPane }];

export function paneDef(id: string): PaneDef | undefined {
  return PANES.find((p) => p.id === id);
}

/** Opens a pane, or focuses it when it is already open. */
export function openPane(api: DockviewApi, id: string): void {
  const existing = api.getPanel(id);
  if (existing) {
    existing.api.setActive();
    return;
  }
  const def = paneDef(id);
  if (def) api.addPanel({ id, component: id, title: def.title });
}

export function buildDefaultLayout(api: DockviewApi): void {
  api.clear();
  openPane(api, 'log');
}
