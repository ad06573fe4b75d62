// News slice: per news pane, the headlines of its symbol (the history from `news.subscribe`, then `news` events
// merged newest first, one per article) and the article it shows. A pane that changes symbol drops its old
// subscription; an answer that comes back for a symbol the pane has left is unsubscribed at once.
import { mergeHeadlines, type Headline, type NewsArticle } from '../../src-shared/domain/news';
import type { AppErrorData } from '../../src-shared/result';
import type { WatchItem } from '../../src-shared/domain/workspace';
import type { Slice } from './app-store';
import { withoutKey } from './records';

/** Headlines a pane keeps (TWS's own bound for one request). */
const MAX_HEADLINES = 300;

type NewsFeed = {
  conId: number;
  contract: WatchItem;
  subId: string | null;
  status: 'loading' | 'live' | 'error';
  message: string | null;
  headlines: readonly Headline[];
};

type ArticleView = {
  articleId: string;
  status: 'loading' | 'ready' | 'error';
  article: NewsArticle | null;
  message: string | null;
};

export type NewsSlice = {
  newsFeeds: Readonly<Record<string, NewsFeed>>;
  articles: Readonly<Record<string, ArticleView>>;
  /** Subscribes a pane to a symbol's news (`force`: again, after a reconnect or a failed start). */
  openNews(paneId: string, contract: WatchItem, force?: boolean): Promise<void>;
  closeNews(paneId: string): void;
  /** A `news` event: new headlines of the pane whose subscription it is. */
  newsArrived(e: { subId: string; headlines: readonly Headline[] }): void;
  openArticle(paneId: string, articleId: string): Promise<void>;
  closeArticle(paneId: string): void;
};

function errorText(e: AppErrorData): string {
  return `${e.message}${e.twsCode !== undefined ? ` (TWS ${e.twsCode})` : ''}`;
}

export const createNewsSlice: Slice<NewsSlice> = (set, get) => {
  const unsubscribe = (subId: string | null) => {
    if (subId) void get().client.invoke('news.unsubscribe', { subId });
  };
  return {
    newsFeeds: {},
    articles: {},
    async openNews(paneId, contract, force = false) {
      const before = get().newsFeeds[paneId];
      if (!force && before?.conId === contract.conId && before.status !== 'error') return;
      unsubscribe(before?.subId ?? null);
      const feed: NewsFeed = {
        conId: contract.conId,
        contract,
        subId: null,
        status: 'loading',
        message: null,
        headlines: [],
      };
      set((s) => ({ newsFeeds: { ...s.newsFeeds, [paneId]: feed } }));
      const r = await get().client.invoke('news.subscribe', { contract: { ...contract }, limit: 50 });
      const now = get().newsFeeds[paneId];
      if (now !== feed) {
        if (r.ok) unsubscribe(r.value.subId);
        return;
      }
      const next: NewsFeed = r.ok
        ? { ...feed, subId: r.value.subId, status: 'live', headlines: mergeHeadlines(r.value.headlines, []) }
        : { ...feed, status: 'error', message: errorText(r.error) };
      set((s) => ({ newsFeeds: { ...s.newsFeeds, [paneId]: next } }));
    },
    closeNews(paneId) {
      unsubscribe(get().newsFeeds[paneId]?.subId ?? null);
      set((s) => ({ newsFeeds: withoutKey(s.newsFeeds, paneId), articles: withoutKey(s.articles, paneId) }));
    },
    newsArrived(e) {
      set((s) => {
        const hit = Object.entries(s.newsFeeds).find(([, f]) => f.subId === e.subId);
        if (!hit) return {};
        const [paneId, f] = hit;
        const headlines = mergeHeadlines(e.headlines, f.headlines, MAX_HEADLINES);
        return { newsFeeds: { ...s.newsFeeds, [paneId]: { ...f, headlines } } };
      });
    },
    async openArticle(paneId, articleId) {
      const view: ArticleView = { articleId, status: 'loading', article: null, message: null };
      set((s) => ({ articles: { ...s.articles, [paneId]: view } }));
      const r = await get().client.invoke('news.article', { articleId });
      if (get().articles[paneId] !== view) return;
      const next: ArticleView = r.ok
        ? { ...view, status: 'ready', article: r.value }
        : { ...view, status: 'error', message: errorText(r.error) };
      set((s) => ({ articles: { ...s.articles, [paneId]: next } }));
    },
    closeArticle(paneId) {
      set((s) => ({ articles: withoutKey(s.articles, paneId) }));
    },
  };
};
