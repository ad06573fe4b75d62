// Mounts renderer components for happy-dom tests: inside the app store's context (and a pane's id when given),
// under act(), and unmounts everything a test mounted when it ends.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import type { AppStore } from '../../../src-renderer/stores/app-store';
import { AppStoreContext } from '../../../src-renderer/stores/use-app-store';
import { PaneIdContext } from '../../../src-renderer/ui/pane-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { root: Root; host: HTMLElement }[] = [];

afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
});

/** Renders `ui` into a fresh element in the document; returns that element. */
export function render(ui: ReactNode, opts: { store?: AppStore; paneId?: string } = {}): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  let tree = ui;
  if (opts.paneId !== undefined)
    tree = <PaneIdContext.Provider value={opts.paneId}>{tree}</PaneIdContext.Provider>;
  if (opts.store) tree = <AppStoreContext.Provider value={opts.store}>{tree}</AppStoreContext.Provider>;
  act(() => root.render(tree));
  return host;
}
