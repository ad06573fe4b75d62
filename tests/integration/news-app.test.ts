// News through the contract as a window uses it (web host WebSocket, Demo profile on the embedded gateway):
// providers, a symbol's headlines, articles in their three forms, the hostile article passed through unchanged for
// the window's sanitizer, and the typed errors of an unknown article and a malformed id.
import { afterEach, describe, expect, it } from 'vitest';
import type { Headline, NewsArticle, NewsProvider } from '../../src-shared/domain/news';
import { createDemoEndpoint } from '../../src-main/demo-profile';
import { ApiClient, startHarness, type Harness } from '../support/app-harness';
import { waitFor } from '../support/wait';

let h: Harness | null = null;
let demo: ReturnType<typeof createDemoEndpoint> | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
  await demo?.stop();
  demo = null;
});

const AAPL = { conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' };

describe('news on the Demo profile', () => {
  it('lists providers, serves headlines newest first and articles by id', async () => {
    demo = createDemoEndpoint();
    h = await startHarness({ demoEndpoint: demo.endpoint, autoConnect: true });
    const c = await ApiClient.open(h.host);
    await waitFor(
      () => c.events.some((e) => e.event === 'connection' && e.payload.state === 'ready'),
      'ready',
      20_000,
    );
    const call = async <T>(method: string, params: unknown = {}) => {
      const r = await c.call(method, params);
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as T;
    };

    const providers = await call<NewsProvider[]>('news.providers');
    expect(providers.map((p) => p.code)).toEqual(['BRFG', 'BRFUPDN', 'DJNL', 'DEMO']);

    const sub = await call<{ subId: string; headlines: Headline[]; hasMore: boolean }>('news.subscribe', {
      contract: AAPL,
      limit: 300,
    });
    expect(sub.headlines.length).toBeGreaterThan(0);
    const times = sub.headlines.map((x) => x.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(sub.headlines.every((x) => !x.headline.startsWith('{'))).toBe(true);

    const first = sub.headlines[0]!;
    const article = await call<NewsArticle>('news.article', { articleId: first.articleId });
    expect(article).toMatchObject({ articleId: first.articleId, providerCode: first.providerCode });
    expect(article.body.length).toBeGreaterThan(20);
    const text = sub.headlines.find((x) => x.providerCode === 'BRFUPDN');
    if (text)
      expect((await call<NewsArticle>('news.article', { articleId: text.articleId })).kind).toBe('text');

    const hostile = await call<NewsArticle>('news.article', { articleId: 'DEMO$0badc0de' });
    expect(hostile.kind).toBe('html');
    expect(hostile.body).toContain('<script>');

    await expect(call('news.article', { articleId: 'BRFG$deadbeef' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      twsCode: 10172,
    });
    await expect(call('news.article', { articleId: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await call('news.unsubscribe', { subId: sub.subId })).toBeNull();
  });
});
