// The recording format's public surface: the writer the app records with, the reader a replay and the tests read
// with, the masker, and the record and error types. Everything else in this folder is an implementation detail.
export { createRecordingWriter, partFileName } from './writer';
export { createWorkerRecordingWriter } from './writer-client';
export type {
  RecordingWriter,
  RecordingWriterOptions,
  WriterClock,
  WriterFile,
  WriterFs,
  WriterState,
  WriterStats,
} from './writer';
export { bufferSource, fileSource, openRecording } from './reader';
export type { BlockInfo, Damage, RecordingReader, RecordingSource } from './reader';
export { createMasker, passesUnmasked } from './mask';
export type { Masker, RequestBody } from './mask';
export { RecordingError, isRecordingError } from './errors';
export type { RecordingErrorCode } from './errors';
export type { FileMeta } from './file-header';
export type { Codec } from './block';
export type {
  ContractRef,
  GapRecord,
  IncomingRecord,
  Json,
  JsonObject,
  RecordingEntry,
  RequestRecord,
} from './records';
