// The saved workspace of a profile: the dock's own JSON plus what each pane shows, the link groups' symbols and
// the drawings per instrument.
// Read defensively: it comes from a file, and older saves held the dock JSON alone.
import { z } from 'zod';
import type { LayoutDoc } from '../../src-shared/domain/workspace';
import { parseDrawings, type Drawings } from './drawings-slice';
import { GroupSymbols, PaneState } from './panes-slice';

const WORKSPACE_DOC_VERSION = 2;

export type Workspace = {
  dock: Record<string, unknown> | null;
  panes: Record<string, PaneState>;
  groups: GroupSymbols;
  drawings: Drawings;
};

const Doc = z.object({
  ibdesk: z.literal(WORKSPACE_DOC_VERSION),
  dock: z.record(z.string(), z.unknown()).nullable().catch(null),
  panes: z.record(z.string(), z.unknown()).catch({}),
  groups: GroupSymbols,
  drawings: z.unknown().optional(),
});

export function parseWorkspace(doc: LayoutDoc | null | undefined): Workspace {
  if (!doc) return { dock: null, panes: {}, groups: {}, drawings: {} };
  const parsed = Doc.safeParse(doc);
  if (!parsed.success) return { dock: doc, panes: {}, groups: {}, drawings: {} };
  const panes: Record<string, PaneState> = {};
  for (const [id, raw] of Object.entries(parsed.data.panes)) {
    const p = PaneState.safeParse(raw);
    if (p.success) panes[id] = p.data;
  }
  return {
    dock: parsed.data.dock,
    panes,
    groups: parsed.data.groups,
    drawings: parseDrawings(parsed.data.drawings),
  };
}

export function buildWorkspace(w: Omit<Workspace, 'drawings'> & { drawings?: Drawings }): LayoutDoc {
  return {
    ibdesk: WORKSPACE_DOC_VERSION,
    dock: w.dock,
    panes: w.panes,
    groups: w.groups,
    drawings: w.drawings ?? {},
  };
}

/** The pane kind of a dock panel id: `chart`, `chart-2` → `chart`. */
export function paneKind(paneId: string): string {
  return paneId.replace(/-\d+$/, '');
}
