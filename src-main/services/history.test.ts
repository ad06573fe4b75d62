import { describe, expect, it } from 'vitest';
import { durationFor, MAX_PAGES, planPages } from './history';

describe('planPages', () => {
  const now = 1_800_000_000;

  it('keeps a small request whole', () => {
    expect(planPages('5 mins', '1 D', undefined, now)).toEqual([{ duration: '1 D', endTime: undefined }]);
  });

  it('splits a large request into pages of at most ~3000 bars, newest first', () => {
    const pages = planPages('1 min', '10 D', undefined, now);
    expect(pages.map((p) => p.duration)).toEqual(['2 D', '2 D', '2 D', '2 D', '2 D']);
    expect(pages[0]!.endTime).toBeUndefined();
    expect(pages[1]!.endTime).toBe(now - 2 * 86_400);
    expect(pages[4]!.endTime).toBe(now - 8 * 86_400);
  });

  it('pages seconds bars in seconds, and caps the number of pages', () => {
    const pages = planPages('5 secs', '1 D', now, now);
    expect(pages[0]).toEqual({ duration: '15000 S', endTime: now });
    expect(pages).toHaveLength(6);
    expect(planPages('1 secs', '1 Y', undefined, now)).toHaveLength(MAX_PAGES);
  });

  it('writes TWS durations', () => {
    expect(durationFor(10)).toBe('30 S');
    expect(durationFor(3600)).toBe('3600 S');
    expect(durationFor(86_400 * 3)).toBe('3 D');
    expect(durationFor(400 * 86_400)).toBe('2 Y');
  });
});
