// The renderer's state: typed zustand slices in one vanilla store, created per client so tests use a fake one.
// Components select single values; only the api layer (bind-events.ts) writes pushed events in.
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { IbdeskClient } from '../api/client';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createLogSlice, type LogSlice } from './log-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type AppState = ConnectionSlice & SettingsSlice & LogSlice & WorkspaceSlice & { client: IbdeskClient };

/** A slice creator over the whole store (zustand's slices pattern). */
export type Slice<T> = StateCreator<AppState, [], [], T>;

export type AppStore = StoreApi<AppState>;

export function createAppStore(client: IbdeskClient): AppStore {
  return createStore<AppState>()((...a) => ({
    client,
    ...createConnectionSlice(...a),
    ...createSettingsSlice(...a),
    ...createLogSlice(...a),
    ...createWorkspaceSlice(...a),
  }));
}
