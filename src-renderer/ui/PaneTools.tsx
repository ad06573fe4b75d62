// A pane's toolbar, and the controls every pane carries at its end: its color link group and "open in a new
// window".
import type { ReactNode } from 'react';
import type { LinkGroup } from '../../src-shared/domain/workspace';
import { LINK_GROUPS } from '../stores/panes-slice';
import { useAppStore } from '../stores/use-app-store';
import { usePaneId } from './pane-context';
import './pane-tools.css';

const GROUP_NAMES: Record<LinkGroup, string> = {
  none: 'Not linked',
  red: 'Red',
  green: 'Green',
  blue: 'Blue',
  yellow: 'Yellow',
};

function PaneTools({ linkable }: { linkable: boolean }) {
  const paneId = usePaneId();
  const link = useAppStore((s) => s.paneStates[paneId]?.link ?? 'none');
  const setLink = useAppStore((s) => s.setLink);
  const tearOff = useAppStore((s) => s.tearOff);
  const single = useAppStore((s) => s.singlePane);
  return (
    <span className="pane-tools">
      {linkable && (
        <label
          className={`link-select link-${link}`}
          title="Panes in the same color group follow the same symbol"
        >
          <span className="link-dot" aria-hidden="true" />
          <select
            aria-label="Link group"
            value={link}
            onChange={(e) => setLink(paneId, e.target.value as LinkGroup)}
          >
            {LINK_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_NAMES[g]}
              </option>
            ))}
          </select>
        </label>
      )}
      {!single && (
        <button
          type="button"
          className="icon"
          aria-label="Open in a new window"
          title="Open in a new window"
          onClick={() => tearOff(paneId)}
        >
          ↗
        </button>
      )}
    </span>
  );
}

/** A pane's toolbar: the pane's own controls, then its link group and tear-off at the far end. */
export function PaneToolbar({
  label,
  linkable = true,
  children,
}: {
  label: string;
  /** Follows a color link group (panes that show one symbol). */
  linkable?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="pane-toolbar" role="toolbar" aria-label={label}>
      {children}
      <span className="spacer" />
      <PaneTools linkable={linkable} />
    </div>
  );
}
