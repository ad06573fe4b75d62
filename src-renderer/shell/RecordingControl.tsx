// "Record this session" in the status bar: the active profile's switch (off by default), whether account ids and
// order details are kept (masked by default), and the recorder's state: recording with its size, or stopped with
// the reason (a full disk stops the recording, never trading).
import { recordingChoice } from '../stores/settings-slice';
import { useAppStore } from '../stores/use-app-store';
import { recordingLabel } from '../ui/format';

export function RecordingControl() {
  const settings = useAppStore((s) => s.settings);
  const recording = useAppStore((s) => s.recording);
  const setRecording = useAppStore((s) => s.setRecording);
  if (!settings) return null;
  const choice = recordingChoice(settings);
  const label = recordingLabel(recording);
  return (
    <span className="recording-control">
      <button
        type="button"
        className={`link${recording.state === 'recording' ? ' recording-on' : ''}`}
        aria-pressed={choice.record}
        title="Record what TWS sends and what the app asks for, to the data folder's recordings/"
        onClick={() => void setRecording({ record: !choice.record })}
      >
        Record this session
      </button>
      <label title="Recordings are things people share: account ids and order details are masked unless kept">
        <input
          type="checkbox"
          checked={choice.keep}
          onChange={(e) => void setRecording({ keep: e.currentTarget.checked })}
        />
        Keep account ids
      </label>
      {label && (
        <span
          role="status"
          aria-label="Recording"
          className={`recording-state recording-${recording.state}`}
          title={recording.file ?? undefined}
        >
          {label}
        </span>
      )}
    </span>
  );
}
