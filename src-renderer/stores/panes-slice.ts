// Panes slice: what each open pane shows (its link group, its symbol, its own settings) and the symbol of every
// color link group. A scanner or watchlist row sets the symbol of its group and every pane in the group follows.
// Saved with the dock layout, per profile.
import { z } from 'zod';
import { LinkGroup, WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { withoutKey } from './records';

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

type Linked = Pick<PanesSlice, 'paneStates' | 'groupSymbols'>;

/** The state with one pane's own state replaced, the groups as they were. */
function withPane(s: Linked, paneId: string, pane: PaneState): Linked {
  return { paneStates: { ...s.paneStates, [paneId]: pane }, groupSymbols: s.groupSymbols };
}

/** Pure: the state after a pane picked a symbol. */
export function withSymbol(s: Linked, paneId: string, item: WatchItem): Linked {
  const pane = s.paneStates[paneId] ?? blankPane({ link: 'none' });
  if (pane.link === 'none') return withPane(s, paneId, { ...pane, symbol: item });
  const paneStates: Record<string, PaneState> = {};
  for (const [id, p] of Object.entries(s.paneStates))
    paneStates[id] = p.link === pane.link ? { ...p, symbol: item } : p;
  paneStates[paneId] = { ...pane, symbol: item };
  return { paneStates, groupSymbols: { ...s.groupSymbols, [pane.link]: item } };
}

/** Pure: the state after something outside the panes (a firing alert) set the symbol of a whole color group. */
export function withGroupSymbol(s: Linked, link: Exclude<LinkGroup, 'none'>, item: WatchItem): Linked {
  const paneStates: Record<string, PaneState> = {};
  for (const [id, p] of Object.entries(s.paneStates))
    paneStates[id] = p.link === link ? { ...p, symbol: item } : p;
  return { paneStates, groupSymbols: { ...s.groupSymbols, [link]: item } };
}

/** Pure: the state after a pane changed its link group. */
export function withLink(s: Linked, paneId: string, link: LinkGroup): Linked {
  const pane = s.paneStates[paneId] ?? blankPane({ link: 'none' });
  // Leaving the groups keeps what the pane shows.
  if (link === 'none') return withPane(s, paneId, { ...pane, link, symbol: symbolOf(s, paneId) });
  const groupSymbol = s.groupSymbols[link] ?? null;
  if (groupSymbol) return withPane(s, paneId, { ...pane, link, symbol: groupSymbol });
  // An empty group takes the symbol of the pane that joins it.
  const joined = withPane(s, paneId, { ...pane, link });
  return pane.symbol ? { ...joined, groupSymbols: { ...s.groupSymbols, [link]: pane.symbol } } : joined;
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
      return { paneStates: withoutKey(s.paneStates, paneId) };
    }),
  restorePanes: (panes, groups) => set({ paneStates: panes, groupSymbols: groups }),
});
