// The panes the dock can show: kind → title and component, whether several can be open and whether they follow a
// link group; new panel ids; and the default arrangement of a first run (the trader's screen).
import type { DockviewApi } from 'dockview-react';
import { lazy, type ComponentType } from 'react';
import { AccountPane } from './account/AccountPane';
import { ExecutionsPane } from './executions/ExecutionsPane';
import { OrdersPane } from './orders/OrdersPane';
import { PositionsPane } from './positions/PositionsPane';
import { LogPane } from './log/LogPane';
import { OrderTicketPane } from './order-entry/OrderTicketPane';
import { ScannerPane } from './scanner/ScannerPane';
import { WatchlistPane } from './watchlist/WatchlistPane';
import { paneKind } from '../stores/workspace-doc';
import { PANE_KINDS, type PaneKind } from '../../src-shared/panes';

// The hotkeys' editor, their Actions menu and the runner of their order actions live beside the panes they
// trade from (they send through the ticket's sender); the shell holds them through this registry.
export { ActionsMenu } from './hotkeys/ActionsMenu';
export { HotkeyEditor } from './hotkeys/HotkeyEditor';
export { HotkeyRunner } from './hotkeys/HotkeyRunner';

export type PaneDef = {
  kind: string;
  title: string;
  component: ComponentType;
  /** Several can be open at once (scanner-2, chart-3…). */
  multi: boolean;
  /** Follows a color link group (new panes join red). */
  linkable: boolean;
};

// The chart and its library (lightweight-charts) load after the first paint: a start shows quotes first. So do
// the panes a first run does not show (and what only they use, such as the news pane's sanitizer).
const ChartPane = lazy(() => import('./chart/ChartPane').then((m) => ({ default: m.ChartPane })));
const OptionChainPane = lazy(() =>
  import('./option-chain/OptionChainPane').then((m) => ({ default: m.OptionChainPane })),
);
const NewsPane = lazy(() => import('./news/NewsPane').then((m) => ({ default: m.NewsPane })));
const LadderPane = lazy(() => import('./ladder/LadderPane').then((m) => ({ default: m.LadderPane })));
const TapePane = lazy(() => import('./tape/TapePane').then((m) => ({ default: m.TapePane })));
const AlertsPane = lazy(() => import('./alerts/AlertsPane').then((m) => ({ default: m.AlertsPane })));

const COMPONENTS: Record<PaneKind, ComponentType> = {
  scanner: ScannerPane,
  watchlist: WatchlistPane,
  chart: ChartPane,
  'option-chain': OptionChainPane,
  news: NewsPane,
  'order-entry': OrderTicketPane,
  ladder: LadderPane,
  tape: TapePane,
  orders: OrdersPane,
  executions: ExecutionsPane,
  positions: PositionsPane,
  account: AccountPane,
  log: LogPane,
  alerts: AlertsPane,
};

export const PANES: readonly PaneDef[] = PANE_KINDS.map((p) => ({ ...p, component: COMPONENTS[p.kind] }));

export function paneDef(kindOrId: string): PaneDef | undefined {
  return PANES.find((p) => p.kind === kindOrId) ?? PANES.find((p) => p.kind === paneKind(kindOrId));
}

/** Title of a panel: `Chart`, `Chart 2`… */
export function paneTitle(paneId: string): string {
  const def = paneDef(paneId);
  if (!def) return paneId;
  const n = /-(\d+)$/.exec(paneId)?.[1];
  return n && def.kind !== paneId ? `${def.title} ${n}` : def.title;
}

/** A free panel id for a new pane of this kind. Pure. */
function newPaneId(kind: string, taken: readonly string[]): string {
  if (!taken.includes(kind)) return kind;
  for (let n = 2; ; n++) if (!taken.includes(`${kind}-${n}`)) return `${kind}-${n}`;
}

/** Opens a pane: focuses a single-instance pane that is already open, else adds one. Returns its id. */
export function openPane(api: DockviewApi, kind: string): string | null {
  const def = paneDef(kind);
  if (!def) return null;
  if (!def.multi) {
    const existing = api.getPanel(def.kind);
    if (existing) {
      existing.api.setActive();
      return def.kind;
    }
  }
  const id = newPaneId(
    def.kind,
    api.panels.map((p) => p.id),
  );
  api.addPanel({ id, component: def.kind, title: paneTitle(id) });
  return id;
}

/**
 * The first run's screen, as columns of groups of tabs (the first tab of a group is the one shown): scanner over
 * watchlist, chart over the blotters, the ticket over positions and account.
 */
const DEFAULT_COLUMNS: readonly (readonly (readonly string[])[])[] = [
  [['scanner'], ['watchlist']],
  [['chart'], ['orders', 'executions', 'log']],
  [['order-entry'], ['positions', 'account']],
];
/** The ticket's column keeps this width; the scanner's column takes half the dock, the chart's the rest. */
const TICKET_COLUMN_PX = 340;

type DockLayoutJson = Parameters<DockviewApi['fromJSON']>[0];

/**
 * The first run's arrangement for a dock of `width` × `height` px, in dockview's serialized form. Pure. Loading it
 * in one `fromJSON` lays the dock out once; adding the nine panels one by one measured and laid it out after each
 * (about 0.3 s of forced layouts on the start's critical path).
 */
export function defaultLayout(width: number, height: number): DockLayoutJson {
  const ticket = Math.min(TICKET_COLUMN_PX, Math.floor(width / 3));
  const first = Math.floor(width / 2);
  const widths = [first, Math.max(0, width - first - ticket), ticket];
  const top = Math.floor(height / 2);
  let groupId = 0;
  const columns = DEFAULT_COLUMNS.map((groups, c) => ({
    type: 'branch' as const,
    size: widths[c]!,
    data: groups.map((views, g) => ({
      type: 'leaf' as const,
      size: g === 0 ? top : height - top,
      data: { id: String(++groupId), views: [...views], activeView: views[0]! },
    })),
  }));
  const panels = Object.fromEntries(
    DEFAULT_COLUMNS.flat(2).map((id) => [id, { id, contentComponent: id, title: paneTitle(id) }]),
  );
  return {
    grid: { root: { type: 'branch', size: height, data: columns }, width, height, orientation: 'HORIZONTAL' },
    panels,
    activeGroup: '1',
  } as DockLayoutJson;
}

export function buildDefaultLayout(api: DockviewApi): void {
  api.fromJSON(defaultLayout(api.width, api.height));
}
