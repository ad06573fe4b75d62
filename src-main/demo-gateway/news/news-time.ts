// News times as TWS writes them: historicalNews rows carry "yyyy-MM-dd HH:mm:ss.0" (read as UTC here: the zone
// is unconfirmed and most clients parse it as UTC, notes §0 trap 3), tickNews carries epoch milliseconds, and
// reqHistoricalNews bounds come in the row format (or empty for "no bound").
import { parseTwsDateTime } from '../wire/tws-time';
import { NewsError } from './news-error';

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2026-04-14 14:58:42.0" for an instant (UTC). */
export function formatNewsTime(ms: number): string {
  const t = new Date(ms);
  return `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}.0`;
}

/**
 * A reqHistoricalNews bound: "yyyy-MM-dd HH:mm:ss[.f]" (UTC), or TWS's "yyyyMMdd HH:mm:ss[ zone]" forms; empty
 * means no bound (null). Anything else is a BAD_TIME error (the gateway answers it with TWS's 321).
 */
export function parseNewsTime(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 59)
      return Date.UTC(y, mo - 1, d, h, mi, sec) + (m[7] ? Number(m[7].padEnd(3, '0')) : 0);
  } else {
    const t = parseTwsDateTime(s);
    if (t !== undefined) return t;
  }
  throw new NewsError('BAD_TIME', `cannot read news time "${text}" (expected yyyy-MM-dd HH:mm:ss.0)`);
}
