// Replay slice: the Replay profile's replay as main reports it (clock, speed, playing) and the transport bar's
// actions on it. Main owns the replay; every action answers with the new status, and `replay` events keep it current.
import type { ReplayStatus } from '../../src-shared/domain/replay';
import type { AppErrorData } from '../../src-shared/result';
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
  };
};
