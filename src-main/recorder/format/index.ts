// The recording format's public surface: the writer the app records with (in its thread or a worker), the reader
// a replay and the tests read with, and the record and error types. Everything else in this folder is an
// implementation detail.
export { bodyFields, createRecordingWriter } from './writer';
export type { RecordingWriter, WriterStats } from './writer';
export type { WriterFs } from './part-files';
export { createWorkerRecordingWriter } from './writer-client';
export { fileSource, openRecording } from './reader';
export type { RecordingReader } from './reader';
export type { RequestBody } from './mask';
export { RecordingError, isRecordingError } from './errors';
export type { ContractRef, IncomingRecord, Json, JsonObject, RecordingEntry, RequestRecord } from './records';
export { hostRecordingWriter } from './writer-host';
export type { WorkerInit } from './writer-host';
