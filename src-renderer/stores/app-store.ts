// The renderer's state: typed zustand slices in one vanilla store, created per client so tests use a fake one.
// Components select single values; pushed events come in through the slices' actions (routed by bind-events.ts).
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { IbdeskClient } from '../api/client';
import { chime, notifyAlert, notifyFills } from '../api/fill-notifier';
import { createAlertsSlice, type AlertNotifier, type AlertsSlice } from './alerts-slice';
import { createChartSlice, type ChartSlice } from './chart-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createDrawingsSlice, type DrawingsSlice } from './drawings-slice';
import { createDepthSlice, type DepthSlice } from './depth-slice';
import { createHotkeysSlice, type HotkeysSlice } from './hotkeys-slice';
import { createInstrumentsSlice, type InstrumentsSlice } from './instruments-slice';
import { createLogSlice, type LogSlice } from './log-slice';
import { createOptionsSlice, type OptionsSlice } from './options-slice';
import { createNewsSlice, type NewsSlice } from './news-slice';
import { createOrdersSlice, type FillNotifier, type OrdersSlice } from './orders-slice';
import { createPanesSlice, type PanesSlice } from './panes-slice';
import { createPortfolioSlice, type PortfolioSlice } from './portfolio-slice';
import { createQuotesSlice, type QuotesSlice } from './quotes-slice';
import { createReplaySlice, type ReplaySlice } from './replay-slice';
import { createScannerSlice, type ScannerSlice } from './scanner-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createTapeSlice, type TapeSlice } from './tape-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWatchlistsSlice, type WatchlistsSlice } from './watchlists-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type AppState = ConnectionSlice &
  SettingsSlice &
  LogSlice &
  WorkspaceSlice &
  PanesSlice &
  QuotesSlice &
  InstrumentsSlice &
  ScannerSlice &
  ChartSlice &
  DrawingsSlice &
  NewsSlice &
  DepthSlice &
  TapeSlice &
  OrdersSlice &
  OptionsSlice &
  PortfolioSlice &
  WatchlistsSlice &
  UiSlice &
  HotkeysSlice &
  AlertsSlice &
  ReplaySlice &
  SessionSlice & { client: IbdeskClient };

/** A slice creator over the whole store (zustand's slices pattern). */
export type Slice<T> = StateCreator<AppState, [], [], T>;

export type AppStore = StoreApi<AppState>;

/** `notifyFills` announces new fills (default: the browser's Notification API, see api/fill-notifier.ts). */
export function createAppStore(
  client: IbdeskClient,
  deps: { notifyFills?: FillNotifier; notifyAlert?: AlertNotifier; playSound?: () => void } = {},
): AppStore {
  return createStore<AppState>()((...a) => ({
    client,
    ...createConnectionSlice(...a),
    ...createSettingsSlice(...a),
    ...createLogSlice(...a),
    ...createWorkspaceSlice(...a),
    ...createPanesSlice(...a),
    ...createQuotesSlice(...a),
    ...createInstrumentsSlice(...a),
    ...createScannerSlice(...a),
    ...createChartSlice(...a),
    ...createDrawingsSlice(...a),
    ...createNewsSlice(...a),
    ...createDepthSlice(...a),
    ...createTapeSlice(...a),
    ...createOrdersSlice(deps.notifyFills ?? notifyFills)(...a),
    ...createOptionsSlice(...a),
    ...createPortfolioSlice(...a),
    ...createWatchlistsSlice(...a),
    ...createUiSlice(...a),
    ...createHotkeysSlice(...a),
    ...createAlertsSlice(deps.notifyAlert ?? notifyAlert, deps.playSound ?? chime)(...a),
    ...createReplaySlice(...a),
    ...createSessionSlice(...a),
  }));
}
