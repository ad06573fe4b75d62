// The replay service: one gateway per recording, the transport's status as the contract carries it (the gateway's
// extra fields dropped), published on each change and refused when no replay runs.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-shared/logger';
import type { ReplayStatus } from '../../src-shared/domain/replay';
import { createManualClock } from '../../tests/support/manual-clock';
import { createReplayService, type RunningReplay } from './replay';

/** A status as the contract carries it, paused at the start of an 8-second recording. */
const AT_START: ReplayStatus = {
  file: '',
  firstTime: 1000,
  lastTime: 9000,
  time: 1000,
  playing: false,
  speed: 1,
  ended: false,
  truncated: false,
};

function setup() {
  const published: (ReplayStatus | null)[] = [];
  const started: string[] = [];
  let closed = 0;
  // The gateway's status: the contract's fields and one of its own.
  const gateway = { ...AT_START, checkpoints: 12 };
  const start = async (file: string): Promise<RunningReplay> => {
    started.push(file);
    gateway.file = file;
    return {
      host: '127.0.0.1',
      port: 4100 + started.length,
      transport: {
        status: () => ({ ...gateway }),
        play: () => void (gateway.playing = true),
        pause: () => void (gateway.playing = false),
        setSpeed: (s) => void (gateway.speed = s),
        step: async (ms = 1000) => void (gateway.time += ms),
        seek: async (t) => void (gateway.time = t),
      },
      close: async () => void closed++,
    };
  };
  const clock = createManualClock(0);
  const replay = createReplayService({ start, publish: (s) => published.push(s), clock, log: silentLogger });
  return { replay, published, started, closed: () => closed };
}

describe('replay service', () => {
  it('carries exactly the contract’s status fields, not the gateway’s extras', async () => {
    const { replay, published } = setup();
    await replay.endpoint('/rec/a.ibdrec');
    const expected: ReplayStatus = { ...AT_START, file: '/rec/a.ibdrec' };
    expect(replay.status()).toStrictEqual(expected);
    expect(published.at(-1)).toStrictEqual(expected);
    expect(await replay.seek(5000)).toStrictEqual({ ...expected, time: 5000 });
    await replay.stop();
  });

  it('keeps one gateway per recording, and refuses the transport when none runs', async () => {
    const { replay, started, closed, published } = setup();
    expect(replay.status()).toBe(null);
    await expect(replay.play()).rejects.toThrow(/No replay is running/);
    await replay.endpoint('/rec/a.ibdrec');
    await replay.endpoint('/rec/a.ibdrec');
    expect(started).toEqual(['/rec/a.ibdrec']);
    expect(await replay.endpoint('/rec/b.ibdrec')).toEqual({ host: '127.0.0.1', port: 4102 });
    expect(closed()).toBe(1);
    await replay.stop();
    expect(published.at(-1)).toBe(null);
  });
});
