import { describe, expect, it } from 'vitest';
import type { Headline, NewsProvider } from '../../../src-shared/domain/news';
import { silentLogger } from '../../../src-shared/logger';
import { AppError } from '../../../src-shared/result';
import { createManualClock } from '../../../tests/support/manual-clock';
import type { NewsSource, RawArticle } from '../../ib/adapter';
import type { StreamHandle } from '../../ib/connection';
import { articleOf, createNews } from './news';

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK' as const, exchange: 'SMART', currency: 'USD' };
const h = (id: string, time: number): Headline => ({
  articleId: id,
  providerCode: id.split('$')[0]!,
  time,
  headline: `story ${id}`,
  sentiment: null,
});

function setup(opts: { connected?: boolean; history?: Headline[] } = {}) {
  const clock = createManualClock();
  const calls = { providers: 0, history: [] as unknown[], ticks: [] as { codes: readonly string[] }[] };
  const lines: {
    headline(h: Headline): void;
    error(code: number, message: string): void;
    closed: boolean;
  }[] = [];
  const providers: NewsProvider[] = [
    { code: 'BRFG', name: 'Briefing.com General Market Columns' },
    { code: 'DEMO', name: 'IBDesk Demo News' },
  ];
  let article: RawArticle = { articleType: 0, text: '<p>hi</p>' };
  const source: NewsSource = {
    async providers() {
      calls.providers++;
      return providers;
    },
    async historicalNews(conId, codes, limit) {
      calls.history.push({ conId, codes, limit });
      return { headlines: opts.history ?? [], hasMore: false };
    },
    async article() {
      return article;
    },
    newsTicks(_contract, codes, sink) {
      calls.ticks.push({ codes });
      const line = { ...sink, closed: false };
      lines.push(line);
      return { close: () => (line.closed = true) } as unknown as StreamHandle;
    },
  };
  const events: { clientId: string; subId: string; headlines: Headline[] }[] = [];
  const news = createNews({
    source,
    canSend: () => opts.connected ?? true,
    clock,
    log: silentLogger,
    emitTo: (clientId, e) => events.push({ clientId, ...e }),
  });
  return { news, clock, calls, lines, events, setArticle: (a: RawArticle) => (article = a) };
}

describe('news service', () => {
  it('answers a subscription with the history from every provider, then pushes only headlines not seen', async () => {
    const t = setup({ history: [h('BRFG$1', 1000), h('DEMO$2', 3000)] });
    const sub = await t.news.subscribe('w1', AAPL, 50);
    expect(sub.headlines.map((x) => x.articleId)).toEqual(['DEMO$2', 'BRFG$1']);
    expect(t.calls.history).toEqual([{ conId: 265598, codes: ['BRFG', 'DEMO'], limit: 50 }]);
    expect(t.calls.ticks[0]!.codes).toEqual(['BRFG', 'DEMO']);
    // A reconnect replays the line: TWS sends the day's headlines again, the window gets only the new one.
    t.lines[0]!.headline(h('BRFG$1', 1000));
    t.lines[0]!.headline(h('BRFG$9', 5000));
    t.lines[0]!.headline(h('BRFG$9', 5000));
    expect(t.events).toEqual([{ clientId: 'w1', subId: sub.subId, headlines: [h('BRFG$9', 5000)] }]);
  });

  it('asks TWS for the providers once, and again after ten minutes', async () => {
    const t = setup();
    await t.news.providers();
    await t.news.subscribe('w1', AAPL, 10);
    expect(t.calls.providers).toBe(1);
    t.clock.advance(10 * 60_000);
    await t.news.providers();
    expect(t.calls.providers).toBe(2);
  });

  it('closes the tick line on unsubscribe and when its window goes; an unknown id is NOT_FOUND', async () => {
    const t = setup();
    const a = await t.news.subscribe('w1', AAPL, 10);
    await t.news.subscribe('w2', AAPL, 10);
    t.news.unsubscribe(a.subId);
    expect(t.lines[0]!.closed).toBe(true);
    t.news.releaseClient('w2');
    expect(t.lines[1]!.closed).toBe(true);
    expect(t.news.open()).toBe(0);
    expect(() => t.news.unsubscribe(a.subId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    t.lines[0]!.headline(h('BRFG$7', 1));
    expect(t.events).toEqual([]);
  });

  it('ends a subscription TWS refuses, and refuses work without a connection', async () => {
    const t = setup();
    await t.news.subscribe('w1', AAPL, 10);
    t.lines[0]!.error(321, "Error validating request:-'cg' : cause - Not subscribed for 'BZ' provider");
    await Promise.resolve();
    expect(t.lines[0]!.closed).toBe(true);
    const off = setup({ connected: false });
    await expect(off.news.subscribe('w1', AAPL, 10)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(off.news.article('BRFG$1')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('fetches an article by id, its provider from the id', async () => {
    const t = setup();
    await expect(t.news.article('BRFG$0bc6e1ef')).resolves.toEqual({
      providerCode: 'BRFG',
      articleId: 'BRFG$0bc6e1ef',
      kind: 'html',
      body: '<p>hi</p>',
    });
    await expect(t.news.article('no-dollar')).rejects.toBeInstanceOf(AppError);
  });
});

describe('articleOf', () => {
  it('tells HTML from plain text and binary, and refuses an unknown type', () => {
    expect(articleOf('BRFG$1', { articleType: 0, text: '<html><body><p>x</p></body></html>' }).kind).toBe(
      'html',
    );
    expect(
      articleOf('BRFUPDN$1', { articleType: 0, text: 'Upgrade&#10;Issuance Date: 2026-04-14' }).kind,
    ).toBe('text');
    expect(articleOf('BRFUPDN$1', { articleType: 0, text: 'AAPL < 200 and > 100' }).kind).toBe('text');
    expect(articleOf('X$1', { articleType: 1, text: 'JVBERi0xLjQ=' })).toMatchObject({ kind: 'binary' });
    expect(() => articleOf('X$1', { articleType: 7, text: '' })).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE' }),
    );
  });
});
