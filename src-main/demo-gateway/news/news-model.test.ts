// The news model: deterministic per seed, ids in TWS's form and unique, headlines with TWS's metadata, article
// bodies in the HTML subset, historical queries with TWS's bounds, totalResults and hasMore, typed errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewsError } from './news-error';
import { createNewsModel, type NewsEvent, type NewsEventKind } from './news-model';
import { formatNewsTime, parseNewsTime } from './news-time';
import { broadtapeProvider, newsTick, parseNewsTickList, wantsNews } from './news-ticks';
import { SANITIZER_ARTICLE_HAZARDS, SANITIZER_ARTICLE_ID } from './sanitizer-article';

const OPEN = Date.UTC(2026, 6, 9, 13, 30); // 09:30 ET
const AAPL = { conId: 265598, symbol: 'AAPL', name: 'Apple Inc' };
const IBM = { conId: 8314, symbol: 'IBM' };

function day(): NewsEvent[] {
  return [
    { ...AAPL, time: OPEN, kind: 'gap', magnitude: 4.2 },
    { ...IBM, time: OPEN, kind: 'gap', magnitude: -6.1 },
    { ...AAPL, time: OPEN + 45 * 60_000, kind: 'volume-spike', magnitude: 3.4 },
    { ...IBM, time: OPEN + 90 * 60_000, kind: 'big-move', magnitude: -11.3 },
    { ...AAPL, time: OPEN + 120 * 60_000, kind: 'scanner-entry', magnitude: 5.0 },
    { ...AAPL, time: OPEN + 200 * 60_000, kind: 'big-move', magnitude: 7.5 },
  ];
}

const ALLOWED_TAGS = new Set([
  'html',
  'body',
  'p',
  'b',
  'i',
  'strong',
  'a',
  'ul',
  'li',
  'table',
  'tr',
  'th',
  'td',
  'br',
]);

const event = fc.record({
  time: fc.integer({ min: OPEN - 5 * 86_400_000, max: OPEN + 5 * 86_400_000 }),
  conId: fc.constantFrom(265598, 8314, 4815747),
  symbol: fc.constantFrom('AAPL', 'IBM', 'NVDA'),
  kind: fc.constantFrom<NewsEventKind>('big-move', 'gap', 'volume-spike', 'scanner-entry'),
  magnitude: fc.double({ min: -30, max: 30, noNaN: true }),
});

describe('news model', () => {
  it('makes the same news from the same seed and events, other news from another seed', () => {
    const a = createNewsModel({ seed: 7 }).add(day());
    const b = createNewsModel({ seed: 7 }).add(day());
    const c = createNewsModel({ seed: 8 }).add(day());
    expect(b).toEqual(a);
    expect(c.map((x) => x.articleId)).not.toEqual(a.map((x) => x.articleId));
  });

  it('issues unique article ids in TWS form and headlines with TWS metadata (property)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer(), (events, seed) => {
        const m = createNewsModel({ seed });
        const items = m.add(events);
        expect(new Set(items.map((i) => i.articleId)).size).toBe(items.length);
        for (const it of items) {
          expect(it.articleId).toMatch(new RegExp(`^${it.providerCode}\\$[0-9a-f]{8}$`));
          expect(it.headline).not.toMatch(/[{}\0]/);
          expect(it.headline).toMatch(/^[\x20-\x7e]+$/);
          expect(it.historicalHeadline.endsWith(it.headline)).toBe(true);
          expect(it.historicalHeadline).toMatch(/^\{[^{}]+\}!?/);
          expect(it.extraData).toMatch(/^(A:800015:)?L:en:K:(-?[01]\.\d\d|n\/a)(:C:0?\.\d+|:C:1)?$/);
          const body = m.article(it.providerCode, it.articleId)!.articleText;
          expect(body).toMatch(/^[\x20-\x7e]+$/);
        }
        // Items are kept in time order.
        const all = m.items();
        for (let i = 1; i < all.length; i++) expect(all[i]!.time).toBeGreaterThanOrEqual(all[i - 1]!.time);
      }),
      { numRuns: 200 },
    );
  });

  it('covers each kind of event in the voice of the providers that would', () => {
    const items = createNewsModel({ seed: 1 }).add(day());
    const of = (conId: number, kind: string): string[] =>
      items.filter((i) => i.conId === conId && i.event.kind === kind).map((i) => i.providerCode);
    expect(of(265598, 'gap')).toEqual(['BRFUPDN', 'BRFG']);
    expect(of(265598, 'volume-spike')).toEqual(['DEMO', 'DJNL']);
    expect(of(8314, 'big-move')).toEqual(['DEMO', 'BRFG']); // a move over 10 % also makes our own headline
    expect(of(265598, 'big-move')).toEqual(['BRFG']);
    expect(of(265598, 'scanner-entry')).toEqual(['DEMO']);
    const analyst = items.find((i) => i.providerCode === 'BRFUPDN' && i.conId === 265598)!;
    expect(analyst.headline).toMatch(/ upgraded Apple Inc \(AAPL\) to /);
    expect(analyst.time).toBeLessThan(OPEN); // the action comes before the gap
    expect(analyst.historicalHeadline.startsWith('{A:800015:L:en}!')).toBe(true);
    expect(items.find((i) => i.providerCode === 'BRFUPDN' && i.conId === 8314)!.headline).toMatch(
      / downgraded IBM /,
    );
    expect(items.find((i) => i.providerCode === 'DJNL')!.extraData).toMatch(/:K:n\/a:/);
  });

  it('writes article bodies in the HTML subset TWS uses, or as text with &#10; for analyst actions', () => {
    const m = createNewsModel({ seed: 3 });
    for (const it of m.add(day())) {
      const { articleType, articleText } = m.article(it.providerCode, it.articleId)!;
      expect(articleType).toBe(0);
      expect(articleText).not.toContain('\0');
      if (it.providerCode === 'BRFUPDN') {
        expect(articleText).not.toMatch(/</);
        expect(articleText.split('&#10;')[0]).toBe(it.headline);
        continue;
      }
      const tags = [...articleText.matchAll(/<\/?([a-zA-Z]+)[^>]*>/g)].map((t) => t[1]!.toLowerCase());
      expect(tags.length).toBeGreaterThan(4);
      for (const t of tags) expect(ALLOWED_TAGS, t).toContain(t);
      expect(articleText).not.toMatch(/on\w+=|javascript:|<script|<img/i);
      for (const href of articleText.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https:\/\//);
    }
    expect(m.article('BRFG', 'BRFG$00000000')).toBeNull();
    const first = m.items()[0]!;
    expect(m.article(first.providerCode === 'BRFG' ? 'DJNL' : 'BRFG', first.articleId)).toBeNull();
  });

  it('serves the sanitizer test article under its fixed id, with every hazard in it', () => {
    const a = createNewsModel({ seed: 1 }).article('DEMO', SANITIZER_ARTICLE_ID)!;
    for (const hazard of Object.values(SANITIZER_ARTICLE_HAZARDS)) expect(a.articleText).toContain(hazard);
    expect(
      createNewsModel({ seed: 1 })
        .add(day())
        .some((i) => i.articleId === SANITIZER_ARTICLE_ID),
    ).toBe(false);
  });

  it('answers historical news newest first within (start, end], with totalResults and hasMore', () => {
    const m = createNewsModel({ seed: 5 });
    const items = m.add(day());
    const aapl = items.filter((i) => i.conId === 265598);
    const q = {
      conId: 265598,
      providerCodes: 'BRFG+BRFUPDN+DJNL+DEMO',
      startDateTime: '',
      endDateTime: '',
      totalResults: 300,
    };
    const all = m.historical(q);
    expect(all.hasMore).toBe(false);
    expect(all.rows.map((r) => r.articleId)).toEqual([...aapl].reverse().map((i) => i.articleId));
    expect(all.rows[0]).toEqual({
      time: formatNewsTime(aapl.at(-1)!.time),
      providerCode: aapl.at(-1)!.providerCode,
      articleId: aapl.at(-1)!.articleId,
      headline: aapl.at(-1)!.historicalHeadline,
    });
    const two = m.historical({ ...q, totalResults: 2 });
    expect(two.rows).toEqual(all.rows.slice(0, 2));
    expect(two.hasMore).toBe(true);
    expect(m.historical({ ...q, totalResults: aapl.length }).hasMore).toBe(false);
    // The start is exclusive, the end inclusive (second resolution, as the row times are).
    const t = aapl[2]!.time;
    const at = formatNewsTime(t);
    expect(m.historical({ ...q, startDateTime: at }).rows.every((r) => parseNewsTime(r.time)! > t)).toBe(
      true,
    );
    expect(m.historical({ ...q, endDateTime: at }).rows[0]!.articleId).toBe(aapl[2]!.articleId);
    expect(m.historical({ ...q, providerCodes: 'BRFUPDN' }).rows.map((r) => r.providerCode)).toEqual([
      'BRFUPDN',
    ]);
    expect(m.historical({ ...q, conId: 1 }).rows).toEqual([]);
  });

  it('refuses unknown providers and unreadable times with typed errors', () => {
    const m = createNewsModel({ seed: 5 });
    const q = { conId: 265598, providerCodes: 'BRFG', startDateTime: '', endDateTime: '', totalResults: 10 };
    const err = (f: () => unknown): NewsError => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(NewsError);
        return e as NewsError;
      }
      throw new Error('expected a NewsError');
    };
    const bz = err(() => m.historical({ ...q, providerCodes: 'BRFG+BZ' }));
    expect([bz.code, bz.twsCode, bz.message]).toEqual([
      'UNKNOWN_PROVIDER',
      321,
      "Error validating request:-'cg' : cause - Not subscribed for 'BZ' provider",
    ]);
    expect(err(() => m.historical({ ...q, providerCodes: '' })).code).toBe('BAD_REQUEST');
    expect(err(() => m.historical({ ...q, startDateTime: 'yesterday' })).code).toBe('BAD_TIME');
    expect(parseNewsTime('2020-01-28 16:21:07.0')).toBe(Date.UTC(2020, 0, 28, 16, 21, 7));
    expect(parseNewsTime('20260101 00:00:00 UTC')).toBe(Date.UTC(2026, 0, 1));
    expect(formatNewsTime(Date.UTC(2026, 3, 14, 14, 58, 42))).toBe('2026-04-14 14:58:42.0');
  });

  it('routes news ticks by generic tick 292 and broadtape contracts', () => {
    expect(parseNewsTickList('mdoff,292:BRFG+BRFUPDN')).toEqual({
      mdoff: true,
      providers: ['BRFG', 'BRFUPDN'],
    });
    expect(parseNewsTickList('233,292')).toEqual({ mdoff: false, providers: null });
    expect(parseNewsTickList('233,236')).toBeNull();
    expect(broadtapeProvider({ secType: 'NEWS', symbol: 'BRFG:BRFG_ALL', exchange: 'BRFG' })).toBe('BRFG');
    expect(broadtapeProvider({ secType: 'STK', symbol: 'AAPL', exchange: 'SMART' })).toBeNull();
    const [gapNews] = createNewsModel({ seed: 2 }).add([{ ...AAPL, time: OPEN, kind: 'gap', magnitude: 3 }]);
    expect(wantsNews({ conId: 265598, providers: ['BRFUPDN'] }, gapNews!)).toBe(true);
    expect(wantsNews({ conId: 265598, providers: ['BRFG'] }, gapNews!)).toBe(false);
    expect(wantsNews({ conId: null, providers: null }, gapNews!)).toBe(true);
    expect(wantsNews({ conId: 8314, providers: null }, gapNews!)).toBe(false);
    expect(newsTick(gapNews!)).toEqual({
      timeStamp: gapNews!.time,
      providerCode: 'BRFUPDN',
      articleId: gapNews!.articleId,
      headline: gapNews!.headline,
      extraData: gapNews!.extraData,
    });
  });
});
