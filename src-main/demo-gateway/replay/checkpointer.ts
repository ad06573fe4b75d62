// What a recorder keeps so it can write checkpoints (replay/checkpoint.ts): the streams of its session, fed with
// every request it records and every message it receives, in the layout of the session's server version. The app's
// recorder (on its writer's worker thread: services/recorder/recorder-worker.ts) and tools/recording-proxy.ts both
// use it; a replay needs nothing else from a recorder.
import type { ContractRef, JsonObject } from '../../recorder/format';
import { Universe } from '../model/universe';
import { checkpointRecord } from './checkpoint';
import { StreamKeys } from './stream-keys';
import { StreamRegistry } from './stream-registry';

export interface ReplayCheckpointer {
  /** A request as recorded (kind, request id, contract, parameters), at time t. */
  request(
    r: { kind: string; reqId: number | null; contract?: ContractRef; params?: JsonObject },
    t: number,
  ): void;
  /** A message as received (its fields, field 0 the message id), at time t. */
  incoming(fields: readonly string[], t: number): void;
  /** A message as received, by its body b[start, end): true when taken, false when it must come by `incoming`. */
  incomingBody(b: Uint8Array, start: number, end: number, t: number): boolean;
  /** The checkpoint record to write now (RecordingWriter.request). */
  checkpoint(): { kind: string; reqId: null; params: JsonObject };
}

export function createReplayCheckpointer(serverVersion: number): ReplayCheckpointer {
  // Group keys do not matter to a recorder: an empty universe keeps them symbol-based and cheap.
  const registry = new StreamRegistry(new StreamKeys(new Universe([])), serverVersion);
  return {
    request: (r, t) => registry.request({ ...r, t }),
    incoming: (fields, t) => void registry.message(t, fields),
    // Ticks (most of a session) are kept undecoded; the rest is decoded by the caller.
    incomingBody: (b, start, end, t) => registry.tickBody(t, b, start, end),
    checkpoint: () => checkpointRecord(registry.all()),
  };
}
