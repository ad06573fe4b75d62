// The Profiles dialog's Replay kind: the recordings in the data folder (name, date, duration, size, read from their
// headers by main) to pick one from, or the path of a recording elsewhere; opening it points the Replay profile at
// it and connects through the embedded gateway. A file main cannot replay is refused with the reason, and nothing
// changes (the profile keeps its recording, the connection stays).
import { useEffect, useId, useState } from 'react';
import { useAppStore } from '../stores/use-app-store';
import { DataTable } from '../ui/DataTable';
import { recordingRows, replayFile } from './replay-choice';

export function ReplayChooser({ current, onOpened }: { current: string | null; onOpened: () => void }) {
  const list = useAppStore((s) => s.recordings);
  const loadRecordings = useAppStore((s) => s.loadRecordings);
  const openReplay = useAppStore((s) => s.openReplay);
  const [file, setFile] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uid = useId();

  // The folder changes between openings of the dialog (a recording was just made): list it each time.
  useEffect(() => {
    void loadRecordings().then((r) => {
      if (!r.ok) setError(r.error.message);
    });
  }, [loadRecordings]);

  async function open(): Promise<void> {
    const chosen = replayFile(file);
    if (!chosen.ok) {
      setError(chosen.error);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await openReplay(chosen.file);
    setBusy(false);
    if (r.ok) onOpened();
    else setError(r.error.message);
  }

  const rows = recordingRows(list?.recordings ?? []);
  return (
    <div className="replay-chooser">
      <p className="hint-line">
        Plays a recorded session through the embedded demo gateway: the recorded prices, simulated fills, no
        real money.
      </p>
      {list === null ? (
        <p>Reading the recordings…</p>
      ) : rows.length === 0 ? (
        <p>
          No recordings in {list.dir} yet: turn on “Record this session” in the status bar, or type the path
          of a recording below.
        </p>
      ) : (
        <div className="recordings-scroll">
          <DataTable
            label="Recordings"
            className="recordings-table"
            rows={rows}
            rowKey={(r) => r.file}
            rowProps={(r) => ({ 'aria-selected': r.file === file, className: r.problem ? 'unreadable' : '' })}
            columns={[
              {
                title: 'Recording',
                cell: (r) => (
                  <>
                    <label title={r.file}>
                      <input
                        type="radio"
                        name={`${uid}-recording`}
                        checked={r.file === file}
                        disabled={r.problem !== null}
                        onChange={() => {
                          setFile(r.file);
                          setError(null);
                        }}
                      />{' '}
                      {r.name}
                    </label>
                    {r.problem && <span className="field-error"> {r.problem}</span>}
                    {r.note && <span className="hint-line"> ({r.note})</span>}
                  </>
                ),
              },
              { title: 'Date', cell: (r) => r.date },
              { title: 'Duration', cell: (r) => r.duration },
              { title: 'Size', cell: (r) => r.size },
            ]}
          />
        </div>
      )}
      <label className="field">
        <span>Recording file</span>
        <input
          type="text"
          value={file}
          placeholder="/path/to/session.ibdrec"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${uid}-err` : undefined}
          onChange={(e) => {
            setFile(e.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p id={`${uid}-err`} role="alert" className="form-message">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void open()}>
          {busy ? 'Opening…' : 'Replay this recording'}
        </button>
      </div>
    </div>
  );
}
