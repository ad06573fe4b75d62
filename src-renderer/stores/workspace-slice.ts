// Workspace slice: the dock layout of the active profile (saved through main together with what every pane
// shows, see workspace-doc.ts) and its reset to the default arrangement.
import type { Slice } from './app-store';
import { buildWorkspace, parseWorkspace, type Workspace } from './workspace-doc';
import type { LayoutDoc } from '../../src-shared/domain/workspace';

export type WorkspaceSlice = {
  /** The dock's JSON. undefined = not loaded yet; null = none saved (use the default). */
  layout: Record<string, unknown> | null | undefined;
  /** Bumped to make the dock rebuild its default arrangement. */
  layoutGeneration: number;
  /** Takes a saved workspace as loaded from main. */
  applyWorkspace(doc: LayoutDoc | null): void;
  /** Saves the dock JSON with the panes' state. */
  saveLayout(dock: Record<string, unknown>): Promise<void>;
  /** Another profile became active: show its saved workspace (the dock is rebuilt). */
  reloadWorkspace(): Promise<void>;
  resetLayout(): Promise<void>;
};

/** What a loaded workspace puts in the store; refused drawings also raise a notice (they stay in the file). */
function loaded(w: Workspace) {
  const n = w.refusedDrawings.length;
  return {
    layout: w.dock,
    paneStates: w.panes,
    groupSymbols: w.groups,
    drawings: w.drawings,
    refusedDrawings: w.refusedDrawings,
    ...(n > 0
      ? {
          lastError: {
            code: 'VALIDATION' as const,
            message: `${n} saved drawing${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} kept in the workspace file (${w.refusedDrawings[0]!.error.message})`,
          },
        }
      : {}),
  };
}

export const createWorkspaceSlice: Slice<WorkspaceSlice> = (set, get) => ({
  layout: undefined,
  layoutGeneration: 0,
  applyWorkspace(doc) {
    set(loaded(parseWorkspace(doc)));
  },
  async saveLayout(dock) {
    const { paneStates, groupSymbols, drawings, refusedDrawings } = get();
    const r = await get().client.invoke('layout.save', {
      layout: buildWorkspace({ dock, panes: paneStates, groups: groupSymbols, drawings, refusedDrawings }),
    });
    if (!r.ok) set({ lastError: r.error });
  },
  async reloadWorkspace() {
    const r = await get().client.invoke('layout.get', {});
    const w = parseWorkspace(r.ok ? r.value : null);
    set((s) => ({ ...loaded(w), layoutGeneration: s.layoutGeneration + 1 }));
  },
  async resetLayout() {
    const r = await get().client.invoke('layout.reset', {});
    if (r.ok)
      set((s) => ({
        layout: null,
        paneStates: {},
        groupSymbols: {},
        layoutGeneration: s.layoutGeneration + 1,
      }));
    else set({ lastError: r.error });
  },
});
