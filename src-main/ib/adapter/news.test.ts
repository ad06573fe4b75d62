import { EventName } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { createRecordingLink } from '../../../tests/support/recording-api';
import { createNewsSource, historyTime, newsTickList, splitHeadline, tickHeadline } from './news';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };

describe('adapter news', () => {
  it('reads historical headlines as TWS writes them: UTC time, metadata in braces split off', async () => {
    const rec = createRecordingLink();
    const page = createNewsSource(rec.link).historicalNews(265598, ['BRFG', 'BRFUPDN'], 10);
    const r = rec.requests[0]!;
    expect(r.calls[0]).toEqual({
      method: 'reqHistoricalNews',
      args: [r.reqId, 265598, 'BRFG+BRFUPDN', '', '', 10, []],
    });
    r.event('historicalNews', [
      r.reqId,
      '2026-04-14 14:58:42.0',
      'BRFUPDN',
      'BRFUPDN$1e1f54ec',
      '{A:800015:L:en}!BofA Securities reiterated Apple (AAPL) coverage with Buy and target $325',
    ]);
    r.event('historicalNews', [r.reqId, 'not a time', 'BRFG', 'BRFG$1', 'dropped']);
    r.event('historicalNews', [r.reqId, '2026-04-14 14:00:00.0', 'BRFG', 'BRFG$2', '{K:-0.37}IBM slips']);
    r.event('historicalNewsEnd', [r.reqId, true]);
    await expect(page).resolves.toEqual({
      hasMore: true,
      headlines: [
        {
          articleId: 'BRFUPDN$1e1f54ec',
          providerCode: 'BRFUPDN',
          time: Date.UTC(2026, 3, 14, 14, 58, 42),
          headline: 'BofA Securities reiterated Apple (AAPL) coverage with Buy and target $325',
          sentiment: null,
        },
        {
          articleId: 'BRFG$2',
          providerCode: 'BRFG',
          time: Date.UTC(2026, 3, 14, 14),
          headline: 'IBM slips',
          sentiment: -0.37,
        },
      ],
    });
  });

  it('asks for news ticks with quotes off and reads a tick’s ms time and metadata field', () => {
    const rec = createRecordingLink();
    const got: unknown[] = [];
    const errors: number[] = [];
    createNewsSource(rec.link).newsTicks(AAPL, ['BRFG', 'DEMO'], {
      headline: (h) => got.push(h),
      error: (code) => errors.push(code),
    });
    const s = rec.streams[0]!;
    expect(s.spec.kind).toBe('news');
    expect(s.calls[0]!.method).toBe('reqMktData');
    expect(s.calls[0]!.args[2]).toBe('mdoff,292:BRFG+DEMO');
    s.event('tickNews', [
      s.reqId,
      1758294759000,
      'BRFG',
      'BRFG$1c2d5728',
      'iPhone 17 debuts',
      'A:800015:L:en:K:1.00:C:0.99',
    ]);
    s.event('tickPrice', [s.reqId, 1, 100]);
    expect(got).toEqual([
      {
        articleId: 'BRFG$1c2d5728',
        providerCode: 'BRFG',
        time: 1758294759000,
        headline: 'iPhone 17 debuts',
        sentiment: 1,
      },
    ]);
    expect(s.spec.onError!(2104, 'farm ok')).toBe('keep');
    expect(s.spec.onError!(321, "Not subscribed for 'BZ' provider")).toBe('end');
    expect(errors).toEqual([321]);
  });

  it('calls an article TWS has no data for NOT_FOUND and passes the text through', async () => {
    const rec = createRecordingLink();
    const news = createNewsSource(rec.link);
    const missing = news.article('BRFG', 'BRFG$deadbeef');
    rec.requests[0]!.error(10172, 'Failed to request news article: No data available');
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', twsCode: 10172 });
    const found = news.article('BRFG', 'BRFG$1');
    const r = rec.requests[1]!;
    expect(r.calls[0]!.args).toEqual([r.reqId, 'BRFG', 'BRFG$1', []]);
    r.event('newsArticle', [r.reqId, 0, '<p>x</p>']);
    await expect(found).resolves.toEqual({ articleType: 0, text: '<p>x</p>' });
  });

  it('reads the providers from their global event and refuses without a connection', async () => {
    const rec = createRecordingLink();
    const list = createNewsSource(rec.link).providers();
    expect(rec.sends[0]!.calls[0]!.method).toBe('reqNewsProviders');
    rec.global(EventName.newsProviders, [
      [{ providerCode: 'BRFG', providerName: 'Briefing.com' }, { providerCode: '' }],
    ]);
    await expect(list).resolves.toEqual([{ code: 'BRFG', name: 'Briefing.com' }]);
    const off = createRecordingLink({ state: 'disconnected' });
    await expect(createNewsSource(off.link).providers()).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});

describe('news parsing', () => {
  it('parses the two metadata forms and the history time, and refuses what is not one', () => {
    expect(splitHeadline('{A:800015:L:en:K:0.62:C:0.91}Gap up')).toEqual({
      headline: 'Gap up',
      meta: 'A:800015:L:en:K:0.62:C:0.91',
    });
    expect(splitHeadline('Plain')).toEqual({ headline: 'Plain', meta: '' });
    expect(historyTime('2026-04-14 14:58:42.0')).toBe(Date.UTC(2026, 3, 14, 14, 58, 42));
    expect(historyTime('20260414 14:58:42')).toBeNull();
    expect(tickHeadline('x', 'BRFG', 'BRFG$1', 'h', '')).toBeNull();
    expect(tickHeadline(1, 'BRFG', 'BRFG$1', 'h', 'K:n/a')?.sentiment).toBeNull();
    expect(tickHeadline(1, 'BRFG', 'BRFG$1', 'h', 'K:7')?.sentiment).toBeNull();
    expect(newsTickList([])).toBe('mdoff,292');
  });
});
