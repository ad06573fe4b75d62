// The Replay profile's replay: the embedded gateway started on the profile's recording (one at a time; another
// recording stops the one before), its transport (play, pause, speed, step, seek) for the replay.* requests, and
// its status published on every change and a few times a second while it plays, so the transport bar's clock runs.
import type { Clock, Timer } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import { ReplayStatus } from '../../src-shared/domain/replay';
import { AppError } from '../../src-shared/result';

/**
 * What the service drives: a replaying gateway's transport (the demo gateway's ReplayControls, or the same on the
 * replay's own thread, where every command is a message and resolves once done).
 */
interface ReplayTransport {
  status(): ReplayStatus;
  play(): void | Promise<void>;
  pause(): void | Promise<void>;
  setSpeed(speed: number): void | Promise<void>;
  step(ms?: number): Promise<void>;
  seek(to: number): Promise<void>;
}

/** A replaying gateway that runs: where it listens, its transport, how to stop it. */
export interface RunningReplay {
  host: string;
  port: number;
  transport: ReplayTransport;
  close(): Promise<void>;
}

export interface ReplayService {
  /** Starts (or keeps) the gateway replaying `file`; tells where it listens. */
  endpoint(file: string): Promise<{ host: string; port: number }>;
  status(): ReplayStatus | null;
  play(): Promise<ReplayStatus>;
  pause(): Promise<ReplayStatus>;
  setSpeed(speed: number): Promise<ReplayStatus>;
  step(ms: number): Promise<ReplayStatus>;
  seek(time: number): Promise<ReplayStatus>;
  stop(): Promise<void>;
}

/** How often the status goes out while playing (the clock on the bar). */
const TICK_MS = 250;

export function createReplayService(deps: {
  /** Starts a gateway replaying a recording, paused at its start. */
  start: (file: string) => Promise<RunningReplay>;
  publish: (status: ReplayStatus | null) => void;
  clock: Clock;
  log: Logger;
}): ReplayService {
  const { clock, log } = deps;
  let running: { file: string; replay: Promise<RunningReplay> } | null = null;
  let current: RunningReplay | null = null;
  let ticker: Timer | null = null;

  const status = (): ReplayStatus | null => (current ? pick(current.transport.status()) : null);

  function publish(): void {
    const s = status();
    deps.publish(s);
    // The ticker runs while the clock does; the end of the recording pauses it, and the last status says so.
    if (s?.playing && !ticker) ticker = clock.setInterval(publish, TICK_MS);
    else if (!s?.playing && ticker) {
      clock.clearInterval(ticker);
      ticker = null;
    }
  }

  function transport(): ReplayTransport {
    if (!current)
      throw new AppError('UNAVAILABLE', 'No replay is running: open a recording on the Replay profile');
    return current.transport;
  }

  async function act(f: (t: ReplayTransport) => void | Promise<void>): Promise<ReplayStatus> {
    await f(transport());
    publish();
    return status()!;
  }

  async function stop(): Promise<void> {
    const r = running;
    if (!r) return;
    running = null;
    current = null;
    if (ticker) clock.clearInterval(ticker);
    ticker = null;
    await (await r.replay.catch(() => null))?.close();
    deps.publish(null);
  }

  return {
    async endpoint(file) {
      if (running?.file !== file) {
        await stop();
        const replay = deps.start(file);
        running = { file, replay };
        replay.catch(() => {
          if (running?.replay === replay) running = null;
        });
      }
      const r = await running.replay;
      current = r;
      log.info(`Replaying ${file}`);
      publish();
      return { host: r.host, port: r.port };
    },
    status,
    play: () => act((t) => t.play()),
    pause: () => act((t) => t.pause()),
    setSpeed: (speed) => act((t) => t.setSpeed(speed)),
    step: (ms) => act((t) => t.step(ms)),
    seek: (time) => act((t) => t.seek(time)),
    stop,
  };
}

/** The fields of the status the contract carries, read from its schema (the gateway's status has more). */
const CONTRACT_FIELDS = Object.keys(ReplayStatus.shape) as (keyof ReplayStatus)[];

function pick(s: ReplayStatus): ReplayStatus {
  return Object.fromEntries(CONTRACT_FIELDS.map((k) => [k, s[k]])) as ReplayStatus;
}
