// Alerts pane: the alerts main watches (whether each is watched and why not), the form to set or edit one, pause,
// delete, and the history of what fired and when.
import type { AlertFired, AlertView } from '../../../src-shared/domain/alerts';
import { useAppStore } from '../../stores/use-app-store';
import { DataTable, type Column } from '../../ui/DataTable';
import { PaneToolbar } from '../../ui/PaneTools';
import { fmtClock } from '../../ui/format';
import { AlertForm } from './AlertForm';
import { describeAlert, formOf, newForm } from './alert-form';
import './alerts.css';

const WATCH_LABEL: Record<AlertView['watch'], string> = {
  watching: 'Watching',
  waiting: 'Waiting',
  'no-line': 'Not watched',
  paused: 'Paused',
  spent: 'Fired',
};

function AlertActions({ v }: { v: AlertView }) {
  const pause = useAppStore((s) => s.pauseAlert);
  const remove = useAppStore((s) => s.deleteAlert);
  const open = useAppStore((s) => s.openAlertForm);
  const what = describeAlert(v.alert);
  const editable = formOf(v.alert) !== null;
  return (
    <>
      {editable && (
        <button
          type="button"
          aria-label={`Edit alert: ${what}`}
          onClick={() => open({ symbol: null, editId: v.alert.id })}
        >
          Edit
        </button>
      )}
      <button
        type="button"
        aria-label={`${v.alert.enabled ? 'Pause' : 'Resume'} alert: ${what}`}
        onClick={() => void pause(v.alert.id, v.alert.enabled)}
      >
        {v.alert.enabled ? 'Pause' : 'Resume'}
      </button>
      <button type="button" aria-label={`Delete alert: ${what}`} onClick={() => void remove(v.alert.id)}>
        Delete
      </button>
    </>
  );
}

const ALERT_COLUMNS: readonly Column<AlertView>[] = [
  { title: 'Alert', rowHeader: true, cell: (v) => describeAlert(v.alert) },
  {
    title: 'Fires',
    className: 'dim',
    cell: (v) =>
      v.alert.repeat.mode === 'once' ? 'once' : `re-arms after ${v.alert.repeat.cooldownSeconds} s`,
  },
  {
    title: 'Status',
    className: (v) => `alert-watch alert-watch-${v.watch}`,
    cell: (v) => (
      <span title={v.note ?? undefined}>
        {v.note ? `${WATCH_LABEL[v.watch]}: ${v.note}` : WATCH_LABEL[v.watch]}
      </span>
    ),
  },
  {
    title: 'Last fired',
    className: 'dim',
    cell: (v) => (v.alert.lastFiredAt ? fmtClock(v.alert.lastFiredAt) : '—'),
  },
  { title: 'Note', className: 'dim', cell: (v) => v.alert.note },
  { title: 'Actions', titleHidden: true, className: 'row-actions', cell: (v) => <AlertActions v={v} /> },
];

const HISTORY_COLUMNS: readonly Column<AlertFired>[] = [
  { title: 'Time', className: 'dim', cell: (f) => fmtClock(f.at) },
  { title: 'Symbol', cell: (f) => <strong>{f.symbol ?? '—'}</strong> },
  { title: 'What happened', cell: (f) => f.text },
];

function FormSlot() {
  const target = useAppStore((s) => s.alertForm);
  const alerts = useAppStore((s) => s.alerts);
  const last = useAppStore((s) => (target?.symbol ? (s.quotes[target.symbol.conId]?.last ?? null) : null));
  if (!target) return null;
  const editing = target.editId ? alerts.find((v) => v.alert.id === target.editId) : undefined;
  const initial = editing ? formOf(editing.alert) : newForm(target.symbol, last);
  if (!initial) return null;
  return (
    <AlertForm
      key={`${target.editId ?? 'new'}-${target.symbol?.conId ?? ''}`}
      initial={initial}
      editId={target.editId}
    />
  );
}

export function AlertsPane() {
  const alerts = useAppStore((s) => s.alerts);
  const history = useAppStore((s) => s.alertHistory);
  const open = useAppStore((s) => s.openAlertForm);
  const unwatched = alerts.filter((v) => v.watch === 'no-line').length;
  return (
    <div className="pane-body">
      <PaneToolbar label="Alert tools" linkable={false}>
        <button type="button" onClick={() => open({ symbol: null, editId: null })}>
          New alert
        </button>
        <span className="dim">
          {alerts.length} alerts{unwatched > 0 ? `, ${unwatched} not watched (line budget full)` : ''}
        </span>
      </PaneToolbar>
      <FormSlot />
      <div className="table-wrap">
        <DataTable label="Alerts" columns={ALERT_COLUMNS} rows={alerts} rowKey={(v) => v.alert.id} />
        {alerts.length === 0 && (
          <p className="empty">No alerts. Set one from a watchlist row or with New alert.</p>
        )}
        <h3 className="alert-history-title">History</h3>
        <DataTable
          label="Alert history"
          columns={HISTORY_COLUMNS}
          rows={history}
          rowKey={(f) => `${f.alertId}-${f.at}`}
        />
        {history.length === 0 && <p className="empty">Nothing has fired yet.</p>}
      </div>
    </div>
  );
}
