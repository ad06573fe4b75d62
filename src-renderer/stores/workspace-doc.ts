// The saved workspace of a profile: the dock's own JSON plus what each pane shows, the link groups' symbols and
// the drawings per instrument (with the saved entries this version refused, kept to be written back).
// Read defensively: it comes from a file, and older saves held the dock JSON alone.
import { z } from 'zod';
import type { LayoutDoc } from '../../src-shared/domain/workspace';
import { parseDrawings, parseRefused, type Drawings, type RefusedDrawing } from './drawings-slice';
import { GroupSymbols, PaneState } from './panes-slice';

const WORKSPACE_DOC_VERSION = 2;

export type Workspace = {
  dock: Record<string, unknown> | null;
  panes: Record<string, PaneState>;
  groups: GroupSymbols;
  drawings: Drawings;
  refusedDrawings: readonly RefusedDrawing[];
};

const Doc = z.object({
  ibdesk: z.literal(WORKSPACE_DOC_VERSION),
  dock: z.record(z.string(), z.unknown()).nullable().catch(null),
  panes: z.record(z.string(), z.unknown()).catch({}),
  groups: GroupSymbols,
  drawings: z.unknown().optional(),
  refusedDrawings: z.unknown().optional(),
});

export function parseWorkspace(doc: LayoutDoc | null | undefined): Workspace {
  if (!doc) return { dock: null, panes: {}, groups: {}, drawings: {}, refusedDrawings: [] };
  const parsed = Doc.safeParse(doc);
  if (!parsed.success) return { dock: doc, panes: {}, groups: {}, drawings: {}, refusedDrawings: [] };
  const panes: Record<string, PaneState> = {};
  for (const [id, raw] of Object.entries(parsed.data.panes)) {
    const p = PaneState.safeParse(raw);
    if (p.success) panes[id] = p.data;
  }
  const { drawings, refused } = parseDrawings(parsed.data.drawings);
  return {
    dock: parsed.data.dock,
    panes,
    groups: parsed.data.groups,
    drawings,
    refusedDrawings: [...parseRefused(parsed.data.refusedDrawings), ...refused],
  };
}

export function buildWorkspace(
  w: Omit<Workspace, 'drawings' | 'refusedDrawings'> &
    Partial<Pick<Workspace, 'drawings' | 'refusedDrawings'>>,
): LayoutDoc {
  return {
    ibdesk: WORKSPACE_DOC_VERSION,
    dock: w.dock,
    panes: w.panes,
    groups: w.groups,
    drawings: w.drawings ?? {},
    ...(w.refusedDrawings?.length ? { refusedDrawings: w.refusedDrawings } : {}),
  };
}

/** The pane kind of a dock panel id: `chart`, `chart-2` → `chart`. */
export function paneKind(paneId: string): string {
  return paneId.replace(/-\d+$/, '');
}
