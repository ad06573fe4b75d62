// The demo gateway's news: headlines made from market events the model computes (big moves, gaps at the open,
// volume spikes, scanner entries), in the voice of each provider, with TWS's article ids and headline metadata,
// article bodies in the HTML subset TWS delivers, and historical-news queries with totalResults/hasMore. Pure and
// deterministic: the same seed and events give the same news, ids included.
import { hash32, unit } from '../model/rng';
import { NewsError } from './news-error';
import { formatNewsTime, parseNewsTime } from './news-time';
import { NEWS_PROVIDERS, isProviderCode, notSubscribedText, type NewsProvider } from './providers';
import { SANITIZER_ARTICLE_ID, SANITIZER_ARTICLE_HTML } from './sanitizer-article';

export type NewsEventKind = 'big-move' | 'gap' | 'volume-spike' | 'scanner-entry';

/**
 * Something newsworthy the market model saw. magnitude: big-move and gap, the % change (signed, +6.2 = up 6.2 %);
 * volume-spike, the multiple of average volume (3.5 = 3.5x); scanner-entry, the % change that put it on the scan.
 */
export type NewsEvent = {
  readonly time: number;
  readonly conId: number;
  readonly symbol: string;
  readonly kind: NewsEventKind;
  readonly magnitude: number;
  /** Company name for nicer headlines ("Apple Inc"); the symbol alone without it. */
  readonly name?: string;
};

export type NewsItem = {
  /** When the story was published (ms); an analyst action before a gap comes before the open. */
  readonly time: number;
  readonly conId: number;
  readonly symbol: string;
  readonly providerCode: string;
  /** TWS's form: provider, "$", 8 hex digits ("BRFG$0bc6e1ef"). */
  readonly articleId: string;
  /** The headline itself, as tickNews carries it. */
  readonly headline: string;
  /** tickNews extraData ("A:800015:L:en:K:1.00:C:0.97"); historicalNews puts metadata in braces instead. */
  readonly extraData: string;
  /** The headline as historicalNews carries it: "{A:800015:L:en}!…", "{A:800015:L:en:K:0.62:C:0.91}…". */
  readonly historicalHeadline: string;
  readonly event: NewsEvent;
};

export type HistoricalNewsQuery = {
  readonly conId: number;
  /** "+"-separated provider codes, as reqHistoricalNews sends them ("BRFG+BRFUPDN"). */
  readonly providerCodes: string;
  /** Exclusive lower bound, "yyyy-MM-dd HH:mm:ss.0" or "" (none). */
  readonly startDateTime: string;
  /** Inclusive upper bound, same form. */
  readonly endDateTime: string;
  /** 1…300 (values outside are clamped, as the API documents the range). */
  readonly totalResults: number;
};

export type HistoricalNewsRow = {
  readonly time: string;
  readonly providerCode: string;
  readonly articleId: string;
  readonly headline: string;
};

export type NewsArticle = {
  /** 0: text or HTML; 1: binary (base64). The demo only has text. */
  readonly articleType: 0 | 1;
  readonly articleText: string;
};

export type NewsModel = {
  readonly providers: readonly NewsProvider[];
  /** Adds the news of these events; returns the new items in time order (for subscribers' news ticks). */
  add(events: readonly NewsEvent[]): NewsItem[];
  /** Every item so far, in time order. */
  items(): readonly NewsItem[];
  /** Headlines for a contract between two times, newest first, at most totalResults; hasMore when cut. */
  historical(q: HistoricalNewsQuery): { rows: HistoricalNewsRow[]; hasMore: boolean };
  /** An article's body, or null for an id the model never issued (TWS answers 10172). */
  article(providerCode: string, articleId: string): NewsArticle | null;
};

const MAX_RESULTS = 300;

/** Fictional firms for analyst actions: the demo never puts words in a real broker's mouth. */
const FIRMS = ['Northfield Capital', 'Harbor Point Securities', 'Meridian Research', 'Ashgrove Partners'];
const UP_RATINGS: readonly [string, string][] = [
  ['Buy', 'Hold'],
  ['Outperform', 'Market Perform'],
  ['Overweight', 'Equal Weight'],
];

function pct(m: number): string {
  return Math.abs(m).toFixed(1);
}

function signed(m: number): string {
  return `${m >= 0 ? '+' : '-'}${pct(m)}%`;
}

/** "Apple Inc (AAPL)" or "AAPL". */
function who(e: NewsEvent): string {
  return e.name ? `${e.name} (${e.symbol})` : e.symbol;
}

/** Sentiment in TWS's K form: -1.00 … 1.00 (never "-0.00"). */
function sentiment(m: number, scale: number): string {
  const k = Math.max(-1, Math.min(1, m / scale));
  const s = k.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

type Draft = { providerCode: string; time: number; headline: string; variant: number };

/** The stories an event makes: one per provider that would cover it, each a headline variant picked by hash. */
function drafts(e: NewsEvent, h: (salt: number) => number): Draft[] {
  const pick = <T>(xs: readonly T[], salt: number): [T, number] => {
    const i = h(salt) % xs.length;
    return [xs[i]!, i];
  };
  const minutes = (salt: number, lo: number, hi: number): number => (lo + (h(salt) % (hi - lo + 1))) * 60_000;
  const up = e.magnitude >= 0;
  const out: Draft[] = [];
  switch (e.kind) {
    case 'big-move': {
      const [tpl, v] = pick(
        up
          ? [
              `${who(e)} trades higher, up ${pct(e.magnitude)}% on the session`,
              `${e.symbol} extends gains, now up ${pct(e.magnitude)}%`,
              `Stocks on the move: ${e.symbol} ${signed(e.magnitude)}`,
            ]
          : [
              `${who(e)} trades lower, down ${pct(e.magnitude)}% on the session`,
              `${e.symbol} slides ${pct(e.magnitude)}% as sellers step in`,
              `Stocks on the move: ${e.symbol} ${signed(e.magnitude)}`,
            ],
        1,
      );
      out.push({ providerCode: 'BRFG', time: e.time + minutes(2, 2, 9), headline: tpl, variant: v });
      if (Math.abs(e.magnitude) >= 10)
        out.push({
          providerCode: 'DEMO',
          time: e.time + 60_000,
          headline: `${e.symbol} moves ${signed(e.magnitude)}, one of the day's largest moves`,
          variant: 0,
        });
      break;
    }
    case 'gap': {
      const [firm] = pick(FIRMS, 3);
      const [[better, worse], r] = pick(UP_RATINGS, 4);
      out.push({
        providerCode: 'BRFUPDN',
        time: e.time - minutes(5, 20, 80),
        headline: up
          ? `${firm} upgraded ${who(e)} to ${better} from ${worse}`
          : `${firm} downgraded ${who(e)} to ${worse} from ${better}`,
        variant: r,
      });
      const [tpl, v] = pick(
        [
          `${who(e)} gaps ${up ? 'up' : 'down'} ${pct(e.magnitude)}% at the open`,
          `${e.symbol} opens sharply ${up ? 'higher' : 'lower'}, ${signed(e.magnitude)}`,
        ],
        6,
      );
      out.push({ providerCode: 'BRFG', time: e.time + minutes(7, 1, 5), headline: tpl, variant: v });
      break;
    }
    case 'volume-spike': {
      const x = e.magnitude.toFixed(1);
      out.push({
        providerCode: 'DJNL',
        time: e.time + minutes(8, 10, 30),
        headline: `Unusual volume: ${who(e)} trading at ${x}x its average daily volume`,
        variant: 0,
      });
      out.push({
        providerCode: 'DEMO',
        time: e.time,
        headline: `${e.symbol} volume spikes to ${x}x average`,
        variant: 0,
      });
      break;
    }
    case 'scanner-entry':
      out.push({
        providerCode: 'DEMO',
        time: e.time,
        headline: `${e.symbol} enters the top % ${up ? 'gainers' : 'losers'} scan, ${signed(e.magnitude)}`,
        variant: up ? 0 : 1,
      });
      break;
  }
  return out;
}

/** Metadata as TWS sends it per provider (meaning of A, C and "!" unconfirmed: modelled on live frames). */
function metadata(
  providerCode: string,
  e: NewsEvent,
  confidence: string,
): { extraData: string; prefix: string } {
  const k = e.kind === 'volume-spike' ? sentiment(0, 1) : sentiment(e.magnitude, 10);
  switch (providerCode) {
    case 'BRFUPDN':
      return { extraData: `A:800015:L:en:K:${k}:C:${confidence}`, prefix: '{A:800015:L:en}!' };
    case 'DJNL':
      return {
        extraData: `A:800015:L:en:K:n/a:C:${confidence}`,
        prefix: `{A:800015:L:en:K:n/a:C:${confidence}}`,
      };
    case 'DEMO':
      return { extraData: `L:en:K:${k}`, prefix: `{L:en:K:${k}}` };
    default:
      return {
        extraData: `A:800015:L:en:K:${k}:C:${confidence}`,
        prefix: `{A:800015:L:en:K:${k}:C:${confidence}}`,
      };
  }
}

const KIND_SALT: Record<NewsEventKind, number> = {
  'big-move': 1,
  gap: 2,
  'volume-spike': 3,
  'scanner-entry': 4,
};

export function createNewsModel(opts: { seed: number }): NewsModel {
  const seed = opts.seed | 0;
  const all: NewsItem[] = [];
  const byId = new Map<string, NewsItem>();

  const add = (events: readonly NewsEvent[]): NewsItem[] => {
    const fresh: NewsItem[] = [];
    for (const e of events) {
      const base = hash32(seed, e.conId, Math.floor(e.time / 1000), KIND_SALT[e.kind]);
      const h = (salt: number): number => hash32(base, salt);
      for (const [n, d] of drafts(e, h).entries()) {
        let id = '';
        for (let salt = 0; id === '' || byId.has(id); salt++)
          id = `${d.providerCode}$${hash32(base, 100 + n, salt)
            .toString(16)
            .padStart(8, '0')}`;
        const confidence = String(Math.round((0.5 + 0.5 * unit(h(200 + n))) * 1e10) / 1e10);
        const meta = metadata(d.providerCode, e, confidence);
        const item: NewsItem = {
          time: d.time,
          conId: e.conId,
          symbol: e.symbol,
          providerCode: d.providerCode,
          articleId: id,
          headline: d.headline,
          extraData: meta.extraData,
          historicalHeadline: meta.prefix + d.headline,
          event: e,
        };
        byId.set(id, item);
        fresh.push(item);
      }
    }
    fresh.sort((a, b) => a.time - b.time || (a.articleId < b.articleId ? -1 : 1));
    for (const it of fresh) {
      // Keep `all` in time order; events usually arrive in order, so this is an append.
      let i = all.length;
      while (i > 0 && all[i - 1]!.time > it.time) i--;
      all.splice(i, 0, it);
    }
    return fresh;
  };

  const historical = (q: HistoricalNewsQuery): { rows: HistoricalNewsRow[]; hasMore: boolean } => {
    const codes = q.providerCodes.split('+').filter((c) => c !== '');
    if (codes.length === 0) throw new NewsError('BAD_REQUEST', 'reqHistoricalNews without provider codes');
    for (const c of codes)
      if (!isProviderCode(c)) throw new NewsError('UNKNOWN_PROVIDER', notSubscribedText(c));
    const start = parseNewsTime(q.startDateTime);
    const end = parseNewsTime(q.endDateTime);
    const limit = Math.max(1, Math.min(MAX_RESULTS, Math.trunc(q.totalResults) || 1));
    const matches = all.filter(
      (it) =>
        it.conId === q.conId &&
        codes.includes(it.providerCode) &&
        (start === null || it.time > start) &&
        (end === null || it.time <= end),
    );
    matches.reverse(); // newest first, as TWS sends them
    return {
      rows: matches.slice(0, limit).map((it) => ({
        time: formatNewsTime(it.time),
        providerCode: it.providerCode,
        articleId: it.articleId,
        headline: it.historicalHeadline,
      })),
      hasMore: matches.length > limit,
    };
  };

  const article = (providerCode: string, articleId: string): NewsArticle | null => {
    if (providerCode === 'DEMO' && articleId === SANITIZER_ARTICLE_ID)
      return { articleType: 0, articleText: SANITIZER_ARTICLE_HTML };
    const it = byId.get(articleId);
    if (!it || it.providerCode !== providerCode) return null;
    return { articleType: 0, articleText: articleBody(it) };
  };

  return { providers: NEWS_PROVIDERS, add, items: () => all, historical, article };
}

function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The body in the form each provider's articles come in: Briefing.com columns as HTML (p, strong, BR), analyst
 * actions as plain text with &#10; line breaks (live 2026 frame), newsletters and our own with lists and tables.
 * ASCII only, no NUL (the article is one field).
 */
function articleBody(it: NewsItem): string {
  const e = it.event;
  const year = new Date(it.time).getUTCFullYear();
  const direction = e.magnitude >= 0 ? 'higher' : 'lower';
  const footer = 'Simulated news from the IBDesk demo gateway; not a real report.';
  switch (it.providerCode) {
    case 'BRFUPDN':
      return [
        it.headline,
        `Action type: ${e.magnitude >= 0 ? 'Upgrade' : 'Downgrade'}`,
        `Issuance Date: ${ymd(it.time)}`,
        '',
        footer,
      ].join('&#10;');
    case 'BRFG':
      return (
        `<html><body><p><strong>${who(e)} ${signed(e.magnitude)}</strong> is trading ${direction} ` +
        `${e.kind === 'gap' ? 'after gapping at the open' : 'in active trade'}, ${pct(e.magnitude)}% from the prior close.</p>` +
        `<p>The move stands out against the broader market; traders are watching whether it holds into the close.</p>` +
        `<BR><BR>Copyright (C) ${year} IBDesk demo gateway. ${footer}</body></html>`
      );
    case 'DJNL':
      return (
        `<html><body><p><b>Unusual volume</b></p>` +
        `<p>${who(e)} is trading at <b>${e.magnitude.toFixed(1)}x</b> its average daily volume.</p>` +
        `<ul><li>Volume: ${e.magnitude.toFixed(1)}x the 30-day average</li><li>Time: ${formatNewsTime(e.time).slice(11, 16)} UTC</li></ul>` +
        `<table><tr><th>Symbol</th><th>Volume vs average</th></tr><tr><td>${e.symbol}</td><td>${e.magnitude.toFixed(1)}x</td></tr></table>` +
        `<p><i>${footer}</i></p></body></html>`
      );
    default:
      return (
        `<html><body><p><b>${e.symbol}</b>: ${it.headline}.</p>` +
        `<ul><li>Event: ${e.kind}</li><li>Magnitude: ${e.kind === 'volume-spike' ? `${e.magnitude.toFixed(1)}x` : signed(e.magnitude)}</li></ul>` +
        `<table><tr><th>Symbol</th><th>conId</th></tr><tr><td>${e.symbol}</td><td>${e.conId}</td></tr></table>` +
        `<p>${footer}<br>See <a href="https://github.com/ibdesk/ibdesk">the IBDesk project</a> for how the demo market works.</p></body></html>`
      );
  }
}
