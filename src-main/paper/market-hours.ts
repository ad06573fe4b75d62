// Is the market open now? Parses TWS's tradingHours/liquidHours strings ("20261124:0930-20261124:1600;
// 20261125:CLOSED", sessions may span midnight) in the instrument's time zone, without a date library.
import { zonedParts } from '../../src-shared/zoned-time';

export type Session = { start: number; end: number };

/** Epoch ms of a wall-clock time in an IANA zone (TWS sends ids like "US/Eastern", which Intl accepts). */
export function zonedToEpoch(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  timeZone: string,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that instant, found by reading the guess on the zone's clock and comparing.
  const offsetAt = (t: number): number => {
    const p = zonedParts(t, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - t;
  };
  const first = guess - offsetAt(guess);
  // Second pass fixes guesses that straddle a DST change.
  return guess - offsetAt(first);
}

const STAMP = /^(\d{4})(\d{2})(\d{2}):(\d{2})(\d{2})$/;

function parseStamp(s: string, timeZone: string): number | null {
  const m = STAMP.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return zonedToEpoch(y, mo, d, h, mi, timeZone);
}

/** Sessions from a TWS hours string; CLOSED days and unreadable parts are skipped. */
export function parseSessions(hours: string, timeZone: string): Session[] {
  const out: Session[] = [];
  for (const part of hours.split(';')) {
    const p = part.trim();
    if (!p || p.endsWith(':CLOSED')) continue;
    const [a, b] = p.split('-');
    if (!a || !b) continue;
    // Old format "20261124:0930-1600" gives the end without its date.
    const endStamp = b.includes(':') ? b : `${a.slice(0, 8)}:${b}`;
    const start = parseStamp(a, timeZone);
    const end = parseStamp(endStamp, timeZone);
    if (start !== null && end !== null && end > start) out.push({ start, end });
  }
  return out;
}

/**
 * Joins sessions that follow each other without a gap (the demo gateway lists every calendar day as a session
 * from 0000 to 0000 of the next day): there is no close between them, so no "last minutes" either.
 */
export function mergeSessions(sessions: readonly Session[]): Session[] {
  const out: Session[] = [];
  for (const s of [...sessions].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export type MarketState = {
  open: boolean;
  reason: string;
  /** End of the current session (epoch ms), when inside one. */
  closesAt: number | null;
  /** Start of the next session (epoch ms), when one is listed. */
  opensAt: number | null;
};

/**
 * Whether an order placed now can fill normally: inside a session and not within `marginMin` minutes of its
 * close (the fill scenario avoids the last minutes, when a MKT order may not fill or may fill at the auction).
 */
export function marketState(hours: string, timeZone: string, now: number, marginMin = 10): MarketState {
  const sessions = mergeSessions(parseSessions(hours, timeZone));
  const next = sessions.find((s) => s.start > now)?.start ?? null;
  if (sessions.length === 0)
    return { open: false, reason: 'no trading sessions reported', closesAt: null, opensAt: null };
  const current = sessions.find((s) => now >= s.start && now < s.end);
  if (!current) return { open: false, reason: 'market closed', closesAt: null, opensAt: next };
  if (current.end - now < marginMin * 60_000) {
    return {
      open: false,
      reason: `market closes in under ${marginMin} minutes`,
      closesAt: current.end,
      opensAt: next,
    };
  }
  return { open: true, reason: 'market open', closesAt: current.end, opensAt: next };
}

/** "2026-11-24 16:00 US/Eastern": a moment as the exchange's wall clock shows it. */
function zonedText(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} ${timeZone}`;
}

export type FillGate = { run: true; note: string } | { run: false; line: string };

/**
 * The fill scenario's gate: regular hours (liquidHours) of the instrument when TWS sends them, else its trading
 * hours, in its own time zone. Closed, or in the last minutes of the session → a "skipped: market closed" line.
 */
export function fillGate(
  instrument: { symbol: string; liquidHours: string; tradingHours: string; timeZoneId: string },
  now: number,
  marginMin = 10,
): FillGate {
  const regular = instrument.liquidHours.trim() !== '';
  const hours = regular ? instrument.liquidHours : instrument.tradingHours;
  const zone = instrument.timeZoneId || 'US/Eastern';
  const which = `${instrument.symbol} ${regular ? 'regular' : 'trading'} hours`;
  let state: MarketState;
  try {
    state = marketState(hours, zone, now, marginMin);
  } catch (err) {
    return {
      run: false,
      line: `skipped: market closed (cannot tell: ${which} in time zone "${zone}" are unreadable: ${(err as Error).message})`,
    };
  }
  if (state.open)
    return {
      run: true,
      note: `market open (${which}; the session closes ${zonedText(state.closesAt!, zone)})`,
    };
  const opens = state.opensAt !== null ? `; next session opens ${zonedText(state.opensAt, zone)}` : '';
  if (state.closesAt !== null)
    return {
      run: false,
      line: `skipped: market closed for orders (${which}: the session ends ${zonedText(state.closesAt, zone)}, under ${marginMin} minutes from now${opens})`,
    };
  return { run: false, line: `skipped: market closed (${which}: ${state.reason}${opens})` };
}
