// The bench probe: how `npm run bench` times a tick from the demo gateway to the painted cell with no field on the
// domain Quote. The gateway (run with benchStamps) closes each batch of ticks with a private tickString; the TWS
// adapter (run with benchProbe, off by default) reads it into a side channel, and windows get it beside the quotes
// of the same frame, as the `probe` of the `quotes` event. Depth books carry the stamps of the changes they include
// the same way, as the `probe` of the `depth` event.
import { z } from 'zod';

/** Private tick type of the stamps: tickString(9901, "<seq>;<epoch ms>"). TWS itself never sends it. */
export const BENCH_STAMP_TICK = 9901;

/** One stamp: the gateway's batch `tickId` for instrument `conId`, sent at `tickAt` (epoch ms, fractional). */
export const QuoteProbe = z.object({ conId: z.number().int(), tickId: z.number(), tickAt: z.number() });
export type QuoteProbe = z.infer<typeof QuoteProbe>;

/** The text of a stamp ("<seq>;<epoch ms>") read, or null when it is not one. */
export function parseBenchStamp(text: unknown): { tickId: number; tickAt: number } | null {
  const [tickId, tickAt, ...rest] = String(text).split(';').map(Number);
  if (rest.length > 0 || !Number.isFinite(tickId) || !Number.isFinite(tickAt)) return null;
  return { tickId: tickId!, tickAt: tickAt! };
}
