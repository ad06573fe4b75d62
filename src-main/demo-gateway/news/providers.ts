// The news providers the demo gateway reports (reqNewsProviders → NEWS_PROVIDERS 85), with the codes and names
// TWS sends for the three free API feeds (live frame in /work/notes/protocol-news-misc.md §1) plus one of our own.

export type NewsProvider = { readonly code: string; readonly name: string };

export const NEWS_PROVIDERS: readonly NewsProvider[] = [
  { code: 'BRFG', name: 'Briefing.com General Market Columns' },
  { code: 'BRFUPDN', name: 'Briefing.com Analyst Actions' },
  { code: 'DJNL', name: 'Dow Jones Newsletters' },
  { code: 'DEMO', name: 'IBDesk Demo News' },
];

export function isProviderCode(code: string): boolean {
  return NEWS_PROVIDERS.some((p) => p.code === code);
}

/** TWS's text for a provider the account has no subscription to (error 321, real frame with 'BZ'). */
export function notSubscribedText(code: string): string {
  return `Error validating request:-'cg' : cause - Not subscribed for '${code}' provider`;
}

/** TWS's text for an unknown or expired article (error 10172). */
export const NO_ARTICLE_TEXT = 'Failed to request news article: No data available';
export const NO_ARTICLE_CODE = 10172;
export const NOT_SUBSCRIBED_CODE = 321;
