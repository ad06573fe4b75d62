// The demo gateway's news, for the handlers to use: the model (headlines from market events, articles, historical
// queries), news-tick routing, bulletins, and the message bodies of every news message.
export { createNewsModel } from './news-model';
export type { NewsItem } from './news-model';
export {
  NEWS_PROVIDERS,
  NO_ARTICLE_CODE,
  NO_ARTICLE_TEXT,
  isProviderCode,
  notSubscribedText,
} from './providers';
export { NewsError } from './news-error';
export { broadtapeProvider, newsTick, parseNewsTickList, wantsNews } from './news-ticks';
export { bulletinsBetween, todaysBulletins } from './bulletins';
export { SANITIZER_ARTICLE_HTML, SANITIZER_ARTICLE_ID } from './sanitizer-article';
export {
  historicalNewsEndMessage,
  historicalNewsMessage,
  newsArticleMessage,
  newsBulletinMessage,
  newsProvidersMessage,
  tickNewsMessage,
} from './wire';
