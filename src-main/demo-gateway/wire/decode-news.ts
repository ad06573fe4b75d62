// The news requests, as EClient writes them at 157…193 (ibapi/client.py): reqNewsArticle (84) and
// reqHistoricalNews (86) without a version field, their options list last (NEWS_QUERY_ORIGINS, 128: the official
// client always sends it empty, @stoqey/ib as "tag=value;"), and reqNewsBulletins (12) / cancelNewsBulletins (13)
// with version 1.
import type { FieldReader } from './field-reader';
import { Incoming as I } from './message-ids';
import type { Request } from './requests';

type NewsRequest = Extract<
  Request,
  { kind: 'reqNewsArticle' | 'reqHistoricalNews' | 'reqNewsBulletins' | 'cancelNewsBulletins' }
>;

/** The news request with message id `id`, or undefined for any other message. */
export function decodeNewsRequest(r: FieldReader, id: number): NewsRequest | undefined {
  switch (id) {
    case I.REQ_NEWS_ARTICLE: {
      const reqId = r.int();
      const providerCode = r.str();
      const articleId = r.str();
      r.skipOpt(); // newsArticleOptions
      return { kind: 'reqNewsArticle', reqId, providerCode, articleId };
    }
    case I.REQ_HISTORICAL_NEWS: {
      const reqId = r.int();
      const conId = r.int();
      const providerCodes = r.str();
      const startDateTime = r.str();
      const endDateTime = r.str();
      const totalResults = r.int();
      r.skipOpt(); // historicalNewsOptions
      return {
        kind: 'reqHistoricalNews',
        reqId,
        conId,
        providerCodes,
        startDateTime,
        endDateTime,
        totalResults,
      };
    }
    case I.REQ_NEWS_BULLETINS:
      r.int(); // version 1
      return { kind: 'reqNewsBulletins', allMessages: r.bool() };
    case I.CANCEL_NEWS_BULLETINS:
      r.skipOpt(); // version 1
      return { kind: 'cancelNewsBulletins' };
    default:
      return undefined;
  }
}
