// News bulletins (reqNewsBulletins → NEWS_BULLETINS 14): a notice each weekday morning and, on some days, an
// exchange going unavailable (msgType 2) and coming back (3), as TWS announces them. Deterministic per seed: any
// span of time has the same bulletins however it is asked for. Text is ASCII without backslashes, because the
// official Python client decodes this message with unicode-escape (notes §0 trap 2).
import { hash32 } from '../model/rng';
import { dayOfWeek, etDay, etOffsetMinutes, etTime, etWall } from '../wire/tws-time';

export const BULLETIN_REGULAR = 1;
export const BULLETIN_EXCHANGE_UNAVAILABLE = 2;
export const BULLETIN_EXCHANGE_AVAILABLE = 3;

export type Bulletin = {
  /** Unique and increasing: the epoch second it was issued (live ids look the same). */
  readonly msgId: number;
  readonly msgType: 1 | 2 | 3;
  readonly message: string;
  readonly origExchange: string;
  readonly time: number;
};

const EXCHANGES = ['ARCA', 'BATS', 'IEX', 'EDGEA', 'PHLX', 'CBOE'];
const RULE = '='.repeat(54);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Thu 09 Jul 2026 10:38:19 AM EDT", as the live bulletin dates itself. */
export function bulletinStamp(ms: number): string {
  const w = etWall(ms);
  const dow = DAYS[new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay()]!;
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${dow} ${p2(w.d)} ${MONTHS[w.mo - 1]} ${w.y} ${p2(h12)}:${p2(w.mi)}:${p2(w.s)} ${w.h < 12 ? 'AM' : 'PM'} ${etOffsetMinutes(ms) === -240 ? 'EDT' : 'EST'}`;
}

function text(to: string, at: number, body: string): string {
  return `${RULE}\nTo ${to} traders:\n${bulletinStamp(at)}\n${body}`;
}

/** The bulletins of one ET day (weekdays only), in time order. */
function dayBulletins(seed: number, day: number): Bulletin[] {
  const dow = dayOfWeek(day);
  if (dow === 0 || dow === 6) return [];
  const out: Bulletin[] = [];
  const notice = etTime(day, 7 * 60 + (hash32(seed, day, 1) % 60));
  out.push({
    msgId: Math.floor(notice / 1000),
    msgType: BULLETIN_REGULAR,
    message: text(
      'all demo',
      notice,
      'Please note that the demo gateway simulates prices, fills and news; nothing here reaches a real market.',
    ),
    origExchange: 'NYSE,NASDAQ',
    time: notice,
  });
  // About one weekday in four an exchange drops out for a few minutes during regular hours.
  if (hash32(seed, day, 2) % 4 === 0) {
    const exch = EXCHANGES[hash32(seed, day, 3) % EXCHANGES.length]!;
    const down = etTime(day, 10 * 60 + (hash32(seed, day, 4) % 300));
    const up = down + (3 + (hash32(seed, day, 5) % 23)) * 60_000;
    out.push(
      {
        msgId: Math.floor(down / 1000),
        msgType: BULLETIN_EXCHANGE_UNAVAILABLE,
        message: text(
          exch,
          down,
          `Trading on ${exch} is temporarily unavailable. Orders routed there are held.`,
        ),
        origExchange: exch,
        time: down,
      },
      {
        msgId: Math.floor(up / 1000),
        msgType: BULLETIN_EXCHANGE_AVAILABLE,
        message: text(exch, up, `Trading on ${exch} is available again.`),
        origExchange: exch,
        time: up,
      },
    );
  }
  return out;
}

/** Bulletins issued in (from, to], in time order. */
export function bulletinsBetween(seed: number, from: number, to: number): Bulletin[] {
  const out: Bulletin[] = [];
  for (let d = etDay(from); d <= etDay(to); d++)
    for (const b of dayBulletins(seed, d)) if (b.time > from && b.time <= to) out.push(b);
  return out;
}

/** What reqNewsBulletins(allMsgs = true) starts with: today's (ET) bulletins issued up to now. */
export function todaysBulletins(seed: number, now: number): Bulletin[] {
  return dayBulletins(seed, etDay(now)).filter((b) => b.time <= now);
}
