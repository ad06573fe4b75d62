// The app recorder's worker thread (a bundle entry of its own, dist/main/recorder-worker.js): the recording writer
// with the demo gateway's replay checkpoints, so a replay seeks in an app-made recording from the latest one
// instead of from the file's start. The checkpointer reads every message the app receives; here it does so on
// the writer's thread, where the records already go, and the app's thread only copies bytes into a batch.
import { parentPort, workerData } from 'node:worker_threads';
import { CHECKPOINT_EVERY_MS, createReplayCheckpointer } from '../../demo-gateway';
import { hostRecordingWriter, type WorkerInit } from '../../recorder/format';

if (parentPort) {
  const init = workerData as WorkerInit;
  const checkpointer = createReplayCheckpointer(init.serverVersion);
  hostRecordingWriter(parentPort, init, {
    checkpoints: { every: CHECKPOINT_EVERY_MS, ...checkpointer },
  });
}
