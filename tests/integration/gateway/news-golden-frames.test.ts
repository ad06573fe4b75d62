// Golden frames of the news messages over TCP at server versions 157, 176 and 193, byte for byte. Each expected
// frame lists its fields in the order IB's ibapi/decoder.py reads them (no version field on 83-87, version 1 on
// 14) with values pinned for seed 3 on Wednesday 2026-07-08; the requests are written as ibapi's client.py writes
// them. The clock is paused, so every answer is the same on every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src-shared/clock';
import { SANITIZER_ARTICLE_HTML } from '../../../src-main/demo-gateway/news';
import { ReplayClock } from '../../../src-main/demo-gateway/replay/replay-clock';
import { etDay, etTime } from '../../../src-main/demo-gateway/wire/tws-time';
import type { DemoGateway } from '../../../src-main/demo-gateway/gateway';
import { RawClient } from './raw-client';
import { startGateway } from './helpers';

const DAY = etDay(Date.UTC(2026, 6, 8, 16));
/** 11:14:59 ET: a second before CARR enters the gainers scan (11:15). */
const BEFORE_STORY = etTime(DAY, 11 * 60 + 15) - 1000;
const CARR = 386700619;

const frame = (f: readonly string[]): string => f.join('|');

describe.each([157, 176, 193])('news golden frames at server version %i', (version) => {
  let gw: DemoGateway;
  let c: RawClient;
  const clock = new ReplayClock(systemClock, BEFORE_STORY);

  beforeAll(async () => {
    gw = await startGateway({ seed: 3, maxServerVersion: version, clock });
    c = await RawClient.started(gw.port, 7);
    expect(c.frames[0]![0]).toBe(String(version));
  });
  afterAll(async () => {
    c.close();
    await gw.close();
  });

  it('NEWS_PROVIDERS 85: count, then code and name per provider', async () => {
    c.send(85);
    await c.until(() => c.of(85).length === 1, 'newsProviders');
    expect(frame(c.of(85)[0]!)).toBe(
      '85|4|BRFG|Briefing.com General Market Columns|BRFUPDN|Briefing.com Analyst Actions|DJNL|Dow Jones Newsletters|DEMO|IBDesk Demo News',
    );
  });

  it('HISTORICAL_NEWS 86: reqId, time, provider, articleId, headline; HISTORICAL_NEWS_END 87: reqId, hasMore', async () => {
    // reqHistoricalNews: reqId, conId, providerCodes, start, end, totalResults, options ("" from ibapi).
    c.send(86, 41, CARR, 'BRFG+BRFUPDN+DJNL+DEMO', '', '', 2, '');
    await c.until(() => c.of(87).length === 1, 'historicalNewsEnd');
    // CARR's latest stories before 11:15 on 2026-07-08 are from its unusual-volume day in March.
    expect(c.of(86).map(frame)).toEqual([
      '86|41|2026-03-19 14:54:00.0|DJNL|DJNL$2e6e1a90|{A:800015:L:en:K:n/a:C:0.7183080012}Unusual volume: Carrier Global Corp (CARR) trading at 1.7x its average daily volume',
      '86|41|2026-03-19 14:30:00.0|DEMO|DEMO$74c2b612|{L:en:K:0.00}CARR volume spikes to 1.7x average',
    ]);
    expect(frame(c.of(87)[0]!)).toBe('87|41|1');
  });

  it('NEWS_ARTICLE 83: reqId, articleType, articleText', async () => {
    c.send(84, 42, 'DEMO', 'DEMO$0badc0de', '');
    await c.until(() => c.of(83).length === 1, 'newsArticle');
    expect(frame(c.of(83)[0]!)).toBe(`83|42|0|${SANITIZER_ARTICLE_HTML}`);
    // An article the feed never issued: error 10172 (with advancedOrderRejectJson from 166).
    c.send(84, 43, 'BRFG', 'BRFG$00000000', '');
    await c.until(() => c.of(4).some((f) => f[2] === '43'), 'error 10172');
    const err = c.of(4).find((f) => f[2] === '43')!;
    expect(frame(err)).toBe(
      `4|2|43|10172|Failed to request news article: No data available${version >= 166 ? '|' : ''}`,
    );
  });

  it('TICK_NEWS 84: tickerId, timeStamp (ms), provider, articleId, headline, extraData', async () => {
    c.reqStockMktData(44, CARR, 'CARR', 'mdoff,292:DEMO');
    await c.until(() => c.of(81).length === 1, 'tickReqParams');
    clock.set(BEFORE_STORY + 2000);
    await c.until(() => c.of(84).length > 0, 'tickNews');
    expect(frame(c.of(84)[0]!)).toBe(
      '84|44|1783523700000|DEMO|DEMO$18576263|CARR enters the top % gainers scan, +2.8%|L:en:K:0.28',
    );
  });

  it('NEWS_BULLETINS 14: version 1, msgId, msgType, message, originExch', async () => {
    c.send(12, 1, 1);
    await c.until(() => c.of(14).length > 0, 'newsBulletins');
    expect(c.of(14).map(frame)).toEqual([
      `14|1|1783509840|1|${'='.repeat(54)}\nTo all demo traders:\nWed 08 Jul 2026 07:24:00 AM EDT\nPlease note that the demo gateway simulates prices, fills and news; nothing here reaches a real market.|NYSE,NASDAQ`,
    ]);
  });
});
