// Replay slice: the Replay profile's replay as main reports it (clock, speed, playing) and the transport bar's
// actions on it, and the recordings the Profiles dialog offers for it. Main owns the replay; every action answers
// with the new status, and `replay` events keep it current.
import type { ConnectionStatus } from '../../src-shared/domain/connection';
import type { RecordingList, ReplayStatus } from '../../src-shared/domain/replay';
import type { AppErrorData, Result } from '../../src-shared/result';
import type { Slice } from './app-store';

export type ReplaySlice = {
  replay: ReplayStatus | null;
  /** A `replay` event (null: no replay runs). */
  replayArrived(status: ReplayStatus | null): void;
  loadReplay(): Promise<void>;
  replayPlay(): Promise<void>;
  replayPause(): Promise<void>;
  replaySpeed(speed: number): Promise<void>;
  replayStep(ms: number): Promise<void>;
  replaySeek(time: number): Promise<void>;
  /** The data folder's recordings, as last listed (null before the first listing). */
  recordings: RecordingList | null;
  loadRecordings(): Promise<Result<RecordingList>>;
  /** Points the Replay profile at a recording and connects with it; main refuses a file it cannot replay. */
  openReplay(file: string): Promise<Result<ConnectionStatus>>;
};

export const createReplaySlice: Slice<ReplaySlice> = (set, get) => {
  const run = async (
    p: Promise<{ ok: true; value: ReplayStatus | null } | { ok: false; error: AppErrorData }>,
  ) => {
    const r = await p;
    if (r.ok) set({ replay: r.value });
    else set({ lastError: r.error });
  };
  const client = () => get().client;
  return {
    replay: null,
    replayArrived: (replay) => set({ replay }),
    loadReplay: () => run(client().invoke('replay.status', {})),
    replayPlay: () => run(client().invoke('replay.play', {})),
    replayPause: () => run(client().invoke('replay.pause', {})),
    replaySpeed: (speed) => run(client().invoke('replay.speed', { speed })),
    replayStep: (ms) => run(client().invoke('replay.step', { ms })),
    replaySeek: (time) => run(client().invoke('replay.seek', { time })),
    recordings: null,
    async loadRecordings() {
      const r = await client().invoke('recording.list', {});
      if (r.ok) set({ recordings: r.value });
      return r;
    },
    async openReplay(file) {
      const r = await client().invoke('replay.open', { file });
      if (r.ok) set({ connection: r.value });
      return r;
    },
  };
};
