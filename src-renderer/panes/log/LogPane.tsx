// Log pane: every message in plain words, with its TWS code and what the app did about it.
import type { LogEntry } from '../../../src-shared/domain/log';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { fmtLocalClock } from '../../ui/format';
import { TablePane } from '../../ui/TablePane';
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
    <TablePane tools="Log tools" status={`${log.length} messages`}>
      <DataTable
        label="Log"
        className="log-table"
        columns={COLUMNS}
        rows={rows}
        rowKey={(e) => e.seq}
        rowProps={(e) => ({ className: `level-${e.level}` })}
      />
    </TablePane>
  );
}
