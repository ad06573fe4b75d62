// The frame of a pane's content. The landmark itself (role="region" named by the pane's title) is the dock
// group that holds it: dockview labels each group with its active panel's title, so we do not add a second one.
import type { ReactNode } from 'react';

export function PaneFrame({ children }: { children: ReactNode }) {
  return <div className="pane">{children}</div>;
}
