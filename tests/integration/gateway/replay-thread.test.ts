// The Replay profile's gateway on a thread of its own (demo-profile.ts startReplayGateway with the bundled worker):
// its transport works across the thread (status, speed, seek, step, play, a typed error for a bad speed) and it
// keeps relaying while the app's thread is busy, which the gateway in the app's thread cannot (issue #16: at 60x its
// relaying shared the app's event loop with the app's own decoding and frames).
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayGateway } from '../../../src-main/demo-profile';
import { ReplayError } from '../../../src-main/demo-gateway';
import { bundle } from '../../support/bundle';
import { RawClient } from './raw-client';

const SHIPPED = path.join(process.cwd(), 'tests', 'fixtures', 'recordings', 'demo-session.ibdrec');
let dir = '';
let workerFile = '';

beforeAll(async () => {
  // Inside the checkout, so the bundle's npm imports resolve from node_modules.
  dir = await mkdtemp(path.join(process.cwd(), 'node_modules', '.cache', 'replay-thread-'));
  workerFile = await bundle(
    path.join(process.cwd(), 'src-main', 'demo-gateway', 'replay', 'replay-thread-worker.ts'),
    dir,
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** tickString (46) 9901 "seq;epoch ms": the gateway's bench stamp, with the wall time it went out. */
const stampTimes = (frames: string[][]) =>
  frames.filter((f) => f[0] === '46' && f[3] === '9901').map((f) => Number(f[4]!.split(';')[1]));

describe('the replay gateway on its own thread', () => {
  it('answers the transport across the thread', async () => {
    const r = await startReplayGateway(SHIPPED, {}, workerFile);
    try {
      const first = r.transport.status();
      expect(first).toMatchObject({ playing: false, speed: 1, ended: false, truncated: false });
      expect(first.time).toBe(first.firstTime);
      await r.transport.setSpeed(20);
      expect(r.transport.status().speed).toBe(20);
      await expect(r.transport.setSpeed(0)).rejects.toSatisfy(
        (e) => e instanceof ReplayError && e.code === 'BAD_SPEED',
      );
      await r.transport.seek(first.firstTime + 30_000);
      expect(r.transport.status().time).toBe(first.firstTime + 30_000);
      await r.transport.step(1_000);
      expect(r.transport.status()).toMatchObject({ time: first.firstTime + 31_000, playing: false });
      await r.transport.play();
      expect(r.transport.status().playing).toBe(true);
      // The thread posts the running clock: the status moves without a command.
      const at = r.transport.status().time;
      const deadline = Date.now() + 5_000;
      while (r.transport.status().time === at && Date.now() < deadline)
        await new Promise((done) => setTimeout(done, 20));
      expect(r.transport.status().time).toBeGreaterThan(at);
    } finally {
      await r.close();
    }
  });

  it('fails to start with the gateway’s own error for a file it cannot replay', async () => {
    await expect(startReplayGateway(path.join(dir, 'none.ibdrec'), {}, workerFile)).rejects.toThrow(
      /none\.ibdrec/,
    );
  });

  it('replays in the app thread when the worker’s bundle is missing', async () => {
    const r = await startReplayGateway(SHIPPED, {}, path.join(dir, 'no-such-worker.js'));
    try {
      await r.transport.setSpeed(5);
      expect(r.transport.status()).toMatchObject({ speed: 5, playing: false });
    } finally {
      await r.close();
    }
  });

  it('keeps relaying while the app thread is busy', async () => {
    const r = await startReplayGateway(SHIPPED, { benchStamps: true }, workerFile);
    const c = await RawClient.open(r.port);
    try {
      c.hello('v100..176');
      await c.until(() => c.frames.length >= 1, 'server version');
      c.send(71, 2, 1, '');
      await c.until(() => c.of(9).length === 1, 'nextValidId');
      c.send(1, 11, 7, 265598, 'AAPL', 'STK', '', 0, '', '', 'SMART', '', 'USD', '', '', 0, '', 0, 0, '');
      await r.transport.setSpeed(10);
      await r.transport.play();
      await c.until(() => stampTimes(c.frames).length > 0, 'a stamped AAPL quote', 10_000);
      // The app's thread does 400 ms of work: a gateway in this thread could send nothing meanwhile.
      const from = performance.timeOrigin + performance.now();
      while (performance.timeOrigin + performance.now() - from < 400) {
        // busy
      }
      const to = performance.timeOrigin + performance.now();
      await new Promise((done) => setTimeout(done, 100));
      const during = stampTimes(c.frames).filter((t) => t > from + 50 && t < to - 50);
      expect(during.length).toBeGreaterThan(0);
    } finally {
      c.close();
      await r.close();
    }
  });
});
