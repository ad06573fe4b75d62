// Every pane is a landmark: a region named by its title, so tests and screen readers find it by role and name.
import type { ReactNode } from 'react';

export function PaneFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section role="region" aria-label={title} className="pane">
      {children}
    </section>
  );
}
