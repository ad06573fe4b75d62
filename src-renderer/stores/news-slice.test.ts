import { describe, expect, it } from 'vitest';
import type { Headline } from '../../src-shared/domain/news';
import { bindEvents } from '../api/bind-events';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { item } from '../../tests/support/renderer/fixtures';
import { createAppStore } from './app-store';

const h = (id: string, time: number): Headline => ({
  articleId: id,
  providerCode: 'BRFG',
  time,
  headline: `story ${id}`,
  sentiment: null,
});

describe('news store', () => {
  it('loads a symbol’s headlines, merges live ones newest first without repeats, and drops the old symbol', async () => {
    let n = 0;
    const client = createFakeClient({
      'news.subscribe': () => ({
        subId: `n${++n}`,
        headlines: [h('BRFG$2', 20), h('BRFG$1', 10)],
        hasMore: false,
      }),
      'news.unsubscribe': () => null,
    });
    const store = createAppStore(client);
    bindEvents(store);
    await store.getState().openNews('news', item(1, 'AAPL'));
    client.emit('news', { subId: 'n1', headlines: [h('BRFG$3', 30)] });
    client.emit('news', { subId: 'n1', headlines: [h('BRFG$2', 20)] });
    client.emit('news', { subId: 'other', headlines: [h('BRFG$9', 90)] });
    expect(store.getState().newsFeeds.news!.headlines.map((x) => x.articleId)).toEqual([
      'BRFG$3',
      'BRFG$2',
      'BRFG$1',
    ]);
    await store.getState().openNews('news', item(2, 'MSFT'));
    expect(client.callsOf('news.unsubscribe')).toEqual([{ subId: 'n1' }]);
    expect(store.getState().newsFeeds.news).toMatchObject({ conId: 2, subId: 'n2', status: 'live' });
    store.getState().closeNews('news');
    expect(client.callsOf('news.unsubscribe')).toEqual([{ subId: 'n1' }, { subId: 'n2' }]);
    expect(store.getState().newsFeeds.news).toBeUndefined();
  });

  it('shows a refusal as the pane’s error, and an article or its error', async () => {
    const client = createFakeClient({
      'news.subscribe': () => ({ error: { code: 'NOT_CONNECTED', message: 'Not connected' } }),
      'news.article': ({ articleId }) =>
        articleId === 'BRFG$1'
          ? { providerCode: 'BRFG', articleId, kind: 'html' as const, body: '<p>x</p>' }
          : { error: { code: 'NOT_FOUND', message: 'No article', twsCode: 10172 } },
    });
    const store = createAppStore(client);
    await store.getState().openNews('news', item(1, 'AAPL'));
    expect(store.getState().newsFeeds.news).toMatchObject({ status: 'error', message: 'Not connected' });
    await store.getState().openArticle('news', 'BRFG$1');
    expect(store.getState().articles.news).toMatchObject({ status: 'ready', article: { kind: 'html' } });
    await store.getState().openArticle('news', 'BRFG$2');
    expect(store.getState().articles.news).toMatchObject({
      status: 'error',
      message: 'No article (TWS 10172)',
    });
    store.getState().closeArticle('news');
    expect(store.getState().articles.news).toBeUndefined();
  });
});
