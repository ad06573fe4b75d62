// Bulletins: the same for any way a span is asked for, every outage announced and then lifted on the same
// exchange, ids unique and increasing, text safe for the official Python client (ASCII, no backslash).
import { describe, expect, it } from 'vitest';
import {
  BULLETIN_EXCHANGE_AVAILABLE,
  BULLETIN_EXCHANGE_UNAVAILABLE,
  BULLETIN_REGULAR,
  bulletinStamp,
  bulletinsBetween,
  todaysBulletins,
} from './bulletins';

const DAY = 86_400_000;
const START = Date.UTC(2026, 6, 6, 4); // Monday 00:00 EDT

describe('bulletins', () => {
  it('are deterministic, and a span asked for in pieces gives the same bulletins', () => {
    const whole = bulletinsBetween(11, START, START + 28 * DAY);
    const pieces = [0, 1, 2, 3].flatMap((w) =>
      bulletinsBetween(11, START + w * 7 * DAY, START + (w + 1) * 7 * DAY),
    );
    expect(pieces).toEqual(whole);
    expect(bulletinsBetween(11, START, START + 28 * DAY)).toEqual(whole);
    expect(bulletinsBetween(12, START, START + 28 * DAY)).not.toEqual(whole);
  });

  it('announce a regular notice each weekday and pair every outage with its end', () => {
    const all = bulletinsBetween(11, START, START + 28 * DAY);
    expect(all.filter((b) => b.msgType === BULLETIN_REGULAR)).toHaveLength(20);
    const down = all.filter((b) => b.msgType === BULLETIN_EXCHANGE_UNAVAILABLE);
    expect(down.length).toBeGreaterThan(0);
    for (const d of down) {
      const up = all.find(
        (b) =>
          b.msgType === BULLETIN_EXCHANGE_AVAILABLE && b.origExchange === d.origExchange && b.time > d.time,
      );
      expect(up).toBeDefined();
      expect(up!.time - d.time).toBeLessThanOrEqual(25 * 60_000);
    }
    for (let i = 1; i < all.length; i++) expect(all[i]!.msgId).toBeGreaterThan(all[i - 1]!.msgId);
    for (const b of all) {
      expect(b.message).toMatch(/^[\x20-\x7e\n]+$/);
      expect(b.message).not.toContain('\\');
      expect(b.message.startsWith('='.repeat(54) + '\nTo ')).toBe(true);
    }
  });

  it("starts a subscription with today's bulletins so far", () => {
    const now = START + 2 * DAY + 16 * 3_600_000; // Wednesday noon EDT
    const today = todaysBulletins(11, now);
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((b) => b.time <= now && b.time > now - 12 * 3_600_000)).toBe(true);
    expect(todaysBulletins(11, START + 5 * DAY + 16 * 3_600_000)).toEqual([]); // Saturday
  });

  it('date themselves as the live bulletin does', () => {
    expect(bulletinStamp(Date.UTC(2026, 6, 10, 2, 38, 19))).toBe('Thu 09 Jul 2026 10:38:19 PM EDT');
    expect(bulletinStamp(Date.UTC(2026, 0, 5, 14, 5, 0))).toBe('Mon 05 Jan 2026 09:05:00 AM EST');
  });
});
