// News for the windows: the account's providers (asked once per connection), a stock's headlines (the recent history,
// then live ticks pushed as `news` events) and articles. A subscription's tick line is a stream of the connection, so
// a reconnect replays it; TWS then sends the day's headlines again, and only those a window has not seen go out.
import { mergeHeadlines, providerOfArticle } from '../../../src-shared/domain/news';
import type { Headline, NewsArticle, NewsProvider } from '../../../src-shared/domain/news';
import type { WatchItem } from '../../../src-shared/domain/workspace';
import { plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Clock } from '../../../src-shared/clock';
import type { Logger } from '../../../src-shared/logger';
import type { StreamHandle } from '../../ib/connection';
import type { NewsSource, RawArticle } from '../../ib/adapter';

/** Headlines one subscription remembers (to drop repeats after a reconnect); TWS's own bound per request. */
const MAX_SEEN = 300;
/** The provider list is asked again after this long (a subscription can change during a session). */
const PROVIDERS_TTL_MS = 10 * 60_000;

type Sub = { id: string; clientId: string; contract: WatchItem; stream: StreamHandle | null; seen: string[] };

export interface News {
  providers(): Promise<NewsProvider[]>;
  subscribe(
    clientId: string,
    contract: WatchItem,
    limit: number,
  ): Promise<{ subId: string; headlines: Headline[]; hasMore: boolean }>;
  unsubscribe(subId: string): void;
  article(articleId: string): Promise<NewsArticle>;
  releaseClient(clientId: string): void;
  /** Subscriptions open now (tests, gauges). */
  open(): number;
  stop(): void;
}

/** TWS's article in the app's terms: type 1 is base64 (a PDF), type 0 is HTML when it has tags, else text. */
export function articleOf(articleId: string, raw: RawArticle): NewsArticle {
  const providerCode = providerOfArticle(articleId);
  if (raw.articleType === 1) return { providerCode, articleId, kind: 'binary', body: raw.text };
  if (raw.articleType !== 0)
    throw new AppError(
      'UNAVAILABLE',
      `Article ${articleId} is of a type IBDesk cannot show (${raw.articleType})`,
    );
  const html = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(raw.text);
  return { providerCode, articleId, kind: html ? 'html' : 'text', body: raw.text };
}

export function createNews(deps: {
  source: NewsSource;
  canSend: () => boolean;
  clock: Clock;
  log: Logger;
  emitTo: (clientId: string, e: { subId: string; headlines: Headline[] }) => void;
}): News {
  const { source, clock, log } = deps;
  const subs = new Map<string, Sub>();
  let seq = 0;
  let cached: { at: number; list: NewsProvider[] } | null = null;
  let loading: Promise<NewsProvider[]> | null = null;

  function providers(): Promise<NewsProvider[]> {
    if (cached && clock.now() - cached.at < PROVIDERS_TTL_MS) return Promise.resolve(cached.list);
    loading ??= source
      .providers()
      .then((list) => {
        cached = { at: clock.now(), list };
        log.info(`News providers: ${list.map((p) => p.code).join(', ') || 'none'}`);
        return list;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function remember(sub: Sub, h: Headline): boolean {
    if (sub.seen.includes(h.articleId)) return false;
    sub.seen.push(h.articleId);
    if (sub.seen.length > MAX_SEEN) sub.seen.splice(0, sub.seen.length - MAX_SEEN);
    return true;
  }

  function end(sub: Sub): void {
    if (!subs.delete(sub.id)) return;
    sub.stream?.close();
  }

  return {
    providers,

    async subscribe(clientId, contract, limit) {
      if (!deps.canSend())
        throw new AppError('NOT_CONNECTED', 'Not connected to TWS: news needs a connection');
      const codes = (await providers()).map((p) => p.code);
      const id = `news-${++seq}`;
      const sub: Sub = { id, clientId, contract, stream: null, seen: [] };
      subs.set(id, sub);
      try {
        const history =
          codes.length > 0
            ? await source.historicalNews(contract.conId, codes, limit)
            : { headlines: [], hasMore: false };
        const headlines = mergeHeadlines(history.headlines, [], limit);
        for (const h of headlines) remember(sub, h);
        // Unsubscribed (or the window went) while the history was on its way: nothing to keep live.
        if (!subs.has(id)) return { subId: id, headlines, hasMore: history.hasMore };
        sub.stream = source.newsTicks(contract, codes, {
          headline: (h) => {
            if (subs.has(id) && remember(sub, h)) deps.emitTo(clientId, { subId: id, headlines: [h] });
          },
          error: (code, message) => {
            log.warn(`News for ${contract.symbol} stopped: ${plainTwsMessage(code, message)}`, {
              twsCode: code,
            });
            queueMicrotask(() => end(sub));
          },
        });
        log.info(`News ${id}: ${contract.symbol} from ${codes.join(', ') || 'no provider'}`);
        return { subId: id, headlines, hasMore: history.hasMore };
      } catch (err) {
        subs.delete(id);
        throw err;
      }
    },

    unsubscribe(subId) {
      const sub = subs.get(subId);
      if (!sub) throw new AppError('NOT_FOUND', `There is no news subscription ${subId}`);
      end(sub);
    },

    async article(articleId) {
      const provider = providerOfArticle(articleId);
      if (provider === '')
        throw new AppError('VALIDATION', `${articleId} is not an article id (PROVIDER$id)`);
      if (!deps.canSend())
        throw new AppError('NOT_CONNECTED', 'Not connected to TWS: articles need a connection');
      return articleOf(articleId, await source.article(provider, articleId));
    },

    releaseClient(clientId) {
      for (const sub of [...subs.values()]) if (sub.clientId === clientId) end(sub);
    },
    open: () => subs.size,
    stop() {
      for (const sub of [...subs.values()]) end(sub);
    },
  };
}
