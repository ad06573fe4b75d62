// Log pane: every message in plain words, with its TWS code and what the app did about it.
import type { LogEntry } from '../../../src-shared/domain/log';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtLocalClock } from '../../ui/format';
import { PaneToolbar } from '../../ui/PaneTools';
import './log.css';

const COLUMNS: readonly Column<LogEntry>[] = [
  { title: 'Time', cell: (e) => fmtLocalClock(e.time) },
  { title: 'Level', cell: (e) => e.level },
  { title: 'Code', cell: (e) => e.twsCode ?? '' },
  {
    title: 'Message',
    cell: (e) => (
      <>
        <span className="source">{e.source}</span> {e.message}
      </>
    ),
  },
  { title: 'Action', cell: (e) => e.action ?? '' },
];

export function LogPane() {
  const log = useAppStore((s) => s.log);
  const rows = log.slice(-500).reverse();
  return (
    <div className="pane-body">
      <PaneToolbar label="Log tools" linkable={false}>
        <span className="dim">{log.length} messages</span>
      </PaneToolbar>
      <div className="table-wrap">
        <DataTable
          label="Log"
          className="log-table"
          columns={COLUMNS}
          rows={rows}
          rowKey={(e) => e.seq}
          rowProps={(e) => ({ className: `level-${e.level}` })}
        />
      </div>
    </div>
  );
}
