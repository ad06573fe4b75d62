// The frame of a pane's content: gives the pane its id. The landmark itself (role="region" named by the pane's
// title) is the dock group that holds it: dockview labels each group with its active panel's title, so we do not
// add a second one. A torn-off window (no dock) asks for the region itself.
import { Suspense, useEffect, type ReactNode } from 'react';
import { paneDef, paneTitle } from '../panes/registry';
import { PaneIdContext } from '../ui/pane-context';
import { useAppStore, useAppStoreApi } from '../stores/use-app-store';

export function PaneFrame({
  paneId,
  children,
  region = false,
}: {
  paneId: string;
  children: ReactNode;
  region?: boolean;
}) {
  const store = useAppStoreApi();
  // At start only the watchlist mounts at once (see SessionSlice.startPanesHeld); a torn-off window shows its pane.
  const held =
    useAppStore((s) => s.startPanesHeld && s.singlePane === null) && paneDef(paneId)?.kind !== 'watchlist';
  useEffect(() => {
    store.getState().ensurePane(paneId, { link: paneDef(paneId)?.linkable ? 'red' : 'none' });
  }, [store, paneId]);
  // A pane whose code loads later (the chart) shows a line until it is there.
  const loading = <p className="pane-loading dim">Loading…</p>;
  const body = held ? loading : <Suspense fallback={loading}>{children}</Suspense>;
  return (
    <PaneIdContext.Provider value={paneId}>
      {region ? (
        <section className="pane" role="region" aria-label={paneTitle(paneId)}>
          {body}
        </section>
      ) : (
        <div className="pane">{body}</div>
      )}
    </PaneIdContext.Provider>
  );
}
