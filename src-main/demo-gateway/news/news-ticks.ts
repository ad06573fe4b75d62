// Who gets which news tick: generic tick 292 on a contract (optionally ":BRFG+BRFUPDN" to pick providers, "mdoff"
// to suppress the quote ticks), or a broadtape NEWS contract ("BRFG:BRFG_ALL") for every headline of a provider.
// The tick itself is TICK_NEWS (84): epoch-ms time and the metadata as extraData without braces.
import type { NewsItem } from './news-model';
import { isProviderCode } from './providers';

export type NewsTickRequest = {
  /** Quote ticks are off ("mdoff" in the generic tick list). */
  readonly mdoff: boolean;
  /** Providers whose headlines to send; null: all. */
  readonly providers: readonly string[] | null;
};

/** The news part of a reqMktData generic tick list, or null when it does not ask for news (no 292). */
export function parseNewsTickList(genericTickList: string): NewsTickRequest | null {
  const parts = genericTickList
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const mdoff = parts.includes('mdoff');
  for (const p of parts) {
    const [tick, codes] = p.split(':', 2) as [string, string | undefined];
    if (tick !== '292') continue;
    if (codes === undefined || codes === '') return { mdoff, providers: null };
    return { mdoff, providers: codes.split('+').filter((c) => c !== '') };
  }
  return null;
}

/** The provider of a broadtape contract (secType NEWS, symbol "BRFG:BRFG_ALL" or exchange "BRFG"), or null. */
export function broadtapeProvider(contract: {
  secType: string;
  symbol: string;
  exchange: string;
}): string | null {
  if (contract.secType !== 'NEWS') return null;
  const fromSymbol = contract.symbol.split(':', 1)[0] ?? '';
  const code = isProviderCode(fromSymbol) ? fromSymbol : contract.exchange;
  return isProviderCode(code) ? code : null;
}

export type NewsTick = {
  readonly timeStamp: number;
  readonly providerCode: string;
  readonly articleId: string;
  readonly headline: string;
  readonly extraData: string;
};

export function newsTick(it: NewsItem): NewsTick {
  return {
    timeStamp: it.time,
    providerCode: it.providerCode,
    articleId: it.articleId,
    headline: it.headline,
    extraData: it.extraData,
  };
}

/** Whether a subscription gets this item: its contract (or a broadtape of its provider) and its providers. */
export function wantsNews(
  sub: { conId: number | null; providers: readonly string[] | null },
  it: NewsItem,
): boolean {
  if (sub.conId !== null && sub.conId !== it.conId) return false;
  return sub.providers === null || sub.providers.includes(it.providerCode);
}
