// The recorder's worker thread: hosts a recording writer, so encoding, masking, compression and file writes all
// happen off the app's thread. The client (writer-client.ts) hands it batches of raw appends. This file is a
// bundle entry of its own (the app's build must emit it next to the main bundle).
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordingError } from './errors';
import { readBatch, type FromWorker, type ToWorker, type WorkerSideStats } from './handoff';
import { createRecordingWriter, type RecordingWriterOptions, type WriterStats } from './writer';

export type WorkerInit = Omit<RecordingWriterOptions, 'clock' | 'fs' | 'onError'>;

function side(s: WriterStats): WorkerSideStats {
  const { records, dropped, rejected, blocks, bytes, files, state } = s;
  return { records, dropped, rejected, blocks, bytes, files: [...files], state };
}

const port = parentPort;
if (port) {
  const post = (m: FromWorker): void => port.postMessage(m);
  const writer = createRecordingWriter({
    ...(workerData as WorkerInit),
    clock: {
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    },
    onError: (e: RecordingError) => post({ op: 'error', code: e.code, message: e.message }),
  });
  port.on('message', (m: ToWorker) => {
    if (m.op === 'batch') {
      readBatch(Buffer.from(m.buf), m.len, {
        bytes: (chunk, t) => writer.incomingBytes(chunk, t),
        body: (body, t) => writer.incomingBody(body, t),
        request: (json, t) => writer.request(JSON.parse(json), t),
        gap: (n, since, t) => writer.gap(n, since, t),
      });
      post({ op: 'taken', bytes: m.len, stats: side(writer.stats()) });
    } else if (m.op === 'flush') {
      void writer.flush().then(() => post({ op: 'flushed', id: m.id, stats: side(writer.stats()) }));
    } else if (m.op === 'close') {
      void writer.close().then((s) => post({ op: 'closed', id: m.id, stats: side(s) }));
    }
  });
}
