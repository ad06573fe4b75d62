// The replay's worker thread (started by replay-thread.ts, bundled as dist/main/replay-worker.js): the demo gateway
// replaying a recording, its transport driven by the app thread's messages, its status posted back on every change.
import { parentPort, workerData } from 'node:worker_threads';
import { createDemoGateway, type DemoGateway } from '../gateway';
import {
  threadError,
  type FromReplayThread,
  type ReplayThreadData,
  type ToReplayThread,
} from './replay-thread';

/** How often a running replay's status goes to the app thread (the transport bar's clock). */
const STATUS_MS = 100;

const port = parentPort;
if (!port) throw new Error('replay-thread-worker runs as a worker thread');
const data = workerData as ReplayThreadData;
const post = (m: FromReplayThread): void => port.postMessage(m);

function run(gateway: DemoGateway, m: ToReplayThread): void | Promise<void> {
  const replay = gateway.replay!;
  switch (m.op) {
    case 'play':
      return replay.play();
    case 'pause':
      return replay.pause();
    case 'speed':
      return replay.setSpeed(m.speed);
    case 'step':
      return replay.step(m.ms);
    case 'seek':
      return replay.seek(m.to);
    case 'close':
      return gateway.close();
  }
}

async function main(): Promise<void> {
  let gw;
  try {
    gw = await createDemoGateway({
      host: '127.0.0.1',
      port: 0,
      benchStamps: data.benchStamps,
      replay: { file: data.file, paused: true },
    });
  } catch (err) {
    post({ type: 'failed', error: threadError(err) });
    port!.close();
    return;
  }
  const gateway = gw;
  const replay = gateway.replay!;
  let posted = JSON.stringify(replay.status());
  post({ type: 'ready', host: gateway.host, port: gateway.port, status: replay.status() });
  const ticker = setInterval(() => {
    const status = replay.status();
    const text = JSON.stringify(status);
    if (text === posted) return;
    posted = text;
    post({ type: 'status', status });
  }, STATUS_MS);
  port!.on('message', (m: ToReplayThread) => {
    void (async () => {
      if (m.op === 'close') clearInterval(ticker);
      try {
        await run(gateway, m);
        post({ type: 'done', id: m.id, status: replay.status() });
      } catch (err) {
        post({ type: 'failed', id: m.id, error: threadError(err), status: replay.status() });
      }
      posted = JSON.stringify(replay.status());
    })();
  });
}

void main();
