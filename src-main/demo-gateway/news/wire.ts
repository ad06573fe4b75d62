// The news messages' bodies, laid out as TWS sends them at server versions 157…193 (field order from IB's
// ibapi/decoder.py; live frames in /work/notes/protocol-news-misc.md). Only NEWS_BULLETINS has a version field.
import { Msg } from '../wire/fields';
import type { Bulletin } from './bulletins';
import type { HistoricalNewsRow, NewsArticle } from './news-model';
import type { NewsTick } from './news-ticks';
import type { NewsProvider } from './providers';

/** Server message ids of the news messages (wire/message-ids.ts's Outgoing lists only 85 of them). */
const NewsOut = {
  NEWS_BULLETINS: 14,
  NEWS_ARTICLE: 83,
  TICK_NEWS: 84,
  NEWS_PROVIDERS: 85,
  HISTORICAL_NEWS: 86,
  HISTORICAL_NEWS_END: 87,
} as const;

/**
 * Text for one field: NUL would end the field early, so it goes; anything outside ASCII is written as \uXXXX,
 * the form TWS uses from ENCODE_MSG_ASCII7 (153) on and clients decode.
 */
export function asciiField(s: string): string {
  return s
    .replace(/\0/g, '')
    .replace(/[^\x20-\x7e\n\r\t]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function newsProvidersMessage(providers: readonly NewsProvider[]): string {
  const m = new Msg(NewsOut.NEWS_PROVIDERS).int(providers.length);
  for (const p of providers) m.str(p.code).str(p.name);
  return m.done();
}

export function historicalNewsMessage(reqId: number, row: HistoricalNewsRow): string {
  return new Msg(NewsOut.HISTORICAL_NEWS)
    .int(reqId)
    .str(row.time)
    .str(row.providerCode)
    .str(row.articleId)
    .str(asciiField(row.headline))
    .done();
}

export function historicalNewsEndMessage(reqId: number, hasMore: boolean): string {
  return new Msg(NewsOut.HISTORICAL_NEWS_END).int(reqId).bool(hasMore).done();
}

export function newsArticleMessage(reqId: number, a: NewsArticle): string {
  return new Msg(NewsOut.NEWS_ARTICLE).int(reqId).int(a.articleType).str(asciiField(a.articleText)).done();
}

export function tickNewsMessage(tickerId: number, t: NewsTick): string {
  return new Msg(NewsOut.TICK_NEWS)
    .int(tickerId)
    .int(t.timeStamp)
    .str(t.providerCode)
    .str(t.articleId)
    .str(asciiField(t.headline))
    .str(t.extraData)
    .done();
}

/** NEWS_BULLETINS, version 1; no backslash may reach Python's unicode-escape decoding, so none is sent. */
export function newsBulletinMessage(b: Bulletin): string {
  const text = asciiField(b.message.replace(/\\/g, '/'));
  return new Msg(NewsOut.NEWS_BULLETINS)
    .int(1)
    .int(b.msgId)
    .int(b.msgType)
    .str(text)
    .str(b.origExchange)
    .done();
}
