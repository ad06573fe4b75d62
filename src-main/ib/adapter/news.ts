// The TWS adapter's news: the providers (reqNewsProviders: no request id, so it listens on the global events), a
// stock's recent headlines (reqHistoricalNews), one article (reqNewsArticle) and live headlines (generic tick 292
// with quotes off, a stream of the connection: replayed with a fresh id after every reconnect). TWS writes the same
// facts two ways (notes §0 trap 3 and 4): history's time is "yyyy-MM-dd HH:mm:ss.0" (read as UTC) with metadata
// in braces before the headline, a tick's time is epoch ms with the metadata in its own field; both end up as one
// Headline here.
import { EventName } from '../stoqey';
import type { Headline, NewsProvider } from '../../../src-shared/domain/news';
import { describeTwsCode, plainTwsMessage } from '../../../src-shared/errors';
import { AppError } from '../../../src-shared/result';
import type { Link, StreamHandle } from '../connection';
import { toIbContract, type ResolvedContract } from './convert';
import { askGlobal } from './global-request';
import { rejectedBy } from './tws-errors';

export type RawArticle = { articleType: number; text: string };

export interface NewsSource {
  providers(): Promise<NewsProvider[]>;
  /** Newest first, at most `limit` (TWS's bound is 300). */
  historicalNews(
    conId: number,
    providerCodes: readonly string[],
    limit: number,
  ): Promise<{ headlines: Headline[]; hasMore: boolean }>;
  article(providerCode: string, articleId: string): Promise<RawArticle>;
  /** Live headlines of one stock from these providers (quotes off: the line carries news only). */
  newsTicks(
    contract: ResolvedContract,
    providerCodes: readonly string[],
    sink: { headline(h: Headline): void; error(code: number, message: string): void },
  ): StreamHandle;
}

const HISTORY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/** historicalNews's time ("2026-04-14 14:58:42.0", UTC) in ms; null when it is not that form. */
export function historyTime(text: string): number | null {
  const m = HISTORY_TIME.exec(text.trim());
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isFinite(t) ? t : null;
}

/** The sentiment score in TWS's metadata ("A:800015:L:en:K:0.62:C:0.91"; "K:n/a" is none). */
function sentimentOf(meta: string): number | null {
  const parts = meta.split(':');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'K') continue;
    const k = Number(parts[i + 1]);
    return parts[i + 1] !== '' && Number.isFinite(k) && k >= -1 && k <= 1 ? k : null;
  }
  return null;
}

/** A historicalNews headline split from its "{meta}" or "{meta}!" prefix. */
export function splitHeadline(raw: string): { headline: string; meta: string } {
  const m = /^\{([^}]*)\}!?/.exec(raw);
  return m ? { headline: raw.slice(m[0].length).trim(), meta: m[1]! } : { headline: raw.trim(), meta: '' };
}

function historicalHeadline(
  time: unknown,
  providerCode: unknown,
  articleId: unknown,
  raw: unknown,
): Headline | null {
  const t = historyTime(String(time ?? ''));
  const id = String(articleId ?? '');
  if (t === null || id === '') return null;
  const { headline, meta } = splitHeadline(String(raw ?? ''));
  return {
    articleId: id,
    providerCode: String(providerCode ?? ''),
    time: t,
    headline,
    sentiment: sentimentOf(meta),
  };
}

export function tickHeadline(
  timeStamp: unknown,
  providerCode: unknown,
  articleId: unknown,
  headline: unknown,
  extraData: unknown,
): Headline | null {
  const t = Number(timeStamp);
  const id = String(articleId ?? '');
  if (!Number.isFinite(t) || t <= 0 || id === '') return null;
  return {
    articleId: id,
    providerCode: String(providerCode ?? ''),
    time: t,
    headline: String(headline ?? '').trim(),
    sentiment: sentimentOf(String(extraData ?? '')),
  };
}

/** TWS's generic tick list for news only: "mdoff,292:BRFG+BRFUPDN". */
export function newsTickList(providerCodes: readonly string[]): string {
  return providerCodes.length > 0 ? `mdoff,292:${providerCodes.join('+')}` : 'mdoff,292';
}

export function createNewsSource(link: Link): NewsSource {
  return {
    providers() {
      return askGlobal(link, {
        what: 'the news providers',
        label: 'reqNewsProviders',
        run: (api) => api.reqNewsProviders(),
        answer: EventName.newsProviders,
        read: (args) => {
          const rows = Array.isArray(args[0])
            ? (args[0] as { providerCode?: unknown; providerName?: unknown }[])
            : [];
          return rows
            .map((r) => ({ code: String(r.providerCode ?? ''), name: String(r.providerName ?? '') }))
            .filter((p) => p.code !== '');
        },
        timeoutMs: 15_000,
      });
    },

    historicalNews(conId, providerCodes, limit) {
      const headlines: Headline[] = [];
      return link.request({
        label: `news history ${conId}`,
        timeoutMs: 20_000,
        send: (api, id) => api.reqHistoricalNews(id, conId, providerCodes.join('+'), '', '', limit, []),
        onEvent: (name, args, done) => {
          if (name === EventName.historicalNews) {
            const h = historicalHeadline(args[1], args[2], args[3], args[4]);
            if (h) headlines.push(h);
          } else if (name === EventName.historicalNewsEnd) done({ headlines, hasMore: Boolean(args[1]) });
        },
        onError: rejectedBy,
      });
    },

    article(providerCode, articleId) {
      return link.request<RawArticle>({
        label: `news article ${articleId}`,
        timeoutMs: 20_000,
        send: (api, id) => api.reqNewsArticle(id, providerCode, articleId, []),
        onEvent: (name, args, done) => {
          if (name === EventName.newsArticle)
            done({ articleType: Number(args[1]), text: String(args[2] ?? '') });
        },
        onError: (code, message) =>
          code === 10172
            ? new AppError('NOT_FOUND', `No article ${articleId}: ${plainTwsMessage(code, message)}`, {
                twsCode: code,
              })
            : rejectedBy(code, message),
      });
    },

    newsTicks(contract, providerCodes, sink) {
      return link.stream({
        kind: 'news',
        label: `news ${contract.symbol}`,
        open: (api, id) =>
          api.reqMktData(id, toIbContract(contract), newsTickList(providerCodes), false, false),
        close: (api, id) => api.cancelMktData(id),
        onEvent: (name, args) => {
          if (name !== EventName.tickNews) return;
          const h = tickHeadline(args[1], args[2], args[3], args[4], args[5]);
          if (h) sink.headline(h);
        },
        onError: (code, message) => {
          if (describeTwsCode(code).severity !== 'error') return 'keep';
          sink.error(code, message);
          return 'end';
        },
      });
    },
  };
}
