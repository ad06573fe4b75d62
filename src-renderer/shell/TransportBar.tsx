// The Replay profile's transport bar: play or pause, one step, the speed (1×–60×), a seek slider over the recording,
// and the replay clock in New York time (a recording of US markets reads in their hours). Shown only while a replay
// runs; main owns the replay and every control answers with its new status.
import { useEffect } from 'react';
import { REPLAY_SPEEDS } from '../../src-shared/domain/replay';
import { useAppStore } from '../stores/use-app-store';
import { fmtEtClock } from '../ui/format';

const ET_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });

/** One step of the Step button and of the slider (ms of recording). */
const STEP_MS = 1000;

export function TransportBar() {
  const replay = useAppStore((s) => s.replay);
  const profileId = useAppStore((s) => s.connection?.profileId);
  const state = useAppStore((s) => s.connection?.state);
  const load = useAppStore((s) => s.loadReplay);
  const play = useAppStore((s) => s.replayPlay);
  const pause = useAppStore((s) => s.replayPause);
  const setSpeed = useAppStore((s) => s.replaySpeed);
  const step = useAppStore((s) => s.replayStep);
  const seek = useAppStore((s) => s.replaySeek);

  // A window opened while a replay runs asks for its status once (events only say what changes).
  useEffect(() => {
    if (profileId === 'replay' && state === 'ready') void load();
  }, [profileId, state, load]);

  if (!replay) return null;
  const name = replay.file.split(/[\\/]/).pop() ?? replay.file;
  const where = replay.ended ? 'ended' : replay.playing ? `playing ${replay.speed}×` : 'paused';
  return (
    <div className="transport-bar" role="toolbar" aria-label="Replay">
      <span className="transport-title" title={replay.file}>
        Replay · {name}
        {replay.truncated && ' (cut short)'}
      </span>
      {replay.playing ? (
        <button type="button" onClick={() => void pause()}>
          Pause
        </button>
      ) : (
        <button type="button" disabled={replay.ended} onClick={() => void play()}>
          Play
        </button>
      )}
      <button type="button" disabled={replay.ended} onClick={() => void step(STEP_MS)}>
        Step 1 s
      </button>
      <label>
        Speed{' '}
        <select value={replay.speed} onChange={(e) => void setSpeed(Number(e.target.value))}>
          {REPLAY_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        aria-label="Seek"
        min={replay.firstTime}
        max={replay.lastTime}
        step={STEP_MS}
        value={replay.time}
        aria-valuetext={`${fmtEtClock(replay.time)} ET`}
        onChange={(e) => void seek(Number(e.target.value))}
      />
      <time role="timer" aria-label="Replay clock" dateTime={new Date(replay.time).toISOString()}>
        {ET_DAY.format(replay.time)} {fmtEtClock(replay.time)} ET
      </time>
      <span className="transport-state">{where}</span>
    </div>
  );
}
