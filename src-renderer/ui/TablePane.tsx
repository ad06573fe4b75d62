// A pane that is one line of status over its table (or tables): the blotter panes and the log. None follows a link
// group: they show every instrument.
import type { ReactNode } from 'react';
import { PaneToolbar } from './PaneTools';

export function TablePane({
  tools,
  status,
  empty,
  children,
}: {
  /** The toolbar's accessible name. */
  tools: string;
  status: ReactNode;
  /** Shown under the table when it has no rows (null: it has some). */
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="pane-body">
      <PaneToolbar label={tools} linkable={false}>
        <span className="dim">{status}</span>
      </PaneToolbar>
      <div className="table-wrap">
        {children}
        {empty && <p className="empty">{empty}</p>}
      </div>
    </div>
  );
}
