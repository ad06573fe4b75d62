// Log pane: every message in plain words, with its TWS code and what the app did about it.
import { useAppStore } from '../../stores/use-app-store';
import { fmtLocalClock } from '../../ui/format';
import { PaneTools } from '../../ui/PaneTools';

export function LogPane() {
  const log = useAppStore((s) => s.log);
  const rows = log.slice(-500).reverse();
  return (
    <div className="pane-body">
      <div className="pane-toolbar" role="toolbar" aria-label="Log tools">
        <span className="dim">{log.length} messages</span>
        <span className="spacer" />
        <PaneTools linkable={false} />
      </div>
      <div className="table-wrap">
        <table className="grid log-table" aria-label="Log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Level</th>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq} className={`level-${e.level}`}>
                <td>{fmtLocalClock(e.time)}</td>
                <td>{e.level}</td>
                <td>{e.twsCode ?? ''}</td>
                <td>
                  <span className="source">{e.source}</span> {e.message}
                </td>
                <td>{e.action ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
