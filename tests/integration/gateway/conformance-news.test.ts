// News over TCP at server versions 157, 176 and 193, as @stoqey/ib decodes it: providers, historical headlines
// (newest first, ending with hasMore), articles (and 10172 for an unknown one), the sanitizer fixture article,
// news ticks on a stock line with quotes off ("mdoff,292:…") as stories are published, a broadtape line, and
// bulletins. The gateway's clock is placed just before a story the model publishes, so the tick comes in seconds.
import { EventName } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src-shared/clock';
import { buildUniverse } from '../../../src-main/demo-gateway/model/universe';
import { PathModel } from '../../../src-main/demo-gateway/model/price-path';
import {
  createNewsModel,
  SANITIZER_ARTICLE_HTML,
  SANITIZER_ARTICLE_ID,
} from '../../../src-main/demo-gateway/news';
import type { NewsItem } from '../../../src-main/demo-gateway/news';
import { NewsFeed } from '../../../src-main/demo-gateway/news/news-feed';
import { ReplayClock } from '../../../src-main/demo-gateway/replay/replay-clock';
import { etDay, etTime } from '../../../src-main/demo-gateway/wire/tws-time';
import { conformanceSuite, stock } from './helpers';

const SEED = 3;
const ALL = 'BRFG+BRFUPDN+DJNL+DEMO';
/** A Wednesday: bulletins at 07:xx ET, stories through regular hours. */
const DAY = etDay(Date.UTC(2026, 6, 8, 16));

/** The first story of the day after 11:00 ET, as the gateway's own feed will publish it. */
function firstStoryAfter11(): NewsItem {
  const universe = buildUniverse(etTime(DAY, 11 * 60));
  const feed = new NewsFeed(createNewsModel({ seed: SEED }), new PathModel(SEED), universe);
  feed.coverMarketDay(DAY);
  const from = etTime(DAY, 11 * 60);
  const story = feed.published(from, from + 3 * 3_600_000)[0];
  if (!story) throw new Error('no story after 11:00 on the test day');
  return story;
}

const story = firstStoryAfter11();

describe.each([157, 176, 193])('news at server version %i', (version) => {
  const clock = new ReplayClock(systemClock, story.time - 60_000);
  clock.play();
  const suite = conformanceSuite({ seed: SEED, maxServerVersion: version, clock });

  it('lists the providers', async () => {
    const c = await suite.connect(1);
    c.ib.reqNewsProviders();
    const [list] = (await c.waitEvent(EventName.newsProviders)) as [{ providerCode: string }[]];
    expect(list.map((p) => p.providerCode)).toEqual(['BRFG', 'BRFUPDN', 'DJNL', 'DEMO']);
  });

  it('answers historical news newest first with hasMore, then the article of a headline', async () => {
    const c = await suite.connect(2);
    clock.set(story.time - 10_000);
    const id = c.nextReqId();
    c.ib.reqHistoricalNews(id, story.conId, ALL, '', '', 3);
    const [, hasMore] = (await c.waitEvent(EventName.historicalNewsEnd, (a) => a[0] === id)) as [
      number,
      boolean,
    ];
    const rows = c.of(EventName.historicalNews, id) as [number, string, string, string, string][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(3);
    const times = rows.map((r) => r[1]);
    expect([...times].sort().reverse()).toEqual(times);
    // Nothing after the gateway's clock: the story itself is not out yet.
    expect(rows.map((r) => r[3])).not.toContain(story.articleId);
    expect(hasMore).toBe(rows.length === 3);
    const [, , provider, articleId, headline] = rows[0]!;
    expect(headline).toMatch(/^\{[^}]*\}/);
    const aid = c.nextReqId();
    c.ib.reqNewsArticle(aid, provider, articleId);
    const [, type, text] = (await c.waitEvent(EventName.newsArticle, (a) => a[0] === aid)) as [
      number,
      number,
      string,
    ];
    expect(type).toBe(0);
    // Every body names the stock its headline is about.
    expect(text).toContain(story.symbol);
  });

  it('answers a long first history in slices: a request sent after it is answered before it', async () => {
    // A stock no test read yet: 300 headlines mean reading many of its days (tens of milliseconds), and the
    // gateway goes on with its sockets meanwhile, as TWS does (it would otherwise count a client's steady flow,
    // read late in one clump, over the rate limit).
    const other = buildUniverse(story.time).stocks.find(
      (i) => i.conId !== story.conId && i.symbol !== 'AAPL',
    )!;
    const c = await suite.connect(3);
    const order: string[] = [];
    let headlines = 0;
    c.ib.on(EventName.currentTime, () => order.push('currentTime'));
    c.ib.on(EventName.historicalNews, () => headlines++);
    c.ib.on(EventName.historicalNewsEnd, () => order.push('historicalNewsEnd'));
    const id = c.nextReqId();
    c.ib.reqHistoricalNews(id, other.conId, ALL, '', '', 300);
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.historicalNewsEnd, (a) => a[0] === id);
    expect(order).toEqual(['currentTime', 'historicalNewsEnd']);
    expect(headlines).toBeGreaterThan(10);
  });

  it('answers 10172 for an unknown article, 321 for a provider without subscription, and serves the fixture', async () => {
    const c = await suite.connect(3);
    const a = c.nextReqId();
    c.ib.reqNewsArticle(a, 'BRFG', 'BRFG$00000000');
    expect(await c.waitCode(10172, a)).toBe('Failed to request news article: No data available');
    const b = c.nextReqId();
    c.ib.reqHistoricalNews(b, story.conId, 'BZ', '', '', 5);
    expect(await c.waitCode(321, b)).toBe(
      "Error validating request:-'cg' : cause - Not subscribed for 'BZ' provider",
    );
    const f = c.nextReqId();
    c.ib.reqNewsArticle(f, 'DEMO', SANITIZER_ARTICLE_ID);
    const [, , text] = (await c.waitEvent(EventName.newsArticle, (x) => x[0] === f)) as [
      number,
      number,
      string,
    ];
    expect(text).toBe(SANITIZER_ARTICLE_HTML);
  });

  it('sends a news tick on a quotes-off stock line when the story is published, and on a broadtape line', async () => {
    const c = await suite.connect(4);
    clock.set(story.time - 1500);
    const line = c.nextReqId();
    const contract: Contract = { ...stock(story.symbol), conId: story.conId };
    c.ib.reqMktData(line, contract, `mdoff,292:${ALL}`, false, false);
    const tape = c.nextReqId();
    const broadtape = {
      symbol: `${story.providerCode}:${story.providerCode}_ALL`,
      secType: 'NEWS',
      exchange: story.providerCode,
    } as unknown as Contract;
    c.ib.reqMktData(tape, broadtape, '', false, false);
    await c.waitEvent(EventName.tickReqParams, (a) => a[0] === line);
    expect(c.of(EventName.tickNews).map((a) => a[3])).not.toContain(story.articleId);
    const [, time, provider, articleId, headline, extra] = (await c.waitEvent(
      EventName.tickNews,
      (a) => a[0] === line && a[3] === story.articleId,
    )) as [number, number, string, string, string, string];
    expect([time, provider, headline, extra]).toEqual([
      story.time,
      story.providerCode,
      story.headline,
      story.extraData,
    ]);
    await c.waitFor(
      () => c.of(EventName.tickNews, tape).some((a) => a[3] === articleId),
      'the story on the broadtape line',
    );
    // mdoff: the line carries no quote ticks.
    expect(c.of(EventName.tickPrice, line)).toEqual([]);
    c.ib.cancelMktData(line);
    c.ib.cancelMktData(tape);
  });

  it("sends today's bulletins on reqNewsBulletins(true)", async () => {
    const c = await suite.connect(5);
    c.ib.reqNewsBulletins(true);
    const [msgId, type, text, exchange] = (await c.waitEvent(EventName.updateNewsBulletin)) as [
      number,
      number,
      string,
      string,
    ];
    expect(msgId).toBeGreaterThan(Math.floor(etTime(DAY, 0) / 1000));
    expect(type).toBe(1);
    expect(text).toContain('To all demo traders:');
    expect(exchange).toBe('NYSE,NASDAQ');
    c.ib.cancelNewsBulletins();
  });
});

describe('a news line on a gateway that has not read the day yet', () => {
  // An hour after the story: the stock line starts with the day's stories so far, the story among them.
  const clock = new ReplayClock(systemClock, story.time + 3_600_000);
  const suite = conformanceSuite({ seed: SEED, maxServerVersion: 193, clock });

  it("reads the market's day in slices: a request sent after the line is answered before its first stories", async () => {
    // Reading every stock's day for the news takes a tenth of a second or more; the gateway goes on with its
    // sockets meanwhile (every client's quotes would stall otherwise), and the line's stories follow.
    const c = await suite.connect(1);
    const order: string[] = [];
    c.ib.on(EventName.currentTime, () => order.push('currentTime'));
    c.ib.on(EventName.tickNews, (id: number) => order.push(`tickNews ${id}`));
    const line = c.nextReqId();
    c.ib.reqMktData(line, { ...stock(story.symbol), conId: story.conId }, `mdoff,292:${ALL}`, false, false);
    c.ib.reqCurrentTime();
    await c.waitEvent(EventName.tickNews, (a) => a[0] === line && a[3] === story.articleId);
    expect(order[0]).toBe('currentTime');
    expect(order.slice(1).every((e) => e === `tickNews ${line}`)).toBe(true);
    // Once read, a second line starts with the same stories at once.
    const again = c.nextReqId();
    c.ib.reqMktData(again, { ...stock(story.symbol), conId: story.conId }, `mdoff,292:${ALL}`, false, false);
    await c.waitEvent(EventName.tickNews, (a) => a[0] === again && a[3] === story.articleId);
    expect(c.of(EventName.tickNews, again).map((a) => a[3])).toEqual(
      c.of(EventName.tickNews, line).map((a) => a[3]),
    );
  });
});
