// Time as TWS writes it. The demo reports every instrument in US/Eastern (the usual TWS login zone for US
// markets); DST follows the US rule (second Sunday of March to first Sunday of November, 02:00 local), computed
// directly because bar timestamps are formatted in hot loops.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const ET_ZONE = 'US/Eastern';

const dstCache = new Map<number, [number, number]>();

/** UTC ms of the DST start and end instants of a year in US/Eastern. */
function dstBounds(year: number): [number, number] {
  let b = dstCache.get(year);
  if (b) return b;
  const march1 = Date.UTC(year, 2, 1);
  const marchDow = new Date(march1).getUTCDay();
  const secondSunday = 1 + ((7 - marchDow) % 7) + 7;
  const nov1 = Date.UTC(year, 10, 1);
  const novDow = new Date(nov1).getUTCDay();
  const firstSunday = 1 + ((7 - novDow) % 7);
  // 02:00 EST = 07:00 UTC; 02:00 EDT = 06:00 UTC.
  b = [Date.UTC(year, 2, secondSunday, 7), Date.UTC(year, 10, firstSunday, 6)];
  dstCache.set(year, b);
  return b;
}

/** Minutes to add to UTC to get US/Eastern wall time (-240 in summer, -300 in winter). */
export function etOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const [start, end] = dstBounds(year);
  return utcMs >= start && utcMs < end ? -240 : -300;
}

/** ET calendar day number (days since 1970-01-01 in US/Eastern). */
export function etDay(utcMs: number): number {
  return Math.floor((utcMs + etOffsetMinutes(utcMs) * 60_000) / DAY);
}

/** UTC ms of 00:00 US/Eastern on an ET day. */
export function etMidnight(day: number): number {
  // 00:00 EST is 05:00 UTC; on a switch day midnight is still in the old regime (the switch is at 02:00).
  const guess = day * DAY + 5 * HOUR;
  return day * DAY - etOffsetMinutes(guess) * 60_000;
}

/** UTC ms of an ET wall-clock time on an ET day (minutes after midnight; may exceed 1440). */
export function etTime(day: number, minutes: number): number {
  const d = day + Math.floor(minutes / 1440);
  return etMidnight(d) + (minutes - Math.floor(minutes / 1440) * 1440) * 60_000;
}

/** Day of week of an ET day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface WallTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

export function etWall(utcMs: number): WallTime {
  const t = new Date(utcMs + etOffsetMinutes(utcMs) * 60_000);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "yyyyMMdd" of an ET wall time. */
export function ymd(w: WallTime): string {
  return `${w.y}${p2(w.mo)}${p2(w.d)}`;
}

/** "HH:mm:ss" of a wall time. */
export function hms(w: WallTime): string {
  return `${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`;
}

const dayNameCache = new Map<number, string>();

/** "yyyyMMdd" of an ET day number (cached: bar loops format the same days over and over). */
export function ymdOfDay(day: number): string {
  let s = dayNameCache.get(day);
  if (s === undefined) {
    s = ymd(etWall(etMidnight(day) + 12 * HOUR));
    if (dayNameCache.size > 20_000) dayNameCache.clear();
    dayNameCache.set(day, s);
  }
  return s;
}

/** The connection time TWS puts in its first frame: "20261124 23:40:00 EST". */
export function connTime(utcMs: number): string {
  const w = etWall(utcMs);
  return `${ymd(w)} ${hms(w)} ${etOffsetMinutes(utcMs) === -240 ? 'EDT' : 'EST'}`;
}

/** Bar/exec timestamp with zone (formatDate=1 intraday): "20261124 09:30:00 US/Eastern". */
export function etStamp(utcMs: number): string {
  const w = etWall(utcMs);
  return `${ymd(w)} ${hms(w)} ${ET_ZONE}`;
}

/** UTC in TWS's "yyyyMMdd-HH:mm:ss" form (head timestamp, UTC end dates). */
export function utcDash(utcMs: number): string {
  const t = new Date(utcMs);
  return `${t.getUTCFullYear()}${p2(t.getUTCMonth() + 1)}${p2(t.getUTCDate())}-${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}`;
}

/** "HH:mm" in ET, as updateAccountTime carries it. */
export function etHourMinute(utcMs: number): string {
  const w = etWall(utcMs);
  return `${p2(w.h)}:${p2(w.mi)}`;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset (minutes, local = UTC + offset) of an IANA zone at an instant; undefined for unknown zones. */
function zoneOffsetMinutes(zone: string, utcMs: number): number | undefined {
  let f = zoneFormatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    zoneFormatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - utcMs) / 60_000);
}

const ZONE_ALIASES: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  'US/Eastern': 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  'US/Central': 'America/Chicago',
  GMT: 'UTC',
  UTC: 'UTC',
  Z: 'UTC',
};

/**
 * Parses a TWS date-time as clients send it (reqHistoricalData endDateTime, execution filter time):
 * "yyyyMMdd HH:mm:ss[ zone]", "yyyyMMdd-HH:mm:ss" (UTC), "yyyyMMdd" (end of that day). Without a zone the time
 * is the TWS login zone, US/Eastern here. Returns undefined when it cannot be read.
 */
export function parseTwsDateTime(text: string): number | undefined {
  const s = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})-(\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(\S+))?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const h = m[4] === undefined ? 23 : +m[4];
  const mi = m[5] === undefined ? 59 : +m[5];
  const sec = m[6] === undefined ? (m[4] === undefined ? 59 : 0) : +m[6];
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  const zone = m[7] === undefined ? 'America/New_York' : (ZONE_ALIASES[m[7]] ?? m[7]);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi, sec);
  const off1 = zoneOffsetMinutes(zone, wallAsUtc);
  if (off1 === undefined) return undefined;
  const guess = wallAsUtc - off1 * 60_000;
  const off2 = zoneOffsetMinutes(zone, guess) ?? off1;
  return wallAsUtc - off2 * 60_000;
}
