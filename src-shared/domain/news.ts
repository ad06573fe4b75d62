// News as the app sees it: the providers an account can read, headlines (from history and live ticks alike) and an
// article in the form it came in. TWS's two spellings of a headline's time and metadata are mapped in the adapter.
import { z } from 'zod';

export const NewsProvider = z.object({ code: z.string(), name: z.string() });
export type NewsProvider = z.infer<typeof NewsProvider>;

/** An article id as TWS writes it: `PROVIDER$hex` (BRFG$0bc6e1ef); other providers' forms are letters and digits. */
export const ArticleId = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_-]{1,16}\$[A-Za-z0-9._:-]{1,47}$/, 'an article id looks like BRFG$0bc6e1ef');

export const Headline = z.object({
  articleId: z.string(),
  providerCode: z.string(),
  /** Unix time in ms. */
  time: z.number(),
  /** The headline without TWS's `{…}` metadata. */
  headline: z.string(),
  /** The provider's sentiment score −1…1 (`K:` in the metadata), when it gave one. */
  sentiment: z.number().nullable(),
});
export type Headline = z.infer<typeof Headline>;

/** `html` and `text` come as TWS sent them (the renderer sanitizes HTML); `binary` is base64 (a PDF). */
export const NewsArticle = z.object({
  providerCode: z.string(),
  articleId: z.string(),
  kind: z.enum(['html', 'text', 'binary']),
  body: z.string(),
});
export type NewsArticle = z.infer<typeof NewsArticle>;

/** The provider code of an article id (the part before `$`). */
export function providerOfArticle(articleId: string): string {
  return articleId.slice(0, Math.max(0, articleId.indexOf('$')));
}

/** Newest first, one entry per article: history and ticks overlap (a reconnect replays the day's ticks). */
export function mergeHeadlines(a: readonly Headline[], b: readonly Headline[], max = 300): Headline[] {
  const seen = new Map<string, Headline>();
  for (const h of [...a, ...b]) if (!seen.has(h.articleId)) seen.set(h.articleId, h);
  return [...seen.values()].sort((x, y) => y.time - x.time).slice(0, max);
}
