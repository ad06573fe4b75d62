// "Record this session": the per-profile choice (off by default; masked unless the trader keeps account ids and
// order details) and the recorder's state every window shows.
import { z } from 'zod';
import { perProfile } from './per-profile';

export const RecordingChoice = z.strictObject({
  /** Record what TWS sends and what the app asks for, from the next message on. */
  record: z.boolean(),
  /** Keep account ids and order details as they are (recordings are things people share: masked by default). */
  keep: z.boolean(),
});
export type RecordingChoice = z.infer<typeof RecordingChoice>;

/** The choices, per profile id. */
export const RecordingChoices = perProfile(RecordingChoice);
export type RecordingChoices = z.infer<typeof RecordingChoices>;

export const RecordingStatus = z.strictObject({
  /** off: never started (or stopped by the trader); stopped: the recorder stopped by itself (see reason). */
  state: z.enum(['off', 'recording', 'stopped']),
  /** The part being written (or the last one written). */
  file: z.string().nullable(),
  /** Bytes on disk, all parts. */
  bytes: z.number().nonnegative(),
  /** Messages and requests recorded. */
  records: z.number().nonnegative(),
  /** Records dropped because the disk fell behind (a gap in the file says so). */
  dropped: z.number().nonnegative(),
  keep: z.boolean(),
  /** Why the recording stopped (disk full, write failed, the trader turned it off). */
  reason: z.string().nullable(),
});
export type RecordingStatus = z.infer<typeof RecordingStatus>;

export const RECORDING_OFF: RecordingStatus = {
  state: 'off',
  file: null,
  bytes: 0,
  records: 0,
  dropped: 0,
  keep: false,
  reason: null,
};
