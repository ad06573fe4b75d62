// The worker side of a worker-thread recording writer: takes the batches writer-client.ts sends and hands their
// entries to a writer on this thread, answers flush and close, reports a disk failure once. A worker entry calls
// it with what it adds to the writer (the app's recorder, services/recorder/recorder-worker.ts: replay checkpoints).
import type { MessagePort } from 'node:worker_threads';
import type { RecordingError } from './errors';
import { readBatch, type FromWorker, type ToWorker, type WorkerSideStats } from './handoff';
import { createRecordingWriter, type RecordingWriterOptions, type WriterStats } from './writer';

/** What the app's thread tells the worker (plain data: it crosses threads as workerData). */
export type WorkerInit = Omit<RecordingWriterOptions, 'clock' | 'fs' | 'onError' | 'checkpoints'>;

function side(s: WriterStats): WorkerSideStats {
  const { records, dropped, rejected, blocks, bytes, files, state } = s;
  return { records, dropped, rejected, blocks, bytes, files: [...files], state };
}

export function hostRecordingWriter(
  port: Pick<MessagePort, 'postMessage' | 'on'>,
  init: WorkerInit,
  extra: Pick<RecordingWriterOptions, 'checkpoints'> = {},
): void {
  const post = (m: FromWorker): void => port.postMessage(m);
  const writer = createRecordingWriter({
    ...init,
    ...extra,
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
