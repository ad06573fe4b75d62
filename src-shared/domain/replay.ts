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
