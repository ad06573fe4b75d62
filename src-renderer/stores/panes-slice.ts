// Panes slice: what each open pane shows (its link group, its symbol, its own settings) and the symbol of every
// color link group. A scanner or watchlist row sets the symbol of its group and every pane in the group follows.
// Saved with the dock layout, per profile.
import { z } from 'zod';
import { LinkGroup, WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';

export const LINK_GROUPS = LinkGroup.options;

export const PaneState = z.object({
  link: LinkGroup.catch('none'),
  symbol: WatchItem.nullable().catch(null),
  /** The pane's own settings (scan, bar size, list…): each pane parses its part. */
  config: z.record(z.string(), z.unknown()).catch({}),
});
export type PaneState = z.infer<typeof PaneState>;

export const GroupSymbols = z.partialRecord(LinkGroup, WatchItem.nullable()).catch({});
export type GroupSymbols = z.infer<typeof GroupSymbols>;

export type PanesSlice = {
  paneStates: Readonly<Record<string, PaneState>>;
  groupSymbols: GroupSymbols;
  /** Sets the symbol of a pane, or of its whole group when it is linked. */
  setSymbol(paneId: string, item: WatchItem): void;
  setLink(paneId: string, link: LinkGroup): void;
  setPaneConfig(paneId: string, patch: Record<string, unknown>): void;
  /** Makes sure a pane has a state (a new pane joins the red group: the default one). */
  ensurePane(paneId: string, initial?: Partial<PaneState>): void;
  removePane(paneId: string): void;
  restorePanes(panes: Record<string, PaneState>, groups: GroupSymbols): void;
};

export function blankPane(initial: Partial<PaneState> = {}): PaneState {
  return { link: 'red', symbol: null, config: {}, ...initial };
}

/** The symbol a pane shows: its group's when linked, else its own. Pure. */
export function symbolOf(
  s: Pick<PanesSlice, 'paneStates' | 'groupSymbols'>,
  paneId: string,
): WatchItem | null {
  const pane = s.paneStates[paneId];
  if (!pane) return null;
  if (pane.link !== 'none') return s.groupSymbols[pane.link] ?? pane.symbol;
  return pane.symbol;
}

/** Pure: the state after a pane picked a symbol. */
export function withSymbol(
  s: Pick<PanesSlice, 'paneStates' | 'groupSymbols'>,
  paneId: string,
  item: WatchItem,
): Pick<PanesSlice, 'paneStates' | 'groupSymbols'> {
  const pane = s.paneStates[paneId] ?? blankPane({ link: 'none' });
  if (pane.link === 'none') {
    return {
      paneStates: { ...s.paneStates, [paneId]: { ...pane, symbol: item } },
      groupSymbols: s.groupSymbols,
    };
  }
  const paneStates: Record<string, PaneState> = {};
  for (const [id, p] of Object.entries(s.paneStates))
    paneStates[id] = p.link === pane.link ? { ...p, symbol: item } : p;
  paneStates[paneId] = { ...pane, symbol: item };
  return { paneStates, groupSymbols: { ...s.groupSymbols, [pane.link]: item } };
}

/** Pure: the state after a pane changed its link group. */
export function withLink(
  s: Pick<PanesSlice, 'paneStates' | 'groupSymbols'>,
  paneId: string,
  link: LinkGroup,
): Pick<PanesSlice, 'paneStates' | 'groupSymbols'> {
  const pane = s.paneStates[paneId] ?? blankPane({ link: 'none' });
  if (link === 'none') {
    const kept = symbolOf(s, paneId);
    return {
      paneStates: { ...s.paneStates, [paneId]: { ...pane, link, symbol: kept } },
      groupSymbols: s.groupSymbols,
    };
  }
  const groupSymbol = s.groupSymbols[link] ?? null;
  if (groupSymbol) {
    return {
      paneStates: { ...s.paneStates, [paneId]: { ...pane, link, symbol: groupSymbol } },
      groupSymbols: s.groupSymbols,
    };
  }
  // An empty group takes the symbol of the pane that joins it.
  return {
    paneStates: { ...s.paneStates, [paneId]: { ...pane, link } },
    groupSymbols: pane.symbol ? { ...s.groupSymbols, [link]: pane.symbol } : s.groupSymbols,
  };
}

export const createPanesSlice: Slice<PanesSlice> = (set) => ({
  paneStates: {},
  groupSymbols: {},
  setSymbol: (paneId, item) => set((s) => withSymbol(s, paneId, item)),
  setLink: (paneId, link) => set((s) => withLink(s, paneId, link)),
  setPaneConfig: (paneId, patch) =>
    set((s) => {
      const pane = s.paneStates[paneId] ?? blankPane();
      return { paneStates: { ...s.paneStates, [paneId]: { ...pane, config: { ...pane.config, ...patch } } } };
    }),
  ensurePane: (paneId, initial) =>
    set((s) => {
      if (s.paneStates[paneId]) return {};
      const pane = blankPane(initial);
      const group = pane.link !== 'none' ? s.groupSymbols[pane.link] : null;
      return { paneStates: { ...s.paneStates, [paneId]: group ? { ...pane, symbol: group } : pane } };
    }),
  removePane: (paneId) =>
    set((s) => {
      if (!s.paneStates[paneId]) return {};
      const { [paneId]: _gone, ...rest } = s.paneStates;
      return { paneStates: rest };
    }),
  restorePanes: (panes, groups) => set({ paneStates: panes, groupSymbols: groups }),
});
