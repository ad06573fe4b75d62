// The demo gateway's news, for the handlers to use: the model (headlines from market events, articles, historical
// queries), news-tick routing, bulletins, and the message bodies of every news message.
export { createNewsModel, articleBody } from './news-model';
export type {
  HistoricalNewsQuery,
  HistoricalNewsRow,
  NewsArticle,
  NewsEvent,
  NewsEventKind,
  NewsItem,
  NewsModel,
} from './news-model';
export {
  NEWS_PROVIDERS,
  NOT_SUBSCRIBED_CODE,
  NO_ARTICLE_CODE,
  NO_ARTICLE_TEXT,
  isProviderCode,
  notSubscribedText,
} from './providers';
export type { NewsProvider } from './providers';
export { NewsError } from './news-error';
export type { NewsErrorCode } from './news-error';
export { formatNewsTime, parseNewsTime } from './news-time';
export { broadtapeProvider, newsTick, parseNewsTickList, wantsNews } from './news-ticks';
export type { NewsTick, NewsTickRequest } from './news-ticks';
export {
  BULLETIN_EXCHANGE_AVAILABLE,
  BULLETIN_EXCHANGE_UNAVAILABLE,
  BULLETIN_REGULAR,
  bulletinStamp,
  bulletinsBetween,
  todaysBulletins,
} from './bulletins';
export type { Bulletin } from './bulletins';
export { SANITIZER_ARTICLE_HAZARDS, SANITIZER_ARTICLE_HTML, SANITIZER_ARTICLE_ID } from './sanitizer-article';
export {
  NewsOut,
  asciiField,
  historicalNewsEndMessage,
  historicalNewsMessage,
  newsArticleMessage,
  newsBulletinMessage,
  newsProvidersMessage,
  tickNewsMessage,
} from './wire';
