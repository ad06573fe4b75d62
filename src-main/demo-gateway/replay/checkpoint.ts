// A recording's checkpoint: a request record (kind "checkpoint", no request id) listing the streams live at that
// moment, each with the messages a newcomer would start from (the latest tick of each type, the book, the bars …).
// A recorder writes one every minute or so and at the start of each file part; a replay seeks by reading back to
// the latest checkpoint before the target time and playing forward from it, instead of from the file's start.
import { z } from 'zod';
import type { JsonObject } from '../../recorder/format';
import type { RecordedRequest, RecordedStream } from './recorded-stream';
import { CHECKPOINT_KIND } from './stream-kinds';

/** How often a recorder should write one (ms of recording time). */
export const CHECKPOINT_EVERY_MS = 60_000;

export interface CheckpointStream extends RecordedRequest {
  readonly messages: readonly (readonly string[])[];
}

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const CheckpointSchema = z.object({
  streams: z.array(
    z.object({
      t: z.number(),
      kind: z.string(),
      reqId: z.number(),
      contract: z.record(z.string(), Scalar).optional(),
      // Parameters are JSON as recorded; whoever reads one checks its type.
      params: z.record(z.string(), z.unknown()).optional(),
      messages: z.array(z.array(z.string())),
    }),
  ),
});

/** Streams worth a checkpoint: every live one, and contract-details answers (a replay answers with them). */
function checkpointStreams(all: Iterable<RecordedStream>): RecordedStream[] {
  const out: RecordedStream[] = [];
  for (const s of all)
    if (s.endedAt === undefined || (s.kind === 'reqContractDetails' && s.hasAnswer)) out.push(s);
  return out;
}

/** The record a recorder writes (RecordingWriter.request). */
export function checkpointRecord(streams: Iterable<RecordedStream>): {
  kind: string;
  reqId: null;
  params: JsonObject;
} {
  return {
    kind: CHECKPOINT_KIND,
    reqId: null,
    params: {
      streams: checkpointStreams(streams).map((s) => ({
        ...s.request,
        messages: s.stateMessages(),
      })),
    } as unknown as JsonObject,
  };
}

/** The streams of a checkpoint record's params, or null when they are not a checkpoint this replay can read. */
export function readCheckpoint(params: JsonObject | undefined): CheckpointStream[] | null {
  const r = CheckpointSchema.safeParse(params);
  return r.success ? (r.data.streams as CheckpointStream[]) : null;
}
