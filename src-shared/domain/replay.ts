// A replay as the app shows it: the recording a Replay profile plays through the embedded gateway, where its clock
// stands and how it plays. The transport bar reads it; replay.* requests change it.
import { z } from 'zod';

/** Speeds the transport offers, as the gateway's replay clock accepts them (1x … 60x). */
export const REPLAY_SPEEDS = [1, 2, 5, 10, 20, 30, 60] as const;

export const ReplaySpeed = z.number().min(1).max(60);

export const ReplayStatus = z.object({
  /** The recording (.ibdrec) being replayed. */
  file: z.string(),
  firstTime: z.number(),
  lastTime: z.number(),
  /** The replay clock (epoch ms). */
  time: z.number(),
  playing: z.boolean(),
  speed: ReplaySpeed,
  /** Played to its last record (the clock stands at its end). */
  ended: z.boolean(),
  /** The file ends inside a block (cut by a crash or a full disk): it plays up to its last complete block. */
  truncated: z.boolean(),
});
export type ReplayStatus = z.infer<typeof ReplayStatus>;

/** A recording as the Profiles dialog lists it: read from its headers, not played. */
export const RecordingInfo = z.object({
  /** Where it is on main's machine (what `replay.open` takes). */
  file: z.string(),
  name: z.string(),
  bytes: z.number().nonnegative(),
  /** When the recording (this part) was started, epoch ms; the file's time when its header does not read. */
  created: z.number(),
  /** Its first and last records (epoch ms); null when it cannot be replayed. */
  firstTime: z.number().nullable(),
  lastTime: z.number().nullable(),
  records: z.number().int().nonnegative(),
  /** Account ids and order details were masked. */
  masked: z.boolean(),
  /** Cut short by a crash or a full disk: it replays up to its last complete block. */
  truncated: z.boolean(),
  /** Why it cannot be replayed (foreign, damaged, empty…), in plain words; null when it can. */
  problem: z.string().nullable(),
});
export type RecordingInfo = z.infer<typeof RecordingInfo>;

export const RecordingList = z.object({
  /** The data folder's recordings/ (where "Record this session" writes). */
  dir: z.string(),
  /** Newest first. */
  recordings: z.array(RecordingInfo),
});
export type RecordingList = z.infer<typeof RecordingList>;
