// Workspace slice: the dock layout of the active profile (saved through main) and which panes are open.
import type { LayoutDoc } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';

export type WorkspaceSlice = {
  /** undefined = not loaded yet; null = none saved (use the default). */
  layout: LayoutDoc | null | undefined;
  /** Bumped to make the dock rebuild its default arrangement. */
  layoutGeneration: number;
  saveLayout(layout: LayoutDoc): Promise<void>;
  resetLayout(): Promise<void>;
};

export const createWorkspaceSlice: Slice<WorkspaceSlice> = (set, get) => ({
  layout: undefined,
  layoutGeneration: 0,
  async saveLayout(layout) {
    const r = await get().client.invoke('layout.save', { layout });
    if (!r.ok) set({ lastError: r.error });
  },
  async resetLayout() {
    const r = await get().client.invoke('layout.reset', {});
    if (r.ok) set((s) => ({ layout: null, layoutGeneration: s.layoutGeneration + 1 }));
    else set({ lastError: r.error });
  },
});
