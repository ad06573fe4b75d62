// The news feed over time: nothing dated after "now" is shown (history, articles), history walks back until it
// has more than asked (so hasMore is exact), covering a day twice adds nothing, and publication is by time window.
import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../model/universe';
import { PathModel } from '../model/price-path';
import { etDay, etTime } from '../wire/tws-time';
import { NewsError } from './news-error';
import { createNewsModel } from './news-model';
import { NewsFeed } from './news-feed';
import { parseNewsTime } from './news-time';

const WED = etDay(Date.UTC(2026, 6, 8, 16));
const universe = buildUniverse(Date.UTC(2026, 6, 8));

function feed(seed = 3): NewsFeed {
  return new NewsFeed(createNewsModel({ seed }), new PathModel(seed), universe);
}

const ALL = 'BRFG+BRFUPDN+DJNL+DEMO';
const noon = etTime(WED, 12 * 60);

describe('NewsFeed', () => {
  it('answers history newest first, never after now, with an exact hasMore', () => {
    const f = feed();
    f.coverMarketDay(WED);
    const story = f.published(etTime(WED, 9 * 60), noon)[0]!;
    const q = { conId: story.conId, providerCodes: ALL, startDateTime: '', endDateTime: '' };
    const some = f.historical({ ...q, totalResults: 2 }, noon);
    const more = f.historical({ ...q, totalResults: 300 }, noon);
    expect(some.rows).toEqual(more.rows.slice(0, 2));
    expect(some.hasMore).toBe(more.rows.length > 2);
    const times = more.rows.map((r) => parseNewsTime(r.time)!);
    expect(times.every((t) => t <= noon)).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Asked a second before the story, the story is not out yet.
    const before = f.historical({ ...q, totalResults: 300 }, story.time - 1000);
    expect(before.rows.map((r) => r.articleId)).not.toContain(story.articleId);
    expect(more.rows.map((r) => r.articleId)).toContain(story.articleId);
  });

  it('reads the same stories for a stock whether its day came alone or with the market', () => {
    const alone = feed();
    const withMarket = feed();
    withMarket.coverMarketDay(WED);
    const story = withMarket
      .published(etTime(WED, 9 * 60), noon)
      .find((it) => it.event.kind !== 'scanner-entry')!;
    const q = {
      conId: story.conId,
      providerCodes: 'BRFG+BRFUPDN+DJNL',
      startDateTime: '',
      endDateTime: '',
      totalResults: 50,
    };
    expect(alone.historical(q, noon)).toEqual(withMarket.historical(q, noon));
  });

  it('has no news for an unknown conId, and refuses unknown providers and bad times', () => {
    const f = feed();
    const q = { conId: 1, providerCodes: ALL, startDateTime: '', endDateTime: '', totalResults: 5 };
    expect(f.historical(q, noon)).toEqual({ rows: [], hasMore: false });
    expect(() => f.historical({ ...q, providerCodes: 'BZ' }, noon)).toThrow(NewsError);
    expect(() => f.historical({ ...q, endDateTime: 'yesterday' }, noon)).toThrow(NewsError);
  });

  it('shows an article only once it is published', () => {
    const f = feed();
    f.coverMarketDay(WED);
    const story = f.published(etTime(WED, 9 * 60), noon)[0]!;
    expect(f.article(story.providerCode, story.articleId, story.time - 1)).toBeNull();
    expect(f.article(story.providerCode, story.articleId, story.time)?.articleText).toContain(story.symbol);
    expect(f.article('DEMO', 'DEMO$0badc0de', 0)?.articleText).toContain('<script>');
  });

  it('publishes by time window and adds nothing when a day is covered twice', () => {
    const f = feed();
    f.coverMarketDay(WED);
    const day = f.published(etTime(WED, 0) - 1, etTime(WED + 1, 0));
    f.coverMarketDay(WED);
    expect(f.published(etTime(WED, 0) - 1, etTime(WED + 1, 0))).toEqual(day);
    const cut = day[Math.floor(day.length / 2)]!.time;
    const early = f.published(etTime(WED, 0) - 1, cut);
    const late = f.published(cut, etTime(WED + 1, 0));
    expect([...early, ...late]).toEqual(day);
    expect(late.every((it) => it.time > cut)).toBe(true);
  });

  it('reads a market day a stock at a time, the same news as at once; a stock read by history meanwhile once', () => {
    const whole = feed();
    whole.coverMarketDay(WED);
    const f = feed();
    const steps = f.marketDaySteps(WED);
    let n = 0;
    for (; n < 10; n++) steps.next();
    expect(f.coversMarketDay(WED)).toBe(false);
    expect(f.published(etTime(WED, 0) - 1, etTime(WED + 1, 0))).toEqual([]);
    // A history request reads one stock's day while the market's is being read.
    const story = whole.published(etTime(WED, 9 * 60), noon).find((it) => it.event.kind !== 'scanner-entry')!;
    const q = {
      conId: story.conId,
      providerCodes: ALL,
      startDateTime: '',
      endDateTime: '',
      totalResults: 300,
    };
    f.historical(q, noon);
    while (!steps.next().done) n++;
    expect(n).toBeGreaterThan(100);
    expect(f.coversMarketDay(WED)).toBe(true);
    const all = (x: NewsFeed) => x.published(etTime(WED, 0) - 1, etTime(WED + 1, 0));
    expect(
      all(f)
        .map((it) => it.articleId)
        .sort(),
    ).toEqual(
      all(whole)
        .map((it) => it.articleId)
        .sort(),
    );
    expect(f.historical(q, noon)).toEqual(whole.historical(q, noon));
  });
});
