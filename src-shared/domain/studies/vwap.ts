// Session VWAP: Σ(typical price × volume) / Σ volume from the start of the bar's session, reset at each new
// session. Where sessions start is the caller's knowledge (time zone, DST, trading hours), so it is a function.
import { z } from 'zod';
import { defineStudy, type SessionOf } from './study';

/** Day sessions that start `startMinute` minutes after midnight at a fixed UTC offset (no DST). */
export function dailySession(utcOffsetMinutes = 0, startMinute = 0): SessionOf {
  const shift = (utcOffsetMinutes - startMinute) * 60;
  return (time) => Math.floor((time + shift) / 86_400);
}

export const VwapParams = z.strictObject({
  /** Used when no `sessionOf` option is given: the sessions' fixed UTC offset and start, in minutes. */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
  startMinute: z.number().int().min(0).max(1439).default(0),
});
export type VwapParams = z.infer<typeof VwapParams>;

export const vwap = defineStudy('vwap', VwapParams, ['value'], (p, options) => {
  const sessionOf = options.sessionOf ?? dailySession(p.utcOffsetMinutes, p.startMinute);
  let session: number | null = null;
  let priceVolume = 0;
  let volume = 0;
  return {
    peek(bar) {
      const same = sessionOf(bar.time) === session;
      const v = (same ? volume : 0) + bar.volume;
      const pv = (same ? priceVolume : 0) + ((bar.high + bar.low + bar.close) / 3) * bar.volume;
      return v > 0 ? pv / v : null;
    },
    commit(bar) {
      const s = sessionOf(bar.time);
      if (s !== session) {
        session = s;
        priceVolume = 0;
        volume = 0;
      }
      priceVolume += ((bar.high + bar.low + bar.close) / 3) * bar.volume;
      volume += bar.volume;
    },
  };
});
